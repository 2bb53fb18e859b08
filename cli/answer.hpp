#pragma once
// The one output layer of the commands that answer in table, JSON, CSV and Markdown. A command
// describes its answer once, as a sequence of parts, and the Answer renders it in the format
// asked for:
//
//   - JSON: one object; the parts that have a key are its fields, in the order given (the date
//     the answer is for where date() puts it, scalar fields, entity references {id, name, kind},
//     nested values, and lists of records written one by one);
//   - table and Markdown: the parts for people (titles, lead sentences, notes, items under a
//     heading, free text, and the lists as titled sections or bare tables), a blank line between
//     two of them, and last the date answered for and what of the answer is uncertain on it;
//     every character in its visible form;
//   - CSV: the one table the command declares (a list, or a table of its own), formula-guarded
//     unless --no-formula-guard; the notes go to standard error, so that the rows stay only rows.
//
// A list's rows are made as they are written (TableRows), so that an answer that lists most of a
// large graph costs no more than its largest row; a small table may be held whole by the answer
// (keep, section). A part may be shown in some formats only (the
// routes of `path` read as text in a table and as a table of steps in Markdown and CSV): `Shown`
// says where, and the renderer, not the command, chooses by it.

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <ostream>
#include <string>
#include <utility>
#include <variant>
#include <vector>

#include "command.hpp"
#include "orgraph/model/graph.hpp"
#include "orgraph/write/json_writer.hpp"
#include "table.hpp"

namespace orgraph::cli {

// The formats a part of an answer is shown in.
enum class Shown : unsigned {
    table = 1,
    markdown = 2,
    csv = 4,
    json = 8,
    people = table | markdown,  // the text formats
    everywhere = table | markdown | csv | json,
};
constexpr Shown operator|(Shown a, Shown b) {
    return static_cast<Shown>(static_cast<unsigned>(a) | static_cast<unsigned>(b));
}
[[nodiscard]] bool shown_in(Shown shown, Format format);

// A list of records: a JSON array of objects under `key`, a section of table or Markdown under
// `title`, and (when the answer names it its CSV) the CSV table.
struct AnswerList {
    std::string key{};                         // the JSON key; empty: the list is not in the JSON
    std::string title{};                       // the section's title; empty: the table stands without a heading
    bool counted_title = true;                 // "Title (3)" rather than "Title"
    std::optional<std::size_t> title_count{};  // the count the title gives, when not the rows'
    TableRows rows{};                          // the rows for table, Markdown and CSV
    std::optional<std::size_t> json_count{};   // the JSON records, when not one per row
    std::function<void(JsonWriter&, std::size_t)> record{};  // writes JSON record i; none: the row's cells
                                                             // as an object keyed by column (numbers as numbers)
    bool omit_when_empty = false;                            // an empty list leaves no trace for people (else: "none")
    Shown shown = Shown::everywhere;
};

// A line of a list for people ("- text" in Markdown), and an optional detail on the line under it
// ("note: …"), whose later lines are indented under its first.
struct AnswerItem {
    std::string text;
    std::string detail_label{};
    std::string detail{};
};

class Answer {
public:
    using JsonValue = std::function<void(JsonWriter&)>;
    using Text = std::function<void(std::ostream&)>;

    // The JSON object is this entity's ({"id", "name", "kind", ...} and then the parts).
    Answer& about(const Graph& graph, EntityIndex entity);
    // An answer about the whole record that says no date, in JSON or in text.
    Answer& undated();
    // An answer that compares two sides: under the text, the date each answered for, labelled
    // ("before: as of 2020"), in place of the one date of the graph loaded (the JSON says each
    // side's where the command writes it).
    Answer& dates(std::vector<std::pair<std::string, const AnswerDate*>> labelled);

