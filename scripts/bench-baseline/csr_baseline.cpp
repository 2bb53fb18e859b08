// csr_baseline: the bare anchor that scripts/bench measures orgraph against.
//
// It reads a bulk CSV dataset (entities.csv, relations.csv, as `orgraph generate` writes them),
// maps the ids to integers with its own open-addressing hash table, derives the relations of the
// built-in schema's rules (hard-coded: located_in is transitive; a regional department oversees
// the missions of its own state located in the countries it covers, directly or through a
// region), builds a Boost compressed_sparse_row_graph (bidirectionalS) and answers one question:
//
//   csr_baseline DIR load                                   entity and relation counts
//   csr_baseline DIR reach ID --via KIND[,KIND...]          how many entities a BFS reaches
//   csr_baseline DIR path FROM TO                           hops of one shortest route
//   csr_baseline DIR coverage                               covers per unit, uncovered countries
//
// Routes are walked as orgraph walks them: every relation forward, and backward where the schema
// says `backward = true` (part_of, member_of, sponsored_by, subordinate_to). It is a baseline:
// it does the same kind of work as orgraph, not every detail (no names, no sources, no --as-of,
// ids only). Load and query times go to standard error.
//
// Build: g++ -O2 -std=c++20 csr_baseline.cpp -o csr_baseline -lfmt
#include <fmt/core.h>
#include <boost/graph/compressed_sparse_row_graph.hpp>
#include <boost/range/iterator_range.hpp>

#include <algorithm>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <ctime>
#include <deque>
#include <span>
#include <stdexcept>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace {

using Clock = std::chrono::steady_clock;

double seconds_since(Clock::time_point start) {
    return std::chrono::duration<double>(Clock::now() - start).count();
}

[[noreturn]] void fail(int status, const std::string& message) {
    std::fprintf(stderr, "csr_baseline: %s\n", message.c_str());
    std::exit(status);
}

// ---------------------------------------------------------------------------------------------
// Reading files and CSV records
// ---------------------------------------------------------------------------------------------

std::string read_file(const std::string& path) {
    const int fd = ::open(path.c_str(), O_RDONLY);
    if (fd < 0) fail(1, "cannot open " + path);
    struct stat st {};
    if (::fstat(fd, &st) != 0) fail(1, "cannot stat " + path);
    std::string text(static_cast<std::size_t>(st.st_size), '\0');
    std::size_t done = 0;
    while (done < text.size()) {
        const ssize_t n = ::read(fd, text.data() + done, text.size() - done);
        if (n <= 0) fail(1, "cannot read " + path);
        done += static_cast<std::size_t>(n);
    }
    ::close(fd);
    return text;
}

// Splits RFC 4180 records in place. Fields are views into the text; a quoted field with doubled
// quotes is unescaped into `arena`, which keeps it alive.
class CsvReader {
public:
    CsvReader(std::string_view text, std::deque<std::string>& arena) : m_text(text), m_arena(arena) {}

    bool next(std::vector<std::string_view>& fields) {
        fields.clear();
        // Skip blank lines.
        while (m_pos < m_text.size() && (m_text[m_pos] == '\n' || m_text[m_pos] == '\r')) ++m_pos;
        if (m_pos >= m_text.size()) return false;
        const char* data = m_text.data();
        const std::size_t size = m_text.size();
        for (;;) {
            if (m_pos < size && data[m_pos] == '"') {
                std::size_t start = ++m_pos;
                bool escaped = false;
                for (;;) {
                    const void* q = std::memchr(data + m_pos, '"', size - m_pos);
                    if (q == nullptr) fail(1, "unterminated quoted field");
                    m_pos = static_cast<std::size_t>(static_cast<const char*>(q) - data);
                    if (m_pos + 1 < size && data[m_pos + 1] == '"') {
                        escaped = true;
                        m_pos += 2;
                        continue;
                    }
                    break;
                }
                std::string_view field(data + start, m_pos - start);
                ++m_pos;  // closing quote
                if (escaped) {
                    std::string& copy = m_arena.emplace_back();
                    for (std::size_t i = 0; i < field.size(); ++i) {
                        copy.push_back(field[i]);
                        if (field[i] == '"') ++i;
                    }
                    field = copy;
                }
                fields.push_back(field);
            } else {
                const std::size_t start = m_pos;
                while (m_pos < size && data[m_pos] != ',' && data[m_pos] != '\n' && data[m_pos] != '\r') ++m_pos;
                fields.emplace_back(data + start, m_pos - start);
            }
            if (m_pos >= size) return true;
            const char c = data[m_pos];
            if (c == ',') {
                ++m_pos;
                continue;
            }
            if (c == '\r') ++m_pos;
            if (m_pos < size && data[m_pos] == '\n') ++m_pos;
            return true;
        }
    }

private:
    std::string_view m_text;
    std::size_t m_pos = 0;
    std::deque<std::string>& m_arena;
};

