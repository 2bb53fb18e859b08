#pragma once
// The frame every subcommand plugs into: a CommandInfo that `orgraph help` and --help print,
// options declared into Boost.Program_options, setup() that checks them and touches no file,
// and run() that does the work. Shared option groups live here so every command spells them
// alike.

#include <boost/program_options.hpp>

#include <cstdint>

#include <memory>
#include <optional>
#include <ostream>
#include <stdexcept>
#include <string>
#include <string_view>
#include <unordered_set>
#include <utility>
#include <vector>

#include "orgraph/load/snapshot.hpp"
#include "orgraph/model/date.hpp"
#include "orgraph/model/graph.hpp"
#include "orgraph/model/visible_text.hpp"
#include "orgraph/write/atomic_file.hpp"
#include "orgraph/write/json_writer.hpp"

namespace orgraph::cli {

namespace po = boost::program_options;

// Misuse of the command line: exit status 2.
struct usage_error : std::runtime_error {
    using std::runtime_error::runtime_error;
};

// A whole-number option read strictly: digits only, from `min` to `max`. Anything else (empty, a
// sign, a fraction, a value out of range) is a usage_error that gives the range; the standard
// parsing would take "-1" as 2^64 - 1. The value is stored in `target` when the options are
// notified; its current value is the default.
po::typed_value<std::string>* number_value(std::uint64_t* target, const char* option, std::uint64_t min,
                                           std::uint64_t max);
po::typed_value<std::string>* number_value(std::uint32_t* target, const char* option, std::uint32_t min,
                                           std::uint32_t max);
// Reads TEXT as a number_value does; throws usage_error naming `option` and the range.
std::uint64_t parse_number(const char* option, const std::string& text, std::uint64_t min, std::uint64_t max);
// A file name option (-o): an empty value is a usage_error, not standard output.
po::typed_value<std::string>* path_value(std::string* target, const char* option);

// The entities and relations of a graph whose presence on a date is uncertain: an end the source
// does not give (Validity::uncertain_on), or, for an entity, the schema's [coverage]
// status_attribute equal to its uncertain_value. Found in one pass over the graph; each list
// ascending by index, each item with why it is uncertain.
struct UncertainFacts {
    std::vector<std::pair<EntityIndex, const char*>> entities;
    std::vector<std::pair<RelationIndex, const char*>> relations;
};
UncertainFacts find_uncertain(const Graph& graph, const Date& date, bool today);

// What an answer used: the entities and relations it counted, listed or walked. A relation
// brings its two ends, and a derived relation the facts it rests on (and their ends), since the
// answer holds only while they do. Adding is constant time; uncertain_among() sorts what was
// added once, so that the cost follows the answer's size, not the graph's.
class AnswerUses {
public:
    explicit AnswerUses(const Graph& graph) : m_graph(graph) {}
    [[nodiscard]] const Graph& graph() const { return m_graph; }
    void entity(EntityIndex e) { m_entities.push_back(e); }
    void relation(RelationIndex r);
    template <typename Entities>
    void entities(const Entities& list) {
        for (const auto e : list) entity(e);
    }
    // The ones of `facts` this answer used, in the order of `facts`.
    [[nodiscard]] UncertainFacts uncertain_among(const UncertainFacts& facts);

private:
    const Graph& m_graph;
    std::vector<EntityIndex> m_entities;
    std::vector<RelationIndex> m_relations;
    std::unordered_set<RelationIndex> m_derived;  // derived relations already opened up
};

// The calendar every command answers by: one date (today unless --as-of names another), or
// every date (--all-dates, and the commands that carry or compare the whole record: validate,
// snapshot, export, diff, history).
struct AnswerDate {
    std::optional<Date> date;  // empty: every date
    bool today = false;        // the date is the run date, not one given with --as-of

    // An entity the answer counts although whether it existed on the date is not known: its end
    // is unknown (and the date is not today), or its status says it is uncertain.
    struct Uncertain {
        std::string id;
        std::string name;
        std::string kind;
        std::string why;
    };
    // A relation the answer counts although whether it held on the date is not known: its end is
    // unknown and the date is not today.
    struct UncertainRelation {
        std::string from;  // ids
        std::string kind;
        std::string to;
        std::string text;  // "Northern Office (north-office) — liaises with → Archive Office (archive)"
        std::string why;
    };
    std::vector<Uncertain> uncertain;                    // in the graph's order
    std::vector<UncertainRelation> uncertain_relations;  // in the graph's order

    // "as of 2026-07-01 (today)", "as of 2023-06-30", "all dates".
    [[nodiscard]] std::string text() const;
    // Fills the two lists with the facts named, read from `graph`.
    void list_uncertain(const Graph& graph, const UncertainFacts& facts);
};

// Under a text answer: "uncertain today, counted as present (N):" and what is uncertain, one a
// line (the first ten; JSON lists them all); empty when nothing is.
std::string uncertain_text(const AnswerDate& answer);

// The run date: ORGRAPH_TODAY (YYYY-MM-DD) when set, so that answers can be pinned to a day (the
// golden tests do), otherwise the system date.
Date run_date();

// Which data to load: --data replaces the built-in dataset, --with adds overlays on top.
struct DataOptions {
    std::vector<std::string> data;
    std::vector<std::string> with;
    std::string as_of;
    bool all_dates = false;              // --all-dates
    bool every_date_by_default = false;  // a command that carries or compares the whole record
    bool no_derived = false;
    std::string import_kind = "kind";
    std::string import_name = "name";

    // The --as-of date, if any (checked in setup: with --all-dates it is a usage_error).
    [[nodiscard]] std::optional<Date> as_of_date() const;
    // The date the command answers for: --as-of, else every date with --all-dates, else today.
    [[nodiscard]] AnswerDate answer_date() const;

