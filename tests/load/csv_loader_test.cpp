#include <fmt/format.h>
#include <boost/test/unit_test.hpp>

#include <algorithm>
#include <filesystem>
#include <fstream>

#include "load/csv_reader.hpp"
#include "load_helpers.hpp"

using namespace orgraph;
using namespace orgraph::test;

namespace {

const std::string ports_schema = R"([dataset]
id = "ports"
default_source = "register"

[[entity_kind]]
id = "port"
attributes = ["berths", "remark"]

[[entity_kind]]
id = "shipping_line"
attributes = ["flag"]

[[relation_kind]]
id = "calls_at"
from = ["shipping_line"]
to = ["port"]
attributes = ["weekly"]

[[source]]
id = "register"
title = "Port register"

[[source]]
id = "timetable"
title = "Timetable"
)";

Graph load_ports(std::string entities, std::string relations = "source,target,kind\n") {
    return freeze(load(
        {layer("ports", {toml_file("dataset.toml", ports_schema), entities_csv("entities.csv", std::move(entities)),
                         relations_csv("relations.csv", std::move(relations))})}));
}

std::vector<std::vector<std::string>> rows_of(std::string_view text) {
    CsvReader reader(text);
    std::vector<std::vector<std::string>> rows;
    while (reader.next_row()) rows.push_back(reader.fields());
    return rows;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(csv_reader)

BOOST_AUTO_TEST_CASE(quoted_fields_may_hold_commas_doubled_quotes_and_line_breaks) {
    const auto rows = rows_of("a,\"b, c\",\"say \"\"hi\"\"\",\"two\nlines\"\nnext,row,,\n");
    BOOST_REQUIRE(rows.size() == 2u);
    BOOST_TEST(rows[0] == (std::vector<std::string>{"a", "b, c", "say \"hi\"", "two\nlines"}),
               boost::test_tools::per_element());
    BOOST_TEST(rows[1] == (std::vector<std::string>{"next", "row", "", ""}), boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(crlf_line_ends_and_a_byte_order_mark_are_not_part_of_the_fields) {
    const auto rows = rows_of("\xEF\xBB\xBFid,name\r\n1,\"One\"\r\n2,Two\r\n");
    BOOST_REQUIRE(rows.size() == 3u);
    BOOST_TEST(rows[0] == (std::vector<std::string>{"id", "name"}), boost::test_tools::per_element());
    BOOST_TEST(rows[1] == (std::vector<std::string>{"1", "One"}), boost::test_tools::per_element());
    BOOST_TEST(rows[2] == (std::vector<std::string>{"2", "Two"}), boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(a_last_row_without_a_line_end_is_read) {
    const auto rows = rows_of("a,b\nc,d");
    BOOST_REQUIRE(rows.size() == 2u);
    BOOST_TEST(rows[1] == (std::vector<std::string>{"c", "d"}), boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(every_field_knows_the_line_and_column_it_starts_at) {
    CsvReader reader("id,note,flag\nx,\"one\ntwo\",NOR\n");
    BOOST_REQUIRE(reader.next_row());
    BOOST_REQUIRE(reader.next_row());
    BOOST_TEST(reader.line() == 2u);
    BOOST_TEST(reader.lines() == (std::vector<std::uint32_t>{2, 2, 3}), boost::test_tools::per_element());
    BOOST_TEST(reader.columns() == (std::vector<std::uint32_t>{1, 3, 6}), boost::test_tools::per_element());
    BOOST_TEST(!reader.next_row());
}

BOOST_AUTO_TEST_CASE(an_unterminated_quote_is_reported_where_it_opens) {
    CsvReader reader("a,b\nc,\"open\nd,e\n");
    BOOST_REQUIRE(reader.next_row());
    BOOST_REQUIRE(reader.next_row());
    const auto errors = reader.take_errors();
    BOOST_REQUIRE(errors.size() == 1u);
    BOOST_TEST(errors[0].line == 2u);
    BOOST_TEST(errors[0].column == 3u);
    BOOST_TEST(errors[0].breaks_row);
    BOOST_TEST(!reader.next_row());
}

BOOST_AUTO_TEST_CASE(text_after_a_closing_quote_is_reported) {
    CsvReader reader("\"a\"b,c\n");
    BOOST_REQUIRE(reader.next_row());
    const auto errors = reader.take_errors();
    BOOST_REQUIRE(errors.size() == 1u);
    BOOST_TEST(errors[0].line == 1u);
    BOOST_TEST(errors[0].column == 4u);
    BOOST_TEST(reader.fields().size() == 2u);
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(csv_loader)

BOOST_AUTO_TEST_CASE(entities_are_read_from_columns_in_any_order) {
    const auto g = load_ports("name,kind,id\nPort of Saint-Malo,port,p1\n");
    BOOST_REQUIRE(g.find("p1"));
    BOOST_TEST(g.entity(*g.find("p1")).name == "Port of Saint-Malo");
    BOOST_TEST(g.kind_of(*g.find("p1")).id == "port");
}

BOOST_AUTO_TEST_CASE(quoted_names_aliases_and_attributes_keep_their_text) {
    const auto g = load_ports(
        "id,kind,name,short_name,aliases,remark\n"
        "p1,port,\"Port of Saint-Malo, North Quay\",,Saint-Malo|St Malo,\n"
        "p2,port,\"The \"\"Old\"\" Harbour\",OH,\"Old Harbour|Vieux \"\"Port\"\"\",\"Closed;\nreopened\"\n");
    const auto& p1 = g.entity(*g.find("p1"));
    BOOST_TEST(p1.name == "Port of Saint-Malo, North Quay");
    BOOST_TEST(p1.short_name == "");
    BOOST_TEST(texts(p1.aliases) == (std::vector<std::string>{"Saint-Malo", "St Malo"}),
               boost::test_tools::per_element());
    BOOST_TEST(p1.attributes.empty());
    const auto& p2 = g.entity(*g.find("p2"));
    BOOST_TEST(p2.name == "The \"Old\" Harbour");
    BOOST_TEST(p2.short_name == "OH");
    BOOST_TEST(texts(p2.aliases) == (std::vector<std::string>{"Old Harbour", "Vieux \"Port\""}),
               boost::test_tools::per_element());
    BOOST_TEST(*p2.attributes.find("remark") == "Closed;\nreopened");
}

BOOST_AUTO_TEST_CASE(rows_without_provenance_cite_the_default_source) {
    const auto g =
        load_ports("id,kind,name,provenance\np1,port,Saint-Malo,\nl1,shipping_line,Ferries,timetable:2|register\n",
                   "source,target,kind,provenance\nl1,p1,calls_at,\n");
    BOOST_TEST(g.cite(g.entity(*g.find("p1")).citations) == "register");
    BOOST_TEST(g.cite(g.entity(*g.find("l1")).citations) == "timetable, line 2; register");
    BOOST_REQUIRE(g.relations().size() == 1u);
    BOOST_TEST(g.cite(g.relation(0).citations) == "register");
}

BOOST_AUTO_TEST_CASE(relations_carry_validity_and_attributes_from_their_columns) {
    const auto g =
        load_ports("id,kind,name\np1,port,Saint-Malo\nl1,shipping_line,Ferries\n",
                   "kind,source,target,valid_from,valid_to,weekly\ncalls_at,l1,p1,2001,2015-06,\"2, in summer\"\n");
    BOOST_REQUIRE(g.relations().size() == 1u);
    const auto& r = g.relation(0);
    BOOST_TEST(g.entity(r.from).id == "l1");
    BOOST_TEST(g.entity(r.to).id == "p1");
    BOOST_TEST(r.validity.from->to_string() == "2001");
    BOOST_TEST(r.validity.to->to_string() == "2015-06");
    BOOST_TEST(*r.attributes.find("weekly") == "2, in summer");
}

BOOST_AUTO_TEST_CASE(blank_lines_between_rows_are_skipped) {
    const auto g = load_ports("id,kind,name\n\np1,port,Saint-Malo\n\nl1,shipping_line,Ferries\n");
    BOOST_TEST(g.entities().size() == 2u);
}

BOOST_AUTO_TEST_CASE(a_csv_layer_without_default_source_needs_provenance_on_every_row) {
    expect_lines(problems_of({schema_layer(),
                              layer("bulk", {entities_csv("entities.csv", "id,kind,name\nNOR,country,Norway\n")})}),
                 {"entities.csv:2:1: error: entity 'NOR' has no source (give a 'provenance' column, or default_source "
                  "in the layer's [dataset] table)"});
}

BOOST_AUTO_TEST_CASE(a_problem_after_a_multi_line_field_is_placed_on_the_line_it_stands_on) {
    expect_lines(problems_of({layer(
                     "ports", {toml_file("dataset.toml", ports_schema),
                               entities_csv("entities.csv",
                                            "id,kind,name,remark,valid_from\np1,port,Port,\"one\ntwo\",2001-13\n")})}),
                 {"entities.csv:3:6: error: malformed date in column 'valid_from': '2001-13' (expected "
                  "YYYY, YYYY-MM or YYYY-MM-DD)"});
}

BOOST_AUTO_TEST_CASE(control_characters_quoted_in_a_problem_are_escaped_so_it_stays_on_one_line) {
    // A quoted cell may hold a line break; the message quoting it must not break in two.
    expect_lines(problems_of({layer("ports", {toml_file("dataset.toml", ports_schema),
                                              entities_csv("entities.csv",
                                                           "id,kind,name\np1,\"po\nrt\",Port\n"
                                                           "p2,\"a\tb\x01\",Harbour\n")})}),
                 {"entities.csv:2:4: error: unknown entity kind 'po\\nrt'; did you mean 'port'?",
                  "entities.csv:4:4: error: unknown entity kind 'a\\tb\\x01' (expected one of: port, shipping_line)"});
}

BOOST_AUTO_TEST_CASE(empty_cells_in_required_columns_are_each_reported_once_at_the_cell) {
    const auto problems = problems_of(
        {layer("ports", {toml_file("dataset.toml", ports_schema),
                         entities_csv("entities.csv", "id,kind,name\n,port,Saint-Malo\np2,,Harbour\np3,port,\n"),
                         relations_csv("relations.csv", "source,target,kind\n,p3,calls_at\np3,p2,\n")})});
    const std::vector<std::string> expected{
        "entities.csv:2:1: error: 'id' is empty (expected a non-empty id)",
        "entities.csv:3:4: error: entity 'p2' has an empty kind (expected one of the entity kinds: port, "
        "shipping_line)",
        "entities.csv:4:9: error: entity 'p3' has an empty name (expected a name with at least one letter or digit)",
        "relations.csv:2:1: error: the entity id is empty (expected an entity id)",
        "relations.csv:3:7: error: the relation kind is empty (expected one of: calls_at)",
    };
    BOOST_TEST(problems == expected, boost::test_tools::per_element());
}

// A layer written with the formula guard (orgraph export --to csv) says so in its [dataset]
// table: one leading apostrophe comes off every cell of the guarded form, the header's included;
// without the key, the cells are read as they are.
BOOST_AUTO_TEST_CASE(the_formula_guard_comes_off_where_the_layer_declares_it) {
    const std::string header = "id,kind,name,short_name,aliases";
    const std::string row = "p1,port,\"'=HYPERLINK(\"\"x\"\")\",''=quoted,'abc|'@x";
    const std::string entities = header + ",'+remark\n" + row + ",'-2\n";
    auto guarded_schema = ports_schema;
    guarded_schema.replace(guarded_schema.find("default_source"), 0, "csv_formula_guard = true\n");
    guarded_schema.replace(guarded_schema.find("\"remark\"]"), 0, "\"+remark\", ");
    const auto guarded =
        freeze(load({layer("ports", {toml_file("dataset.toml", guarded_schema), entities_csv("entities.csv", entities),
                                     relations_csv("relations.csv", "source,target,kind\n")})}));
    const auto& p1 = guarded.entity(*guarded.find("p1"));
    BOOST_TEST(p1.name == "=HYPERLINK(\"x\")");
    BOOST_TEST(p1.short_name == "'=quoted");
    BOOST_TEST(texts(p1.aliases) == (std::vector<std::string>{"'abc", "'@x"}), boost::test_tools::per_element());
    BOOST_REQUIRE(p1.attributes.find("+remark"));
    BOOST_TEST(*p1.attributes.find("+remark") == "-2");

    const auto plain = load_ports(header + "\n" + row + "\n");
    const auto& q1 = plain.entity(*plain.find("p1"));
    BOOST_TEST(q1.name == "'=HYPERLINK(\"x\")");
    BOOST_TEST(q1.short_name == "''=quoted");
}

BOOST_AUTO_TEST_CASE(the_formula_guard_key_must_be_true_or_false) {
    auto schema = ports_schema;
    schema.replace(schema.find("default_source"), 0, "csv_formula_guard = \"yes\"\n");
    expect_lines(problems_of({layer("ports", {toml_file("dataset.toml", schema),
                                              entities_csv("entities.csv", "id,kind,name\np1,port,Port\n")})}),
                 {"dataset.toml:3:21: error: 'csv_formula_guard' must be true or false"});
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(consumed_input)

namespace {

// Text in memory of its own, as read_layer gives a large file, so that a load may hand it back.
FileText own_memory(const std::string& text) {
    auto owned = FileText::of_size(text.size());
    std::copy(text.begin(), text.end(), owned.writable());
    return owned;
}

// Ports and the lines that call at them, with remarks long enough that each file spans several
// of the blocks a consuming load hands back (8 MiB): 2,500 rows of about 4 KiB.
std::vector<LayerInput> big_ports(bool bad_last_row) {
    constexpr int rows = 2500;
    const std::string padding(4000, 'x');
    std::string entities = "id,kind,name,remark\nline,shipping_line,The Line,\n";
    std::string relations = "source,target,kind,weekly\n";
    for (int i = 0; i < rows; ++i) {
        entities += fmt::format("p{},port,Port {},{}\n", i, i, padding);
        relations += fmt::format("line,p{},calls_at,{}{}\n", bad_last_row && i == rows - 1 ? rows : i, i, padding);
    }
    return {layer("ports", {toml_file("dataset.toml", ports_schema),
                            InputFile{"entities.csv", own_memory(entities), FileFormat::entities_csv},
                            InputFile{"relations.csv", own_memory(relations), FileFormat::relations_csv}})};
}

}  // namespace

BOOST_AUTO_TEST_CASE(a_load_that_consumes_its_input_reads_every_row_whole) {
    LoadOptions consume;
    consume.consume_input = true;
    const auto consumed = freeze(load(big_ports(false), consume));
    BOOST_TEST_REQUIRE(consumed.entity_count() == 2501u);
    BOOST_TEST_REQUIRE(consumed.relation_count() == 2500u);
    // The last rows, read after the first blocks were handed back, are whole.
    const auto last = consumed.entity(*consumed.find("p2499"));
    BOOST_TEST(last.name == "Port 2499");
    BOOST_TEST(last.attributes.find("remark")->size() == 4000u);
    const auto r = consumed.relation(consumed.relation_count() - 1);
    BOOST_TEST(*r.attributes.find("weekly") == "2499" + std::string(4000, 'x'));
}

BOOST_AUTO_TEST_CASE(a_large_file_read_from_disk_is_mapped_and_reads_as_the_same_rows) {
    // The same ports written to a directory: read_layer maps files of a MiB or more instead of
    // copying them, and a load that consumes them hands the mapped pages back as it goes.
    const auto dir = std::filesystem::temp_directory_path() /
                     fmt::format("orgraph-mapped-{}", boost::unit_test::framework::current_test_case().p_id);
    std::filesystem::remove_all(dir);
    std::filesystem::create_directories(dir);
    const auto from_memory = big_ports(false);
    for (const auto& file : from_memory[0].files) {
        std::ofstream out(dir / file.path, std::ios::binary);
        out << file.content.view();
    }
    auto layer = read_layer(dir.string());
    std::filesystem::remove_all(dir);  // a mapped file's pages stay readable once it is unlinked
    BOOST_TEST_REQUIRE(layer.files.size() == 3u);
    for (auto& file : layer.files) {
        const bool large = file.content.size() >= (std::size_t{1} << 20);
        BOOST_TEST((file.content.writable() == nullptr) == large, file.path);
    }
    LoadOptions consume;
    consume.consume_input = true;
    const auto mapped = freeze(load({layer}, consume));
    const auto copied = freeze(load(big_ports(false)));
    BOOST_TEST_REQUIRE(mapped.entity_count() == copied.entity_count());
    BOOST_TEST_REQUIRE(mapped.relation_count() == copied.relation_count());
    const auto last = mapped.entity(*mapped.find("p2499"));
    BOOST_TEST(last.name == "Port 2499");
    BOOST_TEST(last.attributes.find("remark")->size() == 4000u);
    const auto r = mapped.relation(mapped.relation_count() - 1);
    BOOST_TEST(*r.attributes.find("weekly") == "2499" + std::string(4000, 'x'));
}

BOOST_AUTO_TEST_CASE(a_load_that_consumes_its_input_reports_a_late_problem_where_it_is) {
    LoadOptions consume;
    consume.consume_input = true;
    std::vector<std::string> problems;
    try {
        (void)load(big_ports(true), consume);
    } catch (const dataset_error& e) {
        for (const auto& d : e.diagnostics) problems.push_back(d.to_string());
    }
    BOOST_TEST_REQUIRE(problems.size() == 1u);
    BOOST_TEST(problems[0].starts_with("relations.csv:2501:6: error:"), problems[0]);
    BOOST_TEST(problems[0].find("p2500") != std::string::npos, problems[0]);
}

BOOST_AUTO_TEST_SUITE_END()
