#pragma once
// The command line as a person meets it: the options in the help as GNU-style lines in one
// width, "did you mean" for a mistyped option, the one rule for --format, and the options every
// command takes (-q, -v, -h, --version).

#include <boost/program_options.hpp>

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace orgraph::cli {

namespace po = boost::program_options;

// Every line of the help fits in this many columns.
inline constexpr std::size_t help_width = 80;

// The options as help text: "  -f, --format=FORMAT       output format: ..." with descriptions
// wrapped to help_width and defaults written "(default: X)". The options that belong to no group
// come first under `title` (left out when there are none), then each group under its caption.
std::string format_options(const po::options_description& options, std::string_view title);

// `text` wrapped to help_width, ending in a newline.
std::string wrap_text(std::string_view text);

// An example command line, indented by two, broken with " \\" where it is wider than help_width.
std::string wrap_example(std::string_view line);

// One help line for an option written by hand (`names` such as "-o, --output=FILE").
std::string format_option_line(std::string_view names, std::string_view description);

// One line of the list of commands: the name, then its synopsis wrapped under itself.
std::string format_command_line(std::string_view name, std::string_view synopsis);

// "unrecognised option '--fromat'; did you mean '--format'?": the closest option of the command
// when one is close.
std::string unknown_option_message(const po::options_description& options, const std::string& typed);

// The one rule for --format (and -f), for every command: a command that has --format takes it
// (and -f); a command whose output format is chosen by --to FORMAT (render, export) takes
// --format as another name of --to; any other command refuses it with a usage_error that says
// what it writes. Returns the arguments with --format renamed where it is another name.
std::vector<std::string> apply_format_rule(std::string_view command, const po::options_description& options,
                                           std::vector<std::string> arguments);

// The options every command takes besides its own.
struct GeneralOptions {
    bool quiet = false;
    bool verbose = false;
    bool help = false;
    bool version = false;
};
po::options_description general_options(GeneralOptions& options);

// Every option a command takes, as typed: "--format", "-f", ... in the order declared (for
// the shell completion).
std::vector<std::string> option_spellings(const po::options_description& options);
// The options among them that take a value.
std::vector<std::string> options_with_values(const po::options_description& options);

}  // namespace orgraph::cli