    // The options of a command that carries or compares the whole record: every date by default.
    static DataOptions whole_record() {
        DataOptions options;
        options.every_date_by_default = true;
        return options;
    }
};
po::options_description data_options(DataOptions& options);
// Loads what the options name; derives relations unless --no-derived. A --data path that is a
// snapshot is mapped and answered from; the built-in dataset comes from the snapshot compiled
// into the binary (unless ORGRAPH_NO_BUILTIN_SNAPSHOT is set, which tests use to compare). When
// `inputs` is given it receives the input files, as a snapshot records them; `for_snapshot` builds
// the name index into the graph and makes its tables afresh (PrepareOptions::fresh_tables), as a
// snapshot is written from.
Graph load_graph(const DataOptions& options, std::vector<SnapshotInput>* inputs = nullptr, bool for_snapshot = false);
// The date the last load_graph answered for (every date before any load). Answer::print
// (answer.hpp) says it under a text answer and as `as_of` in JSON: the one place where a command
// says which date it answered for.
const AnswerDate& answered_date();
// Narrows what the answer lists as uncertain to what it used (call it before printing the answer).
// Every answer for one date lists the uncertain entities and relations it used; a command that
// never calls this lists every uncertain one of the graph it loaded, which is right for an answer
// about the whole graph (info, export, report) and errs on the side of saying too much.
void note_uses(AnswerUses& uses);
// "as_of": "2026-07-01" (null for every date), "as_of_today": true|false, "uncertain": [{id,
// name, kind, why}] and "uncertain_relations": [{from, kind, to, why}] (answer.cpp).
void write_answer_date(JsonWriter& json, const AnswerDate& answer);

enum class Format { table, json, csv, markdown };

struct OutputOptions {
    std::vector<std::string> formats = {"table", "json", "csv", "markdown"};  // the first is the default
    std::string format = "table";
    std::string output;
    bool no_formula_guard = false;  // --no-formula-guard (commands that write CSV)

    [[nodiscard]] Format parsed_format() const;
};
// --format with the formats the command supports, -o FILE, and --no-formula-guard when csv is
// one of them.
po::options_description output_options(OutputOptions& options);
// Checks --format and sets the CSV formula guard (table.hpp). Without --format, the extension of
// -o chooses the format (report.json: json) when it names one the command writes, else the
// first; with --format, an -o whose extension names another format is a usage_error.
void check_format(OutputOptions& options);
// The help of --no-formula-guard, for every command that writes CSV.
inline constexpr const char* no_formula_guard_help =
    "write CSV cells that begin with =, +, -, @, a tab or a carriage return as they are (by default they get "
    "a leading ' so that spreadsheets do not run them as formulas)";

// Standard output, or a file written atomically when -o names one ("-" is standard output).
// commit() throws std::runtime_error when a write failed ("cannot write to standard output: No
// space left on device"). An answer in table, JSON, CSV or Markdown is printed by Answer::print
// (answer.hpp), which writes through one.
class Output {
public:
    explicit Output(const std::string& path);
    ~Output();
    Output(const Output&) = delete;
    Output& operator=(const Output&) = delete;
    std::ostream& stream();
    void commit();

private:
    std::unique_ptr<AtomicFile> m_file;
};

// Standard output goes through a checked buffer (installed by main); this flushes it and throws
// std::runtime_error with the reason of the first failed write. Reported once: a second call
// after a failure does not throw again.
void flush_standard_output();

// What the help says of a command, besides its options and its examples (command_examples.hpp:
// the EXAMPLES section of docs/<name>.md).
struct CommandInfo {
    std::string_view name;
    std::string_view synopsis;   // one line, for `orgraph help`
    std::string_view arguments;  // "ENTITY", "[PATH...]"
};

class Command {
public:
    explicit Command(const CommandInfo& info) : m_info(info) {}
    virtual ~Command() = default;
    [[nodiscard]] const CommandInfo& info() const { return m_info; }
    virtual void add_options(po::options_description& options, po::positional_options_description& positional) = 0;
    virtual void setup(const po::variables_map& /*variables*/) {}
    virtual int run() = 0;

private:
    CommandInfo m_info;
};

// Every command, in the order `orgraph help` lists them (commands.cpp).
std::vector<std::unique_ptr<Command>> make_commands();
std::unique_ptr<Command> find_command(std::string_view name);
// The picture format the extension of `path` names (svg, png, pdf, in any case), svg for a name
// without one; usage_error for another extension (m.jpg), rather than SVG under that name.
std::string picture_format_of(const std::string& path, std::string_view command, std::string_view option);
// usage_error when the extension of `path` names another format than the picture `format` given
// with `option` (--to png -o m.svg), rather than a PNG under an SVG's name.
void check_picture_name(const std::string& path, const std::string& format, std::string_view option);
// "unknown command 'shwo'; did you mean 'show'? (…)": the closest command, when one is close.
std::string unknown_command_message(std::string_view name);

// "1 layer", "3 layers".
std::string counted(std::size_t n, std::string_view one, std::string_view many);
// "until 2023", "from 1990", "1990 to 2023"; empty when always valid.
std::string validity_text(const Validity& validity);
// The kind an option names; a usage_error that lists the schema's kinds when it has none.
KindIndex known_entity_kind(const Schema& schema, std::string_view option, const std::string& kind);
RelationKindIndex known_relation_kind(const Schema& schema, std::string_view option, const std::string& kind);

// The full --help text of a command.
std::string command_help(Command& command);
// The text of `orgraph help`.
std::string general_help();

}  // namespace orgraph::cli
