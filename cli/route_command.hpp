#pragma once
// The frame reach, path, routes and weak-points share: each takes its own options and then the
// same --via/--through, data and output options, checked in the same order; each loads the graph
// the same way and resolves the ends of its routes alike. What they write is in route_writer.hpp.

#include <string>
#include <vector>

#include "command.hpp"
#include "orgraph/analysis/traversal.hpp"
#include "orgraph/model/name_resolver.hpp"

namespace orgraph::cli {

struct RouteFilterOptions {
    std::vector<std::string> via;      // relation kinds; repeatable, or comma-separated
    std::vector<std::string> through;  // entity kinds
};
po::options_description route_filter_options(RouteFilterOptions& options);
// "a,b" and repeated options alike, as one list; blanks around items and empty items dropped.
std::vector<std::string> split_list(const std::vector<std::string>& values);

// Runs `work`, turning an unknown kind in the options into a command-line error.
template <typename Work>
auto with_known_kinds(Work&& work) {
    try {
        return work();
    } catch (const unknown_kind_error& e) {
        throw usage_error(std::string(e.what()) + " (see 'orgraph info' for the kinds this dataset has)");
    }
}

class RouteCommand : public Command {
public:
    void add_options(po::options_description& options, po::positional_options_description& positional) final;
    void setup(const po::variables_map& variables) final;

protected:
    using Command::Command;

    // The command's own options, listed before the shared ones, and their checks, made after
    // --format's and before --as-of's.
    virtual void add_own_options(po::options_description& options, po::positional_options_description& positional) = 0;
    virtual void check_own_options(const po::variables_map& variables) = 0;

    // Derived relations are always derived and --no-derived only keeps routes off them, so that
    // a missing route can still say that one would help.
    [[nodiscard]] Graph load_route_graph() const;
    // Resolves an end like resolve_one; when --as-of left it out, says so and when it held
    // instead of only that no entity has the name.
    [[nodiscard]] EntityIndex resolve_end(const Graph& graph, const NameResolver& resolver,
                                          const std::string& text) const;
    // The same for TO, which may not be FROM.
    [[nodiscard]] EntityIndex resolve_other_end(const Graph& graph, const NameResolver& resolver,
                                                const std::string& text, EntityIndex from) const;
    // What --via, --through and --no-derived allow.
    [[nodiscard]] TraversalParams traversal_params() const;

    OutputOptions m_output;

private:
    DataOptions m_data;
    RouteFilterOptions m_filters;
};

}  // namespace orgraph::cli
