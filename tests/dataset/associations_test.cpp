// The ten civil associations the ministry sponsors (document lines 61-102): organs, units,
// posts, who elects whom, focus, branches and contact routes.

#include <boost/test/unit_test.hpp>

#include <map>
#include <string>
#include <vector>

#include "dataset_facts.hpp"

using namespace dataset_test;

namespace {

IdSet names_of(const orgraph::Graph& g, const IdSet& ids) {
    IdSet names;
    for (const auto& id : ids) names.emplace(entity(g, id).name);
    return names;
}

struct Expected {
    std::string id;
    std::string name;
    std::string acronym;
    IdSet organs;  // names
    IdSet posts;   // names of the posts the association itself has
    IdSet focus;   // ids
};

const std::vector<Expected> expected_associations = {
    {"kochacep",
     "Korea-China Association for Civil Exchange Promotion",
     "KOCHACEP",
     {"Assembly of KOCHACEP", "Executive Council of KOCHACEP", "Secretariat of KOCHACEP"},
     {"President of KOCHACEP", "Vice President of KOCHACEP", "Secretary-General of KOCHACEP",
      "Executive Directors of KOCHACEP"},
     {"CHN"}},
    {"kcca",
     "Korea-Canada Cooperation Association",
     "KCCA",
     {},
     {"Executive Director of KCCA", "Chief Manager of KCCA", "Program Director of KCCA", "Coordinators of KCCA"},
     {"CAN"}},
    {"kjia",
     "Korea-Japan Interchange Association",
     "KJIA",
     {},
     {"President of KJIA", "Vice President of KJIA", "Adviser of KJIA", "Secretary-General of KJIA",
      "Researcher of KJIA"},
     {"JPN"}},
    {"apiete",
     "Association for the Promotion of International Economic and Technological Exchange",
     "APIETE",
     {"Assembly of APIETE", "Executive Council of APIETE", "Secretariat of APIETE"},
     {"President of APIETE", "Vice President of APIETE", "Secretary-General of APIETE",
      "Executive Directors of APIETE"},
     {"world"}},
    {"kea", "Korea-Europe Association", "KEA", {}, {}, {"europe"}},
    {"kaa", "Korea-Asia Association", "KAA", {}, {}, {"asia"}},
    {"korua",
     "Korea-Russia Association for Promotion of Exchange and Cooperation",
     "KORUA",
     {"Secretariat of KORUA"},
     {"President of KORUA", "Vice-Presidents of KORUA", "Secretary-General of KORUA"},
     {"RUS"}},
    {"kafa",
     "Korea-Africa Association",
     "KAFA",
     {},
     {"President of KAFA", "Secretary-General of KAFA", "Staff members of KAFA"},
     {"africa"}},
    {"kaba",
     "Korea-Arab Association",
     "KABA",
     {},
     {"President of KABA", "Secretary-General of KABA", "Staff members of KABA"},
     {"middle-east-arab-region"}},
    {"klaa",
     "Korea-Latin America Association",
     "KLAA",
     {},
     {"President of KLAA", "Secretary-General of KLAA", "Staff members of KLAA"},
     {"latin-america"}},
};

}  // namespace

BOOST_AUTO_TEST_SUITE(associations)

BOOST_AUTO_TEST_CASE(ten_associations_sponsored_by_the_ministry) {
    const auto& g = builtin();
    IdSet ids;
    for (const auto& a : expected_associations) ids.insert(a.id);
    BOOST_TEST(ids.size() == 10u);
    BOOST_TEST(ids_of_kind(g, "association") == ids);
    BOOST_TEST(origins(g, "mfa", "sponsored_by") == ids);
    for (const auto& a : expected_associations) {
        BOOST_TEST_CONTEXT(a.id) {
            BOOST_TEST(entity(g, a.id).name == a.name);
            BOOST_TEST(entity(g, a.id).short_name == a.acronym);
            BOOST_TEST(targets(g, a.id, "sponsored_by") == IdSet{"mfa"});
            BOOST_TEST(attribute(g, a.id, "purpose").has_value());
        }
    }
}

BOOST_AUTO_TEST_CASE(organs_posts_and_focus) {
    const auto& g = builtin();
    for (const auto& a : expected_associations) {
        BOOST_TEST_CONTEXT(a.id) {
            BOOST_TEST(names_of(g, origins(g, a.id, "part_of", "organ")) == a.organs);
            BOOST_TEST(names_of(g, targets(g, a.id, "has_post")) == a.posts);
            BOOST_TEST(targets(g, a.id, "focuses_on") == a.focus);
        }
    }
}

