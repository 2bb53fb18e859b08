// The output layer of the commands: one answer, described once, in each of the four formats.
#include <boost/test/unit_test.hpp>

#include <sstream>
#include <string>
#include <vector>

#include "answer.hpp"

namespace orgraph::cli {
namespace {

struct Office {
    std::string id;
    std::string name;
    std::uint64_t staff;
};

const std::vector<Office> offices = {
    {"north", "Northern Office", 12}, {"calc", "=SUM(A1:A9)", 3}, {"pipe", "Archive | Records, \"Old\"", 40}};

// Two lists (the second empty), a lead, a note, fields and a nested value.
Answer small_answer() {
    Answer answer;
    answer.lead("3 offices, 1 without staff figures.")
        .date()
        .field("offices", std::uint64_t{3})
        .field("complete", false)
        .field("region", "north")
        .null_field("parent")
        .json("range", [](JsonWriter& json) { json.begin_object().field("min", 3).field("max", 40).end_object(); });
    answer.list({.key = "offices",
                 .title = "Offices",
                 .rows = {{"id", "name", "staff"},
                          {false, false, true},
                          offices.size(),
                          [](std::size_t i, std::vector<std::string>& cells) {
                              cells = {offices[i].id, offices[i].name, std::to_string(offices[i].staff)};
                          }},
                 .record = [](JsonWriter& json, std::size_t i) {
                     json.begin_object().field("id", offices[i].id).key("staff").begin_object();
                     json.field("count", offices[i].staff).end_object().end_object();
                 }});
    answer.csv_last_list();
    answer.list({.key = "closed", .title = "Closed offices", .rows = {{"id", "name"}, {}, 0, {}}});
    answer.note("Figures are from 2020.");
    return answer;
}

AnswerDate answer_date() {
    AnswerDate date;
    date.date = Date::parse("2026-07-01");
    date.today = true;
    date.uncertain.push_back({"pipe", "Archive | Records, \"Old\"", "unit", "its status is uncertain"});
    return date;
}

std::string rendered(const Answer& answer, Format format, const AnswerDate* date) {
    std::ostringstream out;
    answer.render(out, format, date);
    return out.str();
}

BOOST_AUTO_TEST_CASE(table_has_the_lead_the_sections_none_and_the_date_last) {
    const auto date = answer_date();
    BOOST_TEST(rendered(small_answer(), Format::table, &date) ==
               "3 offices, 1 without staff figures.\n"
               "\n"
               "Offices (3)\n"
               "id     name                      staff\n"
               "-----  ------------------------  -----\n"
               "north  Northern Office              12\n"
               "calc   =SUM(A1:A9)                   3\n"
               "pipe   Archive | Records, \"Old\"     40\n"
               "\n"
               "Closed offices (0)\n"
               "  none\n"
               "\n"
               "Figures are from 2020.\n"
               "\n"
               "as of 2026-07-01 (today)\n"
               "uncertain today, counted as present (1):\n"
               "  Archive | Records, \"Old\" (pipe): its status is uncertain\n");
}

BOOST_AUTO_TEST_CASE(markdown_escapes_the_bar_and_says_none_in_italics) {
    BOOST_TEST(rendered(small_answer(), Format::markdown, nullptr) ==
               "3 offices, 1 without staff figures.\n"
               "\n"
               "## Offices (3)\n"
               "\n"
               "| id | name | staff |\n"
               "| --- | --- | ---: |\n"
               "| north | Northern Office | 12 |\n"
               "| calc | =SUM(A1:A9) | 3 |\n"
               "| pipe | Archive \\| Records, \"Old\" | 40 |\n"
               "\n"
               "## Closed offices (0)\n"
               "\n"
               "_none_\n"
               "\n"
               "Figures are from 2020.\n");
}

BOOST_AUTO_TEST_CASE(csv_is_the_declared_list_quoted_and_guarded) {
    set_csv_formula_guard(true);
    const auto date = answer_date();
    BOOST_TEST(rendered(small_answer(), Format::csv, &date) ==
               "id,name,staff\n"
               "north,Northern Office,12\n"
               "calc,'=SUM(A1:A9),3\n"
               "pipe,\"Archive | Records, \"\"Old\"\"\",40\n");
    set_csv_formula_guard(false);
    BOOST_TEST(rendered(small_answer(), Format::csv, &date).find("\ncalc,=SUM(A1:A9),3\n") != std::string::npos);
    set_csv_formula_guard(true);
}

BOOST_AUTO_TEST_CASE(json_keeps_the_order_of_the_parts_and_nests_records) {
    const auto date = answer_date();
    BOOST_TEST(rendered(small_answer(), Format::json, &date) ==
               R"({
  "as_of": "2026-07-01",
  "as_of_today": true,
  "uncertain": [
    {
      "id": "pipe",
      "name": "Archive | Records, \"Old\"",
      "kind": "unit",
      "why": "its status is uncertain"
    }
  ],
  "uncertain_relations": [],
  "offices": 3,
  "complete": false,
  "region": "north",
  "parent": null,
  "range": {
    "min": 3,
    "max": 40
  },
  "offices": [
    {
      "id": "north",
      "staff": {
        "count": 12
      }
    },
    {
      "id": "calc",
      "staff": {
        "count": 3
      }
    },
    {
      "id": "pipe",
      "staff": {
        "count": 40
      }
    }
  ],
  "closed": []
}
)");
}

BOOST_AUTO_TEST_CASE(a_list_without_a_record_writer_is_its_rows_in_json) {
    Answer answer;
    answer.list({.key = "matches",
                 .rows = {{"rank", "id"}, {true, false}, 2, [](std::size_t i, std::vector<std::string>& cells) {
                              cells = {std::to_string(i + 1), i ? "b" : "a"};
                          }}});
    BOOST_TEST(
        rendered(answer, Format::json, nullptr) ==
        "{\n  \"matches\": [\n    {\n      \"rank\": 1,\n      \"id\": \"a\"\n    },\n    {\n      \"rank\": 2,\n"
        "      \"id\": \"b\"\n    }\n  ]\n}\n");
}

// A table for one format is made only when the answer is rendered in that format, and once.
BOOST_AUTO_TEST_CASE(a_table_is_made_only_for_a_format_that_shows_it) {
    int sections_made = 0, csv_made = 0;
    Answer answer;
    answer.lead("Two rows.").field("rows", std::uint64_t{2});
    answer.section("Rows", 2, [&] {
        ++sections_made;
        Table table({"id", "n"}, {false, true});
        table.add({"a", "1"});
        table.add({"b", "22"});
        return table;
    });
    answer.csv([&] {
        ++csv_made;
        Table table({"id"});
        table.add({"=a"});
        return table;
    });
    BOOST_TEST(rendered(answer, Format::json, nullptr) == "{\n  \"rows\": 2\n}\n");
    BOOST_TEST(sections_made == 0);
    BOOST_TEST(csv_made == 0);
    BOOST_TEST(rendered(answer, Format::table, nullptr) == "Two rows.\n\nRows (2)\nid   n\n--  --\na    1\nb   22\n");
    BOOST_TEST(rendered(answer, Format::markdown, nullptr).find("| b | 22 |") != std::string::npos);
    BOOST_TEST(sections_made == 1);
    BOOST_TEST(csv_made == 0);
    BOOST_TEST(rendered(answer, Format::csv, nullptr) == "id\n'=a\n");
    BOOST_TEST(csv_made == 1);
    BOOST_TEST(sections_made == 1);
}

BOOST_AUTO_TEST_CASE(an_answer_with_nothing_for_people_says_nothing) {
    Answer answer;
    answer.field("found", false).list({.key = "matches", .rows = {{"id"}, {}, 0, {}}, .omit_when_empty = true});
    answer.csv_last_list();
    const auto date = answer_date();
    BOOST_TEST(!answer.says_anything(Format::table));
    BOOST_TEST(rendered(answer, Format::table, &date).empty());
    BOOST_TEST(rendered(answer, Format::markdown, &date).empty());
    BOOST_TEST(rendered(answer, Format::csv, &date) == "id\n");
    BOOST_TEST(rendered(answer, Format::json, &date) == "{\n  \"found\": false,\n  \"matches\": []\n}\n");
}

BOOST_AUTO_TEST_CASE(text_for_people_shows_control_characters) {
    Answer answer;
    answer.lead("Office\x1b[31m red");
    const auto text = rendered(answer, Format::table, nullptr);
    BOOST_TEST(text.find('\x1b') == std::string::npos);
    BOOST_TEST(text.find("Office") == 0U);
}

BOOST_AUTO_TEST_CASE(items_are_bullets_in_markdown_and_their_detail_lines_stay_under_it) {
    Answer answer;
    answer.items("Archive Office", {{"id:         archive"}, {"kind:       office"}}, 1);
    answer.items("Parts (1)", {{"→ Reading Room (room)", "note", "open\nby appointment"}});
    answer.items("Not related", {});
    BOOST_TEST(rendered(answer, Format::table, nullptr) ==
               "Archive Office\n"
               "  id:         archive\n"
               "  kind:       office\n"
               "\n"
               "Parts (1)\n"
               "  → Reading Room (room)\n"
               "      note: open\n"
               "            by appointment\n");
    BOOST_TEST(rendered(answer, Format::markdown, nullptr) ==
               "# Archive Office\n"
               "\n"
               "- id:         archive\n"
               "- kind:       office\n"
               "\n"
               "## Parts (1)\n"
               "\n"
               "- → Reading Room (room)\n"
               "  note: open\n"
               "        by appointment\n");
}

BOOST_AUTO_TEST_CASE(parts_shown_in_some_formats_only) {
    Answer answer;
    answer.lead("Two steps.");
    answer.text([](std::ostream& out) { out << "  a → b\n  b → c\n"; }, Shown::table);
    answer.text([](std::ostream& out) { out << "\n(read as sentences)\n"; }, Shown::table, true);
    answer.list({.key = "steps",
                 .rows = {{"from", "to"},
                          {},
                          2,
                          [](std::size_t i, std::vector<std::string>& cells) {
                              cells = {i ? "b" : "a", i ? "c" : "b"};
                          }},
                 .shown = Shown::markdown | Shown::csv | Shown::json});
    answer.csv_last_list();
    BOOST_TEST(rendered(answer, Format::table, nullptr) == "Two steps.\n\n  a → b\n  b → c\n\n(read as sentences)\n");
    BOOST_TEST(rendered(answer, Format::markdown, nullptr) ==
               "Two steps.\n\n| from | to |\n| --- | --- |\n| a | b |\n| b | c |\n");
    BOOST_TEST(rendered(answer, Format::csv, nullptr) == "from,to\na,b\nb,c\n");
}

BOOST_AUTO_TEST_CASE(a_cell_csv_cannot_carry_is_refused_before_anything_is_written) {
    Answer answer;
    answer.list({.key = "names", .rows = {{"name"}, {}, 2, [](std::size_t i, std::vector<std::string>& cells) {
                                              cells = {i ? std::string("bad\0cell", 8) : std::string("good")};
                                          }}});
    answer.csv_last_list();
    std::ostringstream out;
    BOOST_CHECK_THROW(answer.render(out, Format::csv, nullptr), std::runtime_error);
    BOOST_TEST(out.str().empty());
    // JSON escapes it.
    BOOST_TEST(rendered(answer, Format::json, nullptr).find("bad\\u0000cell") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(two_sides_say_their_dates_labelled_under_the_text) {
    AnswerDate before;
    before.date = Date::parse("2020");
    const auto after = answer_date();
    Answer answer;
    answer.lead("Changes from 2020 to today.").dates({{"before", &before}, {"after", &after}});
    const auto loaded = answer_date();
    BOOST_TEST(rendered(answer, Format::table, &loaded) ==
               "Changes from 2020 to today.\n"
               "\n"
               "before: as of 2020\n"
               "after: as of 2026-07-01 (today)\n"
               "uncertain today, counted as present (1):\n"
               "  Archive | Records, \"Old\" (pipe): its status is uncertain\n");
    BOOST_TEST(rendered(answer, Format::json, &loaded) == "{}\n");
}

BOOST_AUTO_TEST_CASE(a_csv_answer_without_a_table_is_a_mistake_of_the_command) {
    Answer answer;
    answer.lead("nothing tabular");
    std::ostringstream out;
    BOOST_CHECK_THROW(answer.render(out, Format::csv, nullptr), std::logic_error);
}

}  // namespace
}  // namespace orgraph::cli