    // A heading for people: "# text" in Markdown.
    Answer& title(std::string text, Shown shown = Shown::people);
    // A sentence or paragraph for people.
    Answer& lead(std::string text, Shown shown = Shown::people);
    // A paragraph people must not miss; beside CSV rows it goes to standard error.
    Answer& note(std::string text, Shown shown = Shown::people | Shown::csv);
    // A list of lines for people under a heading ("# title" in Markdown at level 1, "## title" at
    // level 2; no heading when empty), one item a line; nothing at all when there are no items.
    Answer& items(std::string title, std::vector<AnswerItem> items, int level = 2, Shown shown = Shown::people);
    // Text for people written by the command (a route read step by step); it ends with a line break.
    // `continued`: it goes on from the part before without a blank line between (it makes its own).
    Answer& text(Text writer, Shown shown = Shown::table, bool continued = false);

    // Where the JSON says the date answered for: "as_of", "as_of_today", "uncertain",
    // "uncertain_relations". In text the date always comes last.
    Answer& date();
    Answer& field(std::string key, std::string value);
    Answer& field(std::string key, const char* value) { return field(std::move(key), std::string(value)); }
    Answer& field(std::string key, std::uint64_t value);
    Answer& field(std::string key, bool value);
    Answer& null_field(std::string key);
    // {"id", "name", "kind"} (write/json_entity.hpp).
    Answer& entity(std::string key, const Graph& graph, EntityIndex entity);
    // A nested JSON value under `key`; with an empty key, fields written into the answer's object.
    Answer& json(std::string key, JsonValue writer);

    Answer& list(AnswerList list);
    // A titled section for people, "Title (count)" over a table held whole (or "none").
    Answer& section(std::string title, std::size_t count, Table&& table, Shown shown = Shown::people);
    // The same over a table made only when the answer is rendered in a format that shows it: an
    // answer describes every format, and a table of every row of a large answer is not made for
    // the formats that do not print it.
    Answer& section(std::string title, std::size_t count, std::function<Table()> make, Shown shown = Shown::people);
    // Keeps a table held whole for as long as the answer, for the rows of a list or of csv().
    const Table& keep(Table table);
    // CSV prints the list added last.
    Answer& csv_last_list();
    // CSV prints these rows (a table of its own, flat, for scripts).
    Answer& csv(TableRows rows);
    // CSV prints this table, made only when the answer is rendered in CSV.
    Answer& csv(std::function<Table()> make);

    // The answer in `format`; `date` is what it was answered for (null: no date is said).
    void render(std::ostream& out, Format format, const AnswerDate* date) const;
    // Whether the answer says anything in `format` (for people, an answer with nothing to show
    // prints nothing at all, not even its date: the command explains on standard error).
    [[nodiscard]] bool says_anything(Format format) const;
    // Renders to standard output or -o (atomically), with the date of the graph loaded; the notes
    // of a CSV answer as warnings (defined in command.cpp, beside Output).
    void print(const OutputOptions& options) const;

private:
    struct Part {
        enum class Kind { title, lead, note, text, items, date, field, entity, json, list } kind;
        Shown shown = Shown::everywhere;
        std::string key{};
        std::string text{};
        std::variant<std::monostate, std::string, std::uint64_t, bool> value{};  // monostate: null
        const Graph* graph = nullptr;
        EntityIndex entity = 0;
        Text writer{};
        JsonValue json{};
        std::size_t list = 0;    // index in m_lists
        bool continued = false;  // text that makes its own spacing
        int level = 2;           // of the heading of items
        std::vector<AnswerItem> items{};
    };
    Answer& add(Part part);
    // Makes the tables, not made yet, that `format` shows.
    void make_tables(Format format) const;
    void render_json(std::ostream& out, const AnswerDate* date) const;
    void render_text(std::ostream& out, Format format, const AnswerDate* date) const;

    std::vector<Part> m_parts;
    mutable std::vector<AnswerList> m_lists;  // a list's rows are set when its table is made
    const Graph* m_about_graph = nullptr;
    EntityIndex m_about = 0;
    bool m_undated = false;
    std::vector<std::pair<std::string, const AnswerDate*>> m_dates;  // labelled, for two sides
    std::optional<std::size_t> m_csv_list;
    mutable std::optional<TableRows> m_csv;
    mutable std::vector<std::unique_ptr<Table>> m_tables;                           // kept
    mutable std::vector<std::pair<std::size_t, std::function<Table()>>> m_to_make;  // list, maker
    mutable std::function<Table()> m_csv_to_make;
};

}  // namespace orgraph::cli
