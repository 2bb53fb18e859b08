#include "commands.hpp"

#include <fmt/format.h>
#include <iostream>

namespace orgraph::cli {
namespace {

constexpr CommandInfo help_info{
    .name = "help",
    .synopsis = "the list of commands, or the manual of one",
    .arguments = "[COMMAND]",
};

class HelpCommand final : public Command {
public:
    HelpCommand() : Command(help_info) {}
    void add_options(po::options_description& options, po::positional_options_description& positional) override;
    int run() override;

private:
    std::string m_topic;
};

}  // namespace

std::unique_ptr<Command> make_help_command() {
    return std::make_unique<HelpCommand>();
}

void HelpCommand::add_options(po::options_description& options, po::positional_options_description& positional) {
    options.add_options()("command", po::value(&m_topic)->value_name("COMMAND"), "the command to describe");
    positional.add("command", 1);
}

int HelpCommand::run() {
    if (m_topic.empty()) {
        std::cout << general_help();
        return 0;
    }
    auto command = find_command(m_topic);
    if (!command) throw usage_error(unknown_command_message(m_topic));
    std::cout << command_help(*command);
    return 0;
}

}  // namespace orgraph::cli
