#include "command_help.hpp"

#include <fmt/format.h>
#include <iostream>

namespace orgraph::cli {

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
    if (!command) throw usage_error(fmt::format("no command is called '{}' (see 'orgraph help')", m_topic));
    std::cout << command_help(*command);
    return 0;
}

}  // namespace orgraph::cli
