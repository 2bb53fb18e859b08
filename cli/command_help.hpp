#pragma once
#include "command.hpp"

namespace orgraph::cli {

class HelpCommand : public Command {
public:
    std::string_view name() const override { return "help"; }
    std::string_view synopsis() const override { return "the list of commands, or the manual of one"; }
    std::string_view arguments() const override { return "[COMMAND]"; }
    std::string_view examples() const override { return "orgraph help\norgraph help show"; }
    void add_options(po::options_description& options, po::positional_options_description& positional) override;
    int run() override;

private:
    std::string m_topic;
};

}  // namespace orgraph::cli
