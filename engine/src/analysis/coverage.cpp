#include "orgraph/analysis/coverage.hpp"

#include <fmt/format.h>
#include <algorithm>
#include <tuple>
#include <unordered_map>
#include <unordered_set>

#include "orgraph/model/name_resolver.hpp"
#include "orgraph/model/text_checks.hpp"

namespace orgraph {
namespace {

constexpr std::uint32_t none = static_cast<std::uint32_t>(-1);

struct Link {
    EntityIndex place;
    EntityIndex unit;
    CoveragePath path;
};

// An entity reached from an intermediate: the country and the relation that reaches it.
struct Reached {
    EntityIndex place;
    RelationIndex relation;
};

class CoverageAnalysis {
public:
    CoverageAnalysis(const Graph& graph, const CoverageParams& params) : m_graph(graph), m_params(params) {
        const auto& schema = graph.schema;
        auto relation = schema.relation_kind(params.relation);
        if (!relation) throw coverage_error(fmt::format("the dataset has no relation kind '{}'", params.relation));
        m_relation = *relation;
        if (!params.from_kind.empty()) {
            m_from_kind = schema.entity_kind(params.from_kind);
            if (!m_from_kind)
                throw coverage_error(fmt::format("the dataset has no entity kind '{}'", params.from_kind));
        }
        auto place = schema.entity_kind(params.place_kind);
        if (!place) throw coverage_error(fmt::format("the dataset has no entity kind '{}'", params.place_kind));
        m_place_kind = *place;
        // The rest are optional: a dataset without regions or memberships simply has none.
        m_region_kind = schema.entity_kind(params.region_kind);
        m_includes = schema.relation_kind(params.includes_relation);
        m_member = schema.relation_kind(params.member_relation);
        m_home_relation = schema.relation_kind(params.home_relation);
        m_date = params.as_of ? params.as_of : params.today;

        const auto n = graph.entities().size();
        m_is_place.assign(n, 0);
        m_is_region.assign(n, 0);
        for (EntityIndex e = 0; e < n; ++e) {
            const auto kind = graph.entity_kind_index(e);
            m_is_place[e] = schema.is_a(kind, m_place_kind);
            m_is_region[e] = m_region_kind && schema.is_a(kind, *m_region_kind);
        }
    }

    CoverageReport run() {
        CoverageReport report;
        report.relation = m_relation;
        report.from_kind = m_from_kind;
        report.universe = m_params.universe;
        report.date = m_date;
        report.date_is_as_of = m_params.as_of.has_value();

        mark_universe();
        find_home(report);
        collect_links();
        aggregate(report);
        find_uncovered(report);
        find_membership_gaps(report);
        finish_empty_regions(report);

        auto& s = report.summary;
        s.universe = static_cast<std::size_t>(std::count(m_in_universe.begin(), m_in_universe.end(), 1));
        s.home = 0;
        for (const auto& h : report.home) s.home += h.in_universe ? 1 : 0;
        s.considered = s.universe - s.home;
        s.covered = report.covered.size();
        s.multiply_covered = report.multiply_covered.size();
        s.outside_universe = report.outside_universe.size();
        s.not_places = report.not_places.size();
        s.uncovered = 0;
        for (const auto& g : report.uncovered) s.uncovered += g.places.size();
        return report;
    }

private:
    [[nodiscard]] bool holds(const Validity& validity) const {
        return !m_date || validity.holds_on(*m_date, !m_params.as_of);
    }
    [[nodiscard]] bool entity_holds(EntityIndex e) const {
        return !m_date || m_graph.entity_validity(e).holds_on(*m_date, !m_params.as_of);
    }
    [[nodiscard]] std::string_view attribute(EntityIndex e, std::string_view key) const {
        return m_graph.entity_attributes(e).find(key).value_or(std::string_view{});
    }
    // In the order a reader scans a list by: the name lists show (list_name: "Democratic Republic
    // of the Congo" among the D's, not ISO's "Congo, The Democratic Republic of the"), then id.
    [[nodiscard]] bool by_name(EntityIndex a, EntityIndex b) const {
        return std::pair(list_name(m_graph, a), m_graph.entity_id(a)) <
               std::pair(list_name(m_graph, b), m_graph.entity_id(b));
    }
    void sort_by_name(std::vector<EntityIndex>& entities) const {
        std::sort(entities.begin(), entities.end(), [&](EntityIndex a, EntityIndex b) { return by_name(a, b); });
    }

