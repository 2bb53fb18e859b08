#include "commands.hpp"

#include <fmt/format.h>

#include <filesystem>
#include <iostream>

#include "orgraph/load/snapshot.hpp"
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
    const auto graph = load_graph(m_data, &inputs, true);
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
    return 0;
}

}  // namespace orgraph::cli
