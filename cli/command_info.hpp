#pragma once
#include "command.hpp"

namespace orgraph::cli {

class InfoCommand : public Command {
public:
    std::string_view name() const override { return "info"; }
    std::string_view synopsis() const override {
        return "what is loaded: layers, sources, entities per kind, relations per kind";
    }
    std::string_view arguments() const override { return ""; }
    std::string_view examples() const override;
    void add_options(po::options_description& options, po::positional_options_description& positional) override;
    void setup(const po::variables_map& variables) override;
    int run() override;

private:
    DataOptions m_data;
    OutputOptions m_output;
};

}  // namespace orgraph::cli