    // A unit counts while it exists and, without an as-of date, while its status (if it has one)
    // is the open value: a closed embassy answers for nothing today.
    [[nodiscard]] bool unit_counts(EntityIndex e) const {
        if (!entity_holds(e)) return false;
        if (m_params.as_of || m_params.status_attribute.empty()) return true;
        const auto status = m_graph.entity_attributes(e).find(m_params.status_attribute);
        return !status || *status == m_params.open_value;
    }

    void mark_universe() {
        const auto n = m_graph.entities().size();
        m_in_universe.assign(n, 0);
        if (m_params.universe == CoverageUniverse::listed) {
            for (auto e : m_params.listed) {
                if (e >= n || !m_is_place[e])
                    throw coverage_error(fmt::format("listed entity {} is not a {}",
                                                     e < n ? m_graph.entity_id(e) : std::to_string(e),
                                                     m_params.place_kind));
                m_in_universe[e] = 1;
            }
            return;
        }
        for (EntityIndex e = 0; e < n; ++e) {
            if (!m_is_place[e] || !entity_holds(e)) continue;
            const auto& status = attribute(e, m_params.membership_attribute);
            switch (m_params.universe) {
                case CoverageUniverse::un_members:
                    m_in_universe[e] = status == m_params.member_value;
                    break;
                case CoverageUniverse::un_members_and_observers:
                    m_in_universe[e] = status == m_params.member_value || status == m_params.observer_value;
                    break;
                case CoverageUniverse::all_places:
                    m_in_universe[e] = 1;
                    break;
                case CoverageUniverse::listed:
                    break;
            }
        }
    }

    void find_home(CoverageReport& report) {
        m_is_home.assign(m_graph.entities().size(), 0);
        auto add = [&](EntityIndex place, std::optional<RelationIndex> found_by) {
            if (m_is_home[place]) return;
            m_is_home[place] = 1;
            report.home.push_back({place, found_by, m_in_universe[place] == 1, {}});
        };
        if (!m_params.home_place.empty()) {
            auto place = m_graph.find(m_params.home_place);
            if (!place || !m_is_place[*place]) {
                const auto words = place_words(m_graph.schema, m_params.place_kind);
                throw coverage_error(fmt::format("the home {} '{}' is not a {} of the dataset", words.one,
                                                 m_params.home_place, words.one));
            }
            add(*place, std::nullopt);
        } else if (m_home_relation) {
            const auto& relations = m_graph.relations();
            for (RelationIndex r = 0; r < relations.size(); ++r) {
                const auto& rel = relations[r];
                if (rel.kind == *m_home_relation && m_is_place[rel.to] && holds(rel.validity)) add(rel.to, r);
            }
        }
        std::sort(report.home.begin(), report.home.end(),
                  [&](const HomePlace& a, const HomePlace& b) { return by_name(a.place, b.place); });
        for (std::uint32_t i = 0; i < report.home.size(); ++i) m_home_slot.emplace(report.home[i].place, i);
    }

    // The countries a region includes on the date; computed once per region.
    const std::vector<Reached>& region_places(EntityIndex region) {
        auto [it, inserted] = m_region_memo.try_emplace(region);
        if (!inserted || !m_includes) return it->second;
        std::vector<Reached> found;
        for (const auto r : m_graph.out_relations(region)) {
            const auto& rel = m_graph.relation(r);
            if (rel.kind != *m_includes || !holds(rel.validity) || !m_is_place[rel.to]) continue;
            found.push_back({rel.to, r});
        }
        // try_emplace's iterator stays valid: the map is not touched in between.
        it->second = std::move(found);
        return it->second;
    }