std::size_t column(const std::vector<std::string_view>& header, std::string_view name, const std::string& file) {
    const auto it = std::find(header.begin(), header.end(), name);
    if (it == header.end()) fail(1, fmt::format("{}: no column '{}'", file, name));
    return static_cast<std::size_t>(it - header.begin());
}

// ---------------------------------------------------------------------------------------------
// Id -> index: open addressing, linear probing, a power-of-two number of slots
// ---------------------------------------------------------------------------------------------

std::uint64_t hash_bytes(std::string_view s) {
    std::uint64_t h = 0x9E3779B97F4A7C15ull ^ (s.size() * 0xFF51AFD7ED558CCDull);
    std::size_t i = 0;
    for (; i + 8 <= s.size(); i += 8) {
        std::uint64_t w;
        std::memcpy(&w, s.data() + i, 8);
        h = (h ^ w) * 0xC2B2AE3D27D4EB4Full;
        h ^= h >> 29;
    }
    std::uint64_t tail = 0;
    std::memcpy(&tail, s.data() + i, s.size() - i);
    h = (h ^ tail) * 0x165667B19E3779F9ull;
    h ^= h >> 32;
    h *= 0xD6E8FEB86659FD93ull;
    h ^= h >> 32;
    return h;
}

class IdIndex {
public:
    static constexpr std::uint32_t none = 0xFFFFFFFFu;

    explicit IdIndex(std::size_t expected) {
        std::size_t slots = 16;
        while (slots < expected * 2) slots *= 2;
        m_slots.assign(slots, none);
        m_mask = slots - 1;
    }

    // Returns the index already stored for `id`, or stores `value` and returns it.
    std::uint32_t insert(std::string_view id, std::uint32_t value, const std::vector<std::string_view>& ids) {
        for (std::size_t i = hash_bytes(id) & m_mask;; i = (i + 1) & m_mask) {
            if (m_slots[i] == none) {
                m_slots[i] = value;
                return value;
            }
            if (ids[m_slots[i]] == id) return m_slots[i];
        }
    }

    std::uint32_t find(std::string_view id, const std::vector<std::string_view>& ids) const {
        for (std::size_t i = hash_bytes(id) & m_mask;; i = (i + 1) & m_mask) {
            if (m_slots[i] == none) return none;
            if (ids[m_slots[i]] == id) return m_slots[i];
        }
    }

private:
    std::vector<std::uint32_t> m_slots;
    std::size_t m_mask = 0;
};

// Small string -> number tables for kinds.
class Names {
public:
    std::uint16_t intern(std::string_view name) {
        const auto it = m_index.find(std::string(name));
        if (it != m_index.end()) return it->second;
        const auto id = static_cast<std::uint16_t>(m_names.size());
        m_names.emplace_back(name);
        m_index.emplace(m_names.back(), id);
        return id;
    }
    int find(std::string_view name) const {
        const auto it = m_index.find(std::string(name));
        return it == m_index.end() ? -1 : it->second;
    }
    std::size_t size() const { return m_names.size(); }
    const std::string& name(std::size_t i) const { return m_names[i]; }

private:
    std::deque<std::string> m_names;
    std::unordered_map<std::string, std::uint16_t> m_index;
};

// Is a date of the data (YYYY, YYYY-MM or YYYY-MM-DD, empty = open) on the right side of today?
// Compared on the precision the data gives: valid_to 2023 holds through all of 2023.
bool starts_by(std::string_view from, std::string_view today) {
    return from.empty() || from <= today.substr(0, from.size());
}
bool ends_after(std::string_view to, std::string_view today) {
    return to.empty() || to >= today.substr(0, to.size());
}