BOOST_AUTO_TEST_CASE(how_the_organs_meet_and_whom_they_elect) {
    const auto& g = builtin();
    for (const std::string acronym : {"kochacep", "apiete"}) {
        BOOST_TEST_CONTEXT(acronym) {
            BOOST_TEST(*attribute(g, acronym + "-assembly", "meets") == "once every three years");
            BOOST_TEST(*attribute(g, acronym + "-executive-council", "meets") == "annually");
            BOOST_TEST(!attribute(g, acronym + "-secretariat", "meets").has_value());
            BOOST_TEST(targets(g, acronym + "-assembly", "elects") ==
                       (IdSet{acronym + "-president", acronym + "-vice-president", acronym + "-secretary-general",
                              acronym + "-executive-directors"}));
            BOOST_TEST(targets(g, acronym + "-executive-council", "elects").empty());
            for (const auto* organ : {"-assembly", "-executive-council", "-secretariat"})
                BOOST_TEST(attribute(g, acronym + organ, "role").has_value(), organ);
        }
    }
    // Only those two Assemblies elect anybody.
    IdSet electors;
    for (const auto& r : g.relations())
        if (g.schema.relation_kind(r.kind).id == "elects") electors.emplace(g.entity(r.from).id);
    BOOST_TEST(electors == (IdSet{"apiete-assembly", "kochacep-assembly"}));
}

