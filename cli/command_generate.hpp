#pragma once
#include "command.hpp"
#include "orgraph/write/generate.hpp"

namespace orgraph::cli {

class GenerateCommand : public Command {
public:
    std::string_view name() const override { return "generate"; }
    std::string_view synopsis() const override {
        return "write a synthetic organisation graph of a given size (bulk CSV) for tests and benchmarks";
    }
    std::string_view arguments() const override { return "-o DIR"; }
    std::string_view examples() const override;
    void add_options(po::options_description& options, po::positional_options_description& positional) override;
    void setup(const po::variables_map& variables) override;
    int run() override;

private:
    GenerateParams m_params;
    std::string m_directory;
    bool m_force = false;
};

}  // namespace orgraph::cli
