#include "load/record_fields.hpp"

#include <fmt/format.h>

#include "load/loader.hpp"

namespace orgraph::load_detail {

RecordField entity_field(std::string_view name, RecordFormat format) {
    if (name == "id") return RecordField::id;
    if (name == "kind") return RecordField::kind;
    if (name == "name") return RecordField::name;
    if (name == "short_name") return RecordField::short_name;
    if (name == "aliases") return RecordField::aliases;
    if (name == (format == RecordFormat::csv ? "provenance" : "source")) return RecordField::citations;
    if (name == "valid_from") return RecordField::valid_from;
    if (name == "valid_to") return RecordField::valid_to;
    return RecordField::attribute;
}

RecordField relation_field(std::string_view name, RecordFormat format) {
    const bool csv = format == RecordFormat::csv;
    if (name == "kind") return RecordField::kind;
    if (name == (csv ? "source" : "from")) return RecordField::from;
    if (name == (csv ? "target" : "to")) return RecordField::to;
    if (name == (csv ? "provenance" : "source")) return RecordField::citations;
    if (name == "valid_from") return RecordField::valid_from;
    if (name == "valid_to") return RecordField::valid_to;
    return RecordField::attribute;
}

std::optional<Date> parse_validity_date(std::string_view text, RecordField end) {
    return end == RecordField::valid_to ? Date::parse_end(text) : Date::parse(text);
}

std::string malformed_date_message(std::string_view field, std::string_view shown, RecordFormat format) {
    // In TOML a year and a full date may stand bare, a year and month only as a string.
    const bool toml = format == RecordFormat::toml;
    const auto place = toml ? "" : format == RecordFormat::csv ? "column " : "attribute ";
    const auto unknown = field != "valid_to" ? ""
                         : toml              ? ", or \"unknown\" for an end the source does not date"
                                             : ", or unknown for an end the source does not date";
    return fmt::format("malformed date in {}'{}': {} (expected YYYY, {} or YYYY-MM-DD{})", place, field, shown,
                       toml ? "\"YYYY-MM\"" : "YYYY-MM", unknown);
}

std::string no_source_message(std::string_view subject, bool entity, RecordFormat format) {
    switch (format) {
        case RecordFormat::toml:
            return fmt::format("{} has no source (every {} needs source = \"SOURCE:LOCATOR\")", subject,
                               entity ? "entity" : "relation");
        case RecordFormat::csv:
            return fmt::format(
                "{} has no source (give a 'provenance' column, or default_source in the layer's "
                "[dataset] table)",
                subject);
        case RecordFormat::graph:
            break;
    }
    return fmt::format(
        "{} has no source (give it citations SOURCE:LOCATOR, or the graph or its layer a "
        "default_source)",
        subject);
}

std::string attribute_conflict_message(std::string_view key, std::string_view owner, std::string_view value,
                                       std::string_view other) {
    return fmt::format("attribute '{}' of {} is '{}' already; it cannot also be '{}'", key, owner, value, other);
}

void Loader::read_date(Validity& validity, Pos& validity_pos, RecordField end, std::string_view text, const Pos& pos,
                       RecordFormat format) {
    auto date = parse_validity_date(text, end);
    if (!date)
        error(pos, malformed_date_message(end == RecordField::valid_to ? "valid_to" : "valid_from",
                                          fmt::format("'{}'", text), format));
    set_validity_end(validity, validity_pos, end, date, pos);
}

void Loader::set_validity_end(Validity& validity, Pos& validity_pos, RecordField end, std::optional<Date> date,
                              const Pos& pos) {
    (end == RecordField::valid_to ? validity.to : validity.from) = date;
    validity_pos = pos;
}

bool Loader::relation_ends_given(const RelationRecord& r) {
    if (r.from.empty()) error(r.from_pos, "the entity id is empty (expected an entity id)");
    if (r.to.empty()) error(r.to_pos, "the entity id is empty (expected an entity id)");
    return !r.from.empty() && !r.to.empty();
}

// Fills out in place (reusing its strings' buffers, as bulk rows come by the million).
void Loader::read_citations(std::string_view cell, const Pos& pos, std::size_t layer, std::vector<RawCitation>& out) {
    std::size_t count = 0;
    auto add = [&](std::string_view text, const Pos& p) {
        if (count == out.size()) out.emplace_back();
        out[count].text.assign(text);
        out[count].pos = p;
        ++count;
    };
    for_each_listed(cell, [&](std::string_view text) { add(text, pos); });
    if (count == 0 && !m_default_source[layer].first.empty())
        add(m_default_source[layer].first, m_default_source[layer].second);
    out.resize(count);
}

void Loader::read_citations(const std::vector<std::string>& items, const Pos& pos, std::size_t layer,
                            std::vector<RawCitation>& out) {
    out.clear();
    for (const auto& text : items) out.push_back({text, pos});
    if (out.empty() && !m_default_source[layer].first.empty()) out.push_back({m_default_source[layer].first, pos});
}

}  // namespace orgraph::load_detail
