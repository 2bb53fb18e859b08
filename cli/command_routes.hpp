#pragma once
#include "command.hpp"
#include "orgraph/analysis/routes.hpp"
#include "route_writer.hpp"

namespace orgraph::cli {

class RoutesCommand : public Command {
public:
    std::string_view name() const override { return "routes"; }
    std::string_view synopsis() const override {
        return "contact routes: the best route from an entity to every entity of a kind, and why the rest are out of "
               "reach";
    }
    std::string_view arguments() const override { return "FROM --to-kind KIND"; }
    std::string_view examples() const override;
    void add_options(po::options_description& options, po::positional_options_description& positional) override;
    void setup(const po::variables_map& variables) override;
    int run() override;

private:
    DataOptions m_data;
    OutputOptions m_output;
    RouteFilterOptions m_filters;
    RoutesParams m_params;
    std::string m_from;
};

}  // namespace orgraph::cli
