#pragma once
#include "command.hpp"

namespace orgraph::cli {

class ValidateCommand : public Command {
public:
    std::string_view name() const override { return "validate"; }
    std::string_view synopsis() const override {
        return "check datasets against their schema and report every problem with its position";
    }
    std::string_view arguments() const override { return "[PATH...]"; }
    std::string_view examples() const override;
    void add_options(po::options_description& options, po::positional_options_description& positional) override;
    void setup(const po::variables_map& variables) override;
    int run() override;

private:
    DataOptions m_data;
    std::vector<std::string> m_paths;
};

}  // namespace orgraph::cli
