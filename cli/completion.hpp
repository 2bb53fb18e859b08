#pragma once
// Shell completion scripts made from the registry of commands and their options, so that they
// stay true as commands change: `orgraph completion bash` and `orgraph completion zsh` print
// them (the build installs both; the command is left out of `orgraph help`).

#include <string>
#include <string_view>
#include <vector>

namespace orgraph::cli {

// The script for SHELL ("bash" or "zsh"); usage_error for another shell.
std::string completion_script(std::string_view shell);

// Runs `orgraph completion SHELL` with the arguments after the command name.
int run_completion(const std::vector<std::string>& arguments);

}  // namespace orgraph::cli
