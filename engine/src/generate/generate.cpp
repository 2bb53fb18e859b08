#include "orgraph/generate/generate.hpp"

#include <fcntl.h>
#include <fmt/format.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <string_view>
#include <vector>

#include "generate/random.hpp"
#include "orgraph/write/temporary.hpp"

// The world comes first: countries (about 2.5·√N of them) with their cities, a region and a
// regional organisation for every twelve countries, an international organisation for every
// 150. Then the organisations, block by block: a block is one ministry of one of the home states
// (one country in ten) with everything under it (departments, institutes, associations). The
// first block of each home state is its ministry of foreign affairs, which also has the state's
// missions abroad, and whose regional departments share the world between them. Blocks are
// added until the requested number of entities is reached, and the last one is cut there:
// entities are created in an order in which everything an entity refers to already exists, so
// a cut block is still whole.
//
// Relations come in two parts. The structural ones follow from the entities (a department is
// part of its ministry, a mission is located in a city and represents its country). The rest
// are spread over many-to-many kinds (covers, handles, contact_via, serves, …), each source
// entity taking a run of consecutive entries of a pool (the countries in order, so a department
// covers neighbouring countries; the missions of its own state), which keeps every statement
// distinct without a set of those already made. A request for fewer relations than the
// structural ones keeps an even sample of them (selection sampling).

namespace orgraph {
namespace {

namespace fs = std::filesystem;

constexpr std::uint32_t none = UINT32_MAX;
constexpr std::uint32_t countries_per_region = 12;
constexpr std::uint32_t countries_per_organization = 150;
constexpr std::uint32_t countries_per_home_state = 10;

enum class Role : std::uint8_t {
    country,
    region,
    regional_organization,
    international_organization,
    organization_body,
    organization_group,
    city,
    ministry,
    department,
    regional_department,
    institute,
    unit,
    association,
    organ,
    post,
    branch,
    postal_address,
    po_box,
    fax,
    email,
    mission_group,
    embassy,
    consulate_general,
    consular_office,
    permanent_mission,
};

std::string_view kind_of(Role role) {
    switch (role) {
        case Role::country:
            return "country";
        case Role::region:
            return "region";
        case Role::regional_organization:
            return "regional_organization";
        case Role::international_organization:
            return "international_organization";
        case Role::organization_body:
            return "organization_body";
        case Role::organization_group:
            return "organization_group";
        case Role::city:
            return "city";
        case Role::ministry:
            return "ministry";
        case Role::department:
            return "department";
        case Role::regional_department:
            return "regional_department";
        case Role::institute:
            return "institute";
        case Role::unit:
            return "unit";
        case Role::association:
            return "association";
        case Role::organ:
            return "organ";
        case Role::post:
            return "post";
        case Role::branch:
            return "branch";
        case Role::postal_address:
            return "postal_address";
        case Role::po_box:
            return "po_box";
        case Role::fax:
            return "fax";
        case Role::email:
            return "email";
        case Role::mission_group:
            return "mission_group";
        case Role::embassy:
            return "embassy";
        case Role::consulate_general:
            return "consulate_general";
        case Role::consular_office:
            return "consular_office";
        case Role::permanent_mission:
            return "permanent_mission";
    }
    return "";
}

enum class Rel : std::uint8_t {
    part_of,
    ministry_of,
    covers,
    includes,
    member_of,
    sponsored_by,
    focuses_on,
    contact_via,
    located_in,
    has_post,
    elects,
    handles,
    works_through,
    deals_with,
    represents,
    subordinate_to,
    accredited_to,
    serves,
};

std::string_view relation_id(Rel rel) {
    switch (rel) {
        case Rel::part_of:
            return "part_of";
        case Rel::ministry_of:
            return "ministry_of";
        case Rel::covers:
            return "covers";
        case Rel::includes:
            return "includes";
        case Rel::member_of:
            return "member_of";
        case Rel::sponsored_by:
            return "sponsored_by";
        case Rel::focuses_on:
            return "focuses_on";
        case Rel::contact_via:
            return "contact_via";
        case Rel::located_in:
            return "located_in";
        case Rel::has_post:
            return "has_post";
        case Rel::elects:
            return "elects";
        case Rel::handles:
            return "handles";
        case Rel::works_through:
            return "works_through";
        case Rel::deals_with:
            return "deals_with";
        case Rel::represents:
            return "represents";
        case Rel::subordinate_to:
            return "subordinate_to";
        case Rel::accredited_to:
            return "accredited_to";
        case Rel::serves:
            return "serves";
    }
    return "";
}

struct Node {
    std::uint32_t country = 0;   // the country it is, is in, or belongs to (an index of countries)
    std::uint32_t block = none;  // the ministry block of an organisation's entity
    std::uint32_t owner = none;  // what it belongs to: ministry, institute, association, embassy, …
    std::uint32_t serial = 0;    // its place among the like entities of its owner (or block)
    std::uint32_t a = none;      // role-specific: the city it is in; an association's first post
    std::uint32_t b = none;      // role-specific: a mission's host country; an association's post count
    Role role = Role::country;
    std::uint8_t flag = 0;  // a country's UN status: 0 member, 1 observer, 2 none
};

struct Country {
    std::uint32_t entity = none;
    std::uint32_t first_city = 0, cities = 0;
    std::uint32_t foreign_ministry = none;  // the block of its ministry of foreign affairs
    std::uint32_t ministries = 0;
};

struct Block {
    std::uint32_t country = 0;  // the home state
    std::uint32_t ministry = none;
    std::uint32_t serial = 0;  // 0: the ministry of foreign affairs; then the state's other ministries
    std::uint32_t first_department = 0, departments = 0;
    std::uint32_t regional_departments = 0;  // as planned, before a cut
    std::uint32_t first_mission = 0, missions = 0;
};

// The many-to-many kinds that take the relations beyond the structural ones.
enum Family : std::uint8_t {
    family_covers,
    family_focuses_on,
    family_country_member_of,
    family_institute_member_of,
    family_contact_via,
    family_handles,
    family_works_through,
    family_deals_with,
    family_serves,
    family_elects,
    family_count,
};
// The share of the extra relations each family takes while it has room. covers is kept small:
// the built-in rules compose it with located_in (a regional department oversees the missions
// in the countries it covers), so each covers statement derives as many relations as there are
// missions in the country.
constexpr std::array<std::uint64_t, family_count> family_weight = {2, 12, 4, 2, 14, 16, 10, 12, 16, 6};

struct FamilyPlan {
    std::vector<std::uint32_t> sources;  // entity indices, ascending
    std::vector<std::uint32_t> room;     // per source: how many more targets its pool holds
    std::vector<std::uint32_t> extra;    // per source: how many it gets
    std::size_t cursor = 0;
};

// Entries of a pool: a list of entity indices or a range of them, less one excluded position.
struct Pool {
    const std::uint32_t* items = nullptr;
    std::uint32_t first = 0;
    std::uint32_t count = 0;
    std::uint32_t exclude = none;

