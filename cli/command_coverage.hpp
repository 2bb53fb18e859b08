#pragma once
#include "command.hpp"
#include "orgraph/analysis/coverage.hpp"

namespace orgraph::cli {

class CoverageCommand : public Command {
public:
    std::string_view name() const override { return "coverage"; }
    std::string_view synopsis() const override {
        return "which unit answers for which country, which countries none does, and where the structure disagrees";
    }
    std::string_view arguments() const override { return ""; }
    std::string_view examples() const override;
    void add_options(po::options_description& options, po::positional_options_description& positional) override;
    void setup(const po::variables_map& variables) override;
    int run() override;

private:
    DataOptions m_data;
    OutputOptions m_output;
    CoverageParams m_params;
    std::string m_universe = "un+observers";
    std::string m_home;
    bool m_no_regions = false;
    bool m_matrix = false;
};

}  // namespace orgraph::cli
