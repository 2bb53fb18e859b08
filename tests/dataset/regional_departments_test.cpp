// The six regional and country departments (document lines 1-19): which countries, regions and
// regional organisations each covers, the regions' members, and the document's spellings.

#include <boost/test/unit_test.hpp>

#include <map>
#include <string>
#include <utility>
#include <vector>

#include "dataset_facts.hpp"
#include "orgraph/model/name_resolver.hpp"

using namespace dataset_test;

namespace {

// (spelling in the document, ISO 3166-1 alpha-3), in the document's order, one list per line.
using Spellings = std::vector<std::pair<std::string, std::string>>;

const Spellings line_5 = {{"China", "CHN"}, {"Mongolia", "MNG"}, {"Japan", "JPN"}};

const Spellings line_7 = {{"Vietnam", "VNM"},
                          {"Myanmar", "MMR"},
                          {"Thailand", "THA"},
                          {"the Philippines", "PHL"},
                          {"Laos", "LAO"},
                          {"Malaysia", "MYS"},
                          {"Cambodia", "KHM"},
                          {"Singapore", "SGP"},
                          {"Brunei", "BRN"},
                          {"Nepal", "NPL"},
                          {"Iran", "IRN"},
                          {"India", "IND"},
                          {"Pakistan", "PAK"},
                          {"Bangladesh", "BGD"},
                          {"the Maldives", "MDV"},
                          {"Sri Lanka", "LKA"},
                          {"Afghanistan", "AFG"},
                          {"Indonesia", "IDN"},
                          {"East Timor", "TLS"},
                          {"Australia", "AUS"},
                          {"New Zealand", "NZL"},
                          {"Fiji", "FJI"},
                          {"Papua New Guinea", "PNG"},
                          {"Nauru", "NRU"},
                          {"Vanuatu", "VUT"}};

const Spellings line_10 = {{"Russian Federation", "RUS"},
                           {"Belarus", "BLR"},
                           {"Kazakhstan", "KAZ"},
                           {"Kyrgyzstan", "KGZ"},
                           {"Uzbekistan", "UZB"},
                           {"Azerbaijan", "AZE"},
                           {"Armenia", "ARM"},
                           {"Tajikistan", "TJK"},
                           {"Moldova", "MDA"},
                           {"Turkmenistan", "TKM"},
                           {"Ukraine", "UKR"},
                           {"Georgia", "GEO"}};

const Spellings line_12 = {{"Germany", "DEU"},         {"Italy", "ITA"},
                           {"France", "FRA"},          {"Spain", "ESP"},
                           {"United Kingdom", "GBR"},  {"Austria", "AUT"},
                           {"Switzerland", "CHE"},     {"Liechtenstein", "LIE"},
                           {"Sweden", "SWE"},          {"Norway", "NOR"},
                           {"Finland", "FIN"},         {"Denmark", "DNK"},
                           {"Ireland", "IRL"},         {"Iceland", "ISL"},
                           {"the Netherlands", "NLD"}, {"Belgium", "BEL"},
                           {"Luxembourg", "LUX"},      {"Portugal", "PRT"},
                           {"Greece", "GRC"},          {"Turkey", "TUR"},
                           {"Cyprus", "CYP"},          {"San Marino", "SMR"},
                           {"Vatican City", "VAT"},    {"Monaco", "MCO"},
                           {"Andorra", "AND"},         {"Poland", "POL"},
                           {"Czech Republic", "CZE"},  {"Slovakia", "SVK"},
                           {"Hungary", "HUN"},         {"Romania", "ROU"},
                           {"Bulgaria", "BGR"},        {"Croatia", "HRV"},
                           {"Serbia", "SRB"},          {"Bosnia-Herzegovina", "BIH"},
                           {"Slovenia", "SVN"},        {"Albania", "ALB"},
                           {"Montenegro", "MNE"},      {"North Macedonia", "MKD"},
                           {"Lithuania", "LTU"},       {"Latvia", "LVA"},
                           {"Estonia", "EST"}};

const Spellings line_15 = {{"United States", "USA"}, {"Canada", "CAN"}};

const Spellings line_17 = {{"Senegal", "SEN"},
                           {"Guinea-Bissau", "GNB"},
                           {"Cabo Verde", "CPV"},
                           {"the Gambia", "GMB"},
                           {"Burkina Faso", "BFA"},
                           {"Uganda", "UGA"},
                           {"Kenya", "KEN"},
                           {"Burundi", "BDI"},
                           {"Rwanda", "RWA"},
                           {"Tanzania", "TZA"},
                           {"DR Congo", "COD"},
                           {"Congo", "COG"},
                           {"Gabon", "GAB"},
                           {"Cameroon", "CMR"},
                           {"Central African Republic", "CAF"},
                           {"Guinea", "GIN"},
                           {"Liberia", "LBR"},
                           {"Sierra Leone", "SLE"},
                           {"Mali", "MLI"},
                           {"Nigeria", "NGA"},
                           {"Ghana", "GHA"},
                           {"Benin", "BEN"},
                           {"Togo", "TGO"},
                           {"Chad", "TCD"},
                           {"Niger", "NER"},
                           {"Cote d \u2018Ivoire", "CIV"},
                           {"South Africa", "ZAF"},
                           {"Zambia", "ZMB"},
                           {"Zimbabwe", "ZWE"},
                           {"Namibia", "NAM"},
                           {"Mozambique", "MOZ"},
                           {"Botswana", "BWA"},
                           {"Lesotho", "LSO"},
                           {"Eswatini", "SWZ"},
                           {"Equatorial Guinea", "GNQ"},
                           {"Angola", "AGO"},
                           {"Malawi", "MWI"},
                           {"Madagascar", "MDG"},
                           {"Mauritius", "MUS"},
                           {"Seychelles", "SYC"},
                           {"Comoros", "COM"},
                           {"Sao Tome and Principe", "STP"}};

const Spellings line_18 = {
    {"Algeria", "DZA"},      {"Mauritania", "MRT"}, {"Ethiopia", "ETH"}, {"Sudan", "SDN"},
    {"South Sudan", "SSD"},  {"Somalia", "SOM"},    {"Djibouti", "DJI"}, {"Western Sahara", "ESH"},
    {"Libya", "LBY"},        {"Tunisia", "TUN"},    {"Morocco", "MAR"},  {"Syria", "SYR"},
    {"Lebanon", "LBN"},      {"Jordan", "JOR"},     {"Iraq", "IRQ"},     {"Egypt", "EGY"},
    {"Yemen", "YEM"},        {"Palestine", "PSE"},  {"Israel", "ISR"},   {"Kuwait", "KWT"},
    {"Qatar", "QAT"},        {"Oman", "OMN"},       {"Bahrain", "BHR"},  {"United Arab Emirates", "ARE"},
    {"Saudi Arabia", "SAU"}, {"Eritrea", "ERI"}};

const Spellings line_19 = {{"Brazil", "BRA"},
                           {"Chile", "CHL"},
                           {"Colombia", "COL"},
                           {"Argentina", "ARG"},
                           {"Uruguay", "URY"},
                           {"Paraguay", "PRY"},
                           {"Peru", "PER"},
                           {"Guyana", "GUY"},
                           {"Grenada", "GRD"},
                           {"Saint Lucia", "LCA"},
                           {"Bahamas", "BHS"},
                           {"Belize", "BLZ"},
                           {"Jamaica", "JAM"},
                           {"Trinidad and Tobago", "TTO"},
                           {"Saint Kitts and Nevis", "KNA"},
                           {"Saint Vincent and the Grenadines", "VCT"},
                           {"Antigua Barbuda", "ATG"},
                           {"Dominica", "DMA"},
                           {"Dominican Republic", "DOM"},
                           {"Suriname", "SUR"},
                           {"Barbados", "BRB"},
                           {"Haiti", "HTI"},
                           {"Mexico", "MEX"},
                           {"Nicaragua", "NIC"},
                           {"El Salvador", "SLV"},
                           {"Guatemala", "GTM"},
                           {"Costa Rica", "CRI"},
                           {"Honduras", "HND"},
                           {"Panama", "PAN"},
                           {"Ecuador", "ECU"},
                           {"Bolivia", "BOL"},
                           {"Cuba", "CUB"},
                           {"Venezuela", "VEN"},
                           {"Puerto Rico", "PRI"}};

// The same lists as sorted sets of codes, written out so that a slip in either form shows.
const IdSet aad1_countries = {"CHN", "JPN", "MNG"};
const IdSet aad2_countries = {"AFG", "AUS", "BGD", "BRN", "FJI", "IDN", "IND", "IRN", "KHM", "LAO", "LKA", "MDV", "MMR",
                              "MYS", "NPL", "NRU", "NZL", "PAK", "PHL", "PNG", "SGP", "THA", "TLS", "VNM", "VUT"};
const IdSet ead1_countries = {"ARM", "AZE", "BLR", "GEO", "KAZ", "KGZ", "MDA", "RUS", "TJK", "TKM", "UKR", "UZB"};
const IdSet ead2_countries = {"ALB", "AND", "AUT", "BEL", "BGR", "BIH", "CHE", "CYP", "CZE", "DEU", "DNK",
                              "ESP", "EST", "FIN", "FRA", "GBR", "GRC", "HRV", "HUN", "IRL", "ISL", "ITA",
                              "LIE", "LTU", "LUX", "LVA", "MCO", "MKD", "MNE", "NLD", "NOR", "POL", "PRT",
                              "ROU", "SMR", "SRB", "SVK", "SVN", "SWE", "TUR", "VAT"};
const IdSet nad_countries = {"CAN", "USA"};
const IdSet african_region = {"AGO", "BDI", "BEN", "BFA", "BWA", "CAF", "CIV", "CMR", "COD", "COG", "COM",
                              "CPV", "GAB", "GHA", "GIN", "GMB", "GNB", "GNQ", "KEN", "LBR", "LSO", "MDG",
                              "MLI", "MOZ", "MUS", "MWI", "NAM", "NER", "NGA", "RWA", "SEN", "SLE", "STP",
                              "SWZ", "SYC", "TCD", "TGO", "TZA", "UGA", "ZAF", "ZMB", "ZWE"};
const IdSet arab_middle_east_region = {"ARE", "BHR", "DJI", "DZA", "EGY", "ERI", "ESH", "ETH", "IRQ",
                                       "ISR", "JOR", "KWT", "LBN", "LBY", "MAR", "MRT", "OMN", "PSE",
                                       "QAT", "SAU", "SDN", "SOM", "SSD", "SYR", "TUN", "YEM"};
const IdSet latin_american_region = {"ARG", "ATG", "BHS", "BLZ", "BOL", "BRA", "BRB", "CHL", "COL", "CRI", "CUB", "DMA",
                                     "DOM", "ECU", "GRD", "GTM", "GUY", "HND", "HTI", "JAM", "KNA", "LCA", "MEX", "NIC",
                                     "PAN", "PER", "PRI", "PRY", "SLV", "SUR", "TTO", "URY", "VCT", "VEN"};

IdSet codes(const Spellings& spellings) {
    IdSet result;
    for (const auto& [written, code] : spellings) result.insert(code);
    return result;
}

IdSet united(std::initializer_list<const IdSet*> sets) {
    IdSet result;
    for (const auto* s : sets) result.insert(s->begin(), s->end());
    return result;
}

// The departments and the lines that list their countries.
const std::vector<std::pair<std::string, std::vector<const Spellings*>>> department_lines = {
    {"aad1", {&line_5}},  {"aad2", {&line_7}}, {"ead1", {&line_10}},
    {"ead2", {&line_12}}, {"nad", {&line_15}}, {"aalad", {&line_17, &line_18, &line_19}}};

// The as_written attribute of the one relation of `kind` from `from` to `to`.
std::string written_on(const orgraph::Graph& graph, const std::string& from, const std::string& kind,
                       const std::string& to) {
    std::vector<orgraph::Relation> found;
    for (const auto& r : out_of(graph, from, kind))
        if (graph.entity(r.to).id == to) found.push_back(r);
    BOOST_TEST_REQUIRE(found.size() == 1u, from << " " << kind << " " << to << ": " << found.size() << " relations");
    const auto value = found.front().attributes.find("as_written");
    return value ? std::string(*value) : std::string("<none>");
}

}  // namespace