    [[nodiscard]] std::uint32_t size() const { return count - (exclude != none && exclude < count ? 1 : 0); }
    [[nodiscard]] std::uint32_t at(std::uint32_t k) const {
        if (exclude != none && k >= exclude) ++k;
        return items ? items[k] : first + k;
    }
};

// ---- words for names ----

constexpr std::array<std::string_view, 40> syllables = {
    "ka",  "lo",  "mi",  "ra",  "sen", "tu",  "vo",  "zan",  "bel", "dor", "fa",  "gri", "hal", "is",
    "jor", "kel", "lun", "mar", "nor", "os",  "pel", "quin", "ros", "sal", "tor", "ul",  "var", "wen",
    "xa",  "yor", "zel", "an",  "bre", "cal", "del", "eth",  "mon", "ari", "tev", "ska"};
constexpr std::array<std::string_view, 10> country_endings = {"ia",  "land", "stan", "a",    "ora",
                                                              "esh", "ivia", "or",   "ania", "ea"};
constexpr std::array<std::string_view, 8> directions = {"North",   "South", "East",  "West",
                                                        "Central", "Upper", "Lower", "Coastal"};
constexpr std::array<std::string_view, 12> functional_departments = {"Protocol Department",
                                                                     "Consular Department",
                                                                     "Treaty and Law Department",
                                                                     "Press and Information Department",
                                                                     "International Organizations Department",
                                                                     "Personnel Department",
                                                                     "General Affairs Department",
                                                                     "Economic Affairs Department",
                                                                     "Cultural Exchange Department",
                                                                     "Archives Department",
                                                                     "Training Department",
                                                                     "Policy Planning Department"};
constexpr std::array<std::string_view, 12> responsibilities = {"state visits, ceremonies and the diplomatic corps",
                                                               "consular matters and the protection of citizens abroad",
                                                               "treaties and questions of international law",
                                                               "statements to the press and publications",
                                                               "relations with international organisations",
                                                               "the staff of the ministry and its missions",
                                                               "the ministry's budget and premises",
                                                               "foreign economic relations",
                                                               "cultural and educational exchanges",
                                                               "the ministry's records",
                                                               "the training of diplomats",
                                                               "foreign policy analysis"};
constexpr std::array<std::string_view, 10> regional_words = {"Asian",    "African",  "European", "American", "Arab",
                                                             "Oceanian", "Northern", "Southern", "Eastern",  "Western"};
constexpr std::array<std::string_view, 10> study_topics = {
    "Disarmament and Peace", "International Affairs", "American Studies",  "European Studies", "Asian Studies",
    "International Law",     "World Economy",         "Regional Security", "Maritime Affairs", "Diplomatic History"};
constexpr std::array<std::string_view, 8> unit_topics = {"Research",    "Analysis", "Liaison",  "Publications",
                                                         "Translation", "Training", "Archives", "Planning"};
constexpr std::array<std::string_view, 3> unit_types = {"division", "section", "directorate"};
constexpr std::array<std::string_view, 10> association_names = {
    "Committee for Cultural Relations with Foreign Countries",
    "Association for Friendship with Foreign Peoples",
    "Society for International Exchange",
    "Association of Lawyers",
    "Association for Economic Cooperation",
    "Committee for Solidarity with the Peoples of the World",
    "Association of Journalists",
    "Association for Academic Exchange",
    "Sports Friendship Association",
    "Association of Women for International Friendship"};
constexpr std::array<std::string_view, 10> association_purposes = {"cultural exchange with foreign countries",
                                                                   "friendship between peoples",
                                                                   "exchanges of delegations",
                                                                   "contacts between lawyers",
                                                                   "trade and investment contacts",
                                                                   "solidarity campaigns",
                                                                   "contacts between journalists",
                                                                   "exchanges of scholars",
                                                                   "sports exchanges",
                                                                   "contacts between women's organisations"};
constexpr std::array<std::string_view, 3> organ_names = {"General Assembly", "Executive Council", "Secretariat"};
constexpr std::array<std::string_view, 6> post_names = {"President", "Vice President", "Secretary-General",
                                                        "Director",  "Officials",      "Staff members"};
constexpr std::array<std::string_view, 14> organization_topics = {
    "Trade",        "Maritime",     "Telecommunication",     "Health",
    "Agricultural", "Labour",       "Meteorological",        "Civil Aviation",
    "Postal",       "Energy",       "Education and Culture", "Migration",
    "Development",  "Atomic Energy"};
constexpr std::array<std::string_view, 4> body_names = {"Secretariat", "Council", "General Assembly", "Court"};
constexpr std::array<std::string_view, 6> streets = {"Embassy", "Victory", "Harbour", "Garden", "River", "Station"};
constexpr std::array<std::string_view, 16> portfolios = {"Foreign Trade",
                                                         "Culture",
                                                         "Education",
                                                         "Public Health",
                                                         "Agriculture",
                                                         "Energy",
                                                         "Transport",
                                                         "Justice",
                                                         "Finance",
                                                         "Labour",
                                                         "Fisheries",
                                                         "Environment",
                                                         "Science and Technology",
                                                         "Tourism",
                                                         "Sport",
                                                         "Information"};

std::uint64_t integer_sqrt(std::uint64_t n) {
    std::uint64_t r = 0;
    while ((r + 1) * (r + 1) <= n) ++r;
    return r;
}

// Three or more letters that differ for every country: a bijective scramble of its number, so
// that neighbouring countries do not get neighbouring codes.
std::string country_code(std::uint32_t country) {
    std::uint64_t space = 26 * 26 * 26;
    std::uint64_t index = country;
    int letters = 3;
    while (index >= space) {
        index -= space;
        space *= 26;
        ++letters;
    }
    // 7919 is prime and not 2 or 13, the factors of 26^k: multiplying by it permutes [0, 26^k).
    std::uint64_t value = (index * 7919 + 4242) % space;
    std::string code(static_cast<std::size_t>(letters), 'A');
    for (int i = letters - 1; i >= 0; --i) {
        code[static_cast<std::size_t>(i)] = static_cast<char>('A' + value % 26);
        value /= 26;
    }
    return code;
}

std::string lower(std::string text) {
    for (auto& c : text)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    return text;
}

std::string capitalised(std::string text) {
    if (!text.empty() && text[0] >= 'a' && text[0] <= 'z') text[0] = static_cast<char>(text[0] - 'a' + 'A');
    return text;
}

// Capital letters of the words of a name: "Association of Lawyers" → "AL".
std::string initials(std::string_view name) {
    std::string out;
    bool start = true;
    for (char c : name) {
        if (start && c >= 'A' && c <= 'Z') out += c;
        start = c == ' ' || c == '-';
    }
    return out;
}

// A CSV field, quoted when it holds a separator, a quote or a line break (RFC 4180).
void put_field(fmt::memory_buffer& out, std::string_view text) {
    if (text.find_first_of(",\"\r\n") == std::string_view::npos) {
        out.append(text);
        return;
    }
    out.push_back('"');
    for (char c : text) {
        if (c == '"') out.push_back('"');
        out.push_back(c);
    }
    out.push_back('"');
}

// Buffered writing to a file, with every failure reported.
class FileWriter {
public:
    explicit FileWriter(const fs::path& path) : m_path(path.string()) {
        // A new file in the generator's own temporary directory: never through a link.
        const int fd = ::open(m_path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0666);
        if (fd >= 0) m_file = ::fdopen(fd, "wb");
        if (!m_file) {
            const int error = errno;
            if (fd >= 0) ::close(fd);
            throw std::runtime_error(fmt::format("cannot write '{}': {}", m_path, std::strerror(error)));
        }
    }
    ~FileWriter() {
        if (m_file) std::fclose(m_file);
    }
    FileWriter(const FileWriter&) = delete;
    FileWriter& operator=(const FileWriter&) = delete;

    fmt::memory_buffer& buffer() { return m_buffer; }
    void maybe_flush() {
        if (m_buffer.size() >= (std::size_t{1} << 22)) flush();
    }
    void close() {
        flush();
        if (std::fflush(m_file) != 0) fail();
        if (::fsync(::fileno(m_file)) != 0 && errno != EINVAL && errno != EROFS) fail();
        const int result = std::fclose(m_file);
        m_file = nullptr;
        if (result != 0) fail();
    }

private:
    void flush() {
        if (!m_buffer.size()) return;
        if (std::fwrite(m_buffer.data(), 1, m_buffer.size(), m_file) != m_buffer.size()) fail();
        m_buffer.clear();
    }
    [[noreturn]] void fail() const {
        throw std::runtime_error(fmt::format("cannot write '{}': {}", m_path, std::strerror(errno)));
    }

    std::string m_path;
    std::FILE* m_file = nullptr;
    fmt::memory_buffer m_buffer;
};

class Generator {
public:
    explicit Generator(const GenerateParams& params)
        : m_params(params), m_shape(params.seed ^ 0x5348415045ULL), m_spread(params.seed ^ 0x535052454144ULL) {
        if (params.entities == 0) throw generate_error("the number of entities must be at least 1");
        if (params.entities > generate_max_entities)
            throw generate_error(fmt::format("at most {} entities can be generated", generate_max_entities));
        if (params.relations > generate_max_relations)
            throw generate_error(fmt::format("at most {} relations can be generated", generate_max_relations));
        build();
        place();
        make_ids();
        plan_relations();
    }

