// Snapshots: the built-in graph written with write_snapshot and opened again is the same graph,
// field by field; and every kind of damaged or foreign input is refused with snapshot_error,
// naming the input and what is wrong with it, never answered from. The file layout the damage
// is aimed at is engine/src/load/snapshot.cpp's: a 40-byte header, then a table of 24-byte
// section entries {u32 id, u32 element size, u64 offset, u64 size}.

#include <boost/test/unit_test.hpp>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <future>
#include <span>
#include <sstream>
#include <string>
#include <vector>

#include "graph_fields.hpp"
#include "orgraph/analysis/prepare.hpp"
#include "orgraph/builtin/builtin.hpp"
#include "orgraph/load/dataset_loader.hpp"
#include "orgraph/load/snapshot.hpp"
#include "orgraph/model/as_of.hpp"
#include "orgraph/model/graph.hpp"
#include "orgraph/model/graph_image.hpp"

using namespace orgraph;

namespace {

constexpr std::size_t header_size = 40;
constexpr std::size_t section_entry_size = 24;
constexpr std::uint32_t entities_section = 2;  // sections: 0 metadata, then image::Tables in order
constexpr std::uint32_t relations_section = 6;

std::vector<LayerInput> missions_layers() {
    auto layers = builtin_layers();
    layers.push_back(read_layer_or_overlay("dprk-missions"));
    return layers;
}

// The built-in graph with the missions overlay, prepared with a name index.
const Graph& original() {
    static const Graph graph = [] {
        PrepareOptions options;
        options.name_index = true;
        return prepare_graph(load(missions_layers()), options);
    }();
    return graph;
}

SnapshotInfo info() {
    SnapshotInfo i;
    i.made_by = "orgraph snapshot test";
    i.inputs = snapshot_inputs(missions_layers());
    return i;
}

// The snapshot file of original(), as bytes.
const std::string& snapshot_bytes() {
    static const std::string bytes = [] {
        std::ostringstream out;
        write_snapshot(original(), info(), out);
        return out.str();
    }();
    return bytes;
}

// Bytes copied into memory aligned to 8 bytes, as open_snapshot_bytes asks; `shift` moves them
// off that alignment.
class Aligned {
public:
    explicit Aligned(std::string_view bytes, std::size_t shift = 0)
        : m_words((bytes.size() + shift + 7) / 8 + 1), m_shift(shift), m_size(bytes.size()) {
        if (!bytes.empty()) std::memcpy(reinterpret_cast<char*>(m_words.data()) + shift, bytes.data(), bytes.size());
    }
    [[nodiscard]] std::span<const std::byte> bytes() const {
        return {reinterpret_cast<const std::byte*>(m_words.data()) + m_shift, m_size};
    }

private:
    std::vector<std::uint64_t> m_words;
    std::size_t m_shift;
    std::size_t m_size;
};

std::uint32_t read_u32(const std::string& bytes, std::size_t at) {
    std::uint32_t v;
    std::memcpy(&v, bytes.data() + at, sizeof v);
    return v;
}

std::uint64_t read_u64(const std::string& bytes, std::size_t at) {
    std::uint64_t v;
    std::memcpy(&v, bytes.data() + at, sizeof v);
    return v;
}

void write_u32(std::string& bytes, std::size_t at, std::uint32_t v) {
    std::memcpy(bytes.data() + at, &v, sizeof v);
}

void write_u16(std::string& bytes, std::size_t at, std::uint16_t v) {
    std::memcpy(bytes.data() + at, &v, sizeof v);
}

// Where a section starts in the file, from the section table; checks its element size too.
std::size_t section_offset(const std::string& bytes, std::uint32_t id, std::uint32_t element_size) {
    const auto count = read_u32(bytes, 32);
    for (std::uint32_t i = 0; i < count; ++i) {
        const auto at = header_size + section_entry_size * i;
        if (read_u32(bytes, at) != id) continue;
        BOOST_TEST_REQUIRE(read_u32(bytes, at + 4) == element_size);
        BOOST_TEST_REQUIRE(read_u64(bytes, at + 16) >= element_size);
        return static_cast<std::size_t>(read_u64(bytes, at + 8));
    }
    BOOST_FAIL("no section " << id);
    return 0;
}

// After editing the body, the checksum the header carries is made to match it again, so that
// only the checks of the tables themselves stand between the edit and the graph.
void reseal(std::string& bytes) {
    const auto checksum = content_hash(std::string_view(bytes).substr(header_size));
    std::memcpy(bytes.data() + 24, &checksum, sizeof checksum);
}

// Opening the bytes must fail with snapshot_error naming `name` and giving `reason`.
void expect_refused(std::string_view bytes, const std::string& name, std::string_view reason, std::size_t shift = 0) {
    const Aligned buffer(bytes, shift);
    try {
        (void)open_snapshot_bytes(buffer.bytes(), name);
        BOOST_ERROR(name << " was opened although it should be refused: " << reason);
    } catch (const snapshot_error& e) {
        const std::string message = e.what();
        BOOST_TEST(message.find(name) != std::string::npos, message);
        BOOST_TEST(message.find(reason) != std::string::npos, "'" << message << "' does not say '" << reason << "'");
    }
}

void check_same_graph(const Graph& opened, const Graph& expected) {
    test::check_same_records(opened, expected);
    test::check_same_schema(opened.schema, expected.schema);
    test::check_same_sources(opened.sources, expected.sources);
    test::check_same_layers(opened.layers, expected.layers);
    BOOST_TEST(opened.rules_applied == expected.rules_applied);
    // The adjacency, the id order, the id index and the name index.
    std::size_t wrong = 0;
    for (EntityIndex e = 0; e < expected.entity_count(); ++e) {
        const auto same = [](std::span<const Adjacent> a, std::span<const Adjacent> b) {
            return std::equal(a.begin(), a.end(), b.begin(), b.end(), [](const Adjacent& x, const Adjacent& y) {
                return x.relation == y.relation && x.other == y.other && x.kind == y.kind && x.flags == y.flags;
            });
        };
        if (!same(opened.out_edges(e), expected.out_edges(e))) ++wrong;
        if (!same(opened.in_edges(e), expected.in_edges(e))) ++wrong;
        if (opened.id_rank(e) != expected.id_rank(e)) ++wrong;
        if (opened.find(expected.entity_id(e)) != std::optional<EntityIndex>(e)) ++wrong;
    }
    BOOST_TEST(wrong == 0u);
    BOOST_TEST(!opened.find("no-such-entity").has_value());
    BOOST_TEST(opened.has_name_index() == expected.has_name_index());
    BOOST_TEST_REQUIRE(opened.name_key_count() == expected.name_key_count());
    std::size_t wrong_keys = 0;
    for (std::size_t k = 0; k < expected.name_key_count(); ++k) {
        const auto a = opened.name_key(k);
        const auto b = expected.name_key(k);
        if (a.folded != b.folded || a.entity != b.entity || a.written != b.written) ++wrong_keys;
    }
    BOOST_TEST(wrong_keys == 0u);
    for (SourceIndex s = 0; s < expected.sources.size(); ++s)
        BOOST_TEST((opened.find_source(expected.sources[s].id) == std::optional<SourceIndex>(s)));
}

// The options of an answer for today, `day`.
PrepareOptions today(const Date& day) {
    PrepareOptions options;
    options.as_of = day;
    options.present = true;
    options.name_index = true;
    return options;
}

constexpr Date pinned_today{2026, 7, 1};

// original() with the graph of `pinned_today` carried beside it, as `orgraph snapshot` writes it.
const Graph& with_present() {
    static const Graph graph = [] {
        Graph g = original();
        const auto span = same_facts_around(g, pinned_today);
        g.present =
            PresentGraph{std::make_shared<const Graph>(prepare_graph(g, today(pinned_today))), span.from, span.until};
        return g;
    }();
    return graph;
}

const std::string& present_snapshot_bytes() {
    static const std::string bytes = [] {
        std::ostringstream out;
        write_snapshot(with_present(), info(), out);
        return out.str();
    }();
    return bytes;
}

bool within(const Graph& graph, std::span<const std::byte> bytes) {
    const auto* p = reinterpret_cast<const std::byte*>(graph.tables().relations.data());
    return p >= bytes.data() && p < bytes.data() + bytes.size();
}

}  // namespace

