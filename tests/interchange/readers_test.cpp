// The small JSON and XML readers behind the importers: what they accept, what they decode, and
// where they say a document is broken.

#include <boost/test/unit_test.hpp>

#include "load/csv_reader.hpp"
#include "load/json_reader.hpp"
#include "load/xml_reader.hpp"
#include "orgraph/model/text_checks.hpp"

using namespace orgraph;

namespace {

std::pair<std::uint32_t, std::uint32_t> json_error_at(std::string_view text, std::string* message = nullptr) {
    JsonSyntaxError error;
    BOOST_TEST(!parse_json(text, error).has_value());
    if (message) *message = error.message;
    return TextPositions(text).at(error.offset);
}

// Records the events of a document as text: "<name a=v>", "text", "</name>".
struct Recorder final : XmlHandler {
    std::string events;
    std::vector<std::size_t> offsets;
    void start_element(std::string_view name, std::span<const XmlAttribute> attributes, std::size_t offset,
                       std::size_t) override {
        events += "<" + std::string(name);
        for (const auto& a : attributes) events += " " + std::string(a.name) + "=" + std::string(a.value);
        events += ">";
        offsets.push_back(offset);
    }
    void end_element(std::string_view name, std::size_t) override { events += "</" + std::string(name) + ">"; }
    void text(std::string_view text, std::size_t) override { events += text; }
};

std::pair<std::uint32_t, std::uint32_t> xml_error_at(std::string_view text, std::string* message = nullptr) {
    XmlSyntaxError error;
    Recorder recorder;
    BOOST_TEST(!read_xml(text, recorder, error));
    if (message) *message = error.message;
    return TextPositions(text).at(error.offset);
}

}  // namespace

BOOST_AUTO_TEST_SUITE(json_reader)

BOOST_AUTO_TEST_CASE(decodes_values_and_escapes) {
    JsonSyntaxError error;
    const auto v =
        parse_json(R"({"a": [1, -2.5e3, true, false, null], "s": "q\"b\\s\/\n\u00e9\ud83d\ude00", "n": NaN})", error);
    BOOST_REQUIRE(v.has_value());
    BOOST_TEST(v->is_object());
    const auto* a = v->find("a");
    BOOST_REQUIRE(a);
    BOOST_TEST(a->items.size() == 5U);
    BOOST_TEST(a->items[1].text == "-2.5e3");
    BOOST_TEST(a->items[2].boolean);
    BOOST_TEST((a->items[4].type == JsonValue::Type::null));
    BOOST_TEST(v->find("s")->text == "q\"b\\s/\n\xc3\xa9\xf0\x9f\x98\x80");
    BOOST_TEST(v->find("n")->text == "NaN");
    BOOST_TEST(v->find("missing") == nullptr);
}

BOOST_AUTO_TEST_CASE(remembers_where_values_start) {
    const std::string text = "{\n  \"nodes\": [\n    {\"id\": 1}\n  ]\n}";
    JsonSyntaxError error;
    const auto v = parse_json(text, error);
    BOOST_REQUIRE(v.has_value());
    const auto& node = v->find("nodes")->items.at(0);
    const auto [line, column] = TextPositions(text).at(node.offset);
    BOOST_TEST(line == 3U);
    BOOST_TEST(column == 5U);
}

BOOST_AUTO_TEST_CASE(reports_syntax_errors_where_they_are) {
    std::string message;
    BOOST_TEST((json_error_at("{\"a\": 1,\n \"b\" 2}", &message) == std::pair<std::uint32_t, std::uint32_t>{2, 6}));
    BOOST_TEST(message.find("expected ':'") != std::string::npos);
    BOOST_TEST((json_error_at("[1, 2", &message) == std::pair<std::uint32_t, std::uint32_t>{1, 6}));
    BOOST_TEST((json_error_at("\"open", &message) == std::pair<std::uint32_t, std::uint32_t>{1, 1}));
    BOOST_TEST(message.find("unterminated string") != std::string::npos);
    BOOST_TEST((json_error_at("{\"a\": 01}") == std::pair<std::uint32_t, std::uint32_t>{1, 8}));
    BOOST_TEST((json_error_at("\"\\q\"", &message) == std::pair<std::uint32_t, std::uint32_t>{1, 2}));
    BOOST_TEST(message.find("unknown escape") != std::string::npos);
    BOOST_TEST((json_error_at("\"\\ud800\"", &message).first == 1U));
    BOOST_TEST(message.find("surrogate") != std::string::npos);
    BOOST_TEST((json_error_at("{} []", &message) == std::pair<std::uint32_t, std::uint32_t>{1, 4}));
    BOOST_TEST((json_error_at("", &message).first == 1U));
    BOOST_TEST(message.find("empty") != std::string::npos);
    BOOST_TEST((json_error_at(std::string(300, '[')).first == 1U));
}

