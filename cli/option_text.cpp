#include "option_text.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <set>
#include <sstream>

#include "command.hpp"
#include "orgraph/model/text.hpp"

namespace orgraph::cli {

namespace {

// Boost.Program_options keeps the groups of an options_description and their captions (what
// its own help prints) private, with no accessor. An explicit instantiation may name a private
// member, so these read them without copying Boost's printer.
using GroupsMember = std::vector<boost::shared_ptr<po::options_description>> po::options_description::*;
using CaptionMember = std::string po::options_description::*;
GroupsMember groups_member();
CaptionMember caption_member();
template <GroupsMember Groups, CaptionMember Caption>
struct DescriptionAccess {
    friend GroupsMember groups_member() { return Groups; }
    friend CaptionMember caption_member() { return Caption; }
};
template struct DescriptionAccess<&po::options_description::groups, &po::options_description::m_caption>;

const std::vector<boost::shared_ptr<po::options_description>>& groups_of(const po::options_description& d) {
    return d.*groups_member();
}

const std::string& caption_of(const po::options_description& d) {
    return d.*caption_member();
}

// Where descriptions start.
constexpr std::size_t description_column = 30;

// "-f" when the option has a short name, else empty.
std::string short_name(const po::option_description& option) {
    const auto shown = option.canonical_display_name(po::command_line_style::allow_dash_for_short);
    return shown.size() == 2 && shown[0] == '-' ? shown : std::string{};
}

// The value's name and its default: Boost writes "N (=20)", "ARG (=1)".
struct ValueText {
    std::string name;
    std::string default_value;
};

ValueText value_text(const po::option_description& option) {
    const auto& semantic = *option.semantic();
    ValueText text;
    text.name = semantic.name();
    if (const auto at = text.name.find(" (="); at != std::string::npos && text.name.back() == ')') {
        text.default_value = text.name.substr(at + 3, text.name.size() - at - 4);
        text.name.resize(at);
    }
    if (text.name == "arg") text.name = "ARG";
    return text;
}

std::string option_names(const po::option_description& option) {
    const auto shortname = short_name(option);
    std::string names = shortname.empty() ? "    " : shortname + ", ";
    names += "--" + option.long_name();
    if (option.semantic()->max_tokens() == 0) return names;
    const auto value = value_text(option);
    // A value of several words ("--highlight FROM TO") is written apart.
    names += (option.semantic()->max_tokens() > 1 ? " " : "=") + value.name;
    return names;
}

// Appends the words of `text` wrapped to help_width, every line after the first indented to
// `column`.
void append_wrapped(std::string& out, std::string_view text, std::size_t column) {
    std::size_t at = column;
    bool first = true;
    std::istringstream words{std::string(text)};
    std::string word;
    while (words >> word) {
        if (!first && at + 1 + word.size() > help_width) {
            out += '\n';
            out.append(column, ' ');
            at = column;
            first = true;
        }
        if (!first) {
            out += ' ';
            ++at;
        }
        out += word;
        at += word.size();
        first = false;
    }
    out += '\n';
}

void append_line(std::string& out, std::string_view names, std::string_view description,
                 std::size_t column = description_column) {
    std::string head = "  " + std::string(names);
    out += head;
    if (head.size() + 2 > column) {
        out += '\n';
        out.append(column, ' ');
    } else {
        out.append(column - head.size(), ' ');
    }
    append_wrapped(out, description, column);
}

void append_option(std::string& out, const po::option_description& option) {
    auto description = option.description();
    if (option.semantic()->max_tokens() != 0) {
        const auto value = value_text(option);
        if (!value.default_value.empty() && description.find("default") == std::string::npos)
            description += fmt::format(" (default: {})", value.default_value);
    }
    append_line(out, option_names(option), description);
}

// Appends the options of `group` that none of its subgroups holds, under `title`, then each
// subgroup under its own caption.
void append_group(std::string& out, const po::options_description& group, std::string_view title) {
    std::set<const po::option_description*> in_subgroups;
    for (const auto& sub : groups_of(group))
        for (const auto& option : sub->options()) in_subgroups.insert(option.get());
    std::string own;
    for (const auto& option : group.options())
        if (!in_subgroups.contains(option.get())) append_option(own, *option);
    if (!own.empty()) {
        if (!out.empty()) out += '\n';
        if (!title.empty()) out += std::string(title) + ":\n";
        out += own;
    }
    for (const auto& sub : groups_of(group)) append_group(out, *sub, caption_of(*sub));
}

const po::option_description* find_option(const po::options_description& options, std::string_view name) {
    for (const auto& option : options.options())
        if (option->long_name() == name) return option.get();
    return nullptr;
}

// What a command without --format writes, for its refusal.
std::string_view what_it_writes(std::string_view command) {
    if (command == "dot")
        return "it writes Graphviz DOT only ('orgraph render' draws the same diagram as svg, png or pdf)";
    if (command == "snapshot")
        return "a snapshot has one binary format ('orgraph export --to' writes the graph in other formats)";
    if (command == "generate")
        return "it writes a dataset in orgraph's bulk CSV ('orgraph export --to' writes the graph in other formats)";
    if (command == "validate") return "it reports problems as text, one a line";
    if (command == "help") return "the help is text";
    return "it writes one format only";
}

}  // namespace

std::string format_options(const po::options_description& options, std::string_view title) {
    std::string out;
    append_group(out, options, title);
    return out;
}

std::string wrap_text(std::string_view text) {
    std::string out;
    append_wrapped(out, text, 0);
    return out;
}

std::string wrap_example(std::string_view line) {
    std::string out = "  ";
    std::size_t indent = 2;
    // Each piece ends where the next word would pass help_width less the room for " \\".
    while (indent + line.size() > help_width) {
        const auto room = help_width - indent - 2;
        const auto cut = line.substr(0, room + 1).rfind(' ');
        if (cut == std::string_view::npos || cut == 0) break;
        out += std::string(line.substr(0, cut)) + " \\\n      ";
        line.remove_prefix(cut + 1);
        indent = 6;
    }
    out += std::string(line) + '\n';
    return out;
}

std::string format_option_line(std::string_view names, std::string_view description) {
    std::string out;
    append_line(out, names, description);
    return out;
}

std::string format_command_line(std::string_view name, std::string_view synopsis) {
    std::string out;
    append_line(out, name, synopsis, 15);
    return out;
}

std::string unknown_option_message(const po::options_description& options, const std::string& typed) {
    std::string name = typed;
    if (const auto equals = name.find('='); equals != std::string::npos) name.resize(equals);
    std::vector<std::string> spellings = option_spellings(options);
    // A short option is too short to be guessed at: only long names are suggested.
    std::erase_if(spellings, [](const std::string& s) { return !s.starts_with("--"); });
    auto best = name.starts_with("--") ? closest_match(name, spellings) : std::string{};
    if (best.empty() && !name.starts_with("--") && name.starts_with("-") && name.size() > 2)
        best = closest_match("-" + name, spellings);  // "-format" for "--format"
    return fmt::format("unrecognised option '{}'{}", typed,
                       best.empty() ? std::string{} : fmt::format("; did you mean '{}'?", best));
}

std::vector<std::string> apply_format_rule(std::string_view command, const po::options_description& options,
                                           std::vector<std::string> arguments) {
    if (find_option(options, "format")) return arguments;
    const auto* to = find_option(options, "to");
    const bool to_is_format = to && value_text(*to).name == "FORMAT";
    const auto takes_value = options_with_values(options);
    const std::set<std::string> with_value(takes_value.begin(), takes_value.end());
    for (std::size_t i = 0; i < arguments.size(); ++i) {
        auto& arg = arguments[i];
        if (arg == "--") break;
        const bool is_format = arg == "--format" || arg.starts_with("--format=") || arg == "-f" ||
                               (arg.starts_with("-f") && !arg.starts_with("--"));
        if (!is_format) {
            // The value of an option is not an option ("--title -f").
            if (with_value.contains(arg)) ++i;
            continue;
        }
        if (!to_is_format) throw usage_error(fmt::format("{} takes no --format: {}", command, what_it_writes(command)));
        if (arg == "--format" || arg == "-f")
            arg = "--to";
        else if (arg.starts_with("--format="))
            arg = "--to=" + arg.substr(9);
        else
            arg = "--to=" + arg.substr(2);
    }
    return arguments;
}

po::options_description general_options(GeneralOptions& options) {
    po::options_description group("General");
    group.add_options()("quiet,q", po::bool_switch(&options.quiet), "print no warnings and no progress")(
        "verbose,v", po::bool_switch(&options.verbose),
        "print the time and peak memory of each phase on standard error")(
        "help,h", po::bool_switch(&options.help), "print this help")("version", po::bool_switch(&options.version),
                                                                     "print the version");
    return group;
}

std::vector<std::string> option_spellings(const po::options_description& options) {
    std::vector<std::string> spellings;
    for (const auto& option : options.options()) {
        spellings.push_back("--" + option->long_name());
        if (auto s = short_name(*option); !s.empty()) spellings.push_back(std::move(s));
    }
    return spellings;
}

std::vector<std::string> options_with_values(const po::options_description& options) {
    std::vector<std::string> spellings;
    for (const auto& option : options.options()) {
        if (option->semantic()->max_tokens() == 0) continue;
        spellings.push_back("--" + option->long_name());
        if (auto s = short_name(*option); !s.empty()) spellings.push_back(std::move(s));
    }
    return spellings;
}

}  // namespace orgraph::cli
