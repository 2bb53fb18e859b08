#include "command.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <iostream>
#include <sstream>
#include <utility>

#include "answer.hpp"
#include "command_examples.hpp"
#include "option_text.hpp"
#include "orgraph/analysis/prepare.hpp"
#include "orgraph/builtin/builtin.hpp"
#include "orgraph/builtin/embedded.hpp"
#include "orgraph/load/dataset_loader.hpp"
#include "orgraph/load/snapshot.hpp"
#include "orgraph/model/text.hpp"
#include "progress.hpp"
#include "standard_streams.hpp"
#include "table.hpp"

namespace orgraph::cli {

Date run_date() {
    if (const char* pinned = std::getenv("ORGRAPH_TODAY"); pinned && *pinned) {
        const auto date = Date::parse(pinned);
        if (!date || date->day == 0)
            throw usage_error(fmt::format("ORGRAPH_TODAY='{}' is not a date (expected YYYY-MM-DD)", pinned));
        return *date;
    }
    const auto today = std::chrono::floor<std::chrono::days>(std::chrono::system_clock::now());
    const std::chrono::year_month_day ymd{today};
    return Date{static_cast<int>(ymd.year()), static_cast<int>(static_cast<unsigned>(ymd.month())),
                static_cast<int>(static_cast<unsigned>(ymd.day()))};
}

namespace {
constexpr const char* undated_end = "it ended on a date the source does not give";
constexpr const char* uncertain_status = "its status is uncertain";
constexpr const char* resting_on_undated_end =
    "it is derived from a fact that ended on a date the source does not give";
}  // namespace

UncertainFacts find_uncertain(const Graph& graph, const Date& date, bool today) {
    UncertainFacts facts;
    // The schema's [coverage] names the status attribute and the value that says an entity's
    // presence is uncertain; a schema that names none has no such status.
    const auto& coverage = graph.schema.coverage();
    const bool status = !coverage.status_attribute.empty() && !coverage.uncertain_value.empty();
    for (EntityIndex e = 0; e < graph.entity_count(); ++e) {
        if (graph.entity_validity(e).uncertain_on(date, today))
            facts.entities.emplace_back(e, undated_end);
        else if (status && graph.entity_attributes(e).find(coverage.status_attribute) == coverage.uncertain_value)
            facts.entities.emplace_back(e, uncertain_status);
    }
    // A derived relation takes the earliest end of the facts it rests on: an undated one when
    // that is theirs.
    for (RelationIndex r = 0; r < graph.relation_count(); ++r)
        if (graph.relation_validity(r).uncertain_on(date, today))
            facts.relations.emplace_back(
                r, graph.relation_record(r).flags & image::relation_derived ? resting_on_undated_end : undated_end);
    return facts;
}

void AnswerUses::relation(RelationIndex r) {
    const auto& record = m_graph.relation_record(r);
    m_relations.push_back(r);
    m_entities.push_back(record.from);
    m_entities.push_back(record.to);
    if (!(record.flags & image::relation_derived)) return;
    // A derived relation is opened up once, however many routes take it.
    if (!m_derived.insert(r).second) return;
    for (const auto fact : m_graph.relation(r).derived_from) relation(fact);
}

namespace {

// The items of `all` (ascending by index) whose index is in `used`, in the order of `all`.
template <typename Index>
std::vector<std::pair<Index, const char*>> used_of(const std::vector<std::pair<Index, const char*>>& all,
                                                   std::vector<Index>& used) {
    std::vector<std::pair<Index, const char*>> kept;
    if (all.empty()) return kept;
    std::sort(used.begin(), used.end());
    auto u = used.begin();
    for (const auto& item : all) {
        u = std::lower_bound(u, used.end(), item.first);
        if (u == used.end()) break;
        if (*u == item.first) kept.push_back(item);
    }
    return kept;
}

}  // namespace

UncertainFacts AnswerUses::uncertain_among(const UncertainFacts& facts) {
    return {used_of(facts.entities, m_entities), used_of(facts.relations, m_relations)};
}

void AnswerDate::list_uncertain(const Graph& graph, const UncertainFacts& facts) {
    uncertain.clear();
    uncertain_relations.clear();
    for (const auto& [e, why] : facts.entities)
        uncertain.push_back(
            {std::string(graph.entity_id(e)), std::string(graph.entity_name(e)), graph.kind_of(e).id, why});
    for (const auto& [r, why] : facts.relations) {
        const auto& record = graph.relation_record(r);
        const auto& kind = graph.kind_of_relation(r);
        uncertain_relations.push_back(
            {std::string(graph.entity_id(record.from)), kind.id, std::string(graph.entity_id(record.to)),
             fmt::format("{} ({}) — {} → {} ({})", graph.entity_name(record.from), graph.entity_id(record.from),
                         kind.label.empty() ? kind.id : kind.label, graph.entity_name(record.to),
                         graph.entity_id(record.to)),
             why});
    }
}

std::optional<Date> DataOptions::as_of_date() const {
    if (as_of.empty()) return std::nullopt;
    if (all_dates)
        throw usage_error(fmt::format("--as-of {} and --all-dates contradict each other: give one of them", as_of));
    auto date = Date::parse(as_of);
    if (!date)
        throw usage_error(fmt::format("--as-of '{}' is not a date (expected YYYY, YYYY-MM or YYYY-MM-DD)", as_of));
    return date;
}

AnswerDate DataOptions::answer_date() const {
    AnswerDate answer;
    if (auto date = as_of_date()) {
        answer.date = date;
    } else if (!all_dates && !every_date_by_default) {
        answer.date = run_date();
        answer.today = true;
    }
    return answer;
}

namespace {
AnswerDate g_answered;       // every date until a graph is loaded
UncertainFacts g_uncertain;  // of the graph loaded, on the date answered for
bool g_loaded = false;       // whether a graph was loaded (commands that load none print no date)
}  // namespace

const AnswerDate& answered_date() {
    return g_answered;
}

void note_uses(AnswerUses& uses) {
    if (!g_answered.date) return;
    g_answered.list_uncertain(uses.graph(), uses.uncertain_among(g_uncertain));
}

std::uint64_t parse_number(const char* option, const std::string& text, std::uint64_t min, std::uint64_t max) {
    auto misuse = [&] {
        return usage_error(fmt::format("{} must be a whole number from {} to {}, not '{}'", option, min, max, text));
    };
    if (text.empty() || text.size() > 20 || text.find_first_not_of("0123456789") != std::string::npos) throw misuse();
    std::uint64_t value = 0;
    for (const char c : text) {
        const auto digit = static_cast<std::uint64_t>(c - '0');
        if (value > (UINT64_MAX - digit) / 10) throw misuse();
        value = value * 10 + digit;
    }
    if (value < min || value > max) throw misuse();
    return value;
}

po::typed_value<std::string>* number_value(std::uint64_t* target, const char* option, std::uint64_t min,
                                           std::uint64_t max) {
    return po::value<std::string>()->default_value(std::to_string(*target))->notifier([=](const std::string& text) {
        *target = parse_number(option, text, min, max);
    });
}

po::typed_value<std::string>* number_value(std::uint32_t* target, const char* option, std::uint32_t min,
                                           std::uint32_t max) {
    return po::value<std::string>()->default_value(std::to_string(*target))->notifier([=](const std::string& text) {
        *target = static_cast<std::uint32_t>(parse_number(option, text, min, max));
    });
}

po::typed_value<std::string>* path_value(std::string* target, const char* option) {
    return po::value(target)->notifier([=](const std::string& text) {
        if (text.empty())
            throw usage_error(
                fmt::format("{} needs a file name (or - for standard output), not an empty value", option));
    });
}

po::options_description data_options(DataOptions& options) {
    po::options_description group("Data", 100, 50);  // as wide as the command's own options
    const auto with_help = fmt::format("load an overlay on top (a path, or a built-in overlay: {}); repeatable",
                                       join(builtin_overlays(), ", "));
    group.add_options()("data", po::value(&options.data)->composing()->value_name("PATH"),
                        "load this dataset instead of the built-in one (a directory, a .toml file, entities.csv, "
                        ".graphml, node-link .json, or a snapshot made by 'orgraph snapshot'; - reads one GraphML, "
                        "JSON, TOML or snapshot file from "
                        "standard input); repeat for several layers")(
        "with", po::value(&options.with)->composing()->value_name("PATH|NAME"), with_help.c_str())(
        "as-of",
        po::value(&options.as_of)
            ->notifier([](const std::string& text) {
                if (!Date::parse(text))
                    throw usage_error(
                        fmt::format("--as-of '{}' is not a date (expected YYYY, YYYY-MM or YYYY-MM-DD)", text));
            })
            ->value_name("DATE"),
        "answer for this date (YYYY, YYYY-MM or YYYY-MM-DD) instead of today: only entities and relations "
        "valid then")("all-dates", po::bool_switch(&options.all_dates),
                      "answer for every date at once instead of today (closed and former entities included)")(
        "no-derived", po::bool_switch(&options.no_derived), "do not derive relations from the schema's rules")(
        "import-kind", po::value(&options.import_kind)->default_value(options.import_kind)->value_name("KEY"),
        "GraphML/JSON import: the node attribute that holds the kind")(
        "import-name", po::value(&options.import_name)->default_value(options.import_name)->value_name("KEY"),
        "GraphML/JSON import: the node attribute that holds the name");
    return group;
}

namespace {

// The built-in snapshot made of the built-in dataset and exactly these overlays, when one ships
// and no file of an overlay's name shadows it (--with takes a path before a built-in name).
const embedded::Snapshot* builtin_snapshot(const std::vector<std::string>& with) {
    if (const char* off = std::getenv("ORGRAPH_NO_BUILTIN_SNAPSHOT"); off && *off) return nullptr;
    std::vector<std::string_view> wanted;
    for (const auto& overlay : with) {
        std::error_code ec;
        if (std::filesystem::exists(overlay, ec)) return nullptr;
        wanted.push_back(overlay);
    }
    std::sort(wanted.begin(), wanted.end());
    wanted.erase(std::unique(wanted.begin(), wanted.end()), wanted.end());
    if (wanted.size() != with.size()) return nullptr;  // an overlay given twice loads like text does
    for (const auto& snapshot : embedded::snapshots())
        if (snapshot.overlays == wanted) return &snapshot;
    return nullptr;
}

}  // namespace

namespace {

// Ends the load's phase and prepares the graph (--as-of, derived relations) in a phase of its own.
template <typename Facts>
Graph prepare_loaded(Phase& loading, Facts facts, const PrepareOptions& prepare) {
    loading.end();
    Phase preparing("deriving relations");
    return prepare_graph(std::move(facts), prepare);
}

// Whether PATH (of --data or --with) is a snapshot; "-" is standard input.
bool names_snapshot(const std::string& path, std::string_view option) {
    if (path == "-") return standard_input_is_snapshot(option);
    std::error_code ec;
    return std::filesystem::exists(path, ec) && is_snapshot_file(path);
}

// What the graph keeps for the date answered for without knowing that it held then; until a
// command says what its answer used (note_uses), all of it is listed.
Graph note_uncertain(Graph graph) {
    note_loaded();
    g_uncertain = g_answered.date ? find_uncertain(graph, *g_answered.date, g_answered.today) : UncertainFacts{};
    g_answered.list_uncertain(graph, g_uncertain);
    return graph;
}

}  // namespace

Graph load_graph(const DataOptions& options, std::vector<SnapshotInput>* inputs, bool for_snapshot) {
    const auto answer = options.answer_date();
    g_answered = answer;
    g_loaded = true;
    const PrepareOptions prepare{answer.date, !options.no_derived, for_snapshot, answer.today, for_snapshot};
    Phase loading("loading the data");
    for (const auto& overlay : options.with) {
        if (names_snapshot(overlay, "--with"))
            throw usage_error(fmt::format(
                "--with {}: {} is a snapshot, which stands alone: it cannot be an overlay (make one snapshot of the "
                "dataset and its overlays, orgraph --data ... --with ... snapshot -o FILE, and give it as --data)",
                overlay, overlay));
    }
    for (const auto& path : options.data) {
        if (!names_snapshot(path, "--data")) continue;
        if (options.data.size() > 1 || !options.with.empty())
            throw usage_error(
                fmt::format("{} is a snapshot, which stands alone: it cannot be combined with other --data or --with "
                            "layers (make one snapshot of them all: orgraph --data ... --with ... snapshot -o FILE)",
                            path));
        auto opened = path == "-" ? open_snapshot_bytes(standard_input("--data"), "-") : open_snapshot(path);
        if (inputs) *inputs = std::move(opened.info.inputs);
        return note_uncertain(prepare_loaded(loading, std::move(opened.graph), prepare));
    }
    if (options.data.empty()) {
        if (const auto* snapshot = builtin_snapshot(options.with)) {
            auto opened = open_snapshot_bytes({snapshot->data, snapshot->size}, "builtin snapshot");
            if (inputs) *inputs = std::move(opened.info.inputs);
            return note_uncertain(prepare_loaded(loading, std::move(opened.graph), prepare));
        }
    }
    std::vector<LayerInput> layers;
    if (options.data.empty()) {
        layers = builtin_layers();
    } else {
        for (const auto& path : options.data)
            layers.push_back(path == "-" ? standard_input_layer("--data") : read_layer(path));
    }
    for (const auto& overlay : options.with)
        layers.push_back(overlay == "-" ? standard_input_layer("--with") : read_layer_or_overlay(overlay));
    if (inputs) *inputs = snapshot_inputs(layers);
    LoadOptions load_options;
    load_options.mapping.kind_key = options.import_kind;
    load_options.mapping.name_key = options.import_name;
    load_options.fallback_schema = builtin_schema();  // a dataset that declares no kind reads the built-in ones
    load_options.consume_input = true;                // the layers are let go of right after
    auto facts = load(layers, load_options);
    layers = {};  // the files' text is not needed any more: free it before deriving
    // Restricted before deriving (prepare_graph's order), so that a derived relation rests only
    // on facts valid that day.
    return note_uncertain(prepare_loaded(loading, std::move(facts), prepare));
}

Format OutputOptions::parsed_format() const {
    if (format == "json") return Format::json;
    if (format == "csv") return Format::csv;
    if (format == "markdown") return Format::markdown;
    return Format::table;
}

po::options_description output_options(OutputOptions& options) {
    const auto& formats = options.formats;
    options.format.clear();  // given, or chosen by check_format
    std::string list;
    for (const auto& f : formats) list += (list.empty() ? "" : "|") + f;
    po::options_description group("Output", 100, 50);
    auto formats_help =
        fmt::format("output format: {} (default: from the extension of -o, else {})", list, formats.front());
    group.add_options()("format,f", po::value(&options.format)->value_name("FORMAT"), formats_help.c_str())(
        "output,o", path_value(&options.output, "-o")->value_name("FILE"),
        "write to FILE (atomically: a temporary file renamed into place) instead of standard output");
    if (std::find(formats.begin(), formats.end(), "csv") != formats.end())
        group.add_options()("no-formula-guard", po::bool_switch(&options.no_formula_guard), no_formula_guard_help);
    return group;
}

void check_format(OutputOptions& options) {
    set_csv_formula_guard(!options.no_formula_guard);
    check_output_extension(options);  // standard_streams.hpp
    for (const auto& f : options.formats)
        if (f == options.format) return;
    std::string list;
    for (const auto& f : options.formats) list += (list.empty() ? "" : ", ") + f;
    throw usage_error(fmt::format("unknown format '{}' (expected one of: {})", options.format, list));
}

Output::Output(const std::string& path) {
    if (!path.empty() && path != "-") m_file = std::make_unique<AtomicFile>(path);
}

Output::~Output() = default;

std::ostream& Output::stream() {
    return m_file ? m_file->stream() : std::cout;
}

void Output::commit() {
    report_memory();  // -v: while the graph the answer came from is still there
    if (m_file)
        m_file->commit();
    else
        flush_standard_output();
}

void Answer::print(const OutputOptions& options) const {
    const auto format = options.parsed_format();
    if (!says_anything(format)) return;
    Output output(options.output);
    render(output.stream(), format, g_loaded ? &g_answered : nullptr);
    output.commit();
    if (format == Format::csv)
        for (const auto& part : m_parts)
            if (part.kind == Part::Kind::note && shown_in(part.shown, Format::csv)) warn(part.text);
}

void flush_standard_output() {
    static bool reported = false;
    auto* buffer = dynamic_cast<FdStreamBuf*>(std::cout.rdbuf());
    if (!buffer) {
        std::cout.flush();
        return;
    }
    const int error = buffer->flush();
    if (!error || reported) return;
    reported = true;
    throw std::runtime_error(fmt::format("cannot write to standard output: {}", std::strerror(error)));
}

std::string counted(std::size_t n, std::string_view one, std::string_view many) {
    return fmt::format("{} {}", n, n == 1 ? one : many);
}

std::string validity_text(const Validity& v) {
    if (v.end_unknown())
        return v.from ? fmt::format("from {}, ended on a date not given", v.from->to_string())
                      : "until a date not given";
    if (v.from && v.to) return fmt::format("{} to {}", v.from->to_string(), v.to->to_string());
    if (v.from) return fmt::format("from {}", v.from->to_string());
    if (v.to) return fmt::format("until {}", v.to->to_string());
    return {};
}

namespace {

template <typename Kind>
usage_error unknown_kind(std::string_view option, std::string_view what, const std::string& kind,
                         const std::vector<Kind>& kinds) {
    std::vector<std::string> ids;
    for (const auto& k : kinds) ids.push_back(k.id);
    std::sort(ids.begin(), ids.end());
    // The closest kind when one is close, else the whole list.
    if (const auto best = closest_match(kind, ids); !best.empty())
        return usage_error(fmt::format("{}: the schema has no {} '{}'; did you mean '{}'?", option, what, kind, best));
    return usage_error(
        fmt::format("{}: the schema has no {} '{}' (expected one of: {})", option, what, kind, join(ids)));
}

}  // namespace

KindIndex known_entity_kind(const Schema& schema, std::string_view option, const std::string& kind) {
    if (auto index = schema.entity_kind(kind)) return *index;
    throw unknown_kind(option, "entity kind", kind, schema.entity_kinds());
}

RelationKindIndex known_relation_kind(const Schema& schema, std::string_view option, const std::string& kind) {
    if (auto index = schema.relation_kind(kind)) return *index;
    throw unknown_kind(option, "relation kind", kind, schema.relation_kinds());
}

std::unique_ptr<Command> find_command(std::string_view name) {
    for (auto& command : make_commands())
        if (command->info().name == name) return std::move(command);
    return nullptr;
}

std::string picture_format_of(const std::string& path, std::string_view command, std::string_view option) {
    const auto name = std::filesystem::path(path).filename().string();
    const auto dot = name.rfind('.');
    if (dot == std::string::npos || dot == 0 || dot + 1 == name.size()) return "svg";
    auto ext = name.substr(dot + 1);
    std::transform(ext.begin(), ext.end(), ext.begin(),
                   [](unsigned char c) { return static_cast<char>(c >= 'A' && c <= 'Z' ? c + 32 : c); });
    if (ext == "svg" || ext == "png" || ext == "pdf") return ext;
    throw usage_error(
        fmt::format("-o {}: {} writes svg, png or pdf, not '{}' (name the file .svg, .png or .pdf, or "
                    "give {})",
                    path, command, name.substr(dot + 1), option));
}

void check_picture_name(const std::string& path, const std::string& format, std::string_view option) {
    const auto named = format_of_extension(path);
    if (named.empty() || named == format) return;
    const auto name = std::filesystem::path(path).filename().string();
    const auto stem = path.substr(0, path.size() - (name.size() - name.rfind('.')));
    const bool picture = named == "svg" || named == "png" || named == "pdf";
    throw usage_error(fmt::format("-o {}: the name says {} but {} is {} (name it {}.{} for {}{})", path, named, option,
                                  format, stem, format, format,
                                  picture ? fmt::format(", or leave out {} to write {}", option, named) : ""));
}

std::string unknown_command_message(std::string_view name) {
    std::vector<std::string> names;
    for (const auto& command : make_commands()) names.emplace_back(command->info().name);
    const auto best = closest_match(name, names);
    return fmt::format("unknown command '{}'{} ('orgraph help' lists every command)", name,
                       best.empty() ? std::string{} : fmt::format("; did you mean '{}'?", best));
}

std::string command_help(Command& command) {
    const auto& info = command.info();
    po::options_description options;
    po::positional_options_description positional;
    command.add_options(options, positional);
    GeneralOptions general;
    options.add(general_options(general));
    std::ostringstream out;
    out << "Usage: orgraph " << info.name << " [OPTIONS]" << (info.arguments.empty() ? "" : " ") << info.arguments
        << "\n\n"
        << wrap_text(info.synopsis) << "\n"
        << format_options(options, fmt::format("Options of orgraph {}", info.name)) << "\nExamples:\n";
    std::istringstream examples{std::string(command_examples(info.name))};
    std::string line;
    while (std::getline(examples, line)) out << wrap_example(line);
    out << '\n'
        << wrap_text(
               "Exit status: 0 success; 1 bad data, a failed run or no answer (no match, no route); 2 misuse "
               "of the command line, or an entity, kind or relation kind the data has not (or an ambiguous "
               "name).")
        << "The whole manual: man orgraph-" << info.name << '\n';
    return out.str();
}

std::string general_help() {
    std::ostringstream out;
    out << "orgraph — an organisation and its outside world as a typed graph\n\n"
        << "Usage: orgraph [GLOBAL OPTIONS] COMMAND [OPTIONS] [ARGUMENTS]\n\nCommands:\n";
    for (auto& command : make_commands()) out << format_command_line(command->info().name, command->info().synopsis);
    out << "\nGlobal options (before or after the command):\n"
        << format_option_line("    --data=PATH...",
                              "load these datasets (or one snapshot) instead of the built-in DPRK MFA dataset; "
                              "- reads one file from standard input")
        << format_option_line("    --with=PATH|NAME",
                              fmt::format("load an overlay on top (a path, or a built-in overlay: {})",
                                          join(builtin_overlays(), ", ")))
        << format_option_line("    --as-of=DATE", "answer for DATE instead of today (only what was valid then)")
        << format_option_line("    --all-dates", "answer for every date at once instead of today")
        << format_option_line("    --no-derived", "leave out relations derived by the schema's rules")
        << format_option_line("-f, --format=FORMAT",
                              "table, json, csv or markdown where a command prints tables; "
                              "the picture or file format where it draws or exports")
        << format_option_line("-o, --output=FILE", "write the result to FILE atomically (- for standard output)")
        << format_option_line("-q, --quiet", "print no warnings and no progress")
        << format_option_line("-v, --verbose", "print the time and peak memory of each phase on standard error")
        << format_option_line("-h, --help", "print the help")
        << format_option_line("    --version", "print the version")
        << "\n'orgraph help COMMAND' or 'orgraph COMMAND --help' describes one command;\n"
        << "'man orgraph' and 'man orgraph-COMMAND' are the whole manual.\n";
    return out.str();
}

}  // namespace orgraph::cli
