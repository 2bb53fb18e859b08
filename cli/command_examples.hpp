#pragma once
// The examples `orgraph COMMAND --help` prints: the command lines of the EXAMPLES section of
// docs/COMMAND.md, compiled in by cmake/command-examples.cmake, so that the command's code names
// no dataset's entities, kinds or relations.

#include <string_view>

namespace orgraph::cli {

// One example a line, each ending with a line feed; empty for a name that is no command.
std::string_view command_examples(std::string_view name);

}  // namespace orgraph::cli
