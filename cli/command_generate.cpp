#include "commands.hpp"

#include <fmt/format.h>

#include <filesystem>
#include <iostream>

#include "orgraph/builtin/builtin.hpp"
#include "orgraph/generate/generate.hpp"
#include "orgraph/model/diagnostics.hpp"
#include "standard_streams.hpp"

namespace orgraph::cli {
namespace {

constexpr CommandInfo generate_info{
    .name = "generate",
    .synopsis = "write a synthetic organisation graph of a given size (bulk CSV) for tests and benchmarks",
    .arguments = "-o DIR",
};

class GenerateCommand final : public Command {
public:
    GenerateCommand() : Command(generate_info) {}
    void add_options(po::options_description& options, po::positional_options_description& positional) override;
    void setup(const po::variables_map& variables) override;
    int run() override;

private:
    GenerateParams m_params;
    std::string m_directory;
    std::string m_profile;
    bool m_force = false;
};

// The built-in schema's generator profile, compiled in with the built-in data.
constexpr std::string_view builtin_profile = "generate/profile.toml";

GenerateProfile read_profile(const std::string& path) {
    if (path.empty()) {
        const auto text = builtin_file(builtin_profile);
        if (!text) throw std::logic_error("the built-in generator profile is missing");
        return read_generate_profile(*text, fmt::format("builtin:{}", builtin_profile));
    }
    std::error_code ec;
    if (path != "-" && std::filesystem::is_directory(path, ec))
        throw std::runtime_error(fmt::format("the profile {} is a directory (expected a TOML file)", path));
    return read_generate_profile(read_input_text(path, "--profile"), path);
}

}  // namespace

std::unique_ptr<Command> make_generate_command() {
    return std::make_unique<GenerateCommand>();
}

void GenerateCommand::add_options(po::options_description& options, po::positional_options_description&) {
    static const std::string entities_help = fmt::format("how many entities (exactly; 1 to {})", generate_max_entities);
    static const std::string relations_help =
        fmt::format("how many stated relations (exactly; 0 to {})", generate_max_relations);
    options.add_options()("entities,n",
                          number_value(&m_params.entities, "--entities", 1, generate_max_entities)->value_name("N"),
                          entities_help.c_str())(
        "relations,r", number_value(&m_params.relations, "--relations", 0, generate_max_relations)->value_name("M"),
        relations_help.c_str())("seed,s", number_value(&m_params.seed, "--seed", 0, UINT64_MAX)->value_name("S"),
                                "the seed (0 to 18446744073709551615): the same N, M and S give the same bytes")(
        "output,o", path_value(&m_directory, "-o")->value_name("DIR"),
        "the directory to write (created whole under a temporary name, then renamed into place)")(
        "profile", path_value(&m_profile, "--profile")->value_name("FILE"),
        "the generator profile: which kind, relation kind and attribute of the schema each of the generator's "
        "roles is (default: the built-in schema's)")("force", po::bool_switch(&m_force),
                                                     "replace DIR when it holds a dataset written earlier");
}

void GenerateCommand::setup(const po::variables_map&) {
    if (m_directory.empty()) throw usage_error("generate needs -o DIR, the directory to write");
    if (m_params.entities == 0) throw usage_error("--entities must be at least 1");
    if (m_params.entities > generate_max_entities)
        throw usage_error(fmt::format("--entities must be at most {}", generate_max_entities));
    if (m_params.relations > generate_max_relations)
        throw usage_error(fmt::format("--relations must be at most {}", generate_max_relations));
}

int GenerateCommand::run() {
    try {
        m_params.profile = read_profile(m_profile);
    } catch (const dataset_error& e) {
        for (const auto& d : e.diagnostics) std::cerr << d.to_string() << '\n';
        const auto n = e.diagnostics.size();
        throw std::runtime_error(
            fmt::format("the generator profile has {} problem{}; nothing was written", n, n == 1 ? "" : "s"));
    }
    GenerateSummary summary;
    try {
        summary = generate_dataset(m_params, m_directory, m_force);
    } catch (const generate_error& e) {
        // Sizes that cannot be met are a matter of the command line.
        throw usage_error(e.what());
    }
    std::cout << fmt::format(
        "wrote {}: {} entities ({}), {} relations ({} structural), seed {}\n", m_directory, summary.entities,
        fill_generate_words(m_params.profile.summary, summary.states, summary.home_states, summary.heads),
        summary.relations, std::min(summary.structural_relations, summary.relations), m_params.seed);
    return 0;
}

}  // namespace orgraph::cli
