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
#include "orgraph/generate/profile.hpp"
#include "orgraph/write/temporary.hpp"

// The generator works with roles of its own; a profile (profile.hpp) says which kind, relation
// kind and attribute of the schema each is, and nothing here names one. With the built-in
// schema's profile, a state is a country, a head a ministry, an area unit a regional department,
// a resident envoy an embassy.
//
// The world comes first: states (about 2.5·√N of them) with their towns, a zone and a bloc for
// every twelve states, a world body for every 150. Then the organisations, block by block: a
// block is one head of one of the home states (one state in ten) with everything under it
// (units, research centres, societies). The first block of each home state is the one that
// deals with the world: it also has the state's representations abroad, and its area units
// share the world between them. Blocks are added until the requested number of entities is
// reached, and the last one is cut there: entities are created in an order in which everything
// an entity refers to already exists, so a cut block is still whole.
//
// Relations come in two parts. The structural ones follow from the entities (a unit is part of
// its head, a representation is situated in a town and speaks for its state). The rest are
// spread over many-to-many relation roles (answers_for, manages, reached_at, looks_after, …),
// each source entity taking a run of consecutive entries of a pool (the states in order, so a
// unit answers for neighbouring states; the representations of its own state), which keeps
// every statement distinct without a set of those already made. A request for fewer relations
// than the structural ones keeps an even sample of them (selection sampling).