// ---------------------------------------------------------------------------------------------
// The data
// ---------------------------------------------------------------------------------------------

struct Arc {
    std::uint8_t kind;
};

using CsrGraph = boost::compressed_sparse_row_graph<boost::bidirectionalS, boost::no_property, Arc, boost::no_property,
                                                    std::uint32_t, std::uint32_t>;

// Plain CSR of one relation kind, used while deriving.
struct Adjacency {
    std::vector<std::uint32_t> start;  // n + 1
    std::vector<std::uint32_t> other;
    std::span<const std::uint32_t> of(std::uint32_t v) const {
        return {other.data() + start[v], other.data() + start[v + 1]};
    }
};

Adjacency adjacency(std::size_t n, const std::vector<std::uint32_t>& from, const std::vector<std::uint32_t>& to) {
    Adjacency a;
    a.start.assign(n + 1, 0);
    for (const auto f : from) ++a.start[f + 1];
    for (std::size_t i = 0; i < n; ++i) a.start[i + 1] += a.start[i];
    a.other.resize(from.size());
    std::vector<std::uint32_t> fill(a.start.begin(), a.start.end() - 1);
    for (std::size_t i = 0; i < from.size(); ++i) a.other[fill[from[i]]++] = to[i];
    return a;
}

struct Data {
    std::string entities_text, relations_text;
    std::deque<std::string> unescaped;  // fields whose quotes were doubled
    std::vector<std::string_view> ids;
    std::vector<std::uint16_t> entity_kind;
    std::vector<std::uint8_t> un_status;  // 0 none or empty, 1 member, 2 observer
    std::vector<std::uint8_t> entity_today;
    Names entity_kinds, relation_kinds;
    IdIndex index{0};
    // Relations: stated first, then derived.
    std::vector<std::uint32_t> from, to;
    std::vector<std::uint8_t> kind;
    std::vector<std::uint8_t> today;  // valid on the day of the run
    std::size_t stated = 0;
    std::size_t skipped = 0;     // rows naming an unknown entity
    std::vector<bool> backward;  // per relation kind
    CsrGraph graph;
};

void load_entities(Data& d, const std::string& dir, std::string_view today) {
    const std::string file = dir + "/entities.csv";
    d.entities_text = read_file(file);
    const std::size_t expected =
        static_cast<std::size_t>(std::count(d.entities_text.begin(), d.entities_text.end(), '\n'));
    d.index = IdIndex(expected + 1);
    d.ids.reserve(expected);
    d.entity_kind.reserve(expected);
    d.un_status.reserve(expected);
    d.entity_today.reserve(expected);
    CsvReader csv(d.entities_text, d.unescaped);
    std::vector<std::string_view> f;
    if (!csv.next(f)) fail(1, file + " is empty");
    const std::vector<std::string_view> header = f;
    const auto c_id = column(header, "id", file), c_kind = column(header, "kind", file);
    const auto c_un = column(header, "un_status", file);
    const auto c_from = column(header, "valid_from", file), c_to = column(header, "valid_to", file);
    const auto width = std::max({c_id, c_kind, c_un, c_from, c_to}) + 1;
    std::size_t duplicates = 0;
    while (csv.next(f)) {
        if (f.size() < width) fail(1, fmt::format("{}: a record with {} fields", file, f.size()));
        const auto next = static_cast<std::uint32_t>(d.ids.size());
        d.ids.push_back(f[c_id]);
        if (d.index.insert(f[c_id], next, d.ids) != next) {
            d.ids.pop_back();
            ++duplicates;
            continue;
        }
        d.entity_kind.push_back(d.entity_kinds.intern(f[c_kind]));
        const auto un = f[c_un];
        d.un_status.push_back(un == "member" ? 1 : un == "observer" ? 2 : 0);
        d.entity_today.push_back(starts_by(f[c_from], today) && ends_after(f[c_to], today));
    }
    if (duplicates) std::fprintf(stderr, "csr_baseline: %zu repeated entity ids ignored\n", duplicates);
}