    // The countries reached from an intermediate entity by following the relation on (a city
    // located in a country). Each entity's answer is kept, so that a city many missions are
    // located in, or a province many cities are located in, is walked once: linear in the
    // relations walked. An entity met again while its own walk is still open (a cycle)
    // contributes nothing.
    const std::vector<Reached>& chain_places(EntityIndex start) {
        if (auto it = m_chain_memo.find(start); it != m_chain_memo.end()) return it->second;
        struct Frame {
            EntityIndex entity;
            std::vector<RelationIndex> relations;
            std::size_t next = 0;
        };
        auto frame_of = [&](EntityIndex entity) {
            m_chain_open.insert(entity);
            return Frame{entity, m_graph.out_relations(entity), 0};
        };
        // A depth-first walk that goes down one child at a time, so that "open" means "on the
        // current path".
        std::vector<Frame> stack{frame_of(start)};
        while (!stack.empty()) {
            auto& frame = stack.back();
            bool descended = false;
            while (!descended && frame.next != frame.relations.size()) {
                const auto& rel = m_graph.relation(frame.relations[frame.next]);
                ++frame.next;
                if (rel.kind != m_relation || !holds(rel.validity) || m_is_place[rel.to] || !entity_holds(rel.to))
                    continue;
                if (m_chain_memo.contains(rel.to) || m_chain_open.contains(rel.to)) continue;
                descended = true;
                stack.push_back(frame_of(rel.to));  // invalidates `frame`; the loop ends here
            }
            if (descended) continue;
            const auto entity = stack.back().entity;
            stack.pop_back();
            std::vector<Reached> found;
            for (const auto r : m_graph.out_relations(entity)) {
                const auto& rel = m_graph.relation(r);
                if (rel.kind != m_relation || !holds(rel.validity) || !entity_holds(rel.to)) continue;
                if (m_is_place[rel.to]) {
                    found.push_back({rel.to, r});
                } else if (auto memo = m_chain_memo.find(rel.to); memo != m_chain_memo.end()) {
                    found.insert(found.end(), memo->second.begin(), memo->second.end());
                }
            }
            std::sort(found.begin(), found.end(), [](const Reached& a, const Reached& b) {
                return std::tie(a.place, a.relation) < std::tie(b.place, b.relation);
            });
            found.erase(std::unique(found.begin(), found.end(),
                                    [](const Reached& a, const Reached& b) { return a.place == b.place; }),
                        found.end());
            m_chain_open.erase(entity);
            m_chain_memo.emplace(entity, std::move(found));
        }
        return m_chain_memo.at(start);
    }

    void collect_links() {
        const auto& graph = m_graph;
        const auto n = graph.entities().size();
        std::vector<std::uint8_t> is_unit(n, 0);
        auto consider = [&](EntityIndex unit) {
            if (is_unit[unit] || !unit_counts(unit)) return;
            is_unit[unit] = 1;
            m_units.push_back(unit);
        };
        if (m_from_kind) {
            for (EntityIndex e = 0; e < n; ++e)
                if (graph.schema.is_a(graph.entity_kind_index(e), *m_from_kind)) consider(e);
        } else {
            for (RelationIndex r = 0; r < graph.relation_count(); ++r) {
                const auto& rec = graph.relation_record(r);
                if (rec.kind == m_relation && holds(graph.relation_validity(r))) consider(rec.from);
            }
        }
        std::sort(m_units.begin(), m_units.end());

        for (auto unit : m_units) {
            for (const auto r : graph.out_relations(unit)) {
                const auto& rel = graph.relation(r);
                if (rel.kind != m_relation || !holds(rel.validity)) continue;
                const auto target = rel.to;
                if (m_is_place[target]) {
                    m_links.push_back(
                        {target, unit, {rel.derived ? CoverageWay::derived : CoverageWay::direct, std::nullopt, r}});
                    continue;
                }
                if (!entity_holds(target)) continue;
                m_targets.push_back({target, unit});
                if (m_is_region[target] && m_params.through_regions) {
                    const auto& places = region_places(target);
                    if (places.empty()) m_empty_regions.push_back({target, unit});
                    for (const auto& c : places)
                        m_links.push_back({c.place, unit, {CoverageWay::through_region, target, c.relation}});
                    continue;
                }
                const std::vector<Reached>* chain = m_params.follow_chains ? &chain_places(target) : nullptr;
                if (chain && !chain->empty()) {
                    for (const auto& c : *chain)
                        m_links.push_back({c.place, unit, {CoverageWay::via, target, c.relation}});
                } else {
                    m_other_targets.push_back({target, unit, r});
                }
            }
        }
    }