    [[nodiscard]] GenerateSummary summary() const {
        GenerateSummary s;
        s.entities = m_nodes.size();
        s.relations = m_params.relations;
        s.countries = m_countries.size();
        for (const auto& b : m_blocks) s.ministries += b.ministry != none ? 1 : 0;
        for (const auto& c : m_country) s.home_states += c.ministries ? 1 : 0;
        s.structural_relations = m_structural;
        s.max_relations = m_structural + m_room;
        return s;
    }

    void write_dataset_toml(const fs::path& path) const {
        FileWriter file(path);
        const auto s = summary();
        fmt::format_to(std::back_inserter(file.buffer()),
                       "# A synthetic organisation graph written by `orgraph generate`. It describes no real\n"
                       "# organisation. The same parameters give the same bytes.\n"
                       "\n"
                       "[dataset]\n"
                       "id = \"synthetic-{seed}\"\n"
                       "title = \"Synthetic organisation graph: {e} entities, {r} relations, seed {seed}\"\n"
                       "description = \"{c} countries; {h} of them with {m} ministries, their departments, "
                       "institutes and associations, and missions abroad.\"\n"
                       "default_source = \"generator\"\n"
                       "\n"
                       "[[source]]\n"
                       "id = \"generator\"\n"
                       "title = \"orgraph generate --entities {e} --relations {r} --seed {seed}\"\n"
                       "publisher = \"orgraph\"\n"
                       "note = \"Synthetic data from seed {seed}: {e} entities, {r} relations ({st} of them "
                       "structural).\"\n",
                       fmt::arg("seed", m_params.seed), fmt::arg("e", s.entities), fmt::arg("r", s.relations),
                       fmt::arg("c", s.countries), fmt::arg("h", s.home_states), fmt::arg("m", s.ministries),
                       fmt::arg("st", std::min(s.structural_relations, s.relations)));
        file.close();
    }

    void write_entities(const fs::path& path) const {
        FileWriter file(path);
        auto& out = file.buffer();
        out.append(
            std::string_view("id,kind,name,short_name,aliases,valid_from,valid_to,un_status,m49_region,m49_subregion,"
                             "responsibility,purpose,unit_type,count,status,as_of,value\n"));
        EntityRow row;
        for (std::uint32_t i = 0; i < m_nodes.size(); ++i) {
            row.clear();
            describe(i, row);
            out.append(id(i));
            out.push_back(',');
            out.append(kind_of(m_nodes[i].role));
            for (const auto* field : {&row.name, &row.short_name, &row.aliases, &row.valid_from, &row.valid_to,
                                      &row.un_status, &row.m49_region, &row.m49_subregion, &row.responsibility,
                                      &row.purpose, &row.unit_type, &row.count, &row.status, &row.as_of, &row.value}) {
                out.push_back(',');
                put_field(out, *field);
            }
            out.push_back('\n');
            file.maybe_flush();
        }
        file.close();
    }

    void write_relations(const fs::path& path) {
        FileWriter file(path);
        file.buffer().append(std::string_view("source,target,kind,valid_from,valid_to\n"));
        Random pick(m_params.seed ^ 0x5049434BULL);
        Random select(m_params.seed ^ 0x53454C454354ULL);
        RelationWriter writer{*this, file, select, m_structural,
                              std::min<std::uint64_t>(m_params.relations, m_structural)};
        for (auto& family : m_families) family.cursor = 0;
        for (std::uint32_t i = 0; i < m_nodes.size(); ++i) {
            relations_of(i, writer, pick);
            file.maybe_flush();
        }
        file.close();
        if (writer.written != m_params.relations || writer.structural_left != 0)
            throw std::logic_error(
                fmt::format("the generator wrote {} relations instead of {}", writer.written, m_params.relations));
    }

private:
    // ---- entities ----

    std::uint32_t add(Role role, std::uint32_t country, std::uint32_t block, std::uint32_t owner,
                      std::uint32_t serial) {
        Node node;
        node.role = role;
        node.country = country;
        node.block = block;
        node.owner = owner;
        node.serial = serial;
        m_nodes.push_back(node);
        return static_cast<std::uint32_t>(m_nodes.size() - 1);
    }

    [[nodiscard]] bool full() const { return m_nodes.size() >= m_params.entities; }

    void build() {
        m_nodes.reserve(static_cast<std::size_t>(m_params.entities) + 1000);
        // About 2.5·√N countries, and never more than one for 20 entities, so that a small world
        // leaves room for ministries.
        const auto countries =
            std::max<std::uint64_t>(1, std::min(5 * integer_sqrt(m_params.entities) / 2, m_params.entities / 20));
        for (std::uint32_t c = 0; c < countries && !full(); ++c) build_country(c);
        const auto home_states = std::max<std::size_t>(1, m_countries.size() / countries_per_home_state);
        // Ministries go round the home states, so that each has its ministry of foreign affairs
        // before any has a second ministry.
        for (std::uint32_t b = 0; !full(); ++b)
            build_block(b, static_cast<std::uint32_t>(b % home_states * countries_per_home_state));
        cut(static_cast<std::uint32_t>(m_params.entities));
    }

    void build_country(std::uint32_t c) {
        auto& rng = m_shape;
        const auto country = add(Role::country, c, none, none, c);
        m_countries.push_back(country);
        m_country.push_back({country, 0, 0, none, 0});
        // UN status: most states are members; a few observers and non-members.
        const auto status = rng.below(100);
        m_nodes[country].flag = status < 88 ? 0 : status < 90 ? 1 : 2;

        if (c % countries_per_region == 0) {
            const auto r = static_cast<std::uint32_t>(m_regions.size());
            m_regions.push_back(add(Role::region, c, none, none, r));
            const auto organization = add(Role::regional_organization, c, none, none, r);
            m_regional_organizations.push_back(organization);
            const auto bodies = rng.between(1, 2);
            for (std::uint32_t k = 0; k < bodies; ++k)
                m_bodies.push_back(add(Role::organization_body, c, none, organization, k));
        }
        if (c % countries_per_organization == 0) {
            const auto o = static_cast<std::uint32_t>(m_international_organizations.size());
            const auto organization = add(Role::international_organization, c, none, none, o);
            m_international_organizations.push_back(organization);
            const auto bodies = rng.between(2, 4);
            for (std::uint32_t k = 0; k < bodies; ++k)
                m_bodies.push_back(add(Role::organization_body, c, none, organization, k));
            if (o == 0) m_groups.push_back(add(Role::organization_group, c, none, none, 0));
        }
        const auto cities = rng.between(2, 8);
        m_country[c].first_city = static_cast<std::uint32_t>(m_nodes.size());
        m_country[c].cities = static_cast<std::uint32_t>(cities);
        for (std::uint32_t k = 0; k < cities; ++k) m_cities.push_back(add(Role::city, c, none, country, k));
    }

