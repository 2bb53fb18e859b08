#pragma once
// Coverage: which units of an organisation answer for which places (the entities of the
// schema's [gazetteer] kind: countries in the built-in data), which places no unit answers for,
// and where the organisation's structure disagrees with itself (a place two units claim, an
// organisation covered while some of its members are not).
//
// "Answers for" is one relation kind chosen by the caller (in the built-in schema, a department
// `covers` a place, an association `focuses_on` one, a mission is `located_in` one). A unit
// reaches a place
//   - directly, by a relation of that kind to the place;
//   - through a region, when it points at a region that includes places;
//   - via an intermediate entity, by following the same relation kind on (a mission located in
//     a city located in a country);
//   - by a derived relation of that kind (from the schema's rules).
// Relations and entities count when they hold on the as-of date (or on `today` without one);
// without an as-of date, units that carry a status attribute count only with the open value.
//
// The work is linear in the entities and the relations it looks at; only the lists it returns
// are sorted (by name, then id).

#include <cstddef>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "orgraph/model/date.hpp"
#include "orgraph/model/diagnostics.hpp"
#include "orgraph/model/graph.hpp"

namespace orgraph {

// Which places the report is about.
enum class CoverageUniverse {
    un_members,                // un_status = member
    un_members_and_observers,  // un_status = member or observer
    all_places,                // every entity of the place kind
    listed,                    // CoverageParams::listed
};

struct CoverageParams {
    std::string relation;   // the relation kind that says a unit answers for a place
    std::string from_kind;  // only units of this kind (or a subkind); empty: any kind
    CoverageUniverse universe = CoverageUniverse::un_members_and_observers;
    std::vector<EntityIndex> listed;  // the places of CoverageUniverse::listed
    std::optional<Date> as_of;        // facts that hold on this date; status is then not looked at
    std::optional<Date> today;        // the date used without as_of; neither: every fact counts
    bool through_regions = true;      // count places a covered region includes
    bool follow_chains = true;        // follow the relation on from a target that is not a place

    // Names in the schema. Left empty, each is what the schema's [coverage] and [gazetteer]
    // tables declare (with_schema_defaults); what they do not declare is not used.
    std::string place_kind;         // the kind of the places counted ([gazetteer] kind)
    std::string region_kind;        // a kind that includes places ...
    std::string includes_relation;  // ... by this relation
    std::string member_relation;    // place → organisation it is a member of
    std::string home_relation;      // organisation → the place it belongs to
    std::string home_place;         // its id, when the data does not say it
    std::string membership_attribute;
    std::string member_value;
    std::string observer_value;
    std::string region_attribute;
    std::string subregion_attribute;
    std::string status_attribute;  // a unit whose status is not open_value is left out (without as_of)
    std::string open_value;
};

// `params` with every name left empty filled in from the schema's [coverage] and [gazetteer]
// declarations (docs/dataset-format.md). compute_coverage() does this itself.
CoverageParams with_schema_defaults(const Schema& schema, CoverageParams params);

// What the places a coverage question counts are called, in the schema's own words: the label
// and plural of `place_kind` (empty: the schema's [gazetteer] kind), else "place" and "places".
struct PlaceWords {
    std::string one;   // "country"
    std::string many;  // "countries"

    [[nodiscard]] const std::string& of(std::size_t n) const { return n == 1 ? one : many; }
};
PlaceWords place_words(const Schema& schema, const std::string& place_kind = {});

// Thrown when the parameters name kinds or entities the graph does not have.
struct coverage_error : std::invalid_argument {
    using std::invalid_argument::invalid_argument;
};

enum class CoverageWay {  // in order of preference
    direct,               // the unit's own relation names the place
    through_region,       // the unit names a region that includes the place
    via,                  // the unit names an entity that has the relation to the place
    derived,              // a relation derived by a schema rule names the place
};

struct CoveragePath {
    CoverageWay way = CoverageWay::direct;
    std::optional<EntityIndex> through;  // the region, or the intermediate entity
    RelationIndex relation = 0;          // the relation that reaches the place

    auto operator<=>(const CoveragePath&) const = default;
};

struct CoveringUnit {
    EntityIndex unit = 0;
    std::vector<CoveragePath> paths;  // the best first: direct, through a region, via, derived

