#pragma once
// The fields of entity and relation records, read one way whatever the format they come in.
// A TOML table, a bulk CSV row and a node or edge of an imported graph name the same fields
// (an id, a kind, the validity, the citations, the attributes); what a field's text means, and
// the words a diagnostic about it uses, are decided here once. The format readers keep only
// what is their own: TOML value types, CSV columns, GraphML and JSON attribute names.
//
// The Loader members that report while reading a field (Loader::read_date and the citation
// readers) are in record_fields.cpp beside these.

#include <optional>
#include <string>
#include <string_view>

#include "orgraph/model/date.hpp"

namespace orgraph::load_detail {

// How a record was written: a diagnostic names a field the way its format does.
enum class RecordFormat : unsigned char { toml, csv, graph };

// The parts of a record a field may give; `attribute` for a name that is none of them.
enum class RecordField : unsigned char {
    attribute,
    id,
    kind,
    name,
    short_name,
    aliases,
    citations,
    valid_from,
    valid_to,
    from,
    to,
};

// What a field (a TOML key, a CSV column) called NAME gives in an entity record. Citations are
// `source` in TOML and `provenance` in CSV.
RecordField entity_field(std::string_view name, RecordFormat format);
// The same for a relation record. In CSV the two ends are `source` and `target`.
RecordField relation_field(std::string_view name, RecordFormat format);

// The date a validity field's text gives: YYYY, YYYY-MM or YYYY-MM-DD; an end (valid_to) may
// also be "unknown" (Date::unknown()). Nothing when the text is none of these.
std::optional<Date> parse_validity_date(std::string_view text, RecordField end);

// "malformed date in …": FIELD is the field's name, SHOWN the text quoted (or what stands there
// instead of a text, in TOML).
std::string malformed_date_message(std::string_view field, std::string_view shown, RecordFormat format);

// The message for an entity (SUBJECT "entity 'ID'") or a relation ("a relation") that cites no
// source, with how to give one in FORMAT.
std::string no_source_message(std::string_view subject, bool entity, RecordFormat format);

// The message for an attribute given a second value: OWNER names the entity ("'ID'") or the
// relation.
std::string attribute_conflict_message(std::string_view key, std::string_view owner, std::string_view value,
                                       std::string_view other);

// Calls add(item) for each non-empty item of a '|'-separated list (a CSV cell of aliases or
// citations).
template <typename Add>
void for_each_listed(std::string_view cell, Add add) {
    if (cell.empty()) return;
    std::size_t start = 0;
    while (start <= cell.size()) {
        auto end = cell.find('|', start);
        if (end == std::string_view::npos) end = cell.size();
        if (end > start) add(cell.substr(start, end - start));
        start = end + 1;
    }
}

}  // namespace orgraph::load_detail