BOOST_AUTO_TEST_SUITE(snapshot)

// The checksum is stored in files: the hash of given bytes must never change.
BOOST_AUTO_TEST_CASE(the_content_hash_is_fixed) {
    const std::vector<std::pair<std::size_t, std::uint64_t>> known = {
        {0, 0x2684EE2F46D8B5ECULL},     {1, 0x7F90B6654E197724ULL},  {31, 0x449F44AB7522960DULL},
        {32, 0x6EE3DB1429E83899ULL},    {33, 0x36B1D20981A22033ULL}, {1000, 0x64F39337FCEE55FCULL},
        {100003, 0x70B30B7C10B3EE17ULL}};
    for (const auto& [size, hash] : known) {
        std::string bytes(size, '\0');
        for (std::size_t i = 0; i < size; ++i) bytes[i] = static_cast<char>((i * 131 + 7) & 0xFF);
        BOOST_TEST(content_hash(bytes) == hash, size << " bytes");
    }
}

BOOST_AUTO_TEST_CASE(a_snapshot_carries_the_present_graph_and_answers_today_from_it) {
    const auto& bytes = present_snapshot_bytes();
    BOOST_TEST(read_u32(bytes, 32) == 31U);  // the metadata, the graph's 15 tables and the present graph's
    const Aligned buffer(bytes);
    const auto opened = open_snapshot_bytes(buffer.bytes(), "present.orgsnap");
    check_same_graph(opened.graph, original());
    BOOST_TEST_REQUIRE(opened.graph.present.has_value());
    const auto& expected = *with_present().present;
    BOOST_TEST((opened.graph.present->from == expected.from));
    BOOST_TEST((opened.graph.present->until == expected.until));
    BOOST_TEST(opened.graph.present->covers(pinned_today));
    check_same_graph(*opened.graph.present->graph, *expected.graph);
    BOOST_TEST(opened.graph.present->graph->entity_count() < original().entity_count());  // closed missions left out

    // Today is answered from the carried graph itself, straight from the bytes ...
    const auto answered = prepare_graph(opened.graph, today(pinned_today));
    BOOST_TEST(within(answered, buffer.bytes()));
    BOOST_TEST((answered.tables().relations.data() == opened.graph.present->graph->tables().relations.data()));
    // ... a day outside its span, or a date not taken as the present, is worked out afresh.
    const Date long_ago{1990, 1, 1};
    BOOST_TEST_REQUIRE(!opened.graph.present->covers(long_ago));
    const auto then = prepare_graph(opened.graph, today(long_ago));
    BOOST_TEST(!within(then, buffer.bytes()));
    check_same_graph(then, prepare_graph(original(), today(long_ago)));
    auto dated = today(pinned_today);
    dated.present = false;
    BOOST_TEST(!within(prepare_graph(opened.graph, dated), buffer.bytes()));

    // Written again from what was opened, the bytes are the same.
    std::ostringstream rewritten;
    write_snapshot(opened.graph, opened.info, rewritten);
    BOOST_TEST((rewritten.str() == bytes));
}