BOOST_AUTO_TEST_CASE(secretariat_departments_and_sections) {
    const auto& g = builtin();
    auto units = [&](const std::string& parent) {
        std::map<std::string, std::string> result;
        for (const auto& id : origins(g, parent, "part_of", "unit"))
            result[std::string(entity(g, id).name)] = *attribute(g, id, "unit_type");
        return result;
    };
    using Units = std::map<std::string, std::string>;
    BOOST_TEST((units("kochacep-secretariat") == Units{{"Economic Cooperation Promotion Department", "department"},
                                                       {"Cultural Cooperation Promotion Department", "department"}}));
    BOOST_TEST((units("apiete-secretariat") ==
                Units{{"Sci-Tech Exchange Section", "section"},
                      {"Economic Cooperation Promotion Section", "section"},
                      {"Economic Relations and New Technology Dissemination & Research Section", "section"},
                      {"Data Processing Section", "section"}}));
    BOOST_TEST((units("korua-secretariat") == Units{{"Social and Culture Section", "section"},
                                                    {"Science and Education Section", "section"},
                                                    {"Economic Cooperation Section", "section"}}));
    BOOST_TEST((units("kea") == Units{{"Sections of KEA for the relevant fields", "section"}}));
    // Lists closed by "and so on" / "etc." say so.
    BOOST_TEST(attribute(g, "kochacep-secretariat", "note")->find("and so on") != std::string::npos);
    BOOST_TEST(attribute(g, "apiete-secretariat", "note")->find("etc.") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(korua_posts_and_sections) {
    const auto& g = builtin();
    BOOST_TEST(targets(g, "korua", "has_post") ==
               (IdSet{"korua-president", "korua-secretary-general", "korua-vice-presidents"}));
    BOOST_TEST(*attribute(g, "korua-vice-presidents", "count") == "2");
    BOOST_TEST(!attribute(g, "korua-president", "count").has_value());
    BOOST_TEST(!attribute(g, "korua-secretary-general", "count").has_value());
    // Each section has its chief and members.
    for (const std::string section : {"social-culture", "science-education", "economic-cooperation"}) {
        BOOST_TEST(targets(g, "korua-" + section + "-section", "has_post") ==
                       (IdSet{"korua-" + section + "-chief", "korua-" + section + "-members"}),
                   section);
    }
}

// "... involves ..." (lines 58, 74, 83, 86, 94, 98, 102) has one model: the people a body
// involves are its participants, an attribute, never a post; the approximate numbers of lines 74
// ("about 20 officials") and 86 ("about 30 officials") are participants_about. KOCHACEP's
// organisations that "participate in the work" (line 68) are participants too.
BOOST_AUTO_TEST_CASE(whom_a_body_involves_are_its_participants) {
    const auto& g = builtin();
    IdSet with_participants;
    for (const auto* kind : {"association", "institute"})
        for (const auto& id : ids_of_kind(g, kind))
            if (attribute(g, id, "participants")) with_participants.insert(id);
    BOOST_TEST(with_participants == (IdSet{"isj", "kaa", "kaba", "kafa", "kea", "kjia", "klaa", "kochacep"}));
    IdSet approximate;
    for (const auto* kind : {"association", "institute"})
        for (const auto& id : ids_of_kind(g, kind))
            if (attribute(g, id, "participants_about")) approximate.insert(id);
    BOOST_TEST(approximate == (IdSet{"kaa", "kjia"}));
    BOOST_TEST(*attribute(g, "kjia", "participants_about") == "20");
    BOOST_TEST(*attribute(g, "kaa", "participants_about") == "30");
    // No post stands for them: no "Officials of ..." post, and no post with an approximate number.
    for (const auto& id : ids_of_kind(g, "post")) {
        BOOST_TEST(entity(g, id).name.find("Officials") == std::string::npos, id);
        BOOST_TEST(!attribute(g, id, "about").has_value(), id);
    }
    // KEA and KAA name no posts at all (lines 83, 86), and say so.
    for (const auto* id : {"kea", "kaa"}) {
        BOOST_TEST(targets(g, id, "has_post").empty(), id);
        BOOST_TEST(attribute(g, id, "note")->find("no posts") != std::string::npos, id);
    }
    // Posts carry a count only where the document gives an exact number: KORUA's two vice-presidents.
    IdSet counted;
    for (const auto& id : ids_of_kind(g, "post"))
        if (attribute(g, id, "count")) counted.insert(id);
    BOOST_TEST(counted == IdSet{"korua-vice-presidents"});
    for (const auto* id : {"kafa", "kaba", "klaa"}) BOOST_TEST(attribute(g, id, "activities").has_value(), id);
}

// Each association's focus is the region its own text names, cited to that text; none of those
// regions lists a country (the document lists none for them), and none is a department's region.
BOOST_AUTO_TEST_CASE(focus_regions_are_as_the_associations_name_them) {
    const auto& g = builtin();
    const std::map<std::string, std::pair<std::string, std::string>> focus = {
        {"apiete", {"the global sci-tech and economic circles", "mfa-structure:76"}},
        {"kea", {"European", "mfa-structure:82"}},
        {"kaa", {"Asian countries", "mfa-structure:85"}},
        {"kafa", {"the countries in the African region", "mfa-structure:92-93"}},
        {"kaba", {"the countries in the Middle East and Arab region", "mfa-structure:96-97"}},
        {"klaa", {"the countries in the Latin American region", "mfa-structure:100-101"}}};
    for (const auto& [association, expected] : focus) {
        BOOST_TEST_CONTEXT(association) {
            const auto relations = out_of(g, association, "focuses_on");
            BOOST_TEST_REQUIRE(relations.size() == 1u);
            const auto& r = relations.front();
            BOOST_TEST(g.kind_of(r.to).id == "region");
            BOOST_TEST(std::string(r.attributes.find("as_written").value_or("")) == expected.first);
            BOOST_TEST(citations(g, r.citations) == std::set<std::string>{expected.second});
            const auto region = std::string(g.entity(r.to).id);
            BOOST_TEST(targets(g, region, "includes").empty());
            BOOST_TEST(origins(g, region, "covers").empty());
            BOOST_TEST(origins(g, region, "focuses_on") == IdSet{association});
        }
    }
    BOOST_TEST(entity(g, "africa").name == "Africa");
    BOOST_TEST(entity(g, "middle-east-arab-region").name == "Middle East and Arab region");
    BOOST_TEST(entity(g, "latin-america").name == "Latin America");
    BOOST_TEST(entity(g, "world").name == "The world");
}

BOOST_AUTO_TEST_CASE(kochacep_secretariat_and_branches) {
    const auto& g = builtin();
    BOOST_TEST(targets(g, "kochacep-secretariat", "located_in") == IdSet{"city-pyongyang"});
    BOOST_TEST(ids_of_kind(g, "branch") == IdSet{"kochacep-branches"});
    BOOST_TEST(targets(g, "kochacep-branches", "part_of") == IdSet{"kochacep-secretariat"});
    BOOST_TEST(targets(g, "kochacep-branches", "located_in") == IdSet{"PRK"});
}

BOOST_AUTO_TEST_CASE(contact_routes) {
    const auto& g = builtin();
    BOOST_TEST(targets(g, "korua", "contact_via") ==
               (IdSet{"ca-rus-khabarovsk", "cg-rus-vladivostok", "emb-rus-moscow"}));
    for (const auto& a : expected_associations)
        if (a.id != "korua") BOOST_TEST(targets(g, a.id, "contact_via").empty(), a.id);

    const std::map<std::string, std::pair<std::string, std::string>> missions = {
        {"emb-rus-moscow", {"embassy", "city-moscow"}},
        {"cg-rus-vladivostok", {"consulate_general", "city-vladivostok"}},
        {"ca-rus-khabarovsk", {"consular_agency", "city-khabarovsk"}}};
    for (const auto& [mission, where] : missions) {
        BOOST_TEST_CONTEXT(mission) {
            BOOST_TEST(g.kind_of(index_of(g, mission)).id == where.first);
            BOOST_TEST(targets(g, mission, "located_in") == IdSet{where.second});
            BOOST_TEST(targets(g, where.second, "located_in") == IdSet{"RUS"});
            BOOST_TEST(targets(g, mission, "represents") == IdSet{"PRK"});
        }
    }
    BOOST_TEST(entity(g, "emb-rus-moscow").name == "DPRK Embassy in Moscow");
    BOOST_TEST(entity(g, "cg-rus-vladivostok").name == "DPRK Consulate-General in Vladivostok");
    BOOST_TEST(entity(g, "ca-rus-khabarovsk").name == "Consular Agency in Khabarovsk");
}

BOOST_AUTO_TEST_SUITE_END()