BOOST_AUTO_TEST_SUITE(regional_departments)

BOOST_AUTO_TEST_CASE(the_expected_sets_agree_with_the_spellings) {
    BOOST_TEST(codes(line_5) == aad1_countries);
    BOOST_TEST(codes(line_7) == aad2_countries);
    BOOST_TEST(codes(line_10) == ead1_countries);
    BOOST_TEST(codes(line_12) == ead2_countries);
    BOOST_TEST(codes(line_15) == nad_countries);
    BOOST_TEST(codes(line_17) == african_region);
    BOOST_TEST(codes(line_18) == arab_middle_east_region);
    BOOST_TEST(codes(line_19) == latin_american_region);
    // No code twice within a list: every country the document names is a different entry.
    BOOST_TEST(line_12.size() == 41u);
    BOOST_TEST(ead2_countries.size() == 41u);
    BOOST_TEST(line_17.size() + line_18.size() + line_19.size() == 102u);
}

BOOST_AUTO_TEST_CASE(six_departments_of_the_ministry) {
    const auto& g = builtin();
    BOOST_TEST(ids_of_kind(g, "regional_department") == (IdSet{"aad1", "aad2", "aalad", "ead1", "ead2", "nad"}));
    const std::map<std::string, std::string> names = {
        {"aad1", "Asian Affairs Department 1"},       {"aad2", "Asian Affairs Department 2"},
        {"ead1", "European Affairs Department 1"},    {"ead2", "European Affairs Department 2"},
        {"nad", "North American Affairs Department"}, {"aalad", "African, Arab and Latin American Affairs Department"}};
    for (const auto& [id, name] : names) {
        BOOST_TEST_CONTEXT(id) {
            BOOST_TEST(entity(g, id).name == name);
            BOOST_TEST(targets(g, id, "part_of") == IdSet{"mfa"});
            BOOST_TEST(targets(g, id, "works_through") == IdSet{"protocol"});
            BOOST_TEST(attribute(g, id, "responsibility").has_value());
        }
    }
}

