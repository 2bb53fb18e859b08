// The registry of subcommands: one line each, in the order `orgraph help` lists them.

#include "commands.hpp"

namespace orgraph::cli {

std::vector<std::unique_ptr<Command>> make_commands() {
    std::vector<std::unique_ptr<Command>> commands;
    commands.push_back(make_info_command());
    commands.push_back(make_show_command());
    commands.push_back(make_history_command());
    commands.push_back(make_find_command());
    commands.push_back(make_reach_command());
    commands.push_back(make_path_command());
    commands.push_back(make_routes_command());
    commands.push_back(make_weak_points_command());
    commands.push_back(make_coverage_command());
    commands.push_back(make_map_command());
    commands.push_back(make_report_command());
    commands.push_back(make_diff_command());
    commands.push_back(make_dot_command());
    commands.push_back(make_render_command());
    commands.push_back(make_export_command());
    commands.push_back(make_validate_command());
    commands.push_back(make_snapshot_command());
    commands.push_back(make_generate_command());
    commands.push_back(make_help_command());
    return commands;
}

}  // namespace orgraph::cli
