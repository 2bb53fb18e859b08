#pragma once
#include "command.hpp"
#include "diagram_options.hpp"

namespace orgraph::cli {

class DotCommand : public Command {
public:
    std::string_view name() const override { return "dot"; }
    std::string_view synopsis() const override {
        return "GraphViz DOT of the organisation chart or an entity's neighbourhood, sources in tooltips";
    }
    std::string_view arguments() const override { return ""; }
    std::string_view examples() const override;
    void add_options(po::options_description& options, po::positional_options_description& positional) override;
    void setup(const po::variables_map& variables) override;
    int run() override;

private:
    DataOptions m_data;
    DiagramOptions m_diagram;
    std::string m_output;
};

}  // namespace orgraph::cli
