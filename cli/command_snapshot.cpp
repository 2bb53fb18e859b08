#include "commands.hpp"

#include <fmt/format.h>

#include <filesystem>
#include <iostream>

#include "orgraph/analysis/prepare.hpp"
#include "orgraph/load/snapshot.hpp"
#include "orgraph/model/as_of.hpp"
#include "orgraph/version.hpp"
#include "progress.hpp"
#include "standard_streams.hpp"

namespace orgraph::cli {
namespace {

constexpr CommandInfo snapshot_info{
    .name = "snapshot",
    .synopsis = "write the loaded, checked and derived graph to one binary file that every command reads fast",
    .arguments = "-o FILE",
};

class SnapshotCommand final : public Command {
public:
    SnapshotCommand() : Command(snapshot_info) {}
    void add_options(po::options_description& options, po::positional_options_description& positional) override;
    void setup(const po::variables_map& variables) override;
    int run() override;

private:
    DataOptions m_data = DataOptions::whole_record();
    std::string m_output;
};

}  // namespace

std::unique_ptr<Command> make_snapshot_command() {
    return std::make_unique<SnapshotCommand>();
}

void SnapshotCommand::add_options(po::options_description& options, po::positional_options_description&) {
    options.add_options()(
        "output,o", path_value(&m_output, "-o")->value_name("FILE"),
        "the snapshot file to write (atomically: a temporary file renamed into place), or - for standard "
        "output when it is not a terminal");
    options.add(data_options(m_data));
}

void SnapshotCommand::setup(const po::variables_map&) {
    (void)m_data.as_of_date();
    if (m_output.empty()) throw usage_error("snapshot: give the file to write with -o FILE");
    if (m_output == "-") check_binary_output(m_output, "a snapshot");
    check_single_format_name(m_output, "snapshot", "snapshot", "a binary snapshot", "");
}

int SnapshotCommand::run() {
    std::vector<SnapshotInput> inputs;
    auto graph = load_graph(m_data, &inputs, true);
    graph.present.reset();
    if (!m_data.answer_date().date) {
        // A snapshot of every date carries the graph as it stands today too, so that answers for
        // today, the default, come from it as they are, on every day until a fact next begins or
        // ends (prepare_graph uses it).
        Phase present("making today's graph");
        const auto today = run_date();
        const PrepareOptions options{today, !m_data.no_derived, true, true, false};
        auto carried = std::make_shared<const Graph>(prepare_graph(graph, options));
        const auto span = same_facts_around(graph, today);
        graph.present = PresentGraph{std::move(carried), span.from, span.until};
    }
    SnapshotInfo info;
    info.made_by = fmt::format("orgraph {}", ORGRAPH_VERSION_STRING);
    info.inputs = std::move(inputs);
    Phase writing("writing the snapshot");
    if (m_output == "-") {
        Output output(m_output);
        write_snapshot(graph, info, output.stream());
        output.commit();
        return 0;
    }
    AtomicFile file(m_output);
    write_snapshot(graph, info, file.stream());
    file.commit();
    writing.end();
    std::error_code ec;
    const auto size = std::filesystem::file_size(m_output, ec);
    std::cout << fmt::format("wrote {}: {}, {}, {} ({} bytes)\n", visible(m_output),
                             counted(graph.entity_count(), "entity", "entities"),
                             counted(graph.relation_count(), "relation", "relations"),
                             counted(info.inputs.size(), "input file", "input files"), ec ? 0 : size);
    if (const auto& present = graph.present)
        std::cout << fmt::format("it keeps today's graph ({}) for answers on every day from {}{}\n",
                                 run_date().to_string(), present->from.to_string(),
                                 present->until
                                     ? fmt::format(" until {}, when a fact begins or ends", present->until->to_string())
                                     : std::string(" on: no fact begins or ends later"));
    return 0;
}

}  // namespace orgraph::cli