void load_relations(Data& d, const std::string& dir, std::string_view today) {
    const std::string file = dir + "/relations.csv";
    d.relations_text = read_file(file);
    const std::size_t expected =
        static_cast<std::size_t>(std::count(d.relations_text.begin(), d.relations_text.end(), '\n'));
    d.from.reserve(expected + expected / 4);
    d.to.reserve(expected + expected / 4);
    d.kind.reserve(expected + expected / 4);
    d.today.reserve(expected + expected / 4);
    CsvReader csv(d.relations_text, d.unescaped);
    std::vector<std::string_view> f;
    if (!csv.next(f)) fail(1, file + " is empty");
    const std::vector<std::string_view> header = f;
    const auto c_source = column(header, "source", file), c_target = column(header, "target", file);
    const auto c_kind = column(header, "kind", file);
    const auto c_from = column(header, "valid_from", file), c_to = column(header, "valid_to", file);
    const auto width = std::max({c_source, c_target, c_kind, c_from, c_to}) + 1;
    std::string last_kind_name;
    std::uint16_t last_kind = 0;
    while (csv.next(f)) {
        if (f.size() < width) fail(1, fmt::format("{}: a record with {} fields", file, f.size()));
        const auto s = d.index.find(f[c_source], d.ids), t = d.index.find(f[c_target], d.ids);
        if (s == IdIndex::none || t == IdIndex::none) {
            ++d.skipped;
            continue;
        }
        if (f[c_kind] != last_kind_name) {  // rows of one kind tend to come together
            last_kind_name = f[c_kind];
            last_kind = d.relation_kinds.intern(last_kind_name);
        }
        const auto k = last_kind;
        if (k > 250) fail(1, "too many relation kinds");
        d.from.push_back(s);
        d.to.push_back(t);
        d.kind.push_back(static_cast<std::uint8_t>(k));
        d.today.push_back(starts_by(f[c_from], today) && ends_after(f[c_to], today));
    }
    d.stated = d.from.size();
    if (d.skipped) std::fprintf(stderr, "csr_baseline: %zu relations name an unknown entity, ignored\n", d.skipped);
}

// The (from, to) pairs of one relation kind among the relations so far.
void pairs_of(const Data& d, int kind, std::vector<std::uint32_t>& from, std::vector<std::uint32_t>& to) {
    from.clear();
    to.clear();
    if (kind < 0) return;
    for (std::size_t i = 0; i < d.from.size(); ++i) {
        if (d.kind[i] == kind) {
            from.push_back(d.from[i]);
            to.push_back(d.to[i]);
        }
    }
}

bool is_mission_kind(std::string_view k) {
    return k == "mission" || k == "embassy" || k == "consulate_general" || k == "consular_office" ||
           k == "consular_agency" || k == "permanent_mission";
}

