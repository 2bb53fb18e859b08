// The dprk-missions overlay on top of the built-in dataset: the three missions the ministry
// names stay single entities, every mission has a status, closed ones say when they closed.

#include <boost/test/unit_test.hpp>

#include <map>
#include <string>

#include "dataset_facts.hpp"
#include "orgraph/model/name_resolver.hpp"

using namespace dataset_test;

BOOST_AUTO_TEST_SUITE(missions_overlay)

BOOST_AUTO_TEST_CASE(the_ministrys_missions_are_amended_not_duplicated) {
    const auto& g = with_missions();
    const orgraph::NameResolver resolver(g);
    struct Named {
        std::string name;
        std::string id;
        std::string table_line;
        std::string city;
    };
    for (const auto& m : std::vector<Named>{
             {"DPRK Embassy in Moscow", "emb-rus-moscow", "dprk-missions-table:21", "city-moscow"},
             {"DPRK Consulate-General in Vladivostok", "cg-rus-vladivostok", "dprk-missions-table:32",
              "city-vladivostok"},
             {"Consular Agency in Khabarovsk", "ca-rus-khabarovsk", "dprk-missions-table:48", "city-khabarovsk"},
             {"DPRK Consular Agency in Khabarovsk", "ca-rus-khabarovsk", "dprk-missions-table:48",
              "city-khabarovsk"}}) {
        BOOST_TEST_CONTEXT(m.name) {
            const auto resolution = resolver.resolve(m.name);
            BOOST_TEST_REQUIRE(resolution.entities.size() == 1u);
            const auto& e = g.entity(resolution.entities.front());
            BOOST_TEST(e.id == m.id);
            const auto cited = citations(g, e.citations);
            BOOST_TEST(cited.count("mfa-structure:90") == 1u);
            BOOST_TEST(cited.count(m.table_line) == 1u);
            BOOST_TEST(*attribute(g, m.id, "status") == "open");
            BOOST_TEST(targets(g, m.id, "located_in") == IdSet{m.city});
            BOOST_TEST(targets(g, m.city, "located_in") == IdSet{"RUS"});
            BOOST_TEST(out_of(g, m.id, "represents").size() == 1u);
            BOOST_TEST(targets(g, "korua", "contact_via").count(m.id) == 1u);
        }
    }
    // No second mission in any of the three cities.
    for (const auto* city : {"city-moscow", "city-vladivostok", "city-khabarovsk"})
        BOOST_TEST(origins(g, city, "located_in", "mission").size() == 1u, city);
}

BOOST_AUTO_TEST_CASE(missions_per_kind_and_status) {
    const auto& g = with_missions();
    std::map<std::string, std::size_t> kinds;
    std::map<std::string, std::size_t> statuses;
    for (const auto& id : ids_of_kind(g, "mission")) {
        ++kinds[g.kind_of(index_of(g, id)).id];
        const auto status = attribute(g, id, "status");
        BOOST_TEST_REQUIRE(status.has_value(), id);
        BOOST_TEST((*status == "open" || *status == "closed" || *status == "uncertain"), id << ": " << *status);
        ++statuses[*status];
    }
    BOOST_TEST((kinds == std::map<std::string, std::size_t>{{"embassy", 49},
                                                            {"consulate_general", 5},
                                                            {"consular_office", 1},
                                                            {"consular_agency", 1},
                                                            {"permanent_mission", 3}}));
    BOOST_TEST((statuses == std::map<std::string, std::size_t>{{"open", 43}, {"closed", 12}, {"uncertain", 4}}));
}

