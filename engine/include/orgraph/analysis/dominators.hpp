#pragma once
// Immediate dominators of a directed graph from one entry vertex (Lengauer and Tarjan, with
// path compression: O(E log V)). A vertex d dominates v when every path from the entry to v
// passes through d; the immediate dominator is the nearest such d.
//
// Written here rather than taken from Boost.Graph, whose version keeps a std::deque per vertex
// and compresses paths by recursion: at a million vertices the first costs gigabytes and the
// second can exhaust the stack on a long chain. This one uses flat arrays and loops only.

#include <cstdint>
#include <limits>
#include <vector>

namespace orgraph {

// A directed graph in compressed rows: the edges of vertex v are targets[offsets[v]] to
// targets[offsets[v + 1] - 1].
struct CompressedDigraph {
    std::vector<std::uint32_t> offsets;  // size: vertices + 1
    std::vector<std::uint32_t> targets;

    [[nodiscard]] std::uint32_t vertices() const { return static_cast<std::uint32_t>(offsets.size() - 1); }
    // The same graph with every edge reversed.
    [[nodiscard]] CompressedDigraph reversed() const;
    static CompressedDigraph from_edges(std::uint32_t vertices,
                                        const std::vector<std::pair<std::uint32_t, std::uint32_t>>& edges);
};

constexpr std::uint32_t no_dominator = std::numeric_limits<std::uint32_t>::max();

// idom[v] for every vertex: the entry's is itself, an unreachable vertex's is no_dominator.
std::vector<std::uint32_t> immediate_dominators(const CompressedDigraph& graph, std::uint32_t entry);

}  // namespace orgraph
