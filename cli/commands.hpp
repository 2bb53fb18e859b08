#pragma once
// One factory a subcommand, each defined beside its command in command_<name>.cpp. A new
// command is a new command_<name>.cpp, its factory here and one line in commands.cpp.

#include <memory>

#include "command.hpp"

namespace orgraph::cli {

std::unique_ptr<Command> make_info_command();
std::unique_ptr<Command> make_show_command();
std::unique_ptr<Command> make_history_command();
std::unique_ptr<Command> make_find_command();
std::unique_ptr<Command> make_reach_command();
std::unique_ptr<Command> make_path_command();
std::unique_ptr<Command> make_routes_command();
std::unique_ptr<Command> make_weak_points_command();
std::unique_ptr<Command> make_coverage_command();
std::unique_ptr<Command> make_diff_command();
std::unique_ptr<Command> make_map_command();
std::unique_ptr<Command> make_report_command();
std::unique_ptr<Command> make_dot_command();
std::unique_ptr<Command> make_render_command();
std::unique_ptr<Command> make_export_command();
std::unique_ptr<Command> make_validate_command();
std::unique_ptr<Command> make_snapshot_command();
std::unique_ptr<Command> make_generate_command();
std::unique_ptr<Command> make_help_command();

}  // namespace orgraph::cli
