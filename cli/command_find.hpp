#pragma once
#include "command.hpp"

namespace orgraph::cli {

class FindCommand : public Command {
public:
    std::string_view name() const override { return "find"; }
    std::string_view synopsis() const override { return "ranked matches for a text over names, acronyms and aliases"; }
    std::string_view arguments() const override { return "TEXT"; }
    std::string_view examples() const override;
    void add_options(po::options_description& options, po::positional_options_description& positional) override;
    void setup(const po::variables_map& variables) override;
    int run() override;

private:
    DataOptions m_data;
    OutputOptions m_output;
    std::vector<std::string> m_words;
    std::size_t m_limit = 20;
    std::string m_kind;
};

}  // namespace orgraph::cli