// The rules of datasets/schema/rules.toml, written out by hand, in their order.
void derive(Data& d) {
    const std::size_t n = d.ids.size();
    std::vector<std::uint32_t> pf, pt;
    const int located_in = d.relation_kinds.find("located_in");
    // located-in-transitive: everything a located_in chain reaches, not stated already.
    if (located_in >= 0) {
        pairs_of(d, located_in, pf, pt);
        const Adjacency up = adjacency(n, pf, pt);
        std::vector<std::uint32_t> seen(n, 0xFFFFFFFFu), stack, reached;
        for (std::uint32_t v = 0; v < n; ++v) {
            const auto direct = up.of(v);
            if (direct.empty()) continue;
            seen[v] = v;
            for (const auto w : direct) seen[w] = v;
            stack.assign(direct.begin(), direct.end());
            reached.clear();
            while (!stack.empty()) {
                const auto u = stack.back();
                stack.pop_back();
                for (const auto w : up.of(u)) {
                    if (seen[w] == v) continue;
                    seen[w] = v;
                    reached.push_back(w);
                    stack.push_back(w);
                }
            }
            for (const auto w : reached) {
                d.from.push_back(v);
                d.to.push_back(w);
                d.kind.push_back(static_cast<std::uint8_t>(located_in));
                d.today.push_back(1);
            }
        }
    }
    // oversees-missions-in-covered-countries and -regions: covers (then includes), then
    // ~located_in, only where part_of / ministry_of / ~represents joins the same two entities.
    const int covers = d.relation_kinds.find("covers"), includes = d.relation_kinds.find("includes");
    const int part_of = d.relation_kinds.find("part_of"), ministry_of = d.relation_kinds.find("ministry_of");
    const int represents = d.relation_kinds.find("represents");
    const int regional_department = d.entity_kinds.find("regional_department");
    if (covers < 0 || located_in < 0 || part_of < 0 || ministry_of < 0 || represents < 0 || regional_department < 0)
        return;
    const auto oversees = d.relation_kinds.intern("oversees");
    pairs_of(d, represents, pf, pt);
    const Adjacency state_of = adjacency(n, pf, pt);
    pairs_of(d, located_in, pf, pt);  // stated and derived
    // Missions by (place, state): the key packs the two entity indices.
    std::vector<bool> mission_kind(d.entity_kinds.size());
    for (std::size_t k = 0; k < d.entity_kinds.size(); ++k) mission_kind[k] = is_mission_kind(d.entity_kinds.name(k));
    std::vector<std::pair<std::uint64_t, std::uint32_t>> at;  // (place << 32 | state, mission)
    for (std::size_t i = 0; i < pf.size(); ++i) {
        const auto m = pf[i];
        if (!mission_kind[d.entity_kind[m]]) continue;
        for (const auto s : state_of.of(m)) at.emplace_back((std::uint64_t{pt[i]} << 32) | s, m);
    }
    std::sort(at.begin(), at.end());
    pairs_of(d, part_of, pf, pt);
    const Adjacency parent = adjacency(n, pf, pt);
    pairs_of(d, ministry_of, pf, pt);
    const Adjacency ministry_state = adjacency(n, pf, pt);
    std::vector<std::uint32_t> inc_from, inc_to;
    pairs_of(d, includes, inc_from, inc_to);
    const Adjacency included = adjacency(n, inc_from, inc_to);
    pairs_of(d, covers, pf, pt);
    const Adjacency covered = adjacency(n, pf, pt);
    std::vector<std::uint32_t> mark(n, 0xFFFFFFFFu), states, places;
    for (std::uint32_t dep = 0; dep < n; ++dep) {
        if (d.entity_kind[dep] != regional_department || covered.of(dep).empty()) continue;
        states.clear();
        for (const auto x : parent.of(dep))
            for (const auto s : ministry_state.of(x)) states.push_back(s);
        if (states.empty()) continue;
        places.clear();
        for (const auto c : covered.of(dep)) {
            places.push_back(c);
            for (const auto i : included.of(c)) places.push_back(i);
        }
        for (const auto place : places) {
            for (const auto s : states) {
                const std::uint64_t key = (std::uint64_t{place} << 32) | s;
                auto it = std::lower_bound(at.begin(), at.end(), std::pair<std::uint64_t, std::uint32_t>{key, 0});
                for (; it != at.end() && it->first == key; ++it) {
                    if (mark[it->second] == dep) continue;
                    mark[it->second] = dep;
                    d.from.push_back(dep);
                    d.to.push_back(it->second);
                    d.kind.push_back(static_cast<std::uint8_t>(oversees));
                    d.today.push_back(1);
                }
            }
        }
    }
}

void load(Data& d, const std::string& dir) {
    char today_buffer[16];
    const std::time_t now = std::time(nullptr);
    std::strftime(today_buffer, sizeof today_buffer, "%Y-%m-%d", std::gmtime(&now));
    const std::string_view today = today_buffer;
    load_entities(d, dir, today);
    load_relations(d, dir, today);
    derive(d);
    d.backward.assign(d.relation_kinds.size(), false);
    for (const char* k : {"part_of", "member_of", "sponsored_by", "subordinate_to"}) {
        const int id = d.relation_kinds.find(k);
        if (id >= 0) d.backward[id] = true;
    }
    std::vector<std::pair<std::uint32_t, std::uint32_t>> edges(d.from.size());
    std::vector<Arc> arcs(d.from.size());
    for (std::size_t i = 0; i < d.from.size(); ++i) {
        edges[i] = {d.from[i], d.to[i]};
        arcs[i] = Arc{d.kind[i]};
    }
    d.graph = CsrGraph(boost::edges_are_unsorted_multi_pass, edges.begin(), edges.end(), arcs.begin(),
                       static_cast<std::uint32_t>(d.ids.size()));
}

