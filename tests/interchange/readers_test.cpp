// The small JSON and XML readers behind the importers: what they accept, what they decode, and
// where they say a document is broken.

#include <boost/test/unit_test.hpp>

#include "load/json_reader.hpp"
#include "load/xml_reader.hpp"

using namespace orgraph;

namespace {

std::pair<std::uint32_t, std::uint32_t> json_error_at(std::string_view text, std::string* message = nullptr) {
    JsonSyntaxError error;
    BOOST_TEST(!parse_json(text, error).has_value());
    if (message) *message = error.message;
    return TextPositions(text).at(error.offset);
}

std::pair<std::uint32_t, std::uint32_t> xml_error_at(std::string_view text, std::string* message = nullptr) {
    XmlSyntaxError error;
    BOOST_TEST(!parse_xml(text, error).has_value());
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

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(xml_reader)

BOOST_AUTO_TEST_CASE(reads_elements_attributes_and_text) {
    const std::string text =
        "<?xml version=\"1.0\"?>\n<!-- a comment -->\n<!DOCTYPE g [<!ENTITY x \"y\">]>\n"
        "<y:root xmlns:y=\"urn:y\" a='1 &amp; 2' b=\"tab&#9;here\nand there\">\n"
        "  <child>A &lt;b&gt; &#x263A; &quot;q&quot;<![CDATA[ <raw> & ]]></child>\n  <empty/>\n</y:root>\n";
    XmlSyntaxError error;
    const auto root = parse_xml(text, error);
    BOOST_REQUIRE(root.has_value());
    BOOST_TEST(root->name == "y:root");
    BOOST_TEST(root->local_name() == "root");
    BOOST_TEST(*root->attribute("a") == "1 & 2");
    BOOST_TEST(*root->attribute("b") == "tab\there and there");  // a literal line break reads as a space
    BOOST_REQUIRE(root->children.size() == 2U);
    BOOST_TEST(root->children[0].text == "A <b> \xe2\x98\xba \"q\" <raw> & ");
    BOOST_TEST(root->children[1].name == "empty");
    const auto [line, column] = TextPositions(text).at(root->children[1].offset);
    BOOST_TEST(line == 7U);  // the attribute b above runs over two lines
    BOOST_TEST(column == 3U);
}

BOOST_AUTO_TEST_CASE(reports_broken_documents_where_they_break) {
    std::string message;
    BOOST_TEST((xml_error_at("<a>\n  <b></c>\n</a>", &message) == std::pair<std::uint32_t, std::uint32_t>{2, 6}));
    BOOST_TEST(message.find("does not match") != std::string::npos);
    BOOST_TEST((xml_error_at("<a>\n  <b>", &message) == std::pair<std::uint32_t, std::uint32_t>{2, 3}));
    BOOST_TEST(message.find("never closed") != std::string::npos);
    BOOST_TEST((xml_error_at("<a x=1/>", &message).second == 6U));
    BOOST_TEST((xml_error_at("<a>&nbsp;</a>", &message) == std::pair<std::uint32_t, std::uint32_t>{1, 4}));
    BOOST_TEST(message.find("unknown entity") != std::string::npos);
    BOOST_TEST((xml_error_at("<a/><b/>", &message).second == 5U));
    BOOST_TEST(message.find("second root") != std::string::npos);
    BOOST_TEST((xml_error_at("<a x=\"1\" x=\"2\"/>", &message).second == 10U));
    BOOST_TEST((xml_error_at("<a x=\"<\"/>", &message).second == 7U));
    BOOST_TEST((xml_error_at("", &message).first == 1U));
}

BOOST_AUTO_TEST_SUITE_END()