    [[nodiscard]] const CoveragePath& best() const { return paths.front(); }
};

struct PlaceCoverage {
    EntityIndex place = 0;
    std::vector<CoveringUnit> units;  // by name, then id
};

struct UncoveredGroup {
    std::string region;  // empty: the place has no region attribute
    std::string subregion;
    std::vector<EntityIndex> places;  // by name, then id
};

enum class OutsideReason {
    not_member,   // a place whose membership attribute is neither member nor observer
    observer,     // an observer, while the universe holds members only
    not_valid,    // a place that does not exist on the date
    not_a_place,  // a target of another kind (an organisation, a region not counted through):
                  // reported in CoverageReport::not_places, never with the places
};

struct OutsideEntry {
    EntityIndex entity = 0;
    OutsideReason reason = OutsideReason::not_member;
    std::string status;  // the value of the membership attribute, if any
    std::vector<CoveringUnit> units;
};

struct UnitCoverage {
    EntityIndex unit = 0;
    std::size_t places = 0;         // places of the universe it reaches (the home place apart)
    std::size_t directly = 0;       // of them, those its own relation names
    std::size_t outside = 0;        // places outside the universe it reaches
    std::size_t home = 0;           // home places it reaches
    std::size_t not_places = 0;     // entries it names that are not places (organisations, bodies)
    std::size_t empty_regions = 0;  // regions it names that include no place

    // Places of the universe it reaches other than by its own relation (through a region, via
    // an entity, by a derived relation).
    [[nodiscard]] std::size_t indirectly() const { return places - directly; }
};

struct OrganisationCoverage {
    EntityIndex organisation = 0;
    std::vector<EntityIndex> units;   // the units that cover it, by name then id
    std::size_t members = 0;          // its member places on the date, the home place apart
    std::size_t members_covered = 0;  // of them, those one of `units` covers too

    // Members none of `units` covers.
    [[nodiscard]] std::size_t gaps() const { return members - members_covered; }
};

enum class MemberStanding {
    uncovered,         // no unit covers the member
    covered_by_other,  // only units that do not cover the organisation cover the member
};

struct MembershipGap {
    EntityIndex organisation = 0;
    std::vector<EntityIndex> units;  // the units that cover the organisation
    EntityIndex member = 0;
    RelationIndex membership = 0;
    MemberStanding standing = MemberStanding::uncovered;
    std::vector<EntityIndex> other_units;  // the units that cover the member instead
};

struct HomePlace {
    EntityIndex place = 0;
    std::optional<RelationIndex> found_by;  // the relation that names it; none: given by id
    bool in_universe = false;
    std::vector<CoveringUnit> units;  // units that reach it all the same
};

struct EmptyRegion {
    EntityIndex region = 0;
    std::vector<EntityIndex> units;  // units that name it, by name then id
};

struct CoverageSummary {
    std::size_t universe = 0;    // places in the universe
    std::size_t home = 0;        // of them, home places (reported apart)
    std::size_t considered = 0;  // universe - home
    std::size_t covered = 0;
    std::size_t uncovered = 0;
    std::size_t multiply_covered = 0;
    std::size_t outside_universe = 0;  // places reached outside the universe
    std::size_t not_places = 0;        // entries reached that are not places
};

struct CoverageReport {
    RelationKindIndex relation = 0;
    std::optional<KindIndex> from_kind;
    CoverageUniverse universe = CoverageUniverse::un_members_and_observers;
    std::optional<Date> date;    // the date facts were checked on
    bool date_is_as_of = false;  // true: given as as_of; false: today, or none
    CoverageSummary summary;
    std::vector<PlaceCoverage> covered;           // places of the universe, by name then id
    std::vector<UncoveredGroup> uncovered;        // by region, sub-region (empty ones last)
    std::vector<PlaceCoverage> multiply_covered;  // covered by two units or more
    // Places (the schema's [gazetteer] kind) reached outside the universe, by name. With a
    // listed universe, the places the list leaves out are out of scope and not reported here.
    std::vector<OutsideEntry> outside_universe;
    // What the units name that is not a place and leads to none (regional organisations, their
    // bodies, a region with --no-regions), by name; each with reason not_a_place.
    std::vector<OutsideEntry> not_places;
    std::vector<UnitCoverage> per_unit;               // by name, then id
    std::vector<OrganisationCoverage> organisations;  // organisations with members, by name
    std::vector<MembershipGap> membership_gaps;       // by organisation, then member
    std::vector<HomePlace> home;                      // by name, then id
    std::vector<EmptyRegion> empty_regions;           // by name, then id
};

CoverageReport compute_coverage(const Graph& graph, const CoverageParams& params);

// The entity kind every unit of the report shares (its --from-kind when one was given), if any:
// what a title calls the units ("regional department"), else they are "units".
std::optional<KindIndex> shared_unit_kind(const Graph& graph, const CoverageReport& report);

// Places (entities of `place_kind`; empty: the schema's [gazetteer] kind) named one per line, by code, id or
// name ('#' starts a comment, blank lines are skipped). Thrown with every line that names no place or several.
struct place_list_error : std::runtime_error {
    place_list_error(std::string message, std::vector<Diagnostic> problems)
        : std::runtime_error(std::move(message)), diagnostics(std::move(problems)) {}
    std::vector<Diagnostic> diagnostics;
};

// The places `content` lists, in the order first listed, each once. `file` names the list in
// diagnostics.
std::vector<EntityIndex> read_place_list(const Graph& graph, std::string_view content, const std::string& file,
                                         const std::string& place_kind = {});

}  // namespace orgraph
