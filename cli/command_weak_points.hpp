#pragma once
#include <optional>

#include "command.hpp"
#include "orgraph/analysis/weak_points.hpp"
#include "route_writer.hpp"

namespace orgraph::cli {

class WeakPointsCommand : public Command {
public:
    std::string_view name() const override { return "weak-points"; }
    std::string_view synopsis() const override {
        return "single points of failure: the entities and relations every route from an entity to its targets passes "
               "through";
    }
    std::string_view arguments() const override { return "FROM (TO | --to-kind KIND)"; }
    std::string_view examples() const override;
    void add_options(po::options_description& options, po::positional_options_description& positional) override;
    void setup(const po::variables_map& variables) override;
    int run() override;

private:
    DataOptions m_data;
    OutputOptions m_output;
    RouteFilterOptions m_filters;
    WeakPointsParams m_params;
    std::string m_from;
    std::string m_to;
};

}  // namespace orgraph::cli