    void build_block(std::uint32_t b, std::uint32_t state) {
        auto& rng = m_shape;
        m_blocks.emplace_back();
        auto& country = m_country[state];
        const bool foreign = country.ministries == 0;
        m_blocks[b].country = state;
        m_blocks[b].serial = country.ministries++;
        if (foreign) country.foreign_ministry = b;
        const auto ministry = add(Role::ministry, state, b, country.entity, m_blocks[b].serial);
        m_blocks[b].ministry = ministry;
        auto put = [&](Role role, std::uint32_t owner, std::uint32_t serial) {
            return add(role, state, b, owner, serial);
        };

        const auto functional = rng.between(4, 9), regional = rng.between(2, 7);
        m_blocks[b].first_department = static_cast<std::uint32_t>(m_nodes.size());
        m_blocks[b].departments = static_cast<std::uint32_t>(functional + regional);
        m_blocks[b].regional_departments = static_cast<std::uint32_t>(regional);
        for (std::uint32_t k = 0; k < functional; ++k) put(Role::department, ministry, k);
        for (std::uint32_t k = 0; k < regional; ++k) put(Role::regional_department, ministry, k);

        const auto institutes = rng.between(1, 3);
        for (std::uint32_t k = 0; k < institutes; ++k) {
            const auto institute = put(Role::institute, ministry, k);
            std::vector<std::uint32_t> owners{institute};
            const auto units = rng.between(2, 5);
            for (std::uint32_t u = 0; u < units; ++u) {
                // Most units are divisions of the institute; some are sections of a division.
                const auto owner = rng.chance(3, 10) ? owners[rng.below(owners.size())] : institute;
                owners.push_back(put(Role::unit, owner, serial_under(owner, Role::unit)));
            }
            const auto posts = rng.between(1, 2);
            for (std::uint32_t p = 0; p < posts; ++p) {
                const auto owner = owners[rng.below(owners.size())];
                put(Role::post, owner, serial_under(owner, Role::post));
            }
            add_channels(state, b, institute, rng.between(1, 2));
        }

        const auto associations = rng.between(2, 7);
        for (std::uint32_t k = 0; k < associations; ++k) {
            const auto association = put(Role::association, ministry, k);
            std::vector<std::uint32_t> owners{association};
            const auto organs = rng.between(2, 3);
            for (std::uint32_t o = 0; o < organs; ++o) owners.push_back(put(Role::organ, association, o));
            const auto posts = rng.between(2, 5);
            m_nodes[association].a = static_cast<std::uint32_t>(m_nodes.size());
            m_nodes[association].b = static_cast<std::uint32_t>(posts);
            for (std::uint32_t p = 0; p < posts; ++p) {
                const auto owner = owners[rng.below(owners.size())];
                put(Role::post, owner, serial_under(owner, Role::post));
            }
            const auto units = rng.between(0, 2);
            for (std::uint32_t u = 0; u < units; ++u) {
                const auto owner = owners[rng.below(owners.size())];
                put(Role::unit, owner, serial_under(owner, Role::unit));
            }
            const auto branches = rng.between(0, 3);
            for (std::uint32_t r = 0; r < branches; ++r) put(Role::branch, association, r);
            add_channels(state, b, association, rng.between(1, 3));
        }

        m_blocks[b].first_mission = static_cast<std::uint32_t>(m_nodes.size());
        if (foreign) {
            put(Role::mission_group, ministry, 0);
            m_blocks[b].first_mission = static_cast<std::uint32_t>(m_nodes.size());
            // Embassies in up to 120 countries, some with consulates-general under them.
            std::uint32_t serial = 0;
            const auto most = std::clamp<std::uint64_t>(m_countries.size() - 1, 1, 120);
            const auto embassies = rng.between(std::min<std::uint64_t>(10, most), most);
            for (std::uint32_t k = 0; k < embassies; ++k) {
                const auto embassy = put(Role::embassy, ministry, serial++);
                if (!rng.chance(3, 10)) continue;
                const auto consulates = rng.between(1, 2);
                for (std::uint32_t c = 0; c < consulates; ++c) {
                    const auto consulate = put(Role::consulate_general, embassy, serial++);
                    if (rng.chance(1, 5)) put(Role::consular_office, consulate, serial++);
                }
            }
            const auto permanent = rng.between(0, 2);
            for (std::uint32_t k = 0; k < permanent; ++k) put(Role::permanent_mission, ministry, serial++);
        }
        m_blocks[b].missions = static_cast<std::uint32_t>(m_nodes.size()) - m_blocks[b].first_mission;
    }

    void add_channels(std::uint32_t state, std::uint32_t block, std::uint32_t owner, std::uint64_t count) {
        static constexpr std::array<Role, 4> kinds = {Role::postal_address, Role::email, Role::fax, Role::po_box};
        for (std::uint32_t k = 0; k < count; ++k) add(kinds[k % kinds.size()], state, block, owner, k);
    }

    // How many entities of `role` `owner` has already: units and posts are numbered per owner.
    std::uint32_t serial_under(std::uint32_t owner, Role role) const {
        std::uint32_t n = 0;
        for (auto i = static_cast<std::uint32_t>(m_nodes.size()); i-- > owner;)
            if (m_nodes[i].owner == owner && m_nodes[i].role == role) ++n;
        return n;
    }

    // Drops the entities past `count`, and every reference to them.
    void cut(std::uint32_t count) {
        if (m_nodes.size() <= count) return;
        m_nodes.resize(count);
        auto clip = [count](std::uint32_t first, std::uint32_t& n) {
            n = first >= count ? 0 : std::min(n, count - first);
        };
        if (!m_country.empty()) clip(m_country.back().first_city, m_country.back().cities);
        if (!m_blocks.empty()) {
            auto& last = m_blocks.back();
            clip(last.first_department, last.departments);
            clip(last.first_mission, last.missions);
        }
        for (auto* list : {&m_countries, &m_regions, &m_regional_organizations, &m_international_organizations,
                           &m_bodies, &m_groups, &m_cities})
            while (!list->empty() && list->back() >= count) list->pop_back();
        m_country.resize(m_countries.size());
        for (auto& node : m_nodes)
            if (node.role == Role::association && node.a != none) clip(node.a, node.b);
    }

    [[nodiscard]] std::uint32_t random_city(std::uint32_t country) {
        const auto& c = m_country[country];
        return c.cities ? c.first_city + static_cast<std::uint32_t>(m_shape.below(c.cities)) : none;
    }

    // Where every mission, branch and address is: chosen once the world is complete.
    void place() {
        auto& rng = m_shape;
        const Pool countries{m_countries.data(), 0, static_cast<std::uint32_t>(m_countries.size())};
        std::uint32_t block = none, start = 0, embassies = 0;
        for (auto& node : m_nodes) {
            if (node.block != block) {
                block = node.block;
                start = static_cast<std::uint32_t>(rng.below(std::max<std::size_t>(m_countries.size(), 1)));
                embassies = 0;
            }
            switch (node.role) {
                case Role::embassy: {
                    // A state's embassies are in different countries, as long as there are enough.
                    Pool others = countries;
                    others.exclude = node.country;
                    const auto host = others.size() ? m_nodes[others.at((start + embassies++) % others.size())].country
                                                    : node.country;
                    node.b = host;
                    const auto city = random_city(host);
                    node.a = city != none ? city : m_countries[host];
                    break;
                }
                case Role::consulate_general:
                case Role::consular_office: {
                    node.b = m_nodes[node.owner].b;
                    const auto city = random_city(node.b);
                    node.a = city != none ? city : m_countries[node.b];
                    break;
                }
                case Role::permanent_mission:
                    node.b = m_international_organizations.empty()
                                 ? none
                                 : m_international_organizations[rng.below(m_international_organizations.size())];
                    node.a = m_cities.empty() ? none : m_cities[rng.below(m_cities.size())];
                    break;
                case Role::branch:
                case Role::postal_address:
                case Role::po_box:
                    node.a = random_city(node.country);
                    break;
                default:
                    break;
            }
        }
    }