BOOST_AUTO_TEST_CASE(countries_of_each_department) {
    const auto& g = builtin();
    BOOST_TEST(targets(g, "aad1", "covers", "country") == aad1_countries);
    BOOST_TEST(targets(g, "aad2", "covers", "country") == aad2_countries);
    BOOST_TEST(targets(g, "ead1", "covers", "country") == ead1_countries);
    BOOST_TEST(targets(g, "ead2", "covers", "country") == ead2_countries);
    BOOST_TEST(targets(g, "nad", "covers", "country") == nad_countries);
    BOOST_TEST(targets(g, "aalad", "covers", "country") ==
               united({&african_region, &arab_middle_east_region, &latin_american_region}));
}

BOOST_AUTO_TEST_CASE(no_country_has_two_departments) {
    const auto& g = builtin();
    std::size_t covered = 0;
    for (const auto& country : ids_of_kind(g, "country")) {
        const auto departments = origins(g, country, "covers", "regional_department");
        BOOST_TEST(departments.size() <= 1u, country << " is covered by " << departments.size() << " departments");
        covered += departments.empty() ? 0 : 1;
    }
    BOOST_TEST(covered == 3u + 25u + 12u + 41u + 2u + 42u + 26u + 34u);
}

BOOST_AUTO_TEST_CASE(organisations_and_regions_each_department_covers) {
    const auto& g = builtin();
    BOOST_TEST(targets(g, "aad1", "covers", "regional_organization").empty());
    BOOST_TEST(targets(g, "aad2", "covers", "regional_organization") == (IdSet{"ASEAN", "SAARC"}));
    BOOST_TEST(targets(g, "ead1", "covers", "regional_organization").empty());
    BOOST_TEST(targets(g, "ead2", "covers", "regional_organization") == IdSet{"EU"});
    BOOST_TEST(targets(g, "nad", "covers", "regional_organization").empty());
    BOOST_TEST(targets(g, "aalad", "covers", "regional_organization").empty());

    // The EU bodies line 13 names after "European Union headquarters including".
    BOOST_TEST(targets(g, "ead2", "covers", "organization_body") ==
               (IdSet{"eeas", "european-commission", "european-council"}));
    for (const auto* body : {"eeas", "european-commission", "european-council"})
        BOOST_TEST(targets(g, body, "part_of") == IdSet{"EU"}, body);
    BOOST_TEST(entity(g, "european-council").name == "European Council");
    BOOST_TEST(entity(g, "european-commission").name == "European Commission");
    BOOST_TEST(entity(g, "eeas").name == "European External Action Service");
    for (const auto* department : {"aad1", "aad2", "ead1", "nad", "aalad"})
        BOOST_TEST(targets(g, department, "covers", "organization_body").empty(), department);

    BOOST_TEST(targets(g, "aad1", "covers", "region").empty());
    BOOST_TEST(targets(g, "aad2", "covers", "region") == IdSet{"asia-pacific-region"});
    BOOST_TEST(targets(g, "ead1", "covers", "region").empty());
    BOOST_TEST(targets(g, "ead2", "covers", "region").empty());
    BOOST_TEST(targets(g, "nad", "covers", "region").empty());
    BOOST_TEST(targets(g, "aalad", "covers", "region") ==
               (IdSet{"african-region", "arab-middle-east-region", "latin-american-region"}));

    BOOST_TEST(written_on(g, "aad2", "covers", "ASEAN") == "Association of South-East Asian Nations(ASEAN)");
    BOOST_TEST(written_on(g, "aad2", "covers", "SAARC") == "South Asian Association for Regional Cooperation(SAARC)");
    BOOST_TEST(written_on(g, "aad2", "covers", "asia-pacific-region") == "Asia and the Pacific Region");
    BOOST_TEST(written_on(g, "ead2", "covers", "EU") == "European Union headquarters");
    BOOST_TEST(written_on(g, "ead2", "covers", "european-council") == "European Council");
    BOOST_TEST(written_on(g, "ead2", "covers", "european-commission") == "European Commission");
    BOOST_TEST(written_on(g, "ead2", "covers", "eeas") == "European External Action Service");
    BOOST_TEST(written_on(g, "aalad", "covers", "african-region") == "African region");
    BOOST_TEST(written_on(g, "aalad", "covers", "arab-middle-east-region") == "Arab and middle east region");
    BOOST_TEST(written_on(g, "aalad", "covers", "latin-american-region") == "Latin American region");
}

