#include "completion.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <iostream>

#include "command.hpp"
#include "option_text.hpp"

namespace orgraph::cli {

namespace {

struct OptionSpec {
    std::string spelling;     // "--format", "-f"
    std::string description;  // its first clause
    bool takes_value = false;
    bool takes_file = false;  // the value names a file or directory
};

struct CommandSpec {
    std::string name;
    std::string synopsis;
    std::vector<OptionSpec> options;
};

// The help text of an option up to its first comma, colon or parenthesis: a short note.
std::string short_description(const std::string& description) {
    const auto end = description.find_first_of(",;:(");
    auto text = description.substr(0, end);
    while (!text.empty() && text.back() == ' ') text.pop_back();
    return text;
}

std::vector<CommandSpec> command_specs() {
    std::vector<CommandSpec> specs;
    for (auto& command : make_commands()) {
        CommandSpec spec{std::string(command->info().name), std::string(command->info().synopsis), {}};
        po::options_description options;
        po::positional_options_description positional;
        command->add_options(options, positional);
        GeneralOptions general;
        options.add(general_options(general));
        for (const auto& option : options.options()) {
            // A positional argument also has an option's name (--entity); it is not offered.
            if (positional.max_total_count() > 0 && positional.name_for_position(0) == option->long_name()) continue;
            const auto value = option->semantic()->max_tokens() != 0;
            const auto name = option->semantic()->name();
            const bool file = value && (name.starts_with("FILE") || name.starts_with("PATH") ||
                                        name.starts_with("DIR") || name.starts_with("WHICH"));
            const auto description = short_description(option->description());
            spec.options.push_back({"--" + option->long_name(), description, value, file});
            const auto shown = option->canonical_display_name(po::command_line_style::allow_dash_for_short);
            if (shown.size() == 2 && shown[0] == '-') spec.options.push_back({shown, description, value, file});
        }
        specs.push_back(std::move(spec));
    }
    return specs;
}

std::string joined(const std::vector<OptionSpec>& options, bool (*keep)(const OptionSpec&)) {
    std::string out;
    for (const auto& o : options)
        if (keep(o)) out += (out.empty() ? "" : " ") + o.spelling;
    return out;
}

std::string bash_script() {
    const auto specs = command_specs();
    std::string names;
    for (const auto& spec : specs) names += (names.empty() ? "" : " ") + spec.name;
    std::string cases;
    for (const auto& spec : specs)
        cases += fmt::format(
            "        {})\n            options=\"{}\"\n            values=\"{}\"\n            files=\"{}\"\n"
            "            ;;\n",
            spec.name, joined(spec.options, [](const OptionSpec&) { return true; }),
            joined(spec.options, [](const OptionSpec& o) { return o.takes_value; }),
            joined(spec.options, [](const OptionSpec& o) { return o.takes_file; }));
    return fmt::format(R"(# bash completion for orgraph, made by 'orgraph completion bash' from its commands.
_orgraph() {{
    local cur="${{COMP_WORDS[COMP_CWORD]}}" prev="" command="" options values files i word
    (( COMP_CWORD > 0 )) && prev="${{COMP_WORDS[COMP_CWORD-1]}}"
    local commands="{0}"
    # Options that may stand before the command, and those of them that take a value.
    local global_options="--data --with --as-of --no-derived --import-kind --import-name -q --quiet -v --verbose -h --help --version"
    local global_values="--data --with --as-of --import-kind --import-name"
    values="$global_values"
    for (( i = 1; i < COMP_CWORD; i++ )); do
        word="${{COMP_WORDS[i]}}"
        if [[ " $values " == *" $word "* ]]; then
            (( i++ ))
        elif [[ $word != -* && " $commands " == *" $word "* ]]; then
            command="$word"
            break
        fi
    done
    options="$global_options" files="--data --with"
    case "$command" in
{1}    esac
    if [[ -n $prev && " $files " == *" $prev "* ]]; then
        compopt -o filenames 2>/dev/null
        COMPREPLY=( $(compgen -f -- "$cur") )
        return 0
    fi
    if [[ -n $prev && " $values " == *" $prev "* ]]; then
        COMPREPLY=()
        return 0
    fi
    if [[ $cur == -* ]]; then
        COMPREPLY=( $(compgen -W "$options" -- "$cur") )
    elif [[ -z $command || $command == help ]]; then
        COMPREPLY=( $(compgen -W "$commands" -- "$cur") )
    else
        compopt -o default 2>/dev/null
        COMPREPLY=()
    fi
    return 0
}}
complete -F _orgraph orgraph
)",
                       names, cases);
}

// Text inside a zsh single-quoted _arguments spec, between [ and ].
std::string zsh_escape(const std::string& text) {
    std::string out;
    for (const char c : text) {
        if (c == '\'')
            out += "'\\''";
        else if (c == '[' || c == ']' || c == ':' || c == '\\')
            out += std::string("\\") + c;
        else
            out += c;
    }
    return out;
}

// One _arguments spec of an option: '*--data=[load this dataset]:value:_files'.
std::string zsh_option_spec(const OptionSpec& o) {
    const bool is_long = o.spelling.starts_with("--");
    const auto action = o.takes_file ? ":value:_files" : o.takes_value ? ":value: " : "";
    return fmt::format("'*{}{}[{}]{}'", o.spelling, o.takes_value ? (is_long ? "=" : "+") : "",
                       zsh_escape(o.description), action);
}

std::string zsh_script() {
    const auto specs = command_specs();
    std::string commands;
    for (const auto& spec : specs) commands += fmt::format("        '{}:{}'\n", spec.name, zsh_escape(spec.synopsis));
    // The options that may stand before the command (as in the bash script), described as the
    // first command that takes each describes it.
    std::string global;
    for (const std::string_view name : {"--data", "--with", "--as-of", "--no-derived", "--import-kind", "--import-name",
                                        "-q", "--quiet", "-v", "--verbose", "-h", "--help", "--version"}) {
        for (const auto& spec : specs) {
            const auto found = std::find_if(spec.options.begin(), spec.options.end(),
                                            [&](const OptionSpec& o) { return o.spelling == name; });
            if (found == spec.options.end()) continue;
            global += " \\\n        " + zsh_option_spec(*found);
            break;
        }
    }
    std::string cases;
    for (const auto& spec : specs) {
        cases += fmt::format("                {})\n                    _arguments -s", spec.name);
        for (const auto& o : spec.options) cases += " \\\n                        " + zsh_option_spec(o);
        if (spec.name == "help")
            cases += " \\\n                        '1:command:(" + [&] {
                std::string names;
                for (const auto& s : specs) names += (names.empty() ? "" : " ") + s.name;
                return names;
            }() + ")'";
        else
            cases += " \\\n                        '*:argument:_files'";
        cases += " && ret=0\n                    ;;\n";
    }
    return fmt::format(R"(#compdef orgraph
# zsh completion for orgraph, made by 'orgraph completion zsh' from its commands. Installed in a
# directory of $fpath as _orgraph, or sourced after compinit: source <(orgraph completion zsh)
_orgraph() {{
    local curcontext="$curcontext" state state_descr line ret=1
    typeset -A opt_args
    local -a commands
    commands=(
{0}    )
    # Options before the command, then the command, then its own options and arguments.
    _arguments -C{1} \
        '(-)1:command:->command' \
        '(-)*::argument:->argument' && ret=0
    case $state in
        command)
            _describe -t commands 'orgraph command' commands && ret=0
            ;;
        argument)
            curcontext="${{curcontext%:*:*}}:orgraph-${{words[1]}}:"
            case ${{words[1]}} in
{2}            esac
            ;;
    esac
    return ret
}}
if [[ ${{funcstack[1]}} == _orgraph ]]; then
    _orgraph "$@"
else
    compdef _orgraph orgraph
fi
)",
                       commands, global, cases);
}

}  // namespace

std::string completion_script(std::string_view shell) {
    if (shell == "bash") return bash_script();
    if (shell == "zsh") return zsh_script();
    throw usage_error(fmt::format("completion: no script for '{}' (expected bash or zsh)", shell));
}

int run_completion(const std::vector<std::string>& arguments) {
    if (arguments.size() != 1) throw usage_error("completion needs one argument: bash or zsh");
    std::cout << completion_script(arguments.front());
    return 0;
}

}  // namespace orgraph::cli