    // Groups the links by country (a counting sort, linear), then by unit.
    void aggregate(CoverageReport& report) {
        const auto n = m_graph.entities().size();
        std::vector<std::uint32_t> start(n + 1, 0);
        for (const auto& l : m_links) ++start[l.place + 1];
        for (std::size_t i = 0; i < n; ++i) start[i + 1] += start[i];
        std::vector<std::uint32_t> order(m_links.size());
        {
            auto next = start;
            for (std::uint32_t i = 0; i < m_links.size(); ++i) order[next[m_links[i].place]++] = i;
        }

        m_unit_slot.assign(n, none);
        for (auto unit : m_units) {
            m_unit_slot[unit] = static_cast<std::uint32_t>(report.per_unit.size());
            report.per_unit.push_back({unit, 0, 0, 0, 0, 0, 0});
        }
        m_coverage_of.assign(n, none);
        std::vector<OutsideEntry> outside;

        for (EntityIndex place = 0; place < n; ++place) {
            if (start[place] == start[place + 1]) continue;
            std::vector<Link> links;
            for (auto i = start[place]; i < start[place + 1]; ++i) links.push_back(m_links[order[i]]);
            std::sort(links.begin(), links.end(),
                      [](const Link& a, const Link& b) { return std::tie(a.unit, a.path) < std::tie(b.unit, b.path); });
            PlaceCoverage coverage{place, {}};
            for (const auto& link : links) {
                if (coverage.units.empty() || coverage.units.back().unit != link.unit)
                    coverage.units.push_back({link.unit, {}});
                auto& paths = coverage.units.back().paths;
                const bool repeat =
                    !paths.empty() && paths.back().way == link.path.way && paths.back().through == link.path.through;
                if (!repeat) paths.push_back(link.path);
            }
            std::sort(coverage.units.begin(), coverage.units.end(),
                      [&](const CoveringUnit& a, const CoveringUnit& b) { return by_name(a.unit, b.unit); });

            // A country a listed universe leaves out is out of scope, not a finding; its coverage
            // is kept only for the membership gaps.
            if (!m_in_universe[place] && !m_is_home[place] && m_params.universe == CoverageUniverse::listed) {
                m_coverage_of[place] = static_cast<std::uint32_t>(m_out_of_scope.size()) | out_of_scope_flag;
                m_out_of_scope.push_back(std::move(coverage));
                continue;
            }
            for (const auto& u : coverage.units) {
                auto& count = report.per_unit[m_unit_slot[u.unit]];
                if (m_is_home[place]) {
                    ++count.home;
                } else if (m_in_universe[place]) {
                    ++count.places;
                    if (u.best().way == CoverageWay::direct) ++count.directly;
                } else {
                    ++count.outside;
                }
            }
            if (m_is_home[place]) {
                report.home[m_home_slot.at(place)].units = std::move(coverage.units);
            } else if (m_in_universe[place]) {
                m_coverage_of[place] = static_cast<std::uint32_t>(report.covered.size());
                report.covered.push_back(std::move(coverage));
            } else {
                outside.push_back({place, outside_reason(place),
                                   std::string(attribute(place, m_params.membership_attribute)),
                                   std::move(coverage.units)});
            }
        }

        // Targets that are not countries and lead to none: apart from the countries.
        std::vector<OutsideEntry> others;
        std::sort(m_other_targets.begin(), m_other_targets.end());
        for (std::size_t i = 0; i < m_other_targets.size();) {
            const auto target = m_other_targets[i].target;
            OutsideEntry entry{target, OutsideReason::not_a_place, {}, {}};
            for (; i < m_other_targets.size() && m_other_targets[i].target == target; ++i) {
                const auto& other = m_other_targets[i];
                const auto way = (m_graph.relation_record(other.relation).flags & image::relation_derived)
                                     ? CoverageWay::derived
                                     : CoverageWay::direct;
                if (!entry.units.empty() && entry.units.back().unit == other.unit) continue;
                entry.units.push_back({other.unit, {CoveragePath{way, std::nullopt, other.relation}}});
                ++report.per_unit[m_unit_slot[other.unit]].not_places;
            }
            std::sort(entry.units.begin(), entry.units.end(),
                      [&](const CoveringUnit& a, const CoveringUnit& b) { return by_name(a.unit, b.unit); });
            others.push_back(std::move(entry));
        }
        std::sort(report.covered.begin(), report.covered.end(),
                  [&](const PlaceCoverage& a, const PlaceCoverage& b) { return by_name(a.place, b.place); });
        for (std::uint32_t i = 0; i < report.covered.size(); ++i) {
            m_coverage_of[report.covered[i].place] = i;
            if (report.covered[i].units.size() > 1) report.multiply_covered.push_back(report.covered[i]);
        }
        auto by_entity_name = [&](const OutsideEntry& a, const OutsideEntry& b) { return by_name(a.entity, b.entity); };
        std::sort(outside.begin(), outside.end(), by_entity_name);
        std::sort(others.begin(), others.end(), by_entity_name);
        for (std::uint32_t i = 0; i < outside.size(); ++i) m_coverage_of[outside[i].entity] = i | outside_flag;
        report.outside_universe = std::move(outside);
        report.not_places = std::move(others);

        std::sort(report.per_unit.begin(), report.per_unit.end(),
                  [&](const UnitCoverage& a, const UnitCoverage& b) { return by_name(a.unit, b.unit); });
        for (std::uint32_t i = 0; i < report.per_unit.size(); ++i) m_unit_slot[report.per_unit[i].unit] = i;
    }

