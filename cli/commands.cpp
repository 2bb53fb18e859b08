// The registry of subcommands: one line each, in the order `orgraph help` lists them.

#include "command.hpp"
#include "command_find.hpp"
#include "command_help.hpp"
#include "command_info.hpp"
#include "command_show.hpp"
#include "command_validate.hpp"

namespace orgraph::cli {

std::vector<std::unique_ptr<Command>> make_commands() {
    std::vector<std::unique_ptr<Command>> commands;
    commands.push_back(std::make_unique<InfoCommand>());
    commands.push_back(std::make_unique<ShowCommand>());
    commands.push_back(std::make_unique<FindCommand>());
    commands.push_back(std::make_unique<ValidateCommand>());
    commands.push_back(std::make_unique<HelpCommand>());
    return commands;
}

}  // namespace orgraph::cli