BOOST_AUTO_TEST_CASE(a_present_graph_that_does_not_fit_is_refused) {
    // The header says 16 sections while the metadata announces the present graph.
    auto fewer = present_snapshot_bytes();
    write_u32(fewer, 32, 16);
    reseal(fewer);
    expect_refused(fewer, "fewer.orgsnap", "disagree");
    // Sections for a present graph that the metadata does not announce.
    auto more = snapshot_bytes();
    write_u32(more, 32, 31);
    reseal(more);
    expect_refused(more, "more.orgsnap", "damaged snapshot");
    // A present graph's relation pointing past its entities.
    auto damaged = present_snapshot_bytes();
    const auto relations = section_offset(damaged, 16 + relations_section - 1, sizeof(image::Relation));
    write_u32(damaged, relations + offsetof(image::Relation, from), 0xFFFFFFFFU);
    reseal(damaged);
    expect_refused(damaged, "present-relation.orgsnap", "relation record is out of range");
    // Its days: the metadata ends with {u32 kind, u32 from, u32 until, u32 rules, u64 chains}.
    const auto meta_end = static_cast<std::size_t>(read_u64(present_snapshot_bytes(), header_size + 8) +
                                                   read_u64(present_snapshot_bytes(), header_size + 16));
    const std::uint32_t month_13 = 0x80000000U | (2026U << 9) | (13U << 5) | 1U;
    const std::uint32_t february_30 = 0x80000000U | (2026U << 9) | (2U << 5) | 30U;
    const std::uint32_t year_only = 0x80000000U | (2026U << 9);
    for (const auto from : {month_13, february_30, year_only, std::uint32_t{0}}) {
        auto days = present_snapshot_bytes();
        write_u32(days, meta_end - 20, from);
        reseal(days);
        expect_refused(days, "days.orgsnap", "days are out of range");
    }
    auto empty_span = present_snapshot_bytes();
    write_u32(empty_span, meta_end - 16, read_u32(empty_span, meta_end - 20));  // until = from
    reseal(empty_span);
    expect_refused(empty_span, "empty-span.orgsnap", "days are out of range");
}

