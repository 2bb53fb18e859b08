#pragma once
// What `coverage` and `map` share: the question's options (--by, --from-kind, --universe,
// --no-regions, --home) and how they become CoverageParams for a loaded graph.

#include <string>
#include <vector>

#include "command.hpp"
#include "orgraph/analysis/coverage.hpp"

namespace orgraph::cli {

struct UniverseChoice {
    CoverageUniverse kind = CoverageUniverse::un_members_and_observers;
    std::string name;         // un, un+observers, iso, or the file
    std::string description;  // "UN members and observers"
};

// The universe --universe names; empty: the default for the schema.
UniverseChoice parse_universe(const std::string& text, const Schema& schema);

// The places a universe file lists; a runtime_error with every bad line (exit status 1).
std::vector<EntityIndex> read_universe_file(const Graph& graph, const std::string& path, const std::string& place_kind);

struct CoverageQuery {
    CoverageParams params;
    std::string universe;  // empty: the default for the schema (parse_universe)
    std::string home;
    bool no_regions = false;
};

// --by, --from-kind, --universe, --no-regions and --home, as `coverage` spells them.
po::options_description coverage_query_options(CoverageQuery& query);
// Checks what can be checked without data (usage errors).
void check_coverage_query(CoverageQuery& query, const po::variables_map& variables);
// The parameters for `graph`: names left out taken from its schema (with_schema_defaults), kinds
// checked against it (usage errors), the date, the universe (a bad file is a runtime error) and
// --home resolved. Without `needs_relation` (the matrix chooses its own) --by is not checked.
CoverageParams coverage_params(const Graph& graph, const CoverageQuery& query, const DataOptions& data,
                               bool needs_relation = true);

// What a coverage answer used: the units counted, the places and other entries they count
// toward (the uncovered places too), and each way a unit reaches one (the relation, the
// region or entity it goes through); organisations and their members, the home place, the
// empty regions.
void use_coverage(AnswerUses& uses, const CoverageReport& report);

// "Countries a regional department covers": the question, from the kind the units share.
std::string coverage_question(const Graph& graph, const CoverageReport& report);
// "183 of 194 countries (UN members and observers) covered, 11 not, …": the answer in a sentence.
std::string coverage_answer(const Graph& graph, const CoverageReport& report, const UniverseChoice& universe);

}  // namespace orgraph::cli