    void make_ids() {
        m_id_start.reserve(m_nodes.size() + 1);
        m_ids.reserve(m_nodes.size() * 16);
        for (std::uint32_t i = 0; i < m_nodes.size(); ++i) {
            m_id_start.push_back(static_cast<std::uint32_t>(m_ids.size()));
            const auto& n = m_nodes[i];
            const auto code = lower(country_code(n.country));
            // The owner's id is copied out of m_ids before m_ids grows.
            const std::string owner = n.owner != none ? std::string(id(n.owner)) : std::string{};
            const std::string ministry = n.block != none && m_blocks[n.block].ministry != i
                                             ? std::string(id(m_blocks[n.block].ministry))
                                             : std::string{};
            auto out = std::back_inserter(m_ids);
            switch (n.role) {
                case Role::country:
                    m_ids += country_code(n.country);
                    break;
                case Role::region:
                    fmt::format_to(out, "region-{}", n.serial + 1);
                    break;
                case Role::regional_organization:
                    fmt::format_to(out, "ro-{}", n.serial + 1);
                    break;
                case Role::international_organization:
                    fmt::format_to(out, "io-{}", n.serial + 1);
                    break;
                case Role::organization_body:
                    fmt::format_to(out, "{}-body{}", owner, n.serial + 1);
                    break;
                case Role::organization_group:
                    fmt::format_to(out, "og-{}", n.serial + 1);
                    break;
                case Role::city:
                    fmt::format_to(out, "{}-c{}", code, n.serial + 1);
                    break;
                case Role::ministry:
                    if (n.serial == 0)
                        fmt::format_to(out, "{}-mfa", code);
                    else
                        fmt::format_to(out, "{}-min{}", code, n.serial);
                    break;
                case Role::department:
                    fmt::format_to(out, "{}-d{}", ministry, n.serial + 1);
                    break;
                case Role::regional_department:
                    fmt::format_to(out, "{}-rd{}", ministry, n.serial + 1);
                    break;
                case Role::institute:
                    fmt::format_to(out, "{}-i{}", ministry, n.serial + 1);
                    break;
                case Role::association:
                    fmt::format_to(out, "{}-a{}", ministry, n.serial + 1);
                    break;
                case Role::unit:
                    fmt::format_to(out, "{}-u{}", owner, n.serial + 1);
                    break;
                case Role::organ:
                    fmt::format_to(out, "{}-o{}", owner, n.serial + 1);
                    break;
                case Role::post:
                    fmt::format_to(out, "{}-p{}", owner, n.serial + 1);
                    break;
                case Role::branch:
                    fmt::format_to(out, "{}-b{}", owner, n.serial + 1);
                    break;
                case Role::postal_address:
                case Role::po_box:
                case Role::fax:
                case Role::email:
                    fmt::format_to(out, "{}-ch{}", owner, n.serial + 1);
                    break;
                case Role::mission_group:
                    fmt::format_to(out, "{}-dipcorps", code);
                    break;
                case Role::embassy:
                case Role::consulate_general:
                case Role::consular_office:
                case Role::permanent_mission:
                    fmt::format_to(out, "{}-m{}", code, n.serial + 1);
                    break;
            }
        }
        m_id_start.push_back(static_cast<std::uint32_t>(m_ids.size()));
    }

    [[nodiscard]] std::string_view id(std::uint32_t i) const {
        return std::string_view(m_ids).substr(m_id_start[i], m_id_start[i + 1] - m_id_start[i]);
    }

    // ---- names and attributes ----

    struct EntityRow {
        std::string name, short_name, aliases, valid_from, valid_to, un_status, m49_region, m49_subregion,
            responsibility, purpose, unit_type, count, status, as_of, value;
        void clear() {
            for (auto* s : {&name, &short_name, &aliases, &valid_from, &valid_to, &un_status, &m49_region,
                            &m49_subregion, &responsibility, &purpose, &unit_type, &count, &status, &as_of, &value})
                s->clear();
        }
    };

    [[nodiscard]] std::uint64_t hash(std::uint32_t i, std::uint64_t salt = 0) const {
        return mix(m_params.seed, i, salt);
    }

    // A pronounceable word fixed by the seed and `key`.
    [[nodiscard]] std::string word(std::uint64_t key, bool country) const {
        auto h = mix(m_params.seed, key, 0x574F5244);
        std::string out;
        const auto parts = 2 + h % 2;
        h /= 2;
        for (std::uint64_t p = 0; p < parts; ++p) {
            out += syllables[h % syllables.size()];
            h /= syllables.size();
        }
        if (country) out += country_endings[h % country_endings.size()];
        return capitalised(out);
    }

    [[nodiscard]] std::string country_name(std::uint32_t country) const { return word(country, true); }
    [[nodiscard]] std::string city_name(std::uint32_t city) const { return word(0x100000000ULL + city, false); }
    [[nodiscard]] std::string region_name(std::uint32_t region) const {
        return fmt::format("{} {}", directions[region % directions.size()], word(0x200000000ULL + region, false));
    }
    [[nodiscard]] std::string organization_name(const Node& n) const {
        if (n.serial == 0) return "United Federation of Nations";
        const auto topic = organization_topics[(n.serial - 1) % organization_topics.size()];
        const auto round = (n.serial - 1) / organization_topics.size();
        return round ? fmt::format("International {} Organization {}", topic, round + 1)
                     : fmt::format("International {} Organization", topic);
    }
    [[nodiscard]] std::string short_name_of(std::uint32_t i) const {
        const auto& n = m_nodes[i];
        switch (n.role) {
            case Role::international_organization:
                return initials(organization_name(n));
            case Role::regional_organization:
                return fmt::format("U{}S", initials(region_name(n.serial)));
            case Role::institute:
                return fmt::format("I{}", initials(study_topics[n.serial % study_topics.size()]));
            case Role::association:
                return fmt::format("{} {}", country_code(n.country),
                                   initials(association_names[n.serial % association_names.size()]));
            case Role::organ:
                return fmt::format("{} {}", short_name_of(n.owner), organ_names[n.serial % organ_names.size()]);
            case Role::unit:
                return fmt::format("{} {}", short_name_of(n.owner), unit_topics[n.serial % unit_topics.size()]);
            default:
                return std::string(id(i));
        }
    }
    [[nodiscard]] std::string region_of_country(std::uint32_t country) const {
        const auto r = country / countries_per_region;
        return r < m_regions.size() ? region_name(r) : std::string{};
    }

