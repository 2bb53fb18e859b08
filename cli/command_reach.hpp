#pragma once
#include "command.hpp"
#include "orgraph/analysis/reach.hpp"
#include "route_writer.hpp"

namespace orgraph::cli {

class ReachCommand : public Command {
public:
    std::string_view name() const override { return "reach"; }
    std::string_view synopsis() const override {
        return "everything an entity reaches (or, reversed, what reaches it), with distance and the step that got "
               "there";
    }
    std::string_view arguments() const override { return "ENTITY"; }
    std::string_view examples() const override;
    void add_options(po::options_description& options, po::positional_options_description& positional) override;
    void setup(const po::variables_map& variables) override;
    int run() override;

private:
    DataOptions m_data;
    OutputOptions m_output;
    RouteFilterOptions m_filters;
    ReachParams m_params;
    std::vector<std::string> m_kinds;
    std::string m_entity;
};

}  // namespace orgraph::cli