    [[nodiscard]] OutsideReason outside_reason(EntityIndex place) const {
        if (!entity_holds(place)) return OutsideReason::not_valid;
        if (attribute(place, m_params.membership_attribute) == m_params.observer_value) return OutsideReason::observer;
        return OutsideReason::not_member;
    }

    void find_uncovered(CoverageReport& report) {
        std::vector<EntityIndex> uncovered;
        for (EntityIndex e = 0; e < m_in_universe.size(); ++e)
            if (m_in_universe[e] && !m_is_home[e] && m_coverage_of[e] == none) uncovered.push_back(e);
        const auto& region = m_params.region_attribute;
        const auto& subregion = m_params.subregion_attribute;
        // Countries without a region go last.
        auto key = [&](EntityIndex e) {
            const auto& r = attribute(e, region);
            return std::tuple(r.empty(), r, attribute(e, subregion));
        };
        std::sort(uncovered.begin(), uncovered.end(), [&](EntityIndex a, EntityIndex b) {
            const auto ka = key(a);
            const auto kb = key(b);
            if (ka != kb) return ka < kb;
            return by_name(a, b);
        });
        for (auto e : uncovered) {
            const auto r = attribute(e, region);
            const auto s = attribute(e, subregion);
            if (report.uncovered.empty() || report.uncovered.back().region != r ||
                report.uncovered.back().subregion != s)
                report.uncovered.push_back({std::string(r), std::string(s), {}});
            report.uncovered.back().places.push_back(e);
        }
    }

    [[nodiscard]] const std::vector<CoveringUnit>* units_covering(const CoverageReport& report,
                                                                  EntityIndex place) const {
        const auto slot = m_coverage_of[place];
        if (slot == none) return nullptr;
        if (slot & out_of_scope_flag) return &m_out_of_scope[slot & ~out_of_scope_flag].units;
        if (slot & outside_flag) return &report.outside_universe[slot & ~outside_flag].units;
        return &report.covered[slot].units;
    }