    void describe(std::uint32_t i, EntityRow& row) const {
        const auto& n = m_nodes[i];
        const auto h = hash(i);
        switch (n.role) {
            case Role::country: {
                row.name = country_name(n.country);
                if (h % 3 == 0) row.aliases = fmt::format("Republic of {}", row.name);
                row.un_status = n.flag == 0 ? "member" : n.flag == 1 ? "observer" : "none";
                row.m49_region = region_of_country(n.country);
                if (!row.m49_region.empty())
                    row.m49_subregion = fmt::format("{} {}", directions[(h >> 8) % directions.size()], row.m49_region);
                break;
            }
            case Role::region:
                row.name = region_name(n.serial);
                break;
            case Role::regional_organization:
                row.name = fmt::format("Union of {} States", region_name(n.serial));
                row.short_name = short_name_of(i);
                break;
            case Role::international_organization:
                row.name = organization_name(n);
                row.short_name = short_name_of(i);
                break;
            case Role::organization_body:
                row.name = fmt::format("{} {}", short_name_of(n.owner), body_names[n.serial % body_names.size()]);
                break;
            case Role::organization_group:
                row.name = "other intergovernmental organisations";
                break;
            case Role::city:
                row.name = city_name(i);
                break;
            case Role::ministry:
                if (n.serial == 0) {
                    row.name = fmt::format("Ministry of Foreign Affairs of {}", country_name(n.country));
                    row.short_name = fmt::format("{} MFA", country_code(n.country));
                } else {
                    const auto portfolio = portfolios[(n.serial - 1) % portfolios.size()];
                    const auto round = (n.serial - 1) / portfolios.size();
                    row.name = round ? fmt::format("Ministry of {} No. {} of {}", portfolio, round + 1,
                                                   country_name(n.country))
                                     : fmt::format("Ministry of {} of {}", portfolio, country_name(n.country));
                }
                row.valid_from = fmt::format("{}", 1945 + h % 40);
                break;
            case Role::department:
                row.name = functional_departments[n.serial % functional_departments.size()];
                row.responsibility = responsibilities[n.serial % responsibilities.size()];
                break;
            case Role::regional_department: {
                const auto word_index = n.serial % regional_words.size();
                const auto number = n.serial / regional_words.size() + 1;
                row.name = fmt::format("{} Affairs Department {}", regional_words[word_index], number);
                row.short_name = fmt::format("{}AD{}", regional_words[word_index].substr(0, 1), number);
                row.responsibility =
                    fmt::format("relations with the {} countries", lower(std::string(regional_words[word_index])));
                break;
            }
            case Role::institute: {
                const auto topic = study_topics[n.serial % study_topics.size()];
                row.name = fmt::format("Institute for {}", topic);
                row.short_name = short_name_of(i);
                row.purpose = fmt::format("research on {}", lower(std::string(topic)));
                break;
            }
            case Role::unit:
                row.name = fmt::format("{} {}", unit_topics[n.serial % unit_topics.size()],
                                       capitalised(std::string(unit_types[h % unit_types.size()])));
                row.unit_type = unit_types[h % unit_types.size()];
                row.short_name = short_name_of(i);
                break;
            case Role::association:
                row.name = association_names[n.serial % association_names.size()];
                row.short_name = short_name_of(i);
                row.purpose = association_purposes[n.serial % association_purposes.size()];
                row.valid_from = fmt::format("{}", 1950 + h % 60);
                break;
            case Role::organ:
                row.name = short_name_of(i);
                break;
            case Role::post: {
                const auto title = post_names[n.serial % post_names.size()];
                row.name = fmt::format("{} of the {}", title, short_name_of(n.owner));
                if (n.serial % post_names.size() >= 4) row.count = fmt::format("{}", 3 + h % 40);
                break;
            }
            case Role::branch:
                row.name = fmt::format("{} branch in {}", short_name_of(n.owner),
                                       n.a != none ? city_name(n.a) : country_name(n.country));
                break;
            case Role::postal_address:
                row.name = fmt::format("{} postal address", short_name_of(n.owner));
                row.value = fmt::format("{} {} Street, {}", 1 + h % 200, streets[(h >> 8) % streets.size()],
                                        n.a != none ? city_name(n.a) : country_name(n.country));
                break;
            case Role::po_box:
                row.name = fmt::format("{} P.O. box", short_name_of(n.owner));
                row.value =
                    fmt::format("P.O. Box {}, {}", 1 + h % 999, n.a != none ? city_name(n.a) : country_name(n.country));
                break;
            case Role::fax:
                row.name = fmt::format("{} fax", short_name_of(n.owner));
                row.value = fmt::format("+{}-2-381-{:04}", 200 + n.country % 800, h % 10000);
                break;
            case Role::email:
                row.name = fmt::format("{} e-mail", short_name_of(n.owner));
                row.value = fmt::format("{}@{}.example", id(n.owner), lower(country_code(n.country)));
                break;
            case Role::mission_group:
                row.name = fmt::format("diplomatic missions in {}", country_name(n.country));
                break;
            case Role::embassy:
            case Role::consulate_general:
            case Role::consular_office:
            case Role::permanent_mission: {
                const auto sender = country_name(n.country);
                if (n.role == Role::embassy)
                    row.name = fmt::format("Embassy of {} in {}", sender, country_name(n.b));
                else if (n.role == Role::permanent_mission)
                    row.name =
                        fmt::format("Permanent Mission of {} to the {}", sender,
                                    n.b != none ? organization_name(m_nodes[n.b]) : "United Federation of Nations");
                else
                    row.name = fmt::format(
                        "{} of {} in {}", n.role == Role::consular_office ? "Consular Office" : "Consulate-General",
                        sender, m_nodes[n.a].role == Role::city ? city_name(n.a) : country_name(n.b));
                const auto opened = 1948 + static_cast<int>(h % 70);
                row.valid_from = fmt::format("{}", opened);
                const auto state = (h >> 16) % 20;
                row.status = state < 17 ? "open" : state < 19 ? "closed" : "uncertain";
                if (state >= 17 && state < 19)
                    row.valid_to = fmt::format("{}", std::min(2023, opened + 1 + static_cast<int>((h >> 24) % 30)));
                row.as_of = fmt::format("2024-{:02}", 1 + (h >> 32) % 12);
                break;
            }
        }
    }

    // ---- relations ----

    // Counts the structural relations, and plans how the others are spread.
    void plan_relations() {
        StructureCounter counter;
        Random scratch(0);
        for (std::uint32_t i = 0; i < m_nodes.size(); ++i) relations_of(i, counter, scratch);
        m_structural = counter.count;

        // Which entities draw from which family, and how much room each has.
        for (std::uint32_t i = 0; i < m_nodes.size(); ++i) {
            for (auto family : families_of(i)) {
                const auto pool = pool_of(family, i);
                const auto base = structural_in_family(family, i, pool);
                auto& plan = m_families[family];
                plan.sources.push_back(i);
                plan.room.push_back(pool.size() - base);
                m_room += pool.size() - base;
            }
        }
        if (m_params.relations > m_structural + m_room)
            throw generate_error(fmt::format(
                "{} entities can take at most {} relations (every relation joins two different entities, as "
                "the schema allows, and no statement is made twice); ask for fewer relations or more entities",
                m_nodes.size(), m_structural + m_room));
        spread(m_params.relations > m_structural ? m_params.relations - m_structural : 0);
    }

    // Shares `total` among the families by weight, never beyond their room, then among each
    // family's sources by a random weight (a few take eight times as many: hubs).
    void spread(std::uint64_t total) {
        std::array<std::uint64_t, family_count> room{}, share{};
        for (std::size_t f = 0; f < family_count; ++f)
            for (auto r : m_families[f].room) room[f] += r;
        std::uint64_t left = total;
        while (left > 0) {
            std::uint64_t weights = 0;
            for (std::size_t f = 0; f < family_count; ++f)
                if (share[f] < room[f]) weights += family_weight[f];
            std::uint64_t given = 0;
            for (std::size_t f = 0; f < family_count; ++f) {
                if (share[f] >= room[f]) continue;
                const auto take = std::min(left * family_weight[f] / weights, room[f] - share[f]);
                share[f] += take;
                given += take;
            }
            if (given == 0) {
                // What is left is less than the weights divide: one each while it lasts.
                for (std::size_t f = 0; f < family_count && given < left; ++f)
                    if (share[f] < room[f]) {
                        ++share[f];
                        ++given;
                    }
            }
            left -= given;
        }
        for (std::size_t f = 0; f < family_count; ++f) {
            auto& plan = m_families[f];
            const auto n = plan.sources.size();
            plan.extra.assign(n, 0);
            if (share[f] == 0) continue;
            std::vector<std::uint32_t> weight(n);
            std::uint64_t weights = 0;
            for (std::size_t i = 0; i < n; ++i) {
                weight[i] = static_cast<std::uint32_t>(1 + m_spread.below(4)) * (m_spread.chance(1, 16) ? 8 : 1);
                weights += weight[i];
            }
            std::uint64_t given = 0;
            for (std::size_t i = 0; i < n; ++i) {
                // Integer arithmetic, so that every platform rounds alike: share < 2^31, weight <= 32.
                const auto want = share[f] * weight[i] / weights;
                plan.extra[i] = static_cast<std::uint32_t>(std::min<std::uint64_t>(want, plan.room[i]));
                given += plan.extra[i];
            }
            // The rest goes round the sources from a random one, to those with room left.
            const auto start = m_spread.below(n);
            for (std::size_t k = 0; k < n && given < share[f]; ++k) {
                const auto i = (start + k) % n;
                const auto add = std::min<std::uint64_t>(plan.room[i] - plan.extra[i], share[f] - given);
                plan.extra[i] += static_cast<std::uint32_t>(add);
                given += add;
            }
        }
    }

    // The families an entity draws extra relations from, in the order relations_of() asks.
    [[nodiscard]] std::vector<Family> families_of(std::uint32_t i) const {
        switch (m_nodes[i].role) {
            case Role::country:
                return {family_country_member_of};
            case Role::department:
                return {family_handles, family_works_through, family_deals_with};
            case Role::regional_department:
                // Those of a ministry of foreign affairs share the world out (structurally) instead.
                if (foreign_ministry_department(i)) return {family_handles, family_works_through, family_deals_with};
                return {family_covers, family_handles, family_works_through, family_deals_with};
            case Role::institute:
                return {family_focuses_on, family_institute_member_of, family_contact_via};
            case Role::association:
                return {family_focuses_on, family_contact_via};
            case Role::organ:
                return {family_elects};
            case Role::embassy:
            case Role::consulate_general:
            case Role::consular_office:
            case Role::permanent_mission:
                return {family_serves};
            default:
                return {};
        }
    }

    [[nodiscard]] bool foreign_ministry_department(std::uint32_t i) const {
        return m_nodes[i].block != none && m_blocks[m_nodes[i].block].serial == 0;
    }

