#pragma once
#include "command.hpp"
#include "orgraph/analysis/paths.hpp"
#include "route_writer.hpp"

namespace orgraph::cli {

class PathCommand : public Command {
public:
    std::string_view name() const override { return "path"; }
    std::string_view synopsis() const override {
        return "the shortest route from one entity to another (or the k shortest, or all up to N hops), each step "
               "sourced";
    }
    std::string_view arguments() const override { return "FROM TO"; }
    std::string_view examples() const override;
    void add_options(po::options_description& options, po::positional_options_description& positional) override;
    void setup(const po::variables_map& variables) override;
    int run() override;

private:
    DataOptions m_data;
    OutputOptions m_output;
    RouteFilterOptions m_filters;
    PathParams m_params;
    std::string m_from;
    std::string m_to;
};

}  // namespace orgraph::cli