BOOST_AUTO_TEST_CASE(regions_and_their_countries) {
    const auto& g = builtin();
    BOOST_TEST(ids_of_kind(g, "region") ==
               (IdSet{"africa", "african-region", "arab-middle-east-region", "asia", "asia-pacific-region", "europe",
                      "latin-america", "latin-american-region", "middle-east-arab-region", "world"}));
    BOOST_TEST(targets(g, "asia-pacific-region", "includes") == aad2_countries);
    BOOST_TEST(targets(g, "african-region", "includes") == african_region);
    BOOST_TEST(targets(g, "arab-middle-east-region", "includes") == arab_middle_east_region);
    BOOST_TEST(targets(g, "latin-american-region", "includes") == latin_american_region);
    // The regions the associations name (lines 76, 82, 85, 92-93, 96-97, 100-101) list no
    // countries, so they include none.
    for (const auto* region : {"africa", "asia", "europe", "latin-america", "middle-east-arab-region", "world"})
        BOOST_TEST(targets(g, region, "includes").empty(), region);
    // The departments' regions rest on their own list lines only (7, 17, 18, 19), not on the
    // associations' texts, and no association names them.
    const std::map<std::string, std::string> list_line = {{"asia-pacific-region", "mfa-structure:7"},
                                                          {"african-region", "mfa-structure:17"},
                                                          {"arab-middle-east-region", "mfa-structure:18"},
                                                          {"latin-american-region", "mfa-structure:19"}};
    for (const auto& [region, line] : list_line) {
        BOOST_TEST(citations(g, entity(g, region).citations) == std::set<std::string>{line}, region);
        BOOST_TEST(origins(g, region, "focuses_on").empty(), region);
        BOOST_TEST(origins(g, region, "covers", "regional_department").size() == 1u, region);
    }

    for (const auto& [region, spellings] :
         std::vector<std::pair<std::string, const Spellings*>>{{"asia-pacific-region", &line_7},
                                                               {"african-region", &line_17},
                                                               {"arab-middle-east-region", &line_18},
                                                               {"latin-american-region", &line_19}})
        for (const auto& [written, code] : *spellings)
            BOOST_TEST(written_on(g, region, "includes", code) == written, region << " includes " << code);
}