    // The missions of the state an entity belongs to: those of its foreign ministry.
    [[nodiscard]] Pool missions_of_state(std::uint32_t country) const {
        const auto b = m_country[country].foreign_ministry;
        if (b == none) return {};
        return {nullptr, m_blocks[b].first_mission, m_blocks[b].missions};
    }

    [[nodiscard]] Pool pool_of(Family family, std::uint32_t i) {
        const auto& n = m_nodes[i];
        static const Block no_block;
        const auto& block = n.block != none ? m_blocks[n.block] : no_block;
        auto count = [](const std::vector<std::uint32_t>& v) { return static_cast<std::uint32_t>(v.size()); };
        switch (family) {
            case family_covers:
                // Regions are covered only structurally (see relations_of): a covered region
                // stands for all the countries it includes.
                if (m_covers_pool.empty()) {
                    m_covers_pool = m_countries;
                    m_covers_pool.insert(m_covers_pool.end(), m_regional_organizations.begin(),
                                         m_regional_organizations.end());
                }
                return {m_covers_pool.data(), 0, count(m_covers_pool)};
            case family_focuses_on:
                if (m_focus_pool.empty()) {
                    m_focus_pool = m_countries;
                    m_focus_pool.insert(m_focus_pool.end(), m_regions.begin(), m_regions.end());
                }
                return {m_focus_pool.data(), 0, count(m_focus_pool)};
            case family_country_member_of:
                // The first international organisation is a structural membership of UN members.
                if (m_international_organizations.size() < 2) return {};
                return {m_international_organizations.data() + 1, 0, count(m_international_organizations) - 1};
            case family_institute_member_of:
                return {m_international_organizations.data(), 0, count(m_international_organizations)};
            case family_contact_via:
            case family_handles:
                return missions_of_state(n.country);
            case family_works_through:
                return {nullptr, block.first_department, block.departments, i - block.first_department};
            case family_deals_with:
                if (m_deals_pool.empty()) {
                    m_deals_pool = m_regional_organizations;
                    for (const auto* v : {&m_international_organizations, &m_bodies, &m_groups})
                        m_deals_pool.insert(m_deals_pool.end(), v->begin(), v->end());
                }
                return {m_deals_pool.data(), 0, count(m_deals_pool)};
            case family_serves:
                return {m_countries.data(), 0, count(m_countries), n.country};
            case family_elects: {
                const auto& association = m_nodes[n.owner];
                return {nullptr, association.a, association.a == none ? 0 : association.b};
            }
            case family_count:
                break;
        }
        return {};
    }

    // The structural relations a source has in a family's run: its first covers and focuses_on.
    [[nodiscard]] std::uint32_t structural_in_family(Family family, std::uint32_t i, const Pool& pool) const {
        if (pool.size() == 0) return 0;
        if (family == family_covers) return 1;
        if (family == family_focuses_on && m_nodes[i].role == Role::association) return 1;
        return 0;
    }

    // Counts structural relations; the others are not asked for yet.
    struct StructureCounter {
        std::uint64_t count = 0;
        static constexpr bool planned = false;
        void structural(std::uint32_t, std::uint32_t, Rel, int = 0, int = 0) { ++count; }
        void extra(std::uint32_t, std::uint32_t, Rel, int = 0, int = 0) {}
    };

    struct RelationWriter {
        static constexpr bool planned = true;
        const Generator& generator;
        FileWriter& file;
        Random& select;
        std::uint64_t structural_left;  // structural relations not yet seen
        std::uint64_t wanted;           // of which this many are still to be kept
        std::uint64_t written = 0;

        void structural(std::uint32_t from, std::uint32_t to, Rel kind, int valid_from = 0, int valid_to = 0) {
            // Selection sampling (Knuth's algorithm S): keeps exactly `wanted` of them, evenly.
            const bool keep = select.below(structural_left) < wanted;
            --structural_left;
            if (!keep) return;
            --wanted;
            extra(from, to, kind, valid_from, valid_to);
        }
        void extra(std::uint32_t from, std::uint32_t to, Rel kind, int valid_from = 0, int valid_to = 0) {
            auto& out = file.buffer();
            out.append(generator.id(from));
            out.push_back(',');
            out.append(generator.id(to));
            out.push_back(',');
            out.append(relation_id(kind));
            out.push_back(',');
            if (valid_from) fmt::format_to(std::back_inserter(out), "{}", valid_from);
            out.push_back(',');
            if (valid_to) fmt::format_to(std::back_inserter(out), "{}", valid_to);
            out.push_back('\n');
            ++written;
        }
    };

    // A run of consecutive pool entries from a random start: the first `structural` of them
    // are structural, the rest extra.
    template <typename Sink>
    void run(Sink& sink, Random& rng, std::uint32_t from, Rel kind, const Pool& pool, std::uint32_t structural,
             std::uint32_t extra, int valid_from = 0) const {
        const auto n = structural + extra;
        if (n == 0) return;
        const auto size = pool.size();
        const auto start = rng.below(size);
        for (std::uint32_t k = 0; k < n; ++k) {
            const auto to = pool.at(static_cast<std::uint32_t>((start + k) % size));
            if (k < structural)
                sink.structural(from, to, kind, valid_from);
            else
                sink.extra(from, to, kind, valid_from);
        }
    }

    template <typename Sink>
    void family_run(Sink& sink, Random& rng, std::uint32_t i, Family family, Rel kind, int valid_from = 0) {
        const auto pool = pool_of(family, i);
        const auto base = structural_in_family(family, i, pool);
        std::uint32_t extra = 0;
        if constexpr (Sink::planned) {
            auto& plan = m_families[family];
            extra = plan.extra[plan.cursor++];
        }
        run(sink, rng, i, kind, pool, base, extra, valid_from);
    }

