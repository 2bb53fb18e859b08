// The three institutes under the ministry (document lines 31-60): units, posts, contact
// channels exactly as given, and the IDP's membership of CSCAP.

#include <boost/test/unit_test.hpp>

#include <map>
#include <string>

#include "dataset_facts.hpp"
#include "orgraph/model/name_resolver.hpp"

using namespace dataset_test;

namespace {

// name -> unit_type of the units that are part of an entity.
std::map<std::string, std::string> units_of(const orgraph::Graph& g, const std::string& parent) {
    std::map<std::string, std::string> units;
    for (const auto& id : origins(g, parent, "part_of", "unit"))
        units[std::string(entity(g, id).name)] = *attribute(g, id, "unit_type");
    return units;
}

// The value of each contact channel of an entity, by the channel's kind.
std::multimap<std::string, std::string> channels_of(const orgraph::Graph& g, const std::string& owner) {
    std::multimap<std::string, std::string> channels;
    for (const auto& id : targets(g, owner, "contact_via", "contact_channel"))
        channels.emplace(g.kind_of(index_of(g, id)).id, *attribute(g, id, "value"));
    return channels;
}

const std::string pyongyang_address_tail =
    ", Ministry of Foreign Affairs, Jungsong-Dong, Central District, Pyongyang, Democratic People\u2019s Republic of "
    "Korea";

}  // namespace

BOOST_AUTO_TEST_SUITE(institutes)

BOOST_AUTO_TEST_CASE(three_institutes_under_the_ministry) {
    const auto& g = builtin();
    BOOST_TEST(ids_of_kind(g, "institute") == (IdSet{"idp", "ifas", "isj"}));
    BOOST_TEST(entity(g, "idp").name == "Institute for Disarmament and Peace");
    BOOST_TEST(entity(g, "idp").short_name == "IDP");
    BOOST_TEST(entity(g, "ifas").name == "Institute for American Studies");
    BOOST_TEST(entity(g, "ifas").short_name == "IFAS");
    BOOST_TEST(entity(g, "isj").name == "Institute for Studies of Japan");
    BOOST_TEST(entity(g, "isj").short_name.empty());  // the document gives it no acronym
    for (const auto* id : {"idp", "ifas", "isj"}) {
        BOOST_TEST_CONTEXT(id) {
            BOOST_TEST(targets(g, id, "part_of") == IdSet{"mfa"});
            BOOST_TEST(attribute(g, id, "purpose").has_value());
            BOOST_TEST(attribute(g, id, "functions").has_value());
        }
    }
}

BOOST_AUTO_TEST_CASE(divisions_departments_and_directorate) {
    const auto& g = builtin();
    BOOST_TEST((units_of(g, "idp") == std::map<std::string, std::string>{{"Disarmament Division", "division"},
                                                                         {"Peace and Security Division", "division"},
                                                                         {"Reunification Division", "division"},
                                                                         {"External Affairs Division", "division"}}));
    BOOST_TEST((units_of(g, "ifas") ==
                std::map<std::string, std::string>{{"Department of the DPRK-US Relations", "department"},
                                                   {"Department of US Affairs", "department"},
                                                   {"Directorate of Foreign Exchange", "directorate"}}));
    BOOST_TEST(units_of(g, "isj").empty());
}

BOOST_AUTO_TEST_CASE(posts_of_the_institute_for_studies_of_japan) {
    const auto& g = builtin();
    IdSet names;
    for (const auto& id : targets(g, "isj", "has_post")) names.emplace(entity(g, id).name);
    BOOST_TEST(names ==
               (IdSet{"Advisor of the Institute for Studies of Japan", "Director of the Institute for Studies of Japan",
                      "Senior Analyst of the Institute for Studies of Japan",
                      "Analysts of the Institute for Studies of Japan"}));
    // "analysts", without a number.
    BOOST_TEST(!attribute(g, "isj-analysts", "count").has_value());
    BOOST_TEST(!attribute(g, "isj-analysts", "about").has_value());
    BOOST_TEST(targets(g, "idp", "has_post").empty());
    BOOST_TEST(targets(g, "ifas", "has_post").empty());
    BOOST_TEST(attribute(g, "isj", "participants").has_value());
}

BOOST_AUTO_TEST_CASE(contact_channels_exactly_as_given) {
    const auto& g = builtin();
    BOOST_TEST((channels_of(g, "idp") ==
                std::multimap<std::string, std::string>{
                    {"postal_address", "Institute for Disarmament and Peace" + pyongyang_address_tail},
                    {"po_box", "P.O. Box 87"},
                    {"fax", "+850-2-381-4617"},
                    {"email", "kassg@co.chesin.com"}}));
    BOOST_TEST(
        (channels_of(g, "ifas") ==
         std::multimap<std::string, std::string>{
             {"postal_address", "Institute for American Studies" + pyongyang_address_tail}, {"fax", "+850-2-4530"}}));
    BOOST_TEST(
        (channels_of(g, "isj") == std::multimap<std::string, std::string>{
                                      {"postal_address", "Institute for Studies of Japan" + pyongyang_address_tail},
                                      {"email", "kjia@star-co.net.kp"}}));
    // The IFAS fax number looks truncated; it is kept and the oddity is said.
    const auto note = attribute(g, "ifas-fax", "note");
    BOOST_TEST_REQUIRE(note.has_value());
    BOOST_TEST(note->find("+850-2-381-4617") != std::string::npos);
    BOOST_TEST(note->find("truncated") != std::string::npos);
    // The ISJ mailbox carries another body's acronym; the note says so.
    const auto email_note = attribute(g, "isj-email", "note");
    BOOST_TEST_REQUIRE(email_note.has_value());
    BOOST_TEST(email_note->find("Korea-Japan Interchange Association") != std::string::npos);
    // The postal addresses are in Pyongyang.
    for (const auto* address : {"idp-address", "ifas-address", "isj-address"})
        BOOST_TEST(targets(g, address, "located_in") == IdSet{"city-pyongyang"}, address);
    BOOST_TEST(targets(g, "city-pyongyang", "located_in") == IdSet{"PRK"});
}

BOOST_AUTO_TEST_CASE(focus_of_the_institutes) {
    const auto& g = builtin();
    BOOST_TEST(targets(g, "idp", "focuses_on").empty());
    BOOST_TEST(targets(g, "ifas", "focuses_on") == IdSet{"USA"});
    BOOST_TEST(targets(g, "isj", "focuses_on") == IdSet{"JPN"});
}

BOOST_AUTO_TEST_CASE(idp_is_a_member_of_cscap) {
    const auto& g = builtin();
    BOOST_TEST(targets(g, "idp", "member_of") == IdSet{"cscap"});
    BOOST_TEST(origins(g, "cscap", "member_of") == IdSet{"idp"});
    BOOST_TEST(entity(g, "cscap").name == "Council for Security Cooperation in the Asia-Pacific Region");
    BOOST_TEST(g.kind_of(index_of(g, "cscap")).id == "international_organization");
    const auto relations = out_of(g, "idp", "member_of");
    BOOST_TEST_REQUIRE(relations.size() == 1u);
    BOOST_TEST(citations(g, relations.front().citations) == std::set<std::string>{"mfa-structure:37"});
    const orgraph::NameResolver resolver(g);
    const auto resolution = resolver.resolve("CSCAP");
    BOOST_TEST_REQUIRE(resolution.entities.size() == 1u);
    BOOST_TEST(g.entity(resolution.entities.front()).id == "cscap");
}

BOOST_AUTO_TEST_SUITE_END()