std::uint32_t entity(const Data& d, std::string_view id) {
    const auto v = d.index.find(id, d.ids);
    if (v == IdIndex::none) fail(1, fmt::format("no entity with the id '{}'", id));
    return v;
}

// Breadth-first search from `start` over the relation kinds in `allowed` (forward, and backward
// where the kind allows). Stops when `stop` is reached. Returns the distance of each entity
// (-1: not reached).
std::vector<std::int32_t> bfs(const Data& d, std::uint32_t start, const std::vector<bool>& allowed,
                              std::uint32_t stop = IdIndex::none) {
    const CsrGraph& g = d.graph;
    std::vector<std::int32_t> dist(d.ids.size(), -1);
    std::vector<std::uint32_t> queue;
    queue.reserve(1024);
    dist[start] = 0;
    queue.push_back(start);
    for (std::size_t head = 0; head < queue.size(); ++head) {
        const auto u = queue[head];
        if (u == stop) break;
        const auto next = dist[u] + 1;
        for (const auto e : boost::make_iterator_range(boost::out_edges(u, g))) {
            if (!allowed[g[e].kind]) continue;
            const auto w = boost::target(e, g);
            if (dist[w] >= 0) continue;
            dist[w] = next;
            queue.push_back(w);
        }
        for (const auto e : boost::make_iterator_range(boost::in_edges(u, g))) {
            const auto k = g[e].kind;
            if (!allowed[k] || !d.backward[k]) continue;
            const auto w = boost::source(e, g);
            if (dist[w] >= 0) continue;
            dist[w] = next;
            queue.push_back(w);
        }
    }
    return dist;
}

int run_reach(const Data& d, std::string_view id, const std::vector<std::string>& via) {
    std::vector<bool> allowed(d.relation_kinds.size(), via.empty());
    for (const auto& k : via) {
        const int kind = d.relation_kinds.find(k);
        if (kind < 0) {
            std::fprintf(stderr, "csr_baseline: no relation of kind '%s' in the data\n", k.c_str());
            continue;
        }
        allowed[kind] = true;
    }
    const auto start = entity(d, id);
    const auto dist = bfs(d, start, allowed);
    std::size_t reached = 0;
    std::int32_t farthest = 0;
    for (const auto x : dist) {
        if (x > 0) {
            ++reached;
            farthest = std::max(farthest, x);
        }
    }
    fmt::print("{} reaches {} entities, at most {} steps away\n", id, reached, farthest);
    return 0;
}

int run_path(const Data& d, std::string_view from_id, std::string_view to_id) {
    const auto from = entity(d, from_id), to = entity(d, to_id);
    if (from == to) fail(2, "the two ends are the same entity");
    const std::vector<bool> allowed(d.relation_kinds.size(), true);
    const auto dist = bfs(d, from, allowed, to);
    if (dist[to] < 0) {
        fmt::print("no route from {} to {}\n", from_id, to_id);
        return 1;
    }
    fmt::print("shortest route from {} to {}: {} steps\n", from_id, to_id, dist[to]);
    return 0;
}