BOOST_AUTO_TEST_CASE(closed_missions_say_when) {
    const auto& g = with_missions();
    IdSet closed;
    IdSet closed_without_year;
    for (const auto& id : ids_of_kind(g, "mission")) {
        const auto& e = entity(g, id);
        if (*attribute(g, id, "status") != "closed") {
            BOOST_TEST(!e.validity.to.has_value(), id << " is not closed but has valid_to");
            continue;
        }
        closed.insert(id);
        BOOST_TEST(e.validity.to.has_value(), id << " is closed but has no valid_to");
        if (e.validity.end_unknown()) closed_without_year.insert(id);
    }
    BOOST_TEST(closed == (IdSet{"cg-hkg-hong-kong", "cg-rus-nakhodka", "emb-ago-luanda", "emb-bgd-dhaka",
                                "emb-esp-madrid", "emb-gin-conakry", "emb-lby-tripoli", "emb-mys-kuala-lumpur",
                                "emb-npl-kathmandu", "emb-sen-dakar", "emb-uga-kampala", "emb-uzb-tashkent"}));
    // The table gives no closure year for Tashkent: its end is "unknown" (not guessed), and its
    // note says so.
    BOOST_TEST(closed_without_year == IdSet{"emb-uzb-tashkent"});
    BOOST_TEST(attribute(g, "emb-uzb-tashkent", "note")->find("year not given") != std::string::npos);
    const std::map<std::string, std::string> years = {
        {"cg-hkg-hong-kong", "2024"}, {"cg-rus-nakhodka", "2016"},      {"emb-ago-luanda", "2023"},
        {"emb-bgd-dhaka", "2023"},    {"emb-esp-madrid", "2023"},       {"emb-gin-conakry", "2023"},
        {"emb-lby-tripoli", "2024"},  {"emb-mys-kuala-lumpur", "2021"}, {"emb-npl-kathmandu", "2023"},
        {"emb-sen-dakar", "2023"},    {"emb-uga-kampala", "2023"}};
    for (const auto& [id, year] : years) BOOST_TEST(entity(g, id).validity.to->to_string() == year, id);
}

BOOST_AUTO_TEST_CASE(every_mission_is_placed_and_sourced) {
    const auto& g = with_missions();
    std::set<std::string> table_lines;
    for (const auto& id : ids_of_kind(g, "mission")) {
        BOOST_TEST_CONTEXT(id) {
            const auto cities = targets(g, id, "located_in");
            BOOST_TEST_REQUIRE(cities.size() == 1u);
            BOOST_TEST(g.kind_of(index_of(g, *cities.begin())).id == "city");
            BOOST_TEST(targets(g, *cities.begin(), "located_in", "country").size() == 1u);
            BOOST_TEST(targets(g, id, "represents") == IdSet{"PRK"});
            std::size_t lines = 0;
            for (const auto& c : citations(g, entity(g, id).citations))
                if (c.rfind("dprk-missions-table:", 0) == 0) {
                    ++lines;
                    table_lines.insert(c);
                }
            BOOST_TEST(lines == 1u);
        }
    }
    BOOST_TEST(table_lines.size() == 59u);  // one row each
    BOOST_TEST(targets(g, "cg-hkg-hong-kong", "located_in") == IdSet{"city-hong-kong"});
    BOOST_TEST(targets(g, "city-hong-kong", "located_in") == IdSet{"HKG"});
}

BOOST_AUTO_TEST_CASE(relations_curated_from_the_tables_notes) {
    const auto& g = with_missions();
    BOOST_TEST(targets(g, "pm-usa-new-york", "accredited_to") == IdSet{"UN"});
    BOOST_TEST(targets(g, "pm-che-geneva", "accredited_to") == IdSet{"unog"});
    BOOST_TEST(targets(g, "pm-fra-paris", "accredited_to") == IdSet{"unesco"});
    BOOST_TEST(targets(g, "co-chn-dandong", "subordinate_to") == IdSet{"cg-chn-shenyang"});
    BOOST_TEST(targets(g, "emb-ind-new-delhi", "serves") == (IdSet{"BGD", "NPL"}));
    BOOST_TEST(targets(g, "emb-ita-rome", "serves") == IdSet{"ESP"});
    BOOST_TEST(targets(g, "emb-deu-berlin", "serves") == IdSet{"EU"});
    // The sources disagree on who took over Uganda: both are kept, each with a note.
    BOOST_TEST(origins(g, "UGA", "serves") == (IdSet{"emb-gnq-malabo", "emb-zaf-pretoria"}));
    for (const auto& r : into(g, "UGA", "serves")) BOOST_TEST(r.attributes.find("note").has_value());
}

BOOST_AUTO_TEST_SUITE_END()
