#pragma once
#include "command.hpp"

namespace orgraph::cli {

class ExportCommand : public Command {
public:
    std::string_view name() const override { return "export"; }
    std::string_view synopsis() const override {
        return "write the graph as GraphML, node-link JSON, a CSV dataset, Neo4j import CSVs or FollowTheMoney";
    }
    std::string_view arguments() const override { return ""; }
    std::string_view examples() const override;
    void add_options(po::options_description& options, po::positional_options_description& positional) override;
    void setup(const po::variables_map& variables) override;
    int run() override;

private:
    DataOptions m_data;
    std::string m_to;
    std::string m_output;
};

}  // namespace orgraph::cli
