// Hostile text in every output: the visible form for people (and its stream, which may get a
// character in two pieces), JSON that stays valid UTF-8, text for XML, and the CSV formula guard
// with its inverse; a NUL refused by the CSV writers.

#include <boost/test/unit_test.hpp>

#include <unistd.h>
#include <filesystem>
#include <random>
#include <sstream>
#include <string>
#include <vector>

#include "orgraph/builtin/builtin.hpp"
#include "orgraph/load/dataset_loader.hpp"
#include "orgraph/model/csv_cell.hpp"
#include "orgraph/model/text_checks.hpp"
#include "orgraph/model/visible_text.hpp"
#include "orgraph/write/interchange.hpp"
#include "orgraph/write/json_writer.hpp"

namespace fs = std::filesystem;
using namespace orgraph;
using namespace std::string_literals;

BOOST_AUTO_TEST_SUITE(safe_text)

BOOST_AUTO_TEST_CASE(control_characters_are_shown_and_other_text_kept) {
    BOOST_TEST(visible("\x1b[31mred\x1b[0m") == "\\x1b[31mred\\x1b[0m");
    BOOST_TEST(visible("a\nb\tc\rd") == "a\\nb\\tc\\rd");
    BOOST_TEST(visible("a\nb", true) == "a\nb");
    BOOST_TEST(visible("nul\0x"s) == "nul\\x00x");
    BOOST_TEST(visible("del\x7f") == "del\\x7f");
    BOOST_TEST(visible("c1 \xc2\x85 \xc2\x9b") == "c1 \\u0085 \\u009b");  // NEL, CSI
    BOOST_TEST(visible("\xe2\x80\xae"
                       "abc\xe2\x80\xac") == "\\u202eabc\\u202c");          // RLO, PDF
    BOOST_TEST(visible("\xe2\x81\xa6x\xe2\x81\xa9") == "\\u2066x\\u2069");  // isolates
    BOOST_TEST(visible("a\xe2\x80\xa8"
                       "b\xe2\x80\xa9") == "a\\u2028b\\u2029");                          // separators
    BOOST_TEST(visible("\xd8\x9c\xe2\x80\x8e\xe2\x80\x8f") == "\\u061c\\u200e\\u200f");  // marks
    const std::string ordinary = "대한민국 العربية Côte d’Ivoire \\x1b";
    BOOST_TEST(visible(ordinary) == ordinary);
    BOOST_TEST(!needs_escape(ordinary));
    BOOST_TEST(needs_escape("a\nb"));
    BOOST_TEST(!needs_escape("a\nb", true));
}

BOOST_AUTO_TEST_CASE(bytes_that_are_not_utf8_are_shown_one_by_one) {
    BOOST_TEST(visible("a\xff"
                       "b") == "a\\xffb");
    BOOST_TEST(visible("\xc0\xaf") == "\\xc0\\xaf");                    // overlong '/'
    BOOST_TEST(visible("\xed\xa0\x80") == "\\xed\\xa0\\x80");           // a surrogate
    BOOST_TEST(visible("\xf4\x90\x80\x80") == "\\xf4\\x90\\x80\\x80");  // past U+10FFFF
    BOOST_TEST(visible("cut \xe2\x80") == "cut \\xe2\\x80");            // cut short at the end
    BOOST_TEST(visible("\x80x") == "\\x80x");                           // a stray continuation byte
}

BOOST_AUTO_TEST_CASE(the_stream_joins_a_character_written_in_two_pieces) {
    std::ostringstream target;
    {
        VisibleStream out(target);
        out << "\xe2\x80";  // RLO, cut after two bytes
        out << "\xae"
               "a\xea\xb0";
        out << "\x80\n\x1b";  // 가, then ESC
        out << "\xe2";        // never completed
        out.finish();
    }
    BOOST_TEST(target.str() == "\\u202ea가\n\\x1b\\xe2");
}

BOOST_AUTO_TEST_CASE(the_stream_takes_a_character_byte_by_byte) {
    std::ostringstream target;
    VisibleStream out(target);
    for (const char c : "x\xe2\x80\xa8y\xed\xa0"s) out.put(c);
    out.finish();
    BOOST_TEST(target.str() == "x\\u2028y\\xed\\xa0");
}

BOOST_AUTO_TEST_CASE(text_for_json_and_xml_is_valid_utf8) {
    std::string storage;
    BOOST_TEST(valid_utf8("plain 한국", storage) == "plain 한국");
    BOOST_TEST(valid_utf8("a\xff"
                          "b\xe2\x80",
                          storage) ==
               "a\xef\xbf\xbd"
               "b\xef\xbf\xbd\xef\xbf\xbd");
    BOOST_TEST(valid_utf8("x\xef\xbf\xbe", storage) == "x\xef\xbf\xbe");
    BOOST_TEST(valid_utf8("x\xef\xbf\xbe"
                          "y\xef\xbf\xbf",
                          storage, true) ==
               "x\xef\xbf\xbd"
               "y\xef\xbf\xbd");
}

