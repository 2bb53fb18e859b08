#pragma once
#include "command.hpp"
#include "diagram_options.hpp"

namespace orgraph::cli {

class RenderCommand : public Command {
public:
    std::string_view name() const override { return "render"; }
    std::string_view synopsis() const override {
        return "lay out and render the diagram of 'orgraph dot' to SVG, PNG or PDF with Graphviz's library";
    }
    std::string_view arguments() const override { return ""; }
    std::string_view examples() const override;
    void add_options(po::options_description& options, po::positional_options_description& positional) override;
    void setup(const po::variables_map& variables) override;
    int run() override;

private:
    DataOptions m_data;
    DiagramOptions m_diagram;
    std::string m_to;
    std::string m_output;
};

}  // namespace orgraph::cli
