// The registry of subcommands: one line each, in the order `orgraph help` lists them.

#include "command.hpp"
#include "command_coverage.hpp"
#include "command_dot.hpp"
#include "command_export.hpp"
#include "command_find.hpp"
#include "command_generate.hpp"
#include "command_help.hpp"
#include "command_info.hpp"
#include "command_path.hpp"
#include "command_reach.hpp"
#include "command_render.hpp"
#include "command_routes.hpp"
#include "command_show.hpp"
#include "command_validate.hpp"
#include "command_weak_points.hpp"

namespace orgraph::cli {

std::vector<std::unique_ptr<Command>> make_commands() {
    std::vector<std::unique_ptr<Command>> commands;
    commands.push_back(std::make_unique<InfoCommand>());
    commands.push_back(std::make_unique<ShowCommand>());
    commands.push_back(std::make_unique<FindCommand>());
    commands.push_back(std::make_unique<ReachCommand>());
    commands.push_back(std::make_unique<PathCommand>());
    commands.push_back(std::make_unique<RoutesCommand>());
    commands.push_back(std::make_unique<WeakPointsCommand>());
    commands.push_back(std::make_unique<CoverageCommand>());
    commands.push_back(std::make_unique<DotCommand>());
    commands.push_back(std::make_unique<RenderCommand>());
    commands.push_back(std::make_unique<ExportCommand>());
    commands.push_back(std::make_unique<ValidateCommand>());
    commands.push_back(std::make_unique<GenerateCommand>());
    commands.push_back(std::make_unique<HelpCommand>());
    return commands;
}

}  // namespace orgraph::cli