BOOST_AUTO_TEST_CASE(a_written_snapshot_opens_as_the_same_graph) {
    const auto& bytes = snapshot_bytes();
    BOOST_TEST(is_snapshot(bytes));
    BOOST_TEST(bytes.size() % 8 == 0u);
    BOOST_TEST(read_u64(bytes, 16) == bytes.size());
    const Aligned buffer(bytes);
    const auto opened = open_snapshot_bytes(buffer.bytes(), "builtin.orgsnap");
    BOOST_TEST(opened.graph.has_name_index());
    BOOST_TEST(opened.graph.entity_count() == original().entity_count());
    BOOST_TEST(opened.graph.relation_count() == original().relation_count());
    check_same_graph(opened.graph, original());
    // The graph answers from the bytes themselves: nothing was copied.
    BOOST_TEST((reinterpret_cast<const std::byte*>(opened.graph.tables().entities.data()) >= buffer.bytes().data()));
    BOOST_TEST((reinterpret_cast<const std::byte*>(opened.graph.tables().entities.data()) <
                buffer.bytes().data() + buffer.bytes().size()));

    const auto expected = info();
    BOOST_TEST(opened.info.format_version == snapshot_format_version);
    BOOST_TEST(opened.info.made_by == expected.made_by);
    BOOST_TEST_REQUIRE(opened.info.inputs.size() == expected.inputs.size());
    BOOST_TEST(!expected.inputs.empty());
    for (std::size_t i = 0; i < expected.inputs.size(); ++i) {
        BOOST_TEST_CONTEXT(expected.inputs[i].path) {
            BOOST_TEST(opened.info.inputs[i].path == expected.inputs[i].path);
            BOOST_TEST(opened.info.inputs[i].size == expected.inputs[i].size);
            BOOST_TEST(opened.info.inputs[i].hash == expected.inputs[i].hash);
        }
    }
}

BOOST_AUTO_TEST_CASE(writing_is_deterministic_and_a_reopened_graph_writes_the_same_bytes) {
    std::ostringstream again;
    write_snapshot(original(), info(), again);
    BOOST_TEST((again.str() == snapshot_bytes()));
    const Aligned buffer(snapshot_bytes());
    const auto opened = open_snapshot_bytes(buffer.bytes(), "builtin.orgsnap");
    std::ostringstream rewritten;
    write_snapshot(opened.graph, opened.info, rewritten);
    BOOST_TEST((rewritten.str() == snapshot_bytes()));
}

BOOST_AUTO_TEST_CASE(a_snapshot_file_is_opened_by_mapping_it) {
    const auto path =
        std::filesystem::temp_directory_path() / ("orgraph-snapshot-test-" + std::to_string(::getpid()) + ".orgsnap");
    {
        std::ofstream out(path, std::ios::binary);
        out << snapshot_bytes();
    }
    BOOST_TEST(is_snapshot_file(path.string()));
    {
        const auto opened = open_snapshot(path.string());
        check_same_graph(opened.graph, original());
        BOOST_TEST(opened.info.made_by == info().made_by);
    }
    std::filesystem::remove(path);
    BOOST_TEST(!is_snapshot_file(path.string()));
    try {
        (void)open_snapshot(path.string());
        BOOST_ERROR("a missing file was opened");
    } catch (const snapshot_error& e) {
        BOOST_TEST(std::string(e.what()).find(path.string()) != std::string::npos, e.what());
    }
}