BOOST_AUTO_TEST_CASE(covers_keeps_the_documents_spelling) {
    const auto& g = builtin();
    for (const auto& [department, lines] : department_lines)
        for (const auto* spellings : lines)
            for (const auto& [written, code] : *spellings)
                BOOST_TEST(written_on(g, department, "covers", code) == written, department << " covers " << code);
}

BOOST_AUTO_TEST_CASE(every_spelling_resolves_to_its_country) {
    const auto& g = builtin();
    const orgraph::NameResolver resolver(g);
    // The country lists, and the countries named elsewhere in the document (lines 47, 63, 70,
    // 73, 88: the United States, China, Canada, Japan, the Russian Federation).
    Spellings all;
    for (const auto* spellings : {&line_5, &line_7, &line_10, &line_12, &line_15, &line_17, &line_18, &line_19})
        all.insert(all.end(), spellings->begin(), spellings->end());
    all.insert(all.end(), {{"the United States", "USA"}, {"the Russian Federation", "RUS"}});
    BOOST_TEST(all.size() == 187u);
    for (const auto& [written, code] : all) {
        const auto resolution = resolver.resolve(written);
        BOOST_TEST_CONTEXT(written << " -> " << code) {
            BOOST_TEST_REQUIRE(resolution.entities.size() == 1u);
            BOOST_TEST(g.entity(resolution.entities.front()).id == code);
        }
    }
}