// The core of `orgraph coverage` with its defaults: units are the entities with a `covers`
// relation; a unit reaches the countries it covers and those of the regions it covers
// ('includes'); the universe is the countries with un_status member or observer; the home
// countries (targets of ministry_of) are counted apart; facts valid today.
int run_coverage(const Data& d) {
    const std::size_t n = d.ids.size();
    const int covers = d.relation_kinds.find("covers"), includes = d.relation_kinds.find("includes");
    const int ministry_of = d.relation_kinds.find("ministry_of");
    const int country = d.entity_kinds.find("country"), region = d.entity_kinds.find("region");
    std::vector<std::uint8_t> home(n, 0);
    std::vector<std::uint32_t> inc_from, inc_to;
    for (std::size_t i = 0; i < d.stated; ++i) {
        if (d.kind[i] == ministry_of && d.today[i]) home[d.to[i]] = 1;
        if (d.kind[i] == includes && d.today[i]) {
            inc_from.push_back(d.from[i]);
            inc_to.push_back(d.to[i]);
        }
    }
    const Adjacency included = adjacency(n, inc_from, inc_to);
    auto in_universe = [&](std::uint32_t v) {
        return d.entity_kind[v] == country && d.un_status[v] != 0 && d.entity_today[v];
    };
    std::vector<std::uint32_t> cov_from, cov_to;
    for (std::size_t i = 0; i < d.stated; ++i) {
        if (d.kind[i] == covers && d.today[i]) {
            cov_from.push_back(d.from[i]);
            cov_to.push_back(d.to[i]);
        }
    }
    const Adjacency covered = adjacency(n, cov_from, cov_to);
    std::vector<std::uint32_t> units_per_country(n, 0), mark(n, 0xFFFFFFFFu);
    std::vector<std::uint8_t> outside(n, 0);
    std::size_t units = 0, unit_countries = 0, unit_outside = 0, unit_home = 0;
    for (std::uint32_t u = 0; u < n; ++u) {
        const auto targets = covered.of(u);
        if (targets.empty() || !d.entity_today[u]) continue;
        ++units;
        auto reach = [&](std::uint32_t c) {
            if (mark[c] == u) return;
            mark[c] = u;
            if (home[c]) {
                ++unit_home;
            } else if (in_universe(c)) {
                ++unit_countries;
                ++units_per_country[c];
            } else {
                ++unit_outside;
                outside[c] = 1;
            }
        };
        for (const auto t : targets) {
            if (d.entity_kind[t] == region) {
                for (const auto c : included.of(t)) reach(c);
            } else {
                reach(t);
            }
        }
    }
    std::size_t universe = 0, home_count = 0, covered_count = 0, uncovered = 0, multiply = 0;
    for (std::uint32_t v = 0; v < n; ++v) {
        if (!in_universe(v)) continue;
        ++universe;
        if (home[v]) {
            ++home_count;
            continue;
        }
        if (units_per_country[v] == 0)
            ++uncovered;
        else
            ++covered_count;
        if (units_per_country[v] > 1) ++multiply;
    }
    fmt::print(
        "{} units; universe {} countries, {} home, {} considered: {} covered, {} uncovered, "
        "{} by more than one unit, {} entries outside the universe; per unit: {} countries, {} home, "
        "{} outside the universe\n",
        units, universe, home_count, universe - home_count, covered_count, uncovered, multiply,
        std::count(outside.begin(), outside.end(), 1), unit_countries, unit_home, unit_outside);
    return 0;
}

int usage() {
    std::fputs(
        "usage: csr_baseline DIR load\n"
        "       csr_baseline DIR reach ID --via KIND[,KIND...]\n"
        "       csr_baseline DIR path FROM TO\n"
        "       csr_baseline DIR coverage\n",
        stderr);
    return 2;
}

}  // namespace

int main(int argc, char** argv) {
    if (argc < 3) return usage();
    const std::string dir = argv[1];
    const std::string_view question = argv[2];
    std::vector<std::string> args(argv + 3, argv + argc);
    std::vector<std::string> via;
    std::vector<std::string> positional;
    for (std::size_t i = 0; i < args.size(); ++i) {
        if (args[i] == "--via") {
            if (i + 1 >= args.size()) return usage();
            std::string list = args[++i];
            std::size_t start = 0;
            while (start <= list.size()) {
                const auto comma = std::min(list.find(',', start), list.size());
                if (comma > start) via.push_back(list.substr(start, comma - start));
                start = comma + 1;
            }
        } else {
            positional.push_back(args[i]);
        }
    }
    if (question == "load"       ? !positional.empty()
        : question == "reach"    ? positional.size() != 1
        : question == "path"     ? positional.size() != 2
        : question == "coverage" ? !positional.empty()
                                 : true)
        return usage();

    const auto load_start = Clock::now();
    Data d;
    load(d, dir);
    const double load_seconds = seconds_since(load_start);

    const auto query_start = Clock::now();
    int status = 0;
    if (question == "load") {
        fmt::print("{} entities, {} relations ({} stated, {} derived)\n", d.ids.size(), d.from.size(), d.stated,
                   d.from.size() - d.stated);
    } else if (question == "reach") {
        status = run_reach(d, positional[0], via);
    } else if (question == "path") {
        status = run_path(d, positional[0], positional[1]);
    } else {
        status = run_coverage(d);
    }
    std::fflush(stdout);
    std::fprintf(stderr, "csr_baseline: load %.3f s, query %.3f s\n", load_seconds, seconds_since(query_start));
    return status;
}
