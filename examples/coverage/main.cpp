// A program over the installed orgraph library: loads a dataset (a directory, a .toml file or
// entities.csv, with its own schema), computes coverage, and prints the countries no unit covers.
//
//   orgraph-uncovered DATASET

#include <chrono>
#include <exception>
#include <iostream>

#include "orgraph/analysis/coverage.hpp"
#include "orgraph/analysis/prepare.hpp"
#include "orgraph/load/dataset_loader.hpp"
#include "orgraph/version.hpp"

int main(int argc, char** argv) {
    if (argc != 2) {
        std::cerr << "usage: orgraph-uncovered DATASET   (orgraph " << ORGRAPH_VERSION_STRING << ")\n";
        return 2;
    }
    try {
        const orgraph::Graph graph = orgraph::prepare_graph(orgraph::load({orgraph::read_layer(argv[1])}));
        // Facts count while they hold today.
        const std::chrono::year_month_day today{
            std::chrono::floor<std::chrono::days>(std::chrono::system_clock::now())};
        orgraph::CoverageParams params;
        params.today = orgraph::Date{static_cast<int>(today.year()), static_cast<int>(unsigned(today.month())),
                                     static_cast<int>(unsigned(today.day()))};
        const orgraph::CoverageReport report = orgraph::compute_coverage(graph, params);
        std::cout << report.summary.uncovered << " of " << report.summary.considered << " countries uncovered\n";
        for (const auto& group : report.uncovered)
            for (const orgraph::EntityIndex country : group.places) {
                const auto entity = graph.entity(country);
                std::cout << entity.id << '\t' << entity.name << '\n';
            }
    } catch (const orgraph::dataset_error& e) {
        for (const auto& problem : e.diagnostics) std::cerr << problem.to_string() << '\n';
        return 1;
    } catch (const std::exception& e) {
        std::cerr << "orgraph-uncovered: " << e.what() << '\n';
        return 1;
    }
    return 0;
}