BOOST_AUTO_TEST_CASE(easily_confused_names_resolve_apart) {
    const auto& g = builtin();
    const orgraph::NameResolver resolver(g);
    const std::vector<std::pair<std::string, std::string>> pairs = {{"Congo", "COG"},
                                                                    {"DR Congo", "COD"},
                                                                    {"Guinea", "GIN"},
                                                                    {"Guinea-Bissau", "GNB"},
                                                                    {"Equatorial Guinea", "GNQ"},
                                                                    {"Papua New Guinea", "PNG"},
                                                                    {"Niger", "NER"},
                                                                    {"Nigeria", "NGA"},
                                                                    {"Dominica", "DMA"},
                                                                    {"Dominican Republic", "DOM"},
                                                                    {"Sudan", "SDN"},
                                                                    {"South Sudan", "SSD"},
                                                                    {"Gambia", "GMB"},
                                                                    {"The Gambia", "GMB"},
                                                                    {"Swaziland", "SWZ"},
                                                                    {"Macedonia", "MKD"},
                                                                    {"Holy See", "VAT"},
                                                                    {"Timor-Leste", "TLS"},
                                                                    {"Cote d'Ivoire", "CIV"},
                                                                    {"Côte d’Ivoire", "CIV"},
                                                                    {"Czechia", "CZE"},
                                                                    {"Türkiye", "TUR"},
                                                                    {"Viet Nam", "VNM"},
                                                                    {"Malta", "MLT"}};
    for (const auto& [written, code] : pairs) {
        const auto resolution = resolver.resolve(written);
        BOOST_TEST_CONTEXT(written << " -> " << code) {
            BOOST_TEST_REQUIRE(resolution.entities.size() == 1u);
            BOOST_TEST(g.entity(resolution.entities.front()).id == code);
        }
    }
}

