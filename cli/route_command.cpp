#include "route_command.hpp"

#include <fmt/format.h>

#include <sstream>

#include "route_writer.hpp"

namespace orgraph::cli {

std::vector<std::string> split_list(const std::vector<std::string>& values) {
    std::vector<std::string> items;
    for (const auto& value : values) {
        std::istringstream in(value);
        std::string item;
        while (std::getline(in, item, ',')) {
            const auto first = item.find_first_not_of(' ');
            const auto last = item.find_last_not_of(' ');
            if (first != std::string::npos) items.push_back(item.substr(first, last - first + 1));
        }
    }
    return items;
}

po::options_description route_filter_options(RouteFilterOptions& options) {
    po::options_description group("Routes");
    group.add_options()("via", po::value(&options.via)->composing()->value_name("KIND[,KIND]"),
                        "follow only these relation kinds (repeatable or comma-separated; default: every kind)")(
        "through", po::value(&options.through)->composing()->value_name("KIND[,KIND]"),
        "pass only through entities of these kinds, subkinds included (the two ends may be of any kind)");
    return group;
}

void RouteCommand::add_options(po::options_description& options, po::positional_options_description& positional) {
    add_own_options(options, positional);
    options.add(route_filter_options(m_filters)).add(data_options(m_data)).add(output_options(m_output));
}

void RouteCommand::setup(const po::variables_map& variables) {
    check_format(m_output);
    check_own_options(variables);
    (void)m_data.as_of_date();
}

Graph RouteCommand::load_route_graph() const {
    auto options = m_data;
    options.no_derived = false;
    return load_graph(options);
}

EntityIndex RouteCommand::resolve_end(const Graph& graph, const NameResolver& resolver, const std::string& text) const {
    try {
        return resolve_one(graph, resolver, text);
    } catch (const resolution_error&) {
        const auto answer = m_data.answer_date();
        if (!answer.date) throw;
        auto undated = m_data;
        undated.as_of.clear();
        undated.all_dates = true;
        undated.no_derived = true;
        const auto whole = load_graph(undated);
        const NameResolver whole_resolver(whole);
        const auto resolution = whole_resolver.resolve(text);
        if (resolution.entities.size() != 1) throw;
        const auto& e = whole.entity(resolution.entities.front());
        throw std::runtime_error(
            fmt::format("{} ({}) is not in the graph {}: it is recorded as valid {} (--as-of DATE "
                        "or --all-dates finds it)",
                        e.name, e.id, answer.text(), validity_text(e.validity)));
    }
}

EntityIndex RouteCommand::resolve_other_end(const Graph& graph, const NameResolver& resolver, const std::string& text,
                                            EntityIndex from) const {
    const auto to = resolve_end(graph, resolver, text);
    if (to == from) throw usage_error(fmt::format("FROM and TO are the same entity, {}", entity_label(graph, from)));
    return to;
}

TraversalParams RouteCommand::traversal_params() const {
    TraversalParams params;
    params.via = split_list(m_filters.via);
    params.through = split_list(m_filters.through);
    params.derived = !m_data.no_derived;
    return params;
}

}  // namespace orgraph::cli