    void find_membership_gaps(CoverageReport& report) {
        if (!m_member) return;
        std::sort(m_targets.begin(), m_targets.end());
        m_targets.erase(std::unique(m_targets.begin(), m_targets.end()), m_targets.end());
        for (std::size_t i = 0; i < m_targets.size();) {
            const auto organisation = m_targets[i].first;
            std::vector<EntityIndex> units;
            for (; i < m_targets.size() && m_targets[i].first == organisation; ++i)
                units.push_back(m_targets[i].second);
            OrganisationCoverage summary{organisation, units, 0, 0};
            sort_by_name(summary.units);
            // Members on the date, each once (the first membership relation that names it).
            std::vector<std::pair<EntityIndex, RelationIndex>> members;
            for (const auto r : m_graph.in_relations(organisation)) {
                const auto& rel = m_graph.relation(r);
                if (rel.kind != *m_member || !holds(rel.validity) || !m_is_place[rel.from] || m_is_home[rel.from])
                    continue;
                members.emplace_back(rel.from, r);
            }
            std::sort(members.begin(), members.end());
            members.erase(std::unique(members.begin(), members.end(),
                                      [](const auto& a, const auto& b) { return a.first == b.first; }),
                          members.end());
            std::vector<MembershipGap> gaps;
            for (const auto& [member, membership] : members) {
                ++summary.members;
                const auto* covering = units_covering(report, member);
                bool covered_by_same = false;
                std::vector<EntityIndex> others;
                if (covering) {
                    for (const auto& u : *covering) {
                        if (std::binary_search(units.begin(), units.end(), u.unit))
                            covered_by_same = true;
                        else
                            others.push_back(u.unit);
                    }
                }
                if (covered_by_same) {
                    ++summary.members_covered;
                    continue;
                }
                gaps.push_back({organisation, summary.units, member, membership,
                                others.empty() ? MemberStanding::uncovered : MemberStanding::covered_by_other, others});
            }
            if (summary.members == 0) continue;
            std::sort(gaps.begin(), gaps.end(),
                      [&](const MembershipGap& a, const MembershipGap& b) { return by_name(a.member, b.member); });
            report.organisations.push_back(std::move(summary));
            m_gaps.insert(m_gaps.end(), gaps.begin(), gaps.end());
        }
        std::sort(report.organisations.begin(), report.organisations.end(),
                  [&](const OrganisationCoverage& a, const OrganisationCoverage& b) {
                      return by_name(a.organisation, b.organisation);
                  });
        std::stable_sort(m_gaps.begin(), m_gaps.end(), [&](const MembershipGap& a, const MembershipGap& b) {
            if (a.organisation != b.organisation) return by_name(a.organisation, b.organisation);
            return by_name(a.member, b.member);
        });
        report.membership_gaps = std::move(m_gaps);
    }

    void finish_empty_regions(CoverageReport& report) {
        std::sort(m_empty_regions.begin(), m_empty_regions.end());
        m_empty_regions.erase(std::unique(m_empty_regions.begin(), m_empty_regions.end()), m_empty_regions.end());
        for (std::size_t i = 0; i < m_empty_regions.size();) {
            EmptyRegion region{m_empty_regions[i].first, {}};
            for (; i < m_empty_regions.size() && m_empty_regions[i].first == region.region; ++i) {
                region.units.push_back(m_empty_regions[i].second);
                ++report.per_unit[m_unit_slot[m_empty_regions[i].second]].empty_regions;
            }
            sort_by_name(region.units);
            report.empty_regions.push_back(std::move(region));
        }
        std::sort(report.empty_regions.begin(), report.empty_regions.end(),
                  [&](const EmptyRegion& a, const EmptyRegion& b) { return by_name(a.region, b.region); });
    }

    static constexpr std::uint32_t outside_flag = 0x80000000u;
    static constexpr std::uint32_t out_of_scope_flag = 0x40000000u;

    const Graph& m_graph;
    const CoverageParams& m_params;
    RelationKindIndex m_relation = 0;
    std::optional<KindIndex> m_from_kind;
    KindIndex m_place_kind = 0;
    std::optional<KindIndex> m_region_kind;
    std::optional<RelationKindIndex> m_includes;
    std::optional<RelationKindIndex> m_member;
    std::optional<RelationKindIndex> m_home_relation;
    std::optional<Date> m_date;

