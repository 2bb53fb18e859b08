#include "orgraph/analysis/dominators.hpp"

namespace orgraph {

CompressedDigraph CompressedDigraph::from_edges(std::uint32_t vertices,
                                                const std::vector<std::pair<std::uint32_t, std::uint32_t>>& edges) {
    CompressedDigraph g;
    g.offsets.assign(vertices + 1, 0);
    for (const auto& [from, to] : edges) ++g.offsets[from + 1];
    for (std::uint32_t v = 0; v < vertices; ++v) g.offsets[v + 1] += g.offsets[v];
    g.targets.resize(edges.size());
    auto fill = g.offsets;
    for (const auto& [from, to] : edges) g.targets[fill[from]++] = to;
    return g;
}

CompressedDigraph CompressedDigraph::reversed() const {
    const auto n = vertices();
    CompressedDigraph r;
    r.offsets.assign(n + 1, 0);
    for (auto t : targets) ++r.offsets[t + 1];
    for (std::uint32_t v = 0; v < n; ++v) r.offsets[v + 1] += r.offsets[v];
    r.targets.resize(targets.size());
    auto fill = r.offsets;
    for (std::uint32_t v = 0; v < n; ++v)
        for (auto i = offsets[v]; i < offsets[v + 1]; ++i) r.targets[fill[targets[i]]++] = v;
    return r;
}

std::vector<std::uint32_t> immediate_dominators(const CompressedDigraph& graph, std::uint32_t entry) {
    constexpr auto none = no_dominator;
    const auto n = graph.vertices();
    std::vector<std::uint32_t> idom(n, none);
    if (entry >= n) return idom;

    // 1. Depth-first numbering (pre-order) with an explicit stack. Below, vertices are named by
    //    their number: vertex[i] is the vertex numbered i, number[v] the number of v.
    std::vector<std::uint32_t> number(n, none), vertex, parent;
    vertex.reserve(n);
    parent.reserve(n);
    {
        std::vector<std::pair<std::uint32_t, std::uint32_t>> stack;  // vertex, next edge to try
        number[entry] = 0;
        vertex.push_back(entry);
        parent.push_back(none);
        stack.emplace_back(entry, graph.offsets[entry]);
        while (!stack.empty()) {
            auto& [v, next] = stack.back();
            if (next == graph.offsets[v + 1]) {
                stack.pop_back();
                continue;
            }
            const auto w = graph.targets[next++];
            if (number[w] != none) continue;
            number[w] = static_cast<std::uint32_t>(vertex.size());
            parent.push_back(number[v]);
            vertex.push_back(w);
            stack.emplace_back(w, graph.offsets[w]);
        }
    }
    const auto reached = static_cast<std::uint32_t>(vertex.size());
    const auto predecessors = graph.reversed();

    // 2. Semidominators, in reverse pre-order, with a forest linked as vertices are done and
    //    evaluated with path compression; the immediate dominator of each vertex is settled, or
    //    deferred to step 3, when its semidominator's bucket is emptied.
    std::vector<std::uint32_t> semi(reached), label(reached), ancestor(reached, none), dom(reached, none);
    std::vector<std::uint32_t> bucket_head(reached, none), bucket_next(reached, none);
    for (std::uint32_t i = 0; i < reached; ++i) semi[i] = label[i] = i;
    std::vector<std::uint32_t> path;
    auto eval = [&](std::uint32_t v) {
        if (ancestor[v] == none) return v;
        // Compress the path from v to the root of its tree: walk up, then fold down from the top.
        path.clear();
        for (auto x = v; ancestor[ancestor[x]] != none; x = ancestor[x]) path.push_back(x);
        for (auto it = path.rbegin(); it != path.rend(); ++it) {
            const auto x = *it;
            const auto a = ancestor[x];
            if (semi[label[a]] < semi[label[x]]) label[x] = label[a];
            ancestor[x] = ancestor[a];
        }
        return label[v];
    };
    for (auto w = reached - 1; w > 0; --w) {
        const auto original = vertex[w];
        for (auto i = predecessors.offsets[original]; i < predecessors.offsets[original + 1]; ++i) {
            const auto v = number[predecessors.targets[i]];
            if (v == none) continue;  // an unreachable predecessor constrains nothing
            const auto u = eval(v);
            if (semi[u] < semi[w]) semi[w] = semi[u];
        }
        bucket_next[w] = bucket_head[semi[w]];
        bucket_head[semi[w]] = w;
        const auto p = parent[w];
        ancestor[w] = p;
        for (auto v = bucket_head[p]; v != none; v = bucket_next[v]) {
            const auto u = eval(v);
            dom[v] = semi[u] < semi[v] ? u : p;
        }
        bucket_head[p] = none;
    }
    // 3. Deferred ones take their dominator's dominator, in pre-order so that it is final.
    for (std::uint32_t w = 1; w < reached; ++w)
        if (dom[w] != semi[w]) dom[w] = dom[dom[w]];
    idom[entry] = entry;
    for (std::uint32_t w = 1; w < reached; ++w) idom[vertex[w]] = vertex[dom[w]];
    return idom;
}

}  // namespace orgraph
