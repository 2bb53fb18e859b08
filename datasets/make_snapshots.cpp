// Build tool: writes the snapshots of the built-in dataset that the orgraph command embeds,
// the dataset alone and with each combination of built-in overlays that ships.
//
//   orgraph_make_snapshots OUTPUT-DIRECTORY VERSION-TEXT
//
// Each is made exactly as `orgraph [--with OVERLAY] snapshot` would make it.

#include <fmt/format.h>

#include <exception>
#include <fstream>
#include <iostream>

#include "orgraph/analysis/prepare.hpp"
#include "orgraph/builtin/builtin.hpp"
#include "orgraph/load/dataset_loader.hpp"
#include "orgraph/load/snapshot.hpp"

namespace {

void make(const std::string& path, const std::vector<std::string>& overlays, const std::string& made_by) {
    auto layers = orgraph::builtin_layers();
    for (const auto& o : overlays) layers.push_back(orgraph::read_layer_or_overlay(o));
    orgraph::SnapshotInfo info;
    info.made_by = made_by;
    info.inputs = orgraph::snapshot_inputs(layers);
    auto facts = orgraph::load(layers);
    layers.clear();
    const auto graph = orgraph::prepare_graph(std::move(facts), {std::nullopt, true, true});
    const auto temporary = path + ".tmp";
    {
        std::ofstream out(temporary, std::ios::binary | std::ios::trunc);
        orgraph::write_snapshot(graph, info, out);
        out.flush();
        if (!out) throw std::runtime_error(fmt::format("{}: cannot write", temporary));
    }
    if (std::rename(temporary.c_str(), path.c_str()) != 0)
        throw std::runtime_error(fmt::format("{}: cannot rename into place", path));
}

}  // namespace

int main(int argc, char** argv) {
    if (argc != 3) {
        std::cerr << "usage: orgraph_make_snapshots OUTPUT-DIRECTORY VERSION-TEXT\n";
        return 2;
    }
    try {
        const std::string dir = argv[1];
        make(dir + "/builtin.orgraph", {}, argv[2]);
        make(dir + "/builtin-dprk-missions.orgraph", {"dprk-missions"}, argv[2]);
    } catch (const orgraph::dataset_error& e) {
        for (const auto& d : e.diagnostics) std::cerr << d.to_string() << '\n';
        return 1;
    } catch (const std::exception& e) {
        std::cerr << "orgraph_make_snapshots: " << e.what() << '\n';
        return 1;
    }
    return 0;
}