    // Every relation that starts at entity i, or that is written when i is (has_post with the
    // post, contact_via with the address).
    template <typename Sink>
    void relations_of(std::uint32_t i, Sink& sink, Random& rng) {
        const auto& n = m_nodes[i];
        static const Block no_block;
        const auto& block = n.block != none ? m_blocks[n.block] : no_block;
        const auto& state = m_country[n.country];
        const auto capital = state.cities ? state.first_city : none;
        const auto h = hash(i, 0x52454C);
        switch (n.role) {
            case Role::country: {
                const auto r = n.country / countries_per_region;
                if (r < m_regional_organizations.size())
                    sink.structural(i, m_regional_organizations[r], Rel::member_of, 1960 + static_cast<int>(h % 55));
                if (n.flag == 0 && !m_international_organizations.empty())
                    sink.structural(i, m_international_organizations[0], Rel::member_of,
                                    1945 + static_cast<int>((h >> 8) % 70));
                family_run(sink, rng, i, family_country_member_of, Rel::member_of,
                           1950 + static_cast<int>((h >> 16) % 70));
                break;
            }
            case Role::region: {
                const auto first = n.serial * countries_per_region;
                const auto last = std::min<std::size_t>(first + countries_per_region, m_countries.size());
                for (auto b = first; b < last; ++b) sink.structural(i, m_countries[b], Rel::includes);
                break;
            }
            case Role::organization_body:
                sink.structural(i, n.owner, Rel::part_of);
                break;
            case Role::city:
                sink.structural(i, n.owner, Rel::located_in);
                break;
            case Role::ministry:
                sink.structural(i, n.owner, Rel::ministry_of);
                if (capital != none) sink.structural(i, capital, Rel::located_in);
                break;
            case Role::regional_department: {
                sink.structural(i, n.owner, Rel::part_of);
                // One in ten covers its home region as a whole.
                const auto region = n.country / countries_per_region;
                if (h % 10 == 0 && region < m_regions.size()) sink.structural(i, m_regions[region], Rel::covers);
                if (foreign_ministry_department(i)) {
                    // The regional departments of a ministry of foreign affairs share the world:
                    // the k-th of R covers the k-th R-th of the countries (its own state aside) and
                    // of the regional organisations.
                    const auto k = std::uint64_t{n.serial}, parts = std::uint64_t{block.regional_departments};
                    const auto countries = m_countries.size(), organizations = m_regional_organizations.size();
                    for (auto c = k * countries / parts; c < (k + 1) * countries / parts; ++c)
                        if (c != n.country) sink.structural(i, m_countries[c], Rel::covers);
                    for (auto o = k * organizations / parts; o < (k + 1) * organizations / parts; ++o)
                        sink.structural(i, m_regional_organizations[o], Rel::covers);
                } else {
                    family_run(sink, rng, i, family_covers, Rel::covers);
                }
                family_run(sink, rng, i, family_handles, Rel::handles);
                family_run(sink, rng, i, family_works_through, Rel::works_through);
                family_run(sink, rng, i, family_deals_with, Rel::deals_with);
                break;
            }
            case Role::department:
                sink.structural(i, n.owner, Rel::part_of);
                family_run(sink, rng, i, family_handles, Rel::handles);
                family_run(sink, rng, i, family_works_through, Rel::works_through);
                family_run(sink, rng, i, family_deals_with, Rel::deals_with);
                break;
            case Role::institute:
                sink.structural(i, n.owner, Rel::part_of);
                if (capital != none) sink.structural(i, capital, Rel::located_in);
                family_run(sink, rng, i, family_focuses_on, Rel::focuses_on);
                family_run(sink, rng, i, family_institute_member_of, Rel::member_of, 1970 + static_cast<int>(h % 50));
                family_run(sink, rng, i, family_contact_via, Rel::contact_via);
                break;
            case Role::unit:
            case Role::organ:
            case Role::branch:
                sink.structural(i, n.owner, Rel::part_of);
                if (n.role == Role::branch && n.a != none) sink.structural(i, n.a, Rel::located_in);
                if (n.role == Role::organ) family_run(sink, rng, i, family_elects, Rel::elects);
                break;
            case Role::association:
                sink.structural(i, n.owner, Rel::sponsored_by);
                if (capital != none) sink.structural(i, capital, Rel::located_in);
                family_run(sink, rng, i, family_focuses_on, Rel::focuses_on);
                family_run(sink, rng, i, family_contact_via, Rel::contact_via);
                break;
            case Role::post:
                sink.structural(n.owner, i, Rel::has_post);
                break;
            case Role::postal_address:
            case Role::po_box:
            case Role::fax:
            case Role::email:
                sink.structural(n.owner, i, Rel::contact_via);
                if (n.a != none) sink.structural(i, n.a, Rel::located_in);
                break;
            case Role::mission_group:
                if (capital != none) sink.structural(i, capital, Rel::located_in);
                if (block.departments) sink.structural(block.first_department, i, Rel::handles);
                break;
            case Role::embassy:
            case Role::consulate_general:
            case Role::consular_office:
            case Role::permanent_mission:
                if (n.a != none) sink.structural(i, n.a, Rel::located_in);
                sink.structural(i, state.entity, Rel::represents);
                if (n.role == Role::consulate_general || n.role == Role::consular_office)
                    sink.structural(i, n.owner, Rel::subordinate_to);
                if (n.role == Role::permanent_mission && n.b != none) sink.structural(i, n.b, Rel::accredited_to);
                family_run(sink, rng, i, family_serves, Rel::serves);
                break;
            case Role::regional_organization:
            case Role::international_organization:
            case Role::organization_group:
                break;
        }
    }

    GenerateParams m_params;
    Random m_shape;   // the structure of the world
    Random m_spread;  // how the extra relations are spread
    std::vector<Node> m_nodes;
    std::vector<Block> m_blocks;
    std::vector<Country> m_country;  // by country index, beside m_countries (their entities)
    std::vector<std::uint32_t> m_countries, m_regions, m_regional_organizations, m_international_organizations,
        m_bodies, m_groups, m_cities;
    std::vector<std::uint32_t> m_covers_pool, m_focus_pool, m_deals_pool;
    std::string m_ids;
    std::vector<std::uint32_t> m_id_start;
    std::array<FamilyPlan, family_count> m_families;
    std::uint64_t m_structural = 0;
    std::uint64_t m_room = 0;
};

// Removes a temporary directory unless it was renamed into place.
struct TemporaryDirectory {
    fs::path path;
    TemporaryRegistration registration;
    bool keep = false;
    ~TemporaryDirectory() {
        if (keep) return;
        std::error_code ec;
        fs::remove_all(path, ec);
    }
};

// True when the directory holds nothing but what the generator writes.
bool replaceable(const fs::path& directory) {
    for (const auto& entry : fs::directory_iterator(directory)) {
        const auto name = entry.path().filename().string();
        if (!entry.is_regular_file() || (name != "dataset.toml" && name != "entities.csv" && name != "relations.csv"))
            return false;
    }
    return true;
}

// True when the path holds a directory with something in it.
bool occupied(const fs::path& target) {
    std::error_code ec;
    const auto status = fs::symlink_status(target, ec);
    if (!fs::exists(status)) return false;
    return !fs::is_directory(status) || !fs::is_empty(target, ec);
}

// An empty directory is taken over; one holding an earlier dataset only with `replace`.
void check_target(const fs::path& target, bool replace) {
    std::error_code ec;
    const auto status = fs::symlink_status(target, ec);
    if (!occupied(target)) return;
    if (!replace)
        throw std::runtime_error(
            fmt::format("'{}' exists already (--force replaces a dataset written earlier)", target.string()));
    if (!fs::is_directory(status))
        throw std::runtime_error(fmt::format("'{}' exists and is not a directory; not replacing it", target.string()));
    if (!replaceable(target))
        throw std::runtime_error(
            fmt::format("'{}' holds files other than dataset.toml, entities.csv and relations.csv; not replacing it",
                        target.string()));
}

}  // namespace

GenerateSummary plan_generated_dataset(const GenerateParams& params) {
    return Generator(params).summary();
}

GenerateSummary generate_dataset(const GenerateParams& params, const std::string& directory, bool replace) {
    fs::path target = fs::path(directory).lexically_normal();
    if (!target.has_filename()) target = target.parent_path();
    if (target.empty() || target.filename() == "." || target.filename() == "..")
        throw std::runtime_error(fmt::format("'{}' cannot be the output directory (name a new directory)", directory));
    check_target(target, replace);

    Generator generator(params);
    const auto parent = target.has_parent_path() ? target.parent_path() : fs::path(".");
    fs::create_directories(parent);
    // Under an unguessable name, removed on SIGINT or SIGTERM (temporary.hpp).
    TemporaryDirectory temporary{create_temporary_directory(target), {}};
    temporary.registration = TemporaryRegistration(temporary.path.string(), true);
    generator.write_dataset_toml(temporary.path / "dataset.toml");
    generator.write_entities(temporary.path / "entities.csv");
    generator.write_relations(temporary.path / "relations.csv");

    check_target(target, replace);
    struct stat existing {};
    const bool has_mode = ::stat(target.c_str(), &existing) == 0 && S_ISDIR(existing.st_mode);
    if (::chmod(temporary.path.c_str(), has_mode ? (existing.st_mode & 07777) : new_file_mode(true)) != 0)
        throw std::runtime_error(fmt::format("cannot write '{}': {}", target.string(), std::strerror(errno)));
    sync_directory(temporary.path);
    if (occupied(target)) {
        // Swap the new directory with the old one in one step where the system can, so that the
        // path always holds a whole dataset; then remove the old one.
        if (::renameat2(AT_FDCWD, temporary.path.c_str(), AT_FDCWD, target.c_str(), RENAME_EXCHANGE) != 0) {
            const auto old = parent / fmt::format(".{}.old-{}", target.filename().string(), ::getpid());
            fs::rename(target, old);
            fs::rename(temporary.path, target);
            sync_directory(parent);
            fs::remove_all(old);
            temporary.keep = true;
            return generator.summary();
        }
        // The temporary path now holds the old dataset, which the guard removes.
        sync_directory(parent);
        return generator.summary();
    }
    if (std::rename(temporary.path.c_str(), target.c_str()) != 0)
        throw std::runtime_error(fmt::format("cannot write '{}': {}", target.string(), std::strerror(errno)));
    temporary.keep = true;
    sync_directory(parent);
    return generator.summary();
}

}  // namespace orgraph