namespace orgraph {
namespace {

namespace fs = std::filesystem;

constexpr std::uint32_t none = UINT32_MAX;
constexpr std::uint32_t states_per_zone = 12;
constexpr std::uint32_t states_per_world_body = 150;
constexpr std::uint32_t states_per_home_state = 10;

// The generator's roles and relation roles, in the order of generate_entity_roles and
// generate_relation_roles (orgraph/generate/profile.hpp): the profile names their kinds.
enum class Role : std::uint8_t {
    state,
    zone,
    bloc,
    world_body,
    body_part,
    body_group,
    town,
    head,
    functional_unit,
    area_unit,
    research_centre,
    subunit,
    society,
    society_organ,
    position,
    outpost,
    address,
    box,
    fax_line,
    mailbox,
    envoy_group,
    resident_envoy,
    local_envoy,
    minor_envoy,
    delegation,
};
static_assert(static_cast<std::size_t>(Role::delegation) + 1 == generate_entity_roles.size());

enum class Rel : std::uint8_t {
    part,
    belongs_to,
    answers_for,
    groups,
    joins,
    backed_by,
    studies,
    reached_at,
    situated_in,
    has_position,
    chooses,
    manages,
    cooperates_with,
    engages,
    speaks_for,
    reports_to,
    delegated_to,
    looks_after,
};
static_assert(static_cast<std::size_t>(Rel::looks_after) + 1 == generate_relation_roles.size());

struct Node {
    std::uint32_t state = 0;     // the state it is, is in, or belongs to (an index of countries)
    std::uint32_t block = none;  // the ministry block of an organisation's entity
    std::uint32_t owner = none;  // what it belongs to: ministry, institute, association, embassy, …
    std::uint32_t serial = 0;    // its place among the like entities of its owner (or block)
    std::uint32_t a = none;      // role-specific: the city it is in; an association's first post
    std::uint32_t b = none;      // role-specific: a mission's host country; an association's post count
    Role role = Role::state;
    std::uint8_t flag = 0;  // a country's UN status: 0 member, 1 observer, 2 none
};

struct State {
    std::uint32_t entity = none;
    std::uint32_t first_town = 0, towns = 0;
    std::uint32_t first_head = none;  // the block of its ministry of foreign affairs
    std::uint32_t heads = 0;
};

struct Block {
    std::uint32_t state = 0;  // the home state
    std::uint32_t head = none;
    std::uint32_t serial = 0;  // 0: the ministry of foreign affairs; then the state's other ministries
    std::uint32_t first_unit = 0, units = 0;
    std::uint32_t area_units = 0;  // as planned, before a cut
    std::uint32_t first_envoy = 0, envoys = 0;
};

// The many-to-many kinds that take the relations beyond the structural ones.
enum Family : std::uint8_t {
    family_answers_for,
    family_studies,
    family_state_joins,
    family_centre_joins,
    family_reached_at,
    family_manages,
    family_cooperates_with,
    family_engages,
    family_looks_after,
    family_chooses,
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

// The profile's lists of words and name patterns ([names]), in the order of generate_name_lists
// and generate_name_patterns (orgraph/generate/profile.hpp).
enum class NameList : std::uint8_t {
    syllables,
    state_endings,
    directions,
    portfolios,
    functional_unit_names,
    functional_unit_remits,
    area_words,
    research_topics,
    subunit_topics,
    subunit_types,
    society_names,
    society_aims,
    society_organ_names,
    position_titles,
    world_body_topics,
    body_part_names,
    streets,
};
static_assert(static_cast<std::size_t>(NameList::streets) + 1 == generate_name_lists.size());
enum class NamePattern : std::uint8_t {
    first_world_body,
    first_head,
    first_head_short,
    head,
    head_numbered,
    area_unit,
    area_unit_short,
    area_unit_remit,
    research_centre,
    research_centre_short,
    research_centre_aim,
    envoy_group,
    resident_envoy,
    local_envoy,
    minor_envoy,
    delegation,
    outpost,
    address,
    box,
    fax_line,
    mailbox,
};
static_assert(static_cast<std::size_t>(NamePattern::mailbox) + 1 == generate_name_patterns.size());

std::uint64_t integer_sqrt(std::uint64_t n) {
    std::uint64_t r = 0;
    while ((r + 1) * (r + 1) <= n) ++r;
    return r;
}

// Three or more letters that differ for every country: a bijective scramble of its number, so
// that neighbouring countries do not get neighbouring codes.
std::string state_code(std::uint32_t st) {
    std::uint64_t space = 26 * 26 * 26;
    std::uint64_t index = st;
    int letters = 3;
    while (index >= space) {
        index -= space;
        space *= 26;
        ++letters;
    }
    // 7919 is prime and not 2 or 13, the factors of 26^k: multiplying by it permutes [0, 26^k).
    std::uint64_t contact_text = (index * 7919 + 4242) % space;
    std::string code(static_cast<std::size_t>(letters), 'A');
    for (int i = letters - 1; i >= 0; --i) {
        code[static_cast<std::size_t>(i)] = static_cast<char>('A' + contact_text % 26);
        contact_text /= 26;
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

// Capital letters of the words of a name: "Union of North Kalo States" → "UNKS".
std::string initials(std::string_view name) {
    std::string out;
    bool start = true;
    for (char c : name) {
        if (start && c >= 'A' && c <= 'Z') out += c;
        start = c == ' ' || c == '-';
    }
    return out;
}

// Text for a TOML basic string: quotes and backslashes escaped (the profile's sentences hold no
// control characters).
std::string toml_text(std::string_view text) {
    std::string out;
    for (char c : text) {
        if (c == '"' || c == '\\') out.push_back('\\');
        out.push_back(c);
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
        if (!params.profile.complete())
            throw generate_error("no generator profile: the roles' kinds, relation kinds and attributes are not given");
        if (params.entities == 0) throw generate_error("the number of entities must be at least 1");
        if (params.entities > generate_max_entities)
            throw generate_error(fmt::format("at most {} entities can be generated", generate_max_entities));
        if (params.relations > generate_max_relations)
            throw generate_error(fmt::format("at most {} relations can be generated", generate_max_relations));
        build();
        // Every state's name, made once: most entities name their state or a host state.
        m_state_names.reserve(m_states.size());
        for (std::uint32_t st = 0; st < m_states.size(); ++st) m_state_names.push_back(word(st, true));
        place();
        make_ids();
        plan_relations();
    }

    [[nodiscard]] GenerateSummary summary() const {
        GenerateSummary s;
        s.entities = m_nodes.size();
        s.relations = m_params.relations;
        s.states = m_states.size();
        for (const auto& b : m_blocks) s.heads += b.head != none ? 1 : 0;
        for (const auto& c : m_state) s.home_states += c.heads ? 1 : 0;
        s.structural_relations = m_structural;
        s.max_relations = m_structural + m_room;
        return s;
    }

    // What the profile calls a role, a relation role and a value role.
    [[nodiscard]] std::string_view kind_of(Role role) const {
        return m_params.profile.kinds[static_cast<std::size_t>(role)];
    }
    [[nodiscard]] std::string_view relation_id(Rel rel) const {
        return m_params.profile.relations[static_cast<std::size_t>(rel)];
    }
    [[nodiscard]] std::string_view value_of(std::size_t value_role) const {
        return m_params.profile.values[value_role];
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
                       "description = \"{description}\"\n"
                       "default_source = \"generator\"\n"
                       "\n"
                       "[[source]]\n"
                       "id = \"generator\"\n"
                       "title = \"orgraph generate --entities {e} --relations {r} --seed {seed}\"\n"
                       "publisher = \"orgraph\"\n"
                       "note = \"Synthetic data from seed {seed}: {e} entities, {r} relations ({st} of them "
                       "structural).\"\n",
                       fmt::arg("seed", m_params.seed), fmt::arg("e", s.entities), fmt::arg("r", s.relations),
                       fmt::arg("description", toml_text(fill_generate_words(m_params.profile.description, s.states,
                                                                             s.home_states, s.heads))),
                       fmt::arg("st", std::min(s.structural_relations, s.relations)));
        file.close();
    }

    void write_entities(const fs::path& path) const {
        FileWriter file(path);
        auto& out = file.buffer();
        out.append(std::string_view("id,kind,name,short_name,aliases,valid_from,valid_to"));
        for (const auto& attribute : m_params.profile.attributes) {
            out.push_back(',');
            out.append(attribute);
        }
        out.push_back('\n');
        EntityRow row;
        for (std::uint32_t i = 0; i < m_nodes.size(); ++i) {
            row.clear();
            describe(i, row);
            out.append(id(i));
            out.push_back(',');
            out.append(kind_of(m_nodes[i].role));
            for (const auto* field : {&row.name, &row.short_name, &row.aliases, &row.valid_from, &row.valid_to,
                                      &row.standing, &row.area, &row.subarea, &row.remit, &row.aim, &row.subunit_type,
                                      &row.headcount, &row.operation, &row.checked_on, &row.contact_text}) {
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

    std::uint32_t add(Role role, std::uint32_t st, std::uint32_t block, std::uint32_t owner, std::uint32_t serial) {
        Node node;
        node.role = role;
        node.state = st;
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
        const auto states =
            std::max<std::uint64_t>(1, std::min(5 * integer_sqrt(m_params.entities) / 2, m_params.entities / 20));
        for (std::uint32_t c = 0; c < states && !full(); ++c) build_state(c);
        const auto home_states = std::max<std::size_t>(1, m_states.size() / states_per_home_state);
        // Ministries go round the home states, so that each has its ministry of foreign affairs
        // before any has a second ministry.
        for (std::uint32_t b = 0; !full(); ++b)
            build_block(b, static_cast<std::uint32_t>(b % home_states * states_per_home_state));
        cut(static_cast<std::uint32_t>(m_params.entities));
    }

    void build_state(std::uint32_t c) {
        auto& rng = m_shape;
        const auto st = add(Role::state, c, none, none, c);
        m_states.push_back(st);
        m_state.push_back({st, 0, 0, none, 0});
        // UN status: most states are members; a few observers and non-members.
        const auto status = rng.below(100);
        m_nodes[st].flag = status < 88 ? 0 : status < 90 ? 1 : 2;

        if (c % states_per_zone == 0) {
            const auto r = static_cast<std::uint32_t>(m_zones.size());
            m_zones.push_back(add(Role::zone, c, none, none, r));
            const auto body = add(Role::bloc, c, none, none, r);
            m_blocs.push_back(body);
            const auto bodies = rng.between(1, 2);
            for (std::uint32_t k = 0; k < bodies; ++k) m_bodies.push_back(add(Role::body_part, c, none, body, k));
        }
        if (c % states_per_world_body == 0) {
            const auto o = static_cast<std::uint32_t>(m_world_bodies.size());
            const auto body = add(Role::world_body, c, none, none, o);
            m_world_bodies.push_back(body);
            const auto bodies = rng.between(2, 4);
            for (std::uint32_t k = 0; k < bodies; ++k) m_bodies.push_back(add(Role::body_part, c, none, body, k));
            if (o == 0) m_groups.push_back(add(Role::body_group, c, none, none, 0));
        }
        const auto towns = rng.between(2, 8);
        m_state[c].first_town = static_cast<std::uint32_t>(m_nodes.size());
        m_state[c].towns = static_cast<std::uint32_t>(towns);
        for (std::uint32_t k = 0; k < towns; ++k) m_towns.push_back(add(Role::town, c, none, st, k));
    }

    void build_block(std::uint32_t b, std::uint32_t state) {
        auto& rng = m_shape;
        m_blocks.emplace_back();
        auto& st = m_state[state];
        const bool foreign = st.heads == 0;
        m_blocks[b].state = state;
        m_blocks[b].serial = st.heads++;
        if (foreign) st.first_head = b;
        const auto head = add(Role::head, state, b, st.entity, m_blocks[b].serial);
        m_blocks[b].head = head;
        auto put = [&](Role role, std::uint32_t owner, std::uint32_t serial) {
            return add(role, state, b, owner, serial);
        };

        const auto functional = rng.between(4, 9), regional = rng.between(2, 7);
        m_blocks[b].first_unit = static_cast<std::uint32_t>(m_nodes.size());
        m_blocks[b].units = static_cast<std::uint32_t>(functional + regional);
        m_blocks[b].area_units = static_cast<std::uint32_t>(regional);
        for (std::uint32_t k = 0; k < functional; ++k) put(Role::functional_unit, head, k);
        for (std::uint32_t k = 0; k < regional; ++k) put(Role::area_unit, head, k);

        const auto centres = rng.between(1, 3);
        for (std::uint32_t k = 0; k < centres; ++k) {
            const auto centre = put(Role::research_centre, head, k);
            std::vector<std::uint32_t> owners{centre};
            const auto units = rng.between(2, 5);
            for (std::uint32_t u = 0; u < units; ++u) {
                // Most units are divisions of the institute; some are sections of a division.
                const auto owner = rng.chance(3, 10) ? owners[rng.below(owners.size())] : centre;
                owners.push_back(put(Role::subunit, owner, serial_under(owner, Role::subunit)));
            }
            const auto posts = rng.between(1, 2);
            for (std::uint32_t p = 0; p < posts; ++p) {
                const auto owner = owners[rng.below(owners.size())];
                put(Role::position, owner, serial_under(owner, Role::position));
            }
            add_channels(state, b, centre, rng.between(1, 2));
        }

        const auto societies = rng.between(2, 7);
        for (std::uint32_t k = 0; k < societies; ++k) {
            const auto society = put(Role::society, head, k);
            std::vector<std::uint32_t> owners{society};
            const auto organs = rng.between(2, 3);
            for (std::uint32_t o = 0; o < organs; ++o) owners.push_back(put(Role::society_organ, society, o));
            const auto posts = rng.between(2, 5);
            m_nodes[society].a = static_cast<std::uint32_t>(m_nodes.size());
            m_nodes[society].b = static_cast<std::uint32_t>(posts);
            for (std::uint32_t p = 0; p < posts; ++p) {
                const auto owner = owners[rng.below(owners.size())];
                put(Role::position, owner, serial_under(owner, Role::position));
            }
            const auto units = rng.between(0, 2);
            for (std::uint32_t u = 0; u < units; ++u) {
                const auto owner = owners[rng.below(owners.size())];
                put(Role::subunit, owner, serial_under(owner, Role::subunit));
            }
            const auto branches = rng.between(0, 3);
            for (std::uint32_t r = 0; r < branches; ++r) put(Role::outpost, society, r);
            add_channels(state, b, society, rng.between(1, 3));
        }

        m_blocks[b].first_envoy = static_cast<std::uint32_t>(m_nodes.size());
        if (foreign) {
            put(Role::envoy_group, head, 0);
            m_blocks[b].first_envoy = static_cast<std::uint32_t>(m_nodes.size());
            // Embassies in up to 120 countries, some with consulates-general under them.
            std::uint32_t serial = 0;
            const auto most = std::clamp<std::uint64_t>(m_states.size() - 1, 1, 120);
            const auto envoys = rng.between(std::min<std::uint64_t>(10, most), most);
            for (std::uint32_t k = 0; k < envoys; ++k) {
                const auto envoy = put(Role::resident_envoy, head, serial++);
                if (!rng.chance(3, 10)) continue;
                const auto consulates = rng.between(1, 2);
                for (std::uint32_t c = 0; c < consulates; ++c) {
                    const auto consulate = put(Role::local_envoy, envoy, serial++);
                    if (rng.chance(1, 5)) put(Role::minor_envoy, consulate, serial++);
                }
            }
            const auto permanent = rng.between(0, 2);
            for (std::uint32_t k = 0; k < permanent; ++k) put(Role::delegation, head, serial++);
        }
        m_blocks[b].envoys = static_cast<std::uint32_t>(m_nodes.size()) - m_blocks[b].first_envoy;
    }

    void add_channels(std::uint32_t state, std::uint32_t block, std::uint32_t owner, std::uint64_t count) {
        static constexpr std::array<Role, 4> kinds = {Role::address, Role::mailbox, Role::fax_line, Role::box};
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
        if (!m_state.empty()) clip(m_state.back().first_town, m_state.back().towns);
        if (!m_blocks.empty()) {
            auto& last = m_blocks.back();
            clip(last.first_unit, last.units);
            clip(last.first_envoy, last.envoys);
        }
        for (auto* list : {&m_states, &m_zones, &m_blocs, &m_world_bodies, &m_bodies, &m_groups, &m_towns})
            while (!list->empty() && list->back() >= count) list->pop_back();
        m_state.resize(m_states.size());
        for (auto& node : m_nodes)
            if (node.role == Role::society && node.a != none) clip(node.a, node.b);
    }

    [[nodiscard]] std::uint32_t random_town(std::uint32_t st) {
        const auto& c = m_state[st];
        return c.towns ? c.first_town + static_cast<std::uint32_t>(m_shape.below(c.towns)) : none;
    }

    // Where every mission, branch and address is: chosen once the world is complete.
    void place() {
        auto& rng = m_shape;
        const Pool states{m_states.data(), 0, static_cast<std::uint32_t>(m_states.size())};
        std::uint32_t block = none, start = 0, envoys = 0;
        for (auto& node : m_nodes) {
            if (node.block != block) {
                block = node.block;
                start = static_cast<std::uint32_t>(rng.below(std::max<std::size_t>(m_states.size(), 1)));
                envoys = 0;
            }
            switch (node.role) {
                case Role::resident_envoy: {
                    // A state's embassies are in different countries, as long as there are enough.
                    Pool others = states;
                    others.exclude = node.state;
                    const auto host =
                        others.size() ? m_nodes[others.at((start + envoys++) % others.size())].state : node.state;
                    node.b = host;
                    const auto town = random_town(host);
                    node.a = town != none ? town : m_states[host];
                    break;
                }
                case Role::local_envoy:
                case Role::minor_envoy: {
                    node.b = m_nodes[node.owner].b;
                    const auto town = random_town(node.b);
                    node.a = town != none ? town : m_states[node.b];
                    break;
                }
                case Role::delegation:
                    node.b = m_world_bodies.empty() ? none : m_world_bodies[rng.below(m_world_bodies.size())];
                    node.a = m_towns.empty() ? none : m_towns[rng.below(m_towns.size())];
                    break;
                case Role::outpost:
                case Role::address:
                case Role::box:
                    node.a = random_town(node.state);
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
            const auto code = lower(state_code(n.state));
            // The owner's id is copied out of m_ids before m_ids grows.
            const std::string owner = n.owner != none ? std::string(id(n.owner)) : std::string{};
            const std::string head = n.block != none && m_blocks[n.block].head != i
                                         ? std::string(id(m_blocks[n.block].head))
                                         : std::string{};
            auto out = std::back_inserter(m_ids);
            switch (n.role) {
                case Role::state:
                    m_ids += state_code(n.state);
                    break;
                case Role::zone:
                    fmt::format_to(out, "region-{}", n.serial + 1);
                    break;
                case Role::bloc:
                    fmt::format_to(out, "ro-{}", n.serial + 1);
                    break;
                case Role::world_body:
                    fmt::format_to(out, "io-{}", n.serial + 1);
                    break;
                case Role::body_part:
                    fmt::format_to(out, "{}-body{}", owner, n.serial + 1);
                    break;
                case Role::body_group:
                    fmt::format_to(out, "og-{}", n.serial + 1);
                    break;
                case Role::town:
                    fmt::format_to(out, "{}-c{}", code, n.serial + 1);
                    break;
                case Role::head:
                    if (n.serial == 0)
                        fmt::format_to(out, "{}-mfa", code);
                    else
                        fmt::format_to(out, "{}-min{}", code, n.serial);
                    break;
                case Role::functional_unit:
                    fmt::format_to(out, "{}-d{}", head, n.serial + 1);
                    break;
                case Role::area_unit:
                    fmt::format_to(out, "{}-rd{}", head, n.serial + 1);
                    break;
                case Role::research_centre:
                    fmt::format_to(out, "{}-i{}", head, n.serial + 1);
                    break;
                case Role::society:
                    fmt::format_to(out, "{}-a{}", head, n.serial + 1);
                    break;
                case Role::subunit:
                    fmt::format_to(out, "{}-u{}", owner, n.serial + 1);
                    break;
                case Role::society_organ:
                    fmt::format_to(out, "{}-o{}", owner, n.serial + 1);
                    break;
                case Role::position:
                    fmt::format_to(out, "{}-p{}", owner, n.serial + 1);
                    break;
                case Role::outpost:
                    fmt::format_to(out, "{}-b{}", owner, n.serial + 1);
                    break;
                case Role::address:
                case Role::box:
                case Role::fax_line:
                case Role::mailbox:
                    fmt::format_to(out, "{}-ch{}", owner, n.serial + 1);
                    break;
                case Role::envoy_group:
                    fmt::format_to(out, "{}-dipcorps", code);
                    break;
                case Role::resident_envoy:
                case Role::local_envoy:
                case Role::minor_envoy:
                case Role::delegation:
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

    // The profile's list of words `l`, the `i`-th of it (round the list), and its name pattern `p`.
    [[nodiscard]] const std::vector<std::string>& list(NameList l) const {
        return m_params.profile.name_lists[static_cast<std::size_t>(l)];
    }
    [[nodiscard]] const std::string& nth(NameList l, std::uint64_t i) const {
        const auto& words = list(l);
        return words[i % words.size()];
    }
    [[nodiscard]] std::string_view pattern(NamePattern p) const {
        return m_params.profile.name_patterns[static_cast<std::size_t>(p)];
    }

    // A row of entities.csv: the fixed columns, then one per attribute role (GenerateProfile).
    struct EntityRow {
        std::string name, short_name, aliases, valid_from, valid_to, standing, area, subarea, remit, aim, subunit_type,
            headcount, operation, checked_on, contact_text;
        void clear() {
            for (auto* s : {&name, &short_name, &aliases, &valid_from, &valid_to, &standing, &area, &subarea, &remit,
                            &aim, &subunit_type, &headcount, &operation, &checked_on, &contact_text})
                s->clear();
        }
    };

    [[nodiscard]] std::uint64_t hash(std::uint32_t i, std::uint64_t salt = 0) const {
        return mix(m_params.seed, i, salt);
    }

    // A pronounceable word fixed by the seed and `key`.
    [[nodiscard]] std::string word(std::uint64_t key, bool st) const {
        auto h = mix(m_params.seed, key, 0x574F5244);
        std::string out;
        const auto parts = 2 + h % 2;
        h /= 2;
        for (std::uint64_t p = 0; p < parts; ++p) {
            out += nth(NameList::syllables, h);
            h /= list(NameList::syllables).size();
        }
        if (st) out += nth(NameList::state_endings, h);
        return capitalised(out);
    }

    [[nodiscard]] const std::string& state_name(std::uint32_t st) const { return m_state_names[st]; }
    [[nodiscard]] std::string town_name(std::uint32_t town) const { return word(0x100000000ULL + town, false); }
    [[nodiscard]] std::string zone_name(std::uint32_t zone) const {
        return fmt::format("{} {}", nth(NameList::directions, zone), word(0x200000000ULL + zone, false));
    }
    [[nodiscard]] std::string world_body_name(const Node& n) const {
        if (n.serial == 0) return std::string(pattern(NamePattern::first_world_body));
        const auto& topic = nth(NameList::world_body_topics, (n.serial - 1));
        const auto round = (n.serial - 1) / list(NameList::world_body_topics).size();
        return round ? fmt::format("International {} Organization {}", topic, round + 1)
                     : fmt::format("International {} Organization", topic);
    }
    [[nodiscard]] std::string short_name_of(std::uint32_t i) const {
        const auto& n = m_nodes[i];
        switch (n.role) {
            case Role::world_body:
                return initials(world_body_name(n));
            case Role::bloc:
                return fmt::format("U{}S", initials(zone_name(n.serial)));
            case Role::research_centre:
                return fill_generate_pattern(pattern(NamePattern::research_centre_short),
                                             {{"initials", initials(nth(NameList::research_topics, n.serial))}});
            case Role::society:
                return fmt::format("{} {}", state_code(n.state), initials(nth(NameList::society_names, n.serial)));
            case Role::society_organ:
                return fmt::format("{} {}", short_name_of(n.owner), nth(NameList::society_organ_names, n.serial));
            case Role::subunit:
                return fmt::format("{} {}", short_name_of(n.owner), nth(NameList::subunit_topics, n.serial));
            default:
                return std::string(id(i));
        }
    }
    [[nodiscard]] std::string zone_of_state(std::uint32_t st) const {
        const auto r = st / states_per_zone;
        return r < m_zones.size() ? zone_name(r) : std::string{};
    }

    void describe(std::uint32_t i, EntityRow& row) const {
        const auto& n = m_nodes[i];
        const auto h = hash(i);
        switch (n.role) {
            case Role::state: {
                row.name = state_name(n.state);
                if (h % 3 == 0) row.aliases = fmt::format("Republic of {}", row.name);
                row.standing = value_of(n.flag);
                row.area = zone_of_state(n.state);
                if (!row.area.empty())
                    row.subarea = fmt::format("{} {}", nth(NameList::directions, (h >> 8)), row.area);
                break;
            }
            case Role::zone:
                row.name = zone_name(n.serial);
                break;
            case Role::bloc:
                row.name = fmt::format("Union of {} States", zone_name(n.serial));
                row.short_name = short_name_of(i);
                break;
            case Role::world_body:
                row.name = world_body_name(n);
                row.short_name = short_name_of(i);
                break;
            case Role::body_part:
                row.name = fmt::format("{} {}", short_name_of(n.owner), nth(NameList::body_part_names, n.serial));
                break;
            case Role::body_group:
                row.name = "other intergovernmental organisations";
                break;
            case Role::town:
                row.name = town_name(i);
                break;
            case Role::head:
                if (n.serial == 0) {
                    row.name =
                        fill_generate_pattern(pattern(NamePattern::first_head), {{"state", state_name(n.state)}});
                    row.short_name =
                        fill_generate_pattern(pattern(NamePattern::first_head_short), {{"code", state_code(n.state)}});
                } else {
                    const auto& portfolio = nth(NameList::portfolios, (n.serial - 1));
                    const auto round = (n.serial - 1) / list(NameList::portfolios).size();
                    row.name = round
                                   ? fill_generate_pattern(pattern(NamePattern::head_numbered),
                                                           {{"portfolio", portfolio},
                                                            {"number", fmt::format("{}", round + 1)},
                                                            {"state", state_name(n.state)}})
                                   : fill_generate_pattern(pattern(NamePattern::head),
                                                           {{"portfolio", portfolio}, {"state", state_name(n.state)}});
                }
                row.valid_from = fmt::format("{}", 1945 + h % 40);
                break;
            case Role::functional_unit:
                row.name = nth(NameList::functional_unit_names, n.serial);
                row.remit = nth(NameList::functional_unit_remits, n.serial);
                break;
            case Role::area_unit: {
                const auto word_index = n.serial % list(NameList::area_words).size();
                const auto number = n.serial / list(NameList::area_words).size() + 1;
                const auto& area_word = list(NameList::area_words)[word_index];
                const auto number_text = fmt::format("{}", number);
                row.name = fill_generate_pattern(pattern(NamePattern::area_unit),
                                                 {{"word", area_word}, {"number", number_text}});
                row.short_name = fill_generate_pattern(pattern(NamePattern::area_unit_short),
                                                       {{"initial", area_word.substr(0, 1)}, {"number", number_text}});
                row.remit =
                    fill_generate_pattern(pattern(NamePattern::area_unit_remit), {{"word_lower", lower(area_word)}});
                break;
            }
            case Role::research_centre: {
                const auto& topic = nth(NameList::research_topics, n.serial);
                row.name = fill_generate_pattern(pattern(NamePattern::research_centre), {{"topic", topic}});
                row.short_name = short_name_of(i);
                row.aim =
                    fill_generate_pattern(pattern(NamePattern::research_centre_aim), {{"topic_lower", lower(topic)}});
                break;
            }
            case Role::subunit:
                row.name = fmt::format("{} {}", nth(NameList::subunit_topics, n.serial),
                                       capitalised(std::string(nth(NameList::subunit_types, h))));
                row.subunit_type = nth(NameList::subunit_types, h);
                row.short_name = short_name_of(i);
                break;
            case Role::society:
                row.name = nth(NameList::society_names, n.serial);
                row.short_name = short_name_of(i);
                row.aim = nth(NameList::society_aims, n.serial);
                row.valid_from = fmt::format("{}", 1950 + h % 60);
                break;
            case Role::society_organ:
                row.name = short_name_of(i);
                break;
            case Role::position: {
                const auto& title = nth(NameList::position_titles, n.serial);
                row.name = fmt::format("{} of the {}", title, short_name_of(n.owner));
                if (n.serial % list(NameList::position_titles).size() >= 4)
                    row.headcount = fmt::format("{}", 3 + h % 40);
                break;
            }
            case Role::outpost:
                row.name = fill_generate_pattern(
                    pattern(NamePattern::outpost),
                    {{"owner", short_name_of(n.owner)}, {"place", n.a != none ? town_name(n.a) : state_name(n.state)}});
                break;
            case Role::address:
                row.name = fill_generate_pattern(pattern(NamePattern::address), {{"owner", short_name_of(n.owner)}});
                row.contact_text = fmt::format("{} {} Street, {}", 1 + h % 200, nth(NameList::streets, (h >> 8)),
                                               n.a != none ? town_name(n.a) : state_name(n.state));
                break;
            case Role::box:
                row.name = fill_generate_pattern(pattern(NamePattern::box), {{"owner", short_name_of(n.owner)}});
                row.contact_text =
                    fmt::format("P.O. Box {}, {}", 1 + h % 999, n.a != none ? town_name(n.a) : state_name(n.state));
                break;
            case Role::fax_line:
                row.name = fill_generate_pattern(pattern(NamePattern::fax_line), {{"owner", short_name_of(n.owner)}});
                row.contact_text = fmt::format("+{}-2-381-{:04}", 200 + n.state % 800, h % 10000);
                break;
            case Role::mailbox:
                row.name = fill_generate_pattern(pattern(NamePattern::mailbox), {{"owner", short_name_of(n.owner)}});
                row.contact_text = fmt::format("{}@{}.example", id(n.owner), lower(state_code(n.state)));
                break;
            case Role::envoy_group:
                row.name = fill_generate_pattern(pattern(NamePattern::envoy_group), {{"state", state_name(n.state)}});
                break;
            case Role::resident_envoy:
            case Role::local_envoy:
            case Role::minor_envoy:
            case Role::delegation: {
                const auto sender = state_name(n.state);
                if (n.role == Role::resident_envoy)
                    row.name = fill_generate_pattern(pattern(NamePattern::resident_envoy),
                                                     {{"state", sender}, {"host", state_name(n.b)}});
                else if (n.role == Role::delegation)
                    row.name = fill_generate_pattern(
                        pattern(NamePattern::delegation),
                        {{"state", sender},
                         {"body", n.b != none ? world_body_name(m_nodes[n.b])
                                              : std::string(pattern(NamePattern::first_world_body))}});
                else
                    row.name = fill_generate_pattern(
                        pattern(n.role == Role::minor_envoy ? NamePattern::minor_envoy : NamePattern::local_envoy),
                        {{"state", sender},
                         {"place", m_nodes[n.a].role == Role::town ? town_name(n.a) : state_name(n.b)}});
                const auto opened = 1948 + static_cast<int>(h % 70);
                row.valid_from = fmt::format("{}", opened);
                const auto state = (h >> 16) % 20;
                row.operation = value_of(state < 17 ? 3 : state < 19 ? 4 : 5);
                if (state >= 17 && state < 19)
                    row.valid_to = fmt::format("{}", std::min(2023, opened + 1 + static_cast<int>((h >> 24) % 30)));
                row.checked_on = fmt::format("2024-{:02}", 1 + (h >> 32) % 12);
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
            case Role::state:
                return {family_state_joins};
            case Role::functional_unit:
                return {family_manages, family_cooperates_with, family_engages};
            case Role::area_unit:
                // Those of a ministry of foreign affairs share the world out (structurally) instead.
                if (first_head_unit(i)) return {family_manages, family_cooperates_with, family_engages};
                return {family_answers_for, family_manages, family_cooperates_with, family_engages};
            case Role::research_centre:
                return {family_studies, family_centre_joins, family_reached_at};
            case Role::society:
                return {family_studies, family_reached_at};
            case Role::society_organ:
                return {family_chooses};
            case Role::resident_envoy:
            case Role::local_envoy:
            case Role::minor_envoy:
            case Role::delegation:
                return {family_looks_after};
            default:
                return {};
        }
    }

    [[nodiscard]] bool first_head_unit(std::uint32_t i) const {
        return m_nodes[i].block != none && m_blocks[m_nodes[i].block].serial == 0;
    }

    // The missions of the state an entity belongs to: those of its foreign ministry.
    [[nodiscard]] Pool representations_of_state(std::uint32_t st) const {
        const auto b = m_state[st].first_head;
        if (b == none) return {};
        return {nullptr, m_blocks[b].first_envoy, m_blocks[b].envoys};
    }

    [[nodiscard]] Pool pool_of(Family family, std::uint32_t i) {
        const auto& n = m_nodes[i];
        static const Block no_block;
        const auto& block = n.block != none ? m_blocks[n.block] : no_block;
        auto count = [](const std::vector<std::uint32_t>& v) { return static_cast<std::uint32_t>(v.size()); };
        switch (family) {
            case family_answers_for:
                // Regions are covered only structurally (see relations_of): a covered region
                // stands for all the countries it includes.
                if (m_answers_pool.empty()) {
                    m_answers_pool = m_states;
                    m_answers_pool.insert(m_answers_pool.end(), m_blocs.begin(), m_blocs.end());
                }
                return {m_answers_pool.data(), 0, count(m_answers_pool)};
            case family_studies:
                if (m_study_pool.empty()) {
                    m_study_pool = m_states;
                    m_study_pool.insert(m_study_pool.end(), m_zones.begin(), m_zones.end());
                }
                return {m_study_pool.data(), 0, count(m_study_pool)};
            case family_state_joins:
                // The first international organisation is a structural membership of UN members.
                if (m_world_bodies.size() < 2) return {};
                return {m_world_bodies.data() + 1, 0, count(m_world_bodies) - 1};
            case family_centre_joins:
                return {m_world_bodies.data(), 0, count(m_world_bodies)};
            case family_reached_at:
            case family_manages:
                return representations_of_state(n.state);
            case family_cooperates_with:
                return {nullptr, block.first_unit, block.units, i - block.first_unit};
            case family_engages:
                if (m_deals_pool.empty()) {
                    m_deals_pool = m_blocs;
                    for (const auto* v : {&m_world_bodies, &m_bodies, &m_groups})
                        m_deals_pool.insert(m_deals_pool.end(), v->begin(), v->end());
                }
                return {m_deals_pool.data(), 0, count(m_deals_pool)};
            case family_looks_after:
                return {m_states.data(), 0, count(m_states), n.state};
            case family_chooses: {
                const auto& society = m_nodes[n.owner];
                return {nullptr, society.a, society.a == none ? 0 : society.b};
            }
            case family_count:
                break;
        }
        return {};
    }

    // The structural relations a source has in a family's run: its first covers and focuses_on.
    [[nodiscard]] std::uint32_t structural_in_family(Family family, std::uint32_t i, const Pool& pool) const {
        if (pool.size() == 0) return 0;
        if (family == family_answers_for) return 1;
        if (family == family_studies && m_nodes[i].role == Role::society) return 1;
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
            out.append(generator.relation_id(kind));
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
        const auto& state = m_state[n.state];
        const auto capital = state.towns ? state.first_town : none;
        const auto h = hash(i, 0x52454C);
        switch (n.role) {
            case Role::state: {
                const auto r = n.state / states_per_zone;
                if (r < m_blocs.size()) sink.structural(i, m_blocs[r], Rel::joins, 1960 + static_cast<int>(h % 55));
                if (n.flag == 0 && !m_world_bodies.empty())
                    sink.structural(i, m_world_bodies[0], Rel::joins, 1945 + static_cast<int>((h >> 8) % 70));
                family_run(sink, rng, i, family_state_joins, Rel::joins, 1950 + static_cast<int>((h >> 16) % 70));
                break;
            }
            case Role::zone: {
                const auto first = n.serial * states_per_zone;
                const auto last = std::min<std::size_t>(first + states_per_zone, m_states.size());
                for (auto b = first; b < last; ++b) sink.structural(i, m_states[b], Rel::groups);
                break;
            }
            case Role::body_part:
                sink.structural(i, n.owner, Rel::part);
                break;
            case Role::town:
                sink.structural(i, n.owner, Rel::situated_in);
                break;
            case Role::head:
                sink.structural(i, n.owner, Rel::belongs_to);
                if (capital != none) sink.structural(i, capital, Rel::situated_in);
                break;
            case Role::area_unit: {
                sink.structural(i, n.owner, Rel::part);
                // One in ten covers its home region as a whole.
                const auto zone = n.state / states_per_zone;
                if (h % 10 == 0 && zone < m_zones.size()) sink.structural(i, m_zones[zone], Rel::answers_for);
                if (first_head_unit(i)) {
                    // The regional departments of a ministry of foreign affairs share the world:
                    // the k-th of R covers the k-th R-th of the countries (its own state aside) and
                    // of the regional organisations.
                    const auto k = std::uint64_t{n.serial}, parts = std::uint64_t{block.area_units};
                    const auto states = m_states.size(), blocs = m_blocs.size();
                    for (auto c = k * states / parts; c < (k + 1) * states / parts; ++c)
                        if (c != n.state) sink.structural(i, m_states[c], Rel::answers_for);
                    for (auto o = k * blocs / parts; o < (k + 1) * blocs / parts; ++o)
                        sink.structural(i, m_blocs[o], Rel::answers_for);
                } else {
                    family_run(sink, rng, i, family_answers_for, Rel::answers_for);
                }
                family_run(sink, rng, i, family_manages, Rel::manages);
                family_run(sink, rng, i, family_cooperates_with, Rel::cooperates_with);
                family_run(sink, rng, i, family_engages, Rel::engages);
                break;
            }
            case Role::functional_unit:
                sink.structural(i, n.owner, Rel::part);
                family_run(sink, rng, i, family_manages, Rel::manages);
                family_run(sink, rng, i, family_cooperates_with, Rel::cooperates_with);
                family_run(sink, rng, i, family_engages, Rel::engages);
                break;
            case Role::research_centre:
                sink.structural(i, n.owner, Rel::part);
                if (capital != none) sink.structural(i, capital, Rel::situated_in);
                family_run(sink, rng, i, family_studies, Rel::studies);
                family_run(sink, rng, i, family_centre_joins, Rel::joins, 1970 + static_cast<int>(h % 50));
                family_run(sink, rng, i, family_reached_at, Rel::reached_at);
                break;
            case Role::subunit:
            case Role::society_organ:
            case Role::outpost:
                sink.structural(i, n.owner, Rel::part);
                if (n.role == Role::outpost && n.a != none) sink.structural(i, n.a, Rel::situated_in);
                if (n.role == Role::society_organ) family_run(sink, rng, i, family_chooses, Rel::chooses);
                break;
            case Role::society:
                sink.structural(i, n.owner, Rel::backed_by);
                if (capital != none) sink.structural(i, capital, Rel::situated_in);
                family_run(sink, rng, i, family_studies, Rel::studies);
                family_run(sink, rng, i, family_reached_at, Rel::reached_at);
                break;
            case Role::position:
                sink.structural(n.owner, i, Rel::has_position);
                break;
            case Role::address:
            case Role::box:
            case Role::fax_line:
            case Role::mailbox:
                sink.structural(n.owner, i, Rel::reached_at);
                if (n.a != none) sink.structural(i, n.a, Rel::situated_in);
                break;
            case Role::envoy_group:
                if (capital != none) sink.structural(i, capital, Rel::situated_in);
                if (block.units) sink.structural(block.first_unit, i, Rel::manages);
                break;
            case Role::resident_envoy:
            case Role::local_envoy:
            case Role::minor_envoy:
            case Role::delegation:
                if (n.a != none) sink.structural(i, n.a, Rel::situated_in);
                sink.structural(i, state.entity, Rel::speaks_for);
                if (n.role == Role::local_envoy || n.role == Role::minor_envoy)
                    sink.structural(i, n.owner, Rel::reports_to);
                if (n.role == Role::delegation && n.b != none) sink.structural(i, n.b, Rel::delegated_to);
                family_run(sink, rng, i, family_looks_after, Rel::looks_after);
                break;
            case Role::bloc:
            case Role::world_body:
            case Role::body_group:
                break;
        }
    }

    GenerateParams m_params;
    Random m_shape;   // the structure of the world
    Random m_spread;  // how the extra relations are spread
    std::vector<Node> m_nodes;
    std::vector<Block> m_blocks;
    std::vector<State> m_state;  // by state index, beside m_states (their entities)
    std::vector<std::string> m_state_names;
    std::vector<std::uint32_t> m_states, m_zones, m_blocs, m_world_bodies, m_bodies, m_groups, m_towns;
    std::vector<std::uint32_t> m_answers_pool, m_study_pool, m_deals_pool;
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