BOOST_AUTO_TEST_CASE(an_empty_graph_makes_a_snapshot_too) {
    std::ostringstream out;
    write_snapshot(Graph{}, SnapshotInfo{}, out);
    const Aligned buffer(out.str());
    const auto opened = open_snapshot_bytes(buffer.bytes(), "empty.orgsnap");
    BOOST_TEST(opened.graph.entity_count() == 0u);
    BOOST_TEST(opened.graph.relation_count() == 0u);
    BOOST_TEST(!opened.graph.find("x").has_value());
    BOOST_TEST(opened.info.inputs.empty());
}

BOOST_AUTO_TEST_CASE(empty_input_is_refused) {
    expect_refused("", "empty.orgsnap", "not an orgraph snapshot");
}

BOOST_AUTO_TEST_CASE(a_text_file_is_refused) {
    const std::string text = "[[entity]]\nid = \"aad1\"\nkind = \"regional_department\"\nname = \"Asian Affairs\"\n";
    BOOST_TEST(!is_snapshot(text));
    expect_refused(text, "data.toml", "not an orgraph snapshot");
    expect_refused("[[entity]]", "short.toml", "not an orgraph snapshot");
}

BOOST_AUTO_TEST_CASE(a_truncated_snapshot_is_refused_wherever_it_ends) {
    const auto& bytes = snapshot_bytes();
    for (std::size_t sixteenth = 1; sixteenth < 16; ++sixteenth) {
        const auto length = bytes.size() * sixteenth / 16;
        BOOST_TEST_CONTEXT(length << " of " << bytes.size() << " bytes") {
            expect_refused(std::string_view(bytes).substr(0, length), "cut.orgsnap",
                           length < 8 ? "not an orgraph snapshot" : "truncated");
        }
    }
    for (const std::size_t length : {std::size_t{8}, std::size_t{39}, header_size, bytes.size() - 1}) {
        BOOST_TEST_CONTEXT(length << " of " << bytes.size() << " bytes") {
            expect_refused(std::string_view(bytes).substr(0, length), "cut.orgsnap", "truncated");
        }
    }
    // Bytes after the end are refused too.
    expect_refused(bytes + std::string(8, '\0'), "long.orgsnap", "extended");
}

BOOST_AUTO_TEST_CASE(a_flipped_byte_in_the_body_fails_the_checksum) {
    const auto& bytes = snapshot_bytes();
    for (const std::size_t at : {header_size, header_size + 5, bytes.size() / 3, bytes.size() / 2, bytes.size() - 1}) {
        BOOST_TEST_CONTEXT("byte " << at) {
            auto damaged = bytes;
            damaged[at] = static_cast<char>(damaged[at] ^ 0x10);
            expect_refused(damaged, "flipped.orgsnap", "checksum");
        }
    }
    // So does a checksum that is not the body's.
    auto damaged = bytes;
    damaged[24] = static_cast<char>(damaged[24] ^ 0x01);
    expect_refused(damaged, "flipped.orgsnap", "checksum");
}

BOOST_AUTO_TEST_CASE(another_format_version_is_refused) {
    auto other = snapshot_bytes();
    BOOST_TEST_REQUIRE(read_u32(other, 8) == snapshot_format_version);
    write_u32(other, 8, snapshot_format_version + 1);
    expect_refused(other, "future.orgsnap", "format version");
    write_u32(other, 8, 0);
    expect_refused(other, "past.orgsnap", "format version");
}

BOOST_AUTO_TEST_CASE(a_foreign_byte_order_is_refused) {
    auto foreign = snapshot_bytes();
    std::reverse(foreign.begin() + 12, foreign.begin() + 16);
    BOOST_TEST_REQUIRE(read_u32(foreign, 12) != read_u32(snapshot_bytes(), 12));
    expect_refused(foreign, "big-endian.orgsnap", "byte order");
}

BOOST_AUTO_TEST_CASE(unaligned_bytes_are_refused) {
    expect_refused(snapshot_bytes(), "unaligned.orgsnap", "aligned", 1);
}