BOOST_AUTO_TEST_CASE(refuses_invalid_utf8_where_it_is) {
    std::string message;
    BOOST_TEST((json_error_at("{\"a\":\n \"caf\xe9\"}", &message) == std::pair<std::uint32_t, std::uint32_t>{2, 6}));
    BOOST_TEST(message.find("invalid UTF-8") != std::string::npos);
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(xml_reader)

BOOST_AUTO_TEST_CASE(reads_elements_attributes_and_text) {
    const std::string text =
        "<?xml version=\"1.0\"?>\n<!-- a comment -->\n"
        "<y:root xmlns:y=\"urn:y\" a='1 &amp; 2' b=\"tab&#9;here\nand there\">\n"
        "<child>A &lt;b&gt; &#x263A; &quot;q&quot;<![CDATA[ <raw> & ]]></child>\n  <empty/>\n</y:root>\n";
    XmlSyntaxError error;
    Recorder r;
    BOOST_REQUIRE(read_xml(text, r, error));
    // A literal line break in an attribute reads as a space; &#9; stays a tab.
    BOOST_TEST(r.events ==
               "<y:root xmlns:y=urn:y a=1 & 2 b=tab\there and there>\n"
               "<child>A <b> \xe2\x98\xba \"q\" <raw> & </child>\n  <empty></empty>\n</y:root>");
    BOOST_TEST(xml_local_name("y:root") == "root");
    const auto [line, column] = TextPositions(text).at(r.offsets.at(2));
    BOOST_TEST(line == 6U);  // the attribute b above runs over two lines
    BOOST_TEST(column == 3U);
}

BOOST_AUTO_TEST_CASE(reports_broken_documents_where_they_break) {
    std::string message;
    BOOST_TEST((xml_error_at("<a>\n  <b></c>\n</a>", &message) == std::pair<std::uint32_t, std::uint32_t>{2, 8}));
    BOOST_TEST(message.find("does not match") != std::string::npos);
    BOOST_TEST((xml_error_at("<a>\n  <b>", &message).first == 2U));
    BOOST_TEST((xml_error_at("<a x=1/>", &message).second == 6U));
    BOOST_TEST((xml_error_at("<a>&nbsp;</a>", &message) == std::pair<std::uint32_t, std::uint32_t>{1, 4}));
    BOOST_TEST(message.find("unknown entity") != std::string::npos);
    BOOST_TEST(xml_error_at("<a/><b/>", &message).second == 5U);
    BOOST_TEST(message.find("one root element") != std::string::npos);
    BOOST_TEST(xml_error_at("<a x=\"1\" x=\"2\"/>", &message).first == 1U);
    BOOST_TEST(message.find("twice") != std::string::npos);
    BOOST_TEST((xml_error_at("<a x=\"<\"/>", &message).second == 7U));
    BOOST_TEST((xml_error_at("", &message).first == 1U));
}

// Reproductions of hostile documents the old reader crashed on, accepted or took minutes over.
BOOST_AUTO_TEST_CASE(refuses_nesting_deeper_than_the_limit_without_recursion) {
    std::string deep = "<g>";
    for (int i = 0; i < 500000; ++i) deep += "<a>";
    for (int i = 0; i < 500000; ++i) deep += "</a>";
    deep += "</g>";
    std::string message;
    const auto at = xml_error_at(deep, &message);  // the old reader overflowed the stack here
    BOOST_TEST(at.second == 3U + 3U * xml_max_depth - 2U);
    BOOST_TEST(message.find("nested more than 256 deep") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(refuses_characters_xml_forbids_and_bad_utf8) {
    std::string message;
    BOOST_TEST((xml_error_at("<a>x&#1;</a>", &message) == std::pair<std::uint32_t, std::uint32_t>{1, 5}));
    BOOST_TEST(message.find("XML 1.0 forbids") != std::string::npos);
    BOOST_TEST((xml_error_at("<a>\n&#xFFFE;</a>", &message) == std::pair<std::uint32_t, std::uint32_t>{2, 1}));
    BOOST_TEST(xml_error_at("<a b='&#x1b;'/>", &message).first == 1U);
    BOOST_TEST(xml_error_at("<a>\x01</a>", &message).first == 1U);
    BOOST_TEST(xml_error_at("<a>\xef\xbf\xbe</a>", &message).first == 1U);
    BOOST_TEST((xml_error_at("<a>\n caf\xe9</a>", &message) == std::pair<std::uint32_t, std::uint32_t>{2, 5}));
    BOOST_TEST(message.find("invalid UTF-8") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(refuses_doctypes_and_entities) {
    std::string message;
    BOOST_TEST((xml_error_at("<?xml version='1.0'?>\n<!DOCTYPE g [<!ENTITY x 'y'>]><g>&x;</g>", &message) ==
                std::pair<std::uint32_t, std::uint32_t>{2, 1}));
    BOOST_TEST(message.find("DOCTYPE") != std::string::npos);
    BOOST_TEST(xml_error_at("<!DOCTYPE g SYSTEM 'file:///etc/passwd'><g/>", &message).second == 1U);
}

BOOST_AUTO_TEST_CASE(many_attributes_cost_their_size, *boost::unit_test::timeout(60)) {
    std::string text = "<g";
    for (int i = 0; i < 200000; ++i) text += " a" + std::to_string(i) + "='v'";
    text += "/>";
    XmlSyntaxError error;
    Recorder r;
    BOOST_TEST(read_xml(text, r, error));  // 65 s of CPU with the old reader's lookups
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(utf8)

BOOST_AUTO_TEST_CASE(finds_the_first_invalid_sequence) {
    BOOST_TEST(!find_invalid_utf8("plain ASCII, and caf\xc3\xa9 \xf0\x9f\x98\x80").has_value());
    const auto check = [](std::string_view text, std::size_t offset, std::uint32_t line, std::uint32_t column,
                          std::string_view what) {
        const auto e = find_invalid_utf8(text);
        BOOST_REQUIRE(e.has_value());
        BOOST_TEST(e->offset == offset);
        BOOST_TEST(e->line == line);
        BOOST_TEST(e->column == column);
        BOOST_TEST(e->message.find(what) != std::string::npos, e->message);
    };
    check("abcdefghijkl\nxy\xff", 15, 2, 3, "never occurs");
    check("\x80", 0, 1, 1, "never started");
    check("ab\xc3", 2, 1, 3, "cut short");
    check("\xc0\xaf", 0, 1, 1, "never occurs");
    check("\xe0\x80\xaf", 0, 1, 1, "overlong");
    check("\xed\xa0\x80", 0, 1, 1, "surrogate");
    check("\xf4\x90\x80\x80", 0, 1, 1, "above U+10FFFF");
}

BOOST_AUTO_TEST_CASE(quotes_at_most_80_bytes_escaped) {
    BOOST_TEST(quoted_excerpt("a\nb\x1b") == "a\\nb\\x1b");
    const auto long_text = quoted_excerpt(std::string(50'000'000, 'x'));
    BOOST_TEST(long_text.size() < 120U);
    BOOST_TEST(long_text.find("50000000 bytes") != std::string::npos);
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(csv_reader)

BOOST_AUTO_TEST_CASE(refuses_invalid_utf8_rows_with_their_position) {
    CsvReader reader("id,name\na,ok\nb,caf\xe9\nc,fine\n");
    std::vector<std::string> problems;
    while (reader.next_row())
        for (const auto& e : reader.take_errors())
            problems.push_back(std::to_string(e.line) + ":" + std::to_string(e.column) + " " + e.message +
                               (e.breaks_row ? " (row skipped)" : ""));
    BOOST_REQUIRE(problems.size() == 1U);
    BOOST_TEST(problems[0].starts_with("3:6 invalid UTF-8"), problems[0]);
    BOOST_TEST(problems[0].ends_with("(row skipped)"));
}

BOOST_AUTO_TEST_CASE(limits_fields_and_row_length, *boost::unit_test::timeout(60)) {
    std::string wide = "id";
    for (int i = 0; i < 200000; ++i) wide += ",c" + std::to_string(i);
    wide += "\n1\n";
    CsvReader reader(wide);
    BOOST_TEST(reader.next_row());
    BOOST_TEST(reader.fields().size() == csv_max_fields);
    auto errors = reader.take_errors();
    BOOST_REQUIRE(errors.size() == 1U);
    BOOST_TEST(errors[0].message.find("more than 1000 fields") != std::string::npos);
    BOOST_TEST(!reader.next_row());  // the rest is not read

    const std::string text = "id\n" + std::string(50'000'000, 'x') + "\nnext\n";
    CsvReader long_line(text);
    BOOST_TEST(long_line.next_row());
    BOOST_TEST(long_line.next_row());
    errors = long_line.take_errors();
    BOOST_REQUIRE(errors.size() == 1U);
    BOOST_TEST(errors[0].line == 2U);
    BOOST_TEST(errors[0].message.find("longer than 1048576 bytes") != std::string::npos);
    BOOST_TEST(errors[0].message.size() < 200U);
}

BOOST_AUTO_TEST_SUITE_END()