BOOST_AUTO_TEST_CASE(json_strings_are_valid_utf8_with_every_control_escaped) {
    BOOST_TEST(JsonWriter::escape("\x1b[0m") == "\"\\u001b[0m\"");
    BOOST_TEST(JsonWriter::escape("del\x7f") == "\"del\\u007f\"");
    BOOST_TEST(JsonWriter::escape("\xc2\x85") == "\"\\u0085\"");
    BOOST_TEST(JsonWriter::escape("a\xe2\x80\xa8"
                                  "b") == "\"a\\u2028b\"");
    BOOST_TEST(JsonWriter::escape("bad \xff\xfe") == "\"bad \xef\xbf\xbd\xef\xbf\xbd\"");
    BOOST_TEST(JsonWriter::escape("nul\0"s) == "\"nul\\u0000\"");
    BOOST_TEST(JsonWriter::escape("대한민국 \xe2\x80\xae") ==
               "\"대한민국 \xe2\x80\xae\"");  // kept: JSON is for programs
}

BOOST_AUTO_TEST_CASE(cells_that_begin_like_formulas_are_guarded) {
    auto cell = [](std::string_view value, bool guard = true) {
        std::string out;
        BOOST_REQUIRE(append_csv_cell(out, value, guard));
        return out;
    };
    BOOST_TEST(cell("=1+1") == "'=1+1");
    BOOST_TEST(cell("+850-2") == "'+850-2");
    BOOST_TEST(cell("-2") == "'-2");
    BOOST_TEST(cell("@SUM(A1)") == "'@SUM(A1)");
    BOOST_TEST(cell("\tx") == "'\tx");
    BOOST_TEST(cell("\rx") == "\"'\rx\"");
    BOOST_TEST(cell("=HYPERLINK(\"u\",\"t\")") == "\"'=HYPERLINK(\"\"u\"\",\"\"t\"\")\"");
    BOOST_TEST(cell("'=x") == "''=x");
    BOOST_TEST(cell("'abc") == "'abc");
    BOOST_TEST(cell("a=b") == "a=b");
    BOOST_TEST(cell("") == "");
    BOOST_TEST(cell("=1", false) == "=1");
    std::string out = "kept";
    BOOST_TEST(!append_csv_cell(out, "a\0b"s, true));
    BOOST_TEST(out == "kept");
}

BOOST_AUTO_TEST_CASE(the_guard_comes_off_exactly) {
    const std::vector<std::string> values = {"=1", "'=1", "''=1", "'", "''", "'a", "a",
                                             "",   "-",   "'-",   "@", "\t", "x=1"};
    for (const auto& v : values) {
        const auto guarded = needs_formula_guard(v) ? "'" + v : v;
        BOOST_TEST(std::string(without_formula_guard(guarded)) == v);
        BOOST_TEST(!looks_like_formula(guarded));
    }
}

BOOST_AUTO_TEST_CASE(a_nul_is_refused_by_the_csv_exports_and_escaped_by_json) {
    auto facts = load(builtin_layers());
    facts.change_entity(*facts.find("aad1"), [](EntityData& e) { e.name = "Nul\0Department"s; });
    const auto g = freeze(std::move(facts));
    for (const bool neo4j : {false, true}) {
        const auto dir = fs::temp_directory_path() / ("orgraph-safe-text-" + std::to_string(::getpid()));
        fs::remove_all(dir);
        fs::create_directories(dir);
        BOOST_CHECK_EXCEPTION(
            neo4j ? write_neo4j_csv(dir, g) : write_dataset_csv(dir, g), export_error, [neo4j](const export_error& e) {
                const std::string what = e.what();
                // The name is the third column of entities.csv, the fourth of nodes.csv.
                const std::string where = neo4j ? "field 4 of the row of 'aad1'" : "field 3 of the row of 'aad1'";
                return what.find("NUL byte") != std::string::npos && what.find(where) != std::string::npos &&
                       what.find("Nul\\x00Department") != std::string::npos;
            });
        fs::remove_all(dir);
    }
    std::ostringstream json;
    write_node_link_json(json, g);
    BOOST_TEST(json.str().find("Nul\\u0000Department") != std::string::npos);
}

// Any bytes at all: the visible form holds no control character and is valid UTF-8; so are the
// JSON string and the text for XML; the stream, fed in random pieces, writes what visible() does.
BOOST_AUTO_TEST_CASE(random_bytes_come_out_safe) {
    std::mt19937 random(20261201);
    const std::string alphabet =
        "\x00\x1b\x7f\x80\x9b\xc2\x85\xe2\x80\xae\xa8\xef\xbf\xbe\xed\xa0\xf4\x90\xff\n\t\\\"a"s;
    for (int round = 0; round < 3000; ++round) {
        std::string text;
        const auto size = random() % 24;
        for (std::size_t i = 0; i < size; ++i) text += alphabet[random() % alphabet.size()];
        const auto shown = visible(text);
        BOOST_TEST(!find_invalid_utf8(shown).has_value());
        BOOST_TEST(!needs_escape(shown));
        BOOST_TEST(!find_invalid_utf8(JsonWriter::escape(text)).has_value());
        std::string storage;
        const auto xml = valid_utf8(text, storage, true);
        BOOST_TEST(!find_invalid_utf8(xml).has_value());
        BOOST_TEST(xml.find("\xef\xbf\xbe") == std::string_view::npos);
        std::ostringstream target;
        VisibleStream out(target);
        for (std::size_t at = 0; at < text.size();) {
            const auto piece = std::min<std::size_t>(text.size() - at, 1 + random() % 4);
            out.write(text.data() + at, static_cast<std::streamsize>(piece));
            at += piece;
        }
        out.finish();
        BOOST_TEST(target.str() == visible(text, true));
    }
}

BOOST_AUTO_TEST_SUITE_END()