    std::vector<std::uint8_t> m_is_place;
    std::vector<std::uint8_t> m_is_region;
    std::vector<std::uint8_t> m_in_universe;
    std::vector<std::uint8_t> m_is_home;
    std::unordered_map<EntityIndex, std::uint32_t> m_home_slot;  // index into report.home
    std::vector<EntityIndex> m_units;
    std::vector<Link> m_links;
    std::vector<std::pair<EntityIndex, EntityIndex>> m_targets;  // (target that is no place, unit)
    struct OtherTarget {                                         // a target that is no place and leads to none
        EntityIndex target;
        EntityIndex unit;
        RelationIndex relation;
        auto operator<=>(const OtherTarget&) const = default;
    };
    std::vector<OtherTarget> m_other_targets;
    std::vector<std::pair<EntityIndex, EntityIndex>> m_empty_regions;  // (region, unit)
    std::unordered_map<EntityIndex, std::vector<Reached>> m_region_memo;
    std::unordered_map<EntityIndex, std::vector<Reached>> m_chain_memo;
    std::unordered_set<EntityIndex> m_chain_open;
    std::vector<std::uint32_t> m_unit_slot;
    std::vector<std::uint32_t> m_coverage_of;  // index into covered, outside (outside_flag) or m_out_of_scope
    std::vector<PlaceCoverage> m_out_of_scope;
    std::vector<MembershipGap> m_gaps;
};

}  // namespace

PlaceWords place_words(const Schema& schema, const std::string& place_kind) {
    const auto index = schema.entity_kind(place_kind.empty() ? schema.gazetteer().kind : place_kind);
    if (!index) return {"place", "places"};
    const auto& kind = schema.entity_kind(*index);
    return {kind.label, kind.plural};
}

CoverageParams with_schema_defaults(const Schema& schema, CoverageParams params) {
    const auto& spec = schema.coverage();
    const auto& places = schema.gazetteer();
    auto fill = [](std::string& field, const std::string& declared) {
        if (field.empty()) field = declared;
    };
    fill(params.relation, spec.relation);
    fill(params.place_kind, places.kind);
    fill(params.region_kind, spec.region_kind);
    fill(params.includes_relation, spec.includes_relation);
    fill(params.member_relation, spec.member_relation);
    fill(params.home_relation, spec.home_relation);
    fill(params.membership_attribute, places.membership_attribute);
    fill(params.member_value, places.member_value);
    fill(params.observer_value, places.observer_value);
    fill(params.region_attribute, places.region_attribute);
    fill(params.subregion_attribute, places.subregion_attribute);
    fill(params.status_attribute, spec.status_attribute);
    fill(params.open_value, spec.open_value);
    return params;
}

std::optional<KindIndex> shared_unit_kind(const Graph& graph, const CoverageReport& report) {
    if (report.from_kind) return report.from_kind;
    std::optional<KindIndex> kind;
    for (const auto& u : report.per_unit) {
        const auto k = graph.entity_kind_index(u.unit);
        if (kind && *kind != k) return std::nullopt;
        kind = k;
    }
    return kind;
}

CoverageReport compute_coverage(const Graph& graph, const CoverageParams& params) {
    const auto resolved = with_schema_defaults(graph.schema, params);
    if (resolved.relation.empty())
        throw coverage_error(
            "no relation kind says which unit answers for which place: give one (--by), or declare "
            "the default in the schema ([coverage] relation)");
    if (resolved.place_kind.empty())
        throw coverage_error("the schema declares no kind of place to count ([gazetteer] kind)");
    if (resolved.membership_attribute.empty() && (resolved.universe == CoverageUniverse::un_members ||
                                                  resolved.universe == CoverageUniverse::un_members_and_observers))
        throw coverage_error(
            "the schema declares no membership attribute ([gazetteer] membership_attribute) for a universe of "
            "members; count every place or a list of them");
    return CoverageAnalysis(graph, resolved).run();
}

namespace {
// Longer than any place's name; a longer line is refused before it is looked up.
constexpr std::size_t max_place_line_bytes = 1000;
}  // namespace

std::vector<EntityIndex> read_place_list(const Graph& graph, std::string_view content, const std::string& file,
                                         const std::string& place_kind_name) {
    const auto& place_kind = place_kind_name.empty() ? graph.schema.gazetteer().kind : place_kind_name;
    if (place_kind.empty()) throw coverage_error("the schema declares no kind of place to list ([gazetteer] kind)");
    const auto kind = graph.schema.entity_kind(place_kind);
    if (!kind) throw coverage_error(fmt::format("the dataset has no entity kind '{}'", place_kind));
    const auto words = place_words(graph.schema, place_kind);
    const NameResolver resolver(graph);
    std::vector<EntityIndex> places;
    std::vector<std::uint8_t> listed;
    std::vector<Diagnostic> problems;
    auto is_place = [&](EntityIndex e) { return graph.schema.is_a(graph.entity_kind_index(e), *kind); };
    auto describe = [&](EntityIndex e) { return fmt::format("{} ({})", graph.entity_name(e), graph.entity_id(e)); };

    if (auto bad = find_invalid_utf8(content))
        throw place_list_error(fmt::format("{}: the list is not UTF-8", file),
                               {Diagnostic{file, bad->line, bad->column, bad->message}});
    std::uint32_t number = 0;
    for (std::size_t at = 0; at < content.size();) {
        auto end = content.find('\n', at);
        if (end == std::string_view::npos) end = content.size();
        auto line = content.substr(at, end - at);
        at = end + 1;
        ++number;
        if (auto hash = line.find('#'); hash != std::string_view::npos) line = line.substr(0, hash);
        const auto first = line.find_first_not_of(" \t\r");
        if (first == std::string_view::npos) continue;
        line = line.substr(first, line.find_last_not_of(" \t\r") - first + 1);
        const auto column = static_cast<std::uint32_t>(first + 1);

        if (line.size() > max_place_line_bytes) {
            problems.push_back({file, number, column,
                                fmt::format("the line is {} bytes long (at most {}: a {}'s name or code)", line.size(),
                                            max_place_line_bytes, words.one)});
            continue;
        }
        const auto resolution = resolver.resolve(line);
        std::vector<EntityIndex> matches;
        for (auto e : resolution.entities)
            if (is_place(e)) matches.push_back(e);
        if (matches.size() == 1) {
            const auto e = matches.front();
            if (listed.empty()) listed.assign(graph.entities().size(), 0);
            if (!listed[e]) {
                listed[e] = 1;
                places.push_back(e);
            }
        } else if (matches.size() > 1) {
            std::sort(matches.begin(), matches.end(), [&](EntityIndex a, EntityIndex b) {
                return std::pair(graph.entity_name(a), graph.entity_id(a)) <
                       std::pair(graph.entity_name(b), graph.entity_id(b));
            });
            std::string names;
            for (auto e : matches) names += (names.empty() ? "" : ", ") + describe(e);
            problems.push_back({file, number, column,
                                fmt::format("'{}' names {} {}: {} (give the id in brackets)", quoted_excerpt(line),
                                            matches.size(), words.many, names)});
        } else if (!resolution.entities.empty()) {
            problems.push_back(
                {file, number, column,
                 fmt::format("'{}' is not a {}: it names {}, a {}", quoted_excerpt(line), place_kind,
                             describe(resolution.entities.front()), graph.kind_of(resolution.entities.front()).label)});
        } else {
            std::string message = fmt::format("no {} is called '{}'", place_kind, quoted_excerpt(line));
            std::string suggestions;
            std::size_t suggested = 0;
            for (const auto& match : resolver.find(line, 50)) {
                if (!is_place(match.entity)) continue;
                suggestions += (suggestions.empty() ? "" : ", ") + describe(match.entity);
                if (++suggested == 3) break;
            }
            if (!suggestions.empty()) message += "; did you mean " + suggestions + "?";
            problems.push_back({file, number, column, std::move(message)});
        }
    }
    if (problems.empty() && places.empty())
        throw place_list_error(fmt::format("{}: the list names no {}", file, place_kind),
                               {Diagnostic{file, 0, 0, fmt::format("the list names no {}", place_kind)}});
    if (!problems.empty()) {
        auto message = fmt::format("{}: {} line{} name{} no single {}", file, problems.size(),
                                   problems.size() == 1 ? "" : "s", problems.size() == 1 ? "s" : "", place_kind);
        throw place_list_error(std::move(message), std::move(problems));
    }
    return places;
}

}  // namespace orgraph