BOOST_AUTO_TEST_CASE(malta_is_covered_by_no_department_and_is_in_the_eu) {
    const auto& g = builtin();
    BOOST_TEST(into(g, "MLT", "covers").empty());
    const auto memberships = out_of(g, "MLT", "member_of");
    std::map<std::string, orgraph::Relation> by_target;
    for (const auto& r : memberships) by_target[std::string(g.entity(r.to).id)] = r;
    BOOST_TEST_REQUIRE(by_target.count("EU") == 1u);
    BOOST_TEST(by_target["EU"].validity.from->to_string() == "2004-05-01");
    BOOST_TEST(!by_target["EU"].validity.to.has_value());
    BOOST_TEST(by_target.count("UN") == 1u);
    BOOST_TEST(*attribute(g, "MLT", "un_status") == "member");
}

BOOST_AUTO_TEST_CASE(members_of_the_regional_organisations) {
    const auto& g = builtin();
    BOOST_TEST(origins(g, "ASEAN", "member_of") ==
               (IdSet{"BRN", "IDN", "KHM", "LAO", "MMR", "MYS", "PHL", "SGP", "THA", "TLS", "VNM"}));
    BOOST_TEST(origins(g, "SAARC", "member_of") == (IdSet{"AFG", "BGD", "BTN", "IND", "LKA", "MDV", "NPL", "PAK"}));
    BOOST_TEST(
        origins(g, "EU", "member_of") ==
        (IdSet{"AUT", "BEL", "BGR", "CYP", "CZE", "DEU", "DNK", "ESP", "EST", "FIN", "FRA", "GBR", "GRC", "HRV",
               "HUN", "IRL", "ITA", "LTU", "LUX", "LVA", "MLT", "NLD", "POL", "PRT", "ROU", "SVK", "SVN", "SWE"}));
    // The United Kingdom left; every other membership is open-ended.
    for (const auto& r : into(g, "EU", "member_of")) {
        const auto member = g.entity(r.from).id;
        BOOST_TEST_CONTEXT(member) {
            if (member == "GBR") {
                BOOST_TEST_REQUIRE(r.validity.to.has_value());
                BOOST_TEST(r.validity.to->to_string() == "2020-01-31");
            } else {
                BOOST_TEST(!r.validity.to.has_value());
            }
        }
    }
    BOOST_TEST(origins(g, "UN", "member_of", "country").size() == 193u);
    BOOST_TEST(*attribute(g, "VAT", "un_status") == "observer");
    BOOST_TEST(*attribute(g, "PSE", "un_status") == "observer");
    BOOST_TEST(*attribute(g, "PRI", "un_status") == "none");
    BOOST_TEST(*attribute(g, "ESH", "un_status") == "none");
}

BOOST_AUTO_TEST_SUITE_END()