BOOST_AUTO_TEST_CASE(a_resealed_body_with_an_entity_kind_out_of_range_is_refused) {
    auto damaged = snapshot_bytes();
    const auto entities = section_offset(damaged, entities_section, sizeof(image::Entity));
    const auto kinds = original().schema.entity_kinds().size();
    // The first entity's kind: one past the last kind, then far past it.
    for (const auto kind : {kinds, std::size_t{0xFFFF}}) {
        BOOST_TEST_CONTEXT("kind " << kind) {
            write_u16(damaged, entities + offsetof(image::Entity, kind), static_cast<std::uint16_t>(kind));
            reseal(damaged);
            expect_refused(damaged, "kind.orgsnap", "damaged snapshot");
        }
    }
    // The edit is all that was wrong: put back, the file opens.
    write_u16(damaged, entities + offsetof(image::Entity, kind), original().entity_kind_index(0));
    reseal(damaged);
    BOOST_TEST((damaged == snapshot_bytes()));
}

BOOST_AUTO_TEST_CASE(a_resealed_body_with_a_relation_end_out_of_range_is_refused) {
    auto damaged = snapshot_bytes();
    const auto relations = section_offset(damaged, relations_section, sizeof(image::Relation));
    const auto last = original().relation_count() - 1;
    const auto to = relations + last * sizeof(image::Relation) + offsetof(image::Relation, to);
    BOOST_TEST_REQUIRE(read_u32(damaged, to) == original().relation(static_cast<RelationIndex>(last)).to);
    for (const auto end : {original().entity_count(), std::size_t{0xFFFFFFFF}}) {
        BOOST_TEST_CONTEXT("to " << end) {
            write_u32(damaged, to, static_cast<std::uint32_t>(end));
            reseal(damaged);
            expect_refused(damaged, "relation.orgsnap", "damaged snapshot");
        }
    }
    write_u32(damaged, to, original().relation(static_cast<RelationIndex>(last)).to);
    reseal(damaged);
    BOOST_TEST((damaged == snapshot_bytes()));
}

// A packed date keeps the month in 4 bits: 13 to 15 fit, and Date::last_day() would then read
// past its table of month lengths (Validity::holds_on, --as-of).
BOOST_AUTO_TEST_CASE(a_resealed_body_with_a_month_out_of_range_is_refused) {
    auto damaged = snapshot_bytes();
    const auto entities = section_offset(damaged, entities_section, sizeof(image::Entity));
    const std::uint32_t month_15 = 0x80000000U | (2030U << 9) | (15U << 5);
    write_u32(damaged, entities + offsetof(image::Entity, valid_to), month_15);
    reseal(damaged);
    // Only opened, never asked for the date.
    expect_refused(damaged, "month.orgsnap", "damaged snapshot");
}

// A FIFO is not a snapshot, and asking must not wait for a writer that never comes.
BOOST_AUTO_TEST_CASE(is_snapshot_file_does_not_wait_on_a_fifo) {
    const auto path =
        std::filesystem::temp_directory_path() / ("orgraph-snapshot-fifo-" + std::to_string(::getpid()) + ".orgsnap");
    std::filesystem::remove(path);
    BOOST_TEST_REQUIRE(::mkfifo(path.c_str(), 0600) == 0);
    auto asked = std::async(std::launch::async, [&] { return is_snapshot_file(path.string()); });
    if (asked.wait_for(std::chrono::seconds(5)) != std::future_status::ready) {
        BOOST_ERROR("is_snapshot_file still waits on a FIFO after 5 seconds");
        // Let it go: a writer that closes at once ends its read.
        const int writer = ::open(path.c_str(), O_WRONLY | O_NONBLOCK);
        if (writer >= 0) ::close(writer);
    }
    BOOST_TEST(!asked.get());
    try {
        (void)open_snapshot(path.string());
        BOOST_ERROR("a FIFO was opened as a snapshot");
    } catch (const snapshot_error& e) {
        BOOST_TEST(std::string(e.what()).find(path.string()) != std::string::npos, e.what());
    }
    std::filesystem::remove(path);
}

BOOST_AUTO_TEST_SUITE_END()
