#pragma once
#include "command.hpp"

namespace orgraph::cli {

class ShowCommand : public Command {
public:
    std::string_view name() const override { return "show"; }
    std::string_view synopsis() const override {
        return "an entity card: attributes, sources and every relation in and out, read in words";
    }
    std::string_view arguments() const override { return "ENTITY"; }
    std::string_view examples() const override;
    void add_options(po::options_description& options, po::positional_options_description& positional) override;
    void setup(const po::variables_map& variables) override;
    int run() override;

private:
    DataOptions m_data;
    OutputOptions m_output;
    std::string m_entity;
};

}  // namespace orgraph::cli
