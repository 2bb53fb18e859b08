#include <fmt/format.h>

#include "load/graph_import.hpp"
#include "load/loader.hpp"

namespace orgraph::load_detail {

std::optional<Date> Loader::csv_date(std::string_view text, const Pos& pos, std::string_view column) {
    auto date = column == "valid_to" ? Date::parse_end(text) : Date::parse(text);
    if (!date)
        error(pos, fmt::format("malformed date in column '{}': '{}' (expected YYYY, YYYY-MM or YYYY-MM-DD{})", column,
                               text, column == "valid_to" ? ", or unknown for an end the source does not date" : ""));
    return date;
}

std::optional<Loader::CsvColumns> Loader::read_header(CsvReader& reader, const ParsedFile& file,
                                                      const std::vector<std::string>& required) {
    CsvColumns columns;
    if (!reader.next_row()) {
        error({file.file, 1, 1},
              fmt::format("empty file (expected a header row naming the columns {})", join(required)));
        return std::nullopt;
    }
    for (std::size_t i = 0; i < reader.fields().size(); ++i) {
        const auto& name = reader.fields()[i];
        if (!columns.index.emplace(name, i).second)
            error({file.file, reader.line(), reader.columns()[i]}, fmt::format("column '{}' appears twice", name));
        columns.names.push_back(name);
    }
    bool complete = true;
    for (const auto& r : required) {
        if (!columns.find(r)) {
            error({file.file, reader.line(), 1},
                  fmt::format("the header has no '{}' column (expected at least {})", r, join(required)));
            complete = false;
        }
    }
    if (!complete) return std::nullopt;
    return columns;
}

// Reports the reader's problems; true when they leave the current row unusable.
bool Loader::report_csv_errors(CsvReader& reader, const ParsedFile& file) {
    bool broken = false;
    for (const auto& e : reader.take_errors()) {
        error({file.file, e.line, e.column}, e.message);
        broken = broken || e.breaks_row;
    }
    return broken;
}

// A row with surplus fields is reported at the first surplus one; a short row at its start.
void Loader::report_field_count(CsvReader& reader, const ParsedFile& file, std::size_t expected) {
    const auto& columns = reader.columns();
    const bool surplus = columns.size() > expected;
    error({file.file, surplus ? reader.lines()[expected] : reader.line(), surplus ? columns[expected] : 1},
          fmt::format("the row has {} fields (expected {}, as in the header)", columns.size(), expected));
}

// Fills out in place (reusing its strings' buffers, as bulk rows come by the million).
void Loader::csv_citations(std::string_view cell, const Pos& pos, std::size_t layer, std::vector<RawCitation>& out) {
    std::size_t count = 0;
    auto add = [&](std::string_view text, const Pos& p) {
        if (count == out.size()) out.emplace_back();
        out[count].text.assign(text);
        out[count].pos = p;
        ++count;
    };
    std::size_t start = 0;
    while (start <= cell.size() && !cell.empty()) {
        auto end = cell.find('|', start);
        if (end == std::string_view::npos) end = cell.size();
        if (end > start) add(cell.substr(start, end - start), pos);
        start = end + 1;
    }
    if (count == 0 && !m_default_source[layer].first.empty())
        add(m_default_source[layer].first, m_default_source[layer].second);
    out.resize(count);
}

namespace {

// Under LoadOptions::consume_input, hands back the text a CSV reader has gone past, a few MiB
// at a time: a file of millions of rows then does not stay resident while its rows become
// records.
class ParsedText {
public:
    ParsedText(const FileText& text, bool consume) : m_text(text), m_consume(consume) {}
    ParsedText(const ParsedText&) = delete;
    ParsedText& operator=(const ParsedText&) = delete;
    ~ParsedText() {
        if (m_consume) m_text.release_before(m_text.size());
    }
    void passed(const CsvReader& reader) {
        if (m_consume && reader.offset() >= m_released + step) {
            m_released = reader.offset();
            m_text.release_before(m_released);
        }
    }

private:
    static constexpr std::size_t step = std::size_t{8} << 20;
    const FileText& m_text;
    bool m_consume;
    std::size_t m_released = 0;
};

}  // namespace

void Loader::read_csv_entities(const ParsedFile& file) {
    CsvReader reader(file.input->content);
    ParsedText parsed(file.input->content, m_options.consume_input);
    reader.set_formula_guard(m_csv_formula_guard[file.layer]);
    auto columns = read_header(reader, file, {"id", "kind", "name"});
    report_csv_errors(reader, file);
    if (!columns) return;
    const auto c_id = *columns->find("id"), c_kind = *columns->find("kind"), c_name = *columns->find("name");
    const auto c_short = columns->find("short_name"), c_aliases = columns->find("aliases"),
               c_prov = columns->find("provenance"), c_from = columns->find("valid_from"),
               c_to = columns->find("valid_to");
    std::vector<std::size_t> attribute_columns;
    for (std::size_t i = 0; i < columns->names.size(); ++i) {
        const auto& n = columns->names[i];
        if (n != "id" && n != "kind" && n != "name" && n != "short_name" && n != "aliases" && n != "provenance" &&
            n != "valid_from" && n != "valid_to")
            attribute_columns.push_back(i);
    }
    EntityRecord record;
    while (reader.next_row()) {
        parsed.passed(reader);
        if (report_csv_errors(reader, file)) continue;
        const auto& f = reader.fields();
        if (f.size() != columns->names.size()) {
            if (f.size() == 1 && f[0].empty()) continue;  // a blank line
            report_field_count(reader, file, columns->names.size());
            continue;
        }
        auto at = [&](std::size_t c) { return Pos{file.file, reader.lines()[c], reader.columns()[c]}; };
        record.clear();
        record.from_csv = true;
        record.pos = at(0);
        record.id = f[c_id];
        record.id_pos = at(c_id);
        record.kind = f[c_kind];
        record.kind_pos = at(c_kind);
        record.name = f[c_name];
        record.name_pos = at(c_name);
        if (c_short) record.short_name = f[*c_short];
        if (c_aliases && !f[*c_aliases].empty()) {
            std::string_view cell = f[*c_aliases];
            std::size_t start = 0;
            while (start <= cell.size()) {
                auto end = cell.find('|', start);
                if (end == std::string_view::npos) end = cell.size();
                if (end > start) record.aliases.emplace_back(cell.substr(start, end - start));
                start = end + 1;
            }
        }
        csv_citations(c_prov ? std::string_view(f[*c_prov]) : std::string_view{}, c_prov ? at(*c_prov) : at(0),
                      file.layer, record.citations);
        if (c_from && !f[*c_from].empty()) {
            record.validity.from = csv_date(f[*c_from], at(*c_from), "valid_from");
            record.validity_pos = at(*c_from);
        }
        if (c_to && !f[*c_to].empty()) {
            record.validity.to = csv_date(f[*c_to], at(*c_to), "valid_to");
            record.validity_pos = at(*c_to);
        }
        for (auto c : attribute_columns)
            if (!f[c].empty()) record.attributes.push_back({columns->names[c], std::string(f[c]), at(c)});
        apply_entity(record, file.layer);
    }
    report_csv_errors(reader, file);
}

void Loader::read_csv_relations(const ParsedFile& file) {
    CsvReader reader(file.input->content);
    ParsedText parsed(file.input->content, m_options.consume_input);
    reader.set_formula_guard(m_csv_formula_guard[file.layer]);
    auto columns = read_header(reader, file, {"source", "target", "kind"});
    report_csv_errors(reader, file);
    if (!columns) return;
    const auto c_source = *columns->find("source"), c_target = *columns->find("target"),
               c_kind = *columns->find("kind");
    const auto c_prov = columns->find("provenance"), c_from = columns->find("valid_from"),
               c_to = columns->find("valid_to");
    std::vector<std::size_t> attribute_columns;
    for (std::size_t i = 0; i < columns->names.size(); ++i) {
        const auto& n = columns->names[i];
        if (n != "source" && n != "target" && n != "kind" && n != "provenance" && n != "valid_from" && n != "valid_to")
            attribute_columns.push_back(i);
    }
    // Rows are read a batch at a time so that the lookups of their ids can be started
    // together (see apply_relation_batch); they are still applied one by one, in order.
    std::vector<RelationRecord> batch(relation_batch_size);
    std::size_t pending = 0;
    while (reader.next_row()) {
        parsed.passed(reader);
        if (report_csv_errors(reader, file)) continue;
        const auto& f = reader.fields();
        if (f.size() != columns->names.size()) {
            if (f.size() == 1 && f[0].empty()) continue;
            report_field_count(reader, file, columns->names.size());
            continue;
        }
        auto at = [&](std::size_t c) { return Pos{file.file, reader.lines()[c], reader.columns()[c]}; };
        // Refilled rather than rebuilt: the record keeps its strings' buffers from row to row.
        auto& r = batch[pending];
        r.layer = file.layer;
        r.kind = f[c_kind];
        r.kind_pos = at(c_kind);
        r.from = f[c_source];
        r.from_pos = at(c_source);
        r.to = f[c_target];
        r.to_pos = at(c_target);
        r.validity = {};
        r.validity_pos = {};
        r.attributes.clear();
        if (r.from.empty() || r.to.empty()) {
            error(at(r.from.empty() ? c_source : c_target), "the entity id is empty (expected an entity id)");
            continue;
        }
        csv_citations(c_prov ? std::string_view(f[*c_prov]) : std::string_view{}, c_prov ? at(*c_prov) : at(0),
                      file.layer, r.citations);
        if (r.citations.empty()) {
            error(c_prov ? at(*c_prov) : at(0),
                  "the relation has no provenance (give a 'provenance' column, or "
                  "default_source in the layer's [dataset] table)");
            continue;
        }
        if (c_from && !f[*c_from].empty()) {
            r.validity.from = csv_date(f[*c_from], at(*c_from), "valid_from");
            r.validity_pos = at(*c_from);
        }
        if (c_to && !f[*c_to].empty()) {
            r.validity.to = csv_date(f[*c_to], at(*c_to), "valid_to");
            r.validity_pos = at(*c_to);
        }
        for (auto c : attribute_columns)
            if (!f[c].empty()) r.attributes.push_back({columns->names[c], std::string(f[c]), at(c)});
        if (++pending == batch.size()) {
            apply_relation_batch(batch);
            pending = 0;
        }
    }
    batch.resize(pending);
    apply_relation_batch(batch);
    report_csv_errors(reader, file);
}

void Loader::read_imported_graph(const ParsedFile& file) {
    // Parsed with the other files (Loader::parse_all); what it holds is needed no more after this.
    const auto parsed = file.imported;
    if (!parsed) return;
    auto& imported = parsed->graph;
    for (const auto& p : parsed->problems) error({file.file, p.line, p.column}, p.message);
    if (m_import_file.size() <= file.file) m_import_file.resize(file.file + 1, 0);
    m_import_file[file.file] = parsed->dataset_used ? 2 : 1;
    if (!imported.default_source.empty() && m_default_source[file.layer].first.empty())
        m_default_source[file.layer] = {imported.default_source,
                                        {file.file, imported.default_source_line, imported.default_source_column}};
    const auto& layer_id = m_graph.layers[file.layer].id;
    for (auto& node : imported.nodes) {
        EntityRecord record;
        record.pos = record.id_pos = record.kind_pos = record.name_pos = {file.file, node.line, node.column};
        record.id = node.id;
        record.kind = node.kind;
        record.name = node.name;
        record.short_name = node.short_name;
        record.aliases = node.aliases;
        for (auto& c : node.citations) record.citations.push_back({c, record.pos});
        if (record.citations.empty() && !m_default_source[file.layer].first.empty())
            record.citations.push_back({m_default_source[file.layer].first, record.pos});
        if (record.citations.empty())
            error(record.pos, fmt::format("node '{}' has no source attribute, and layer '{}' names no "
                                          "default_source",
                                          node.id, layer_id));
        for (auto& [k, v] : node.attributes) record.attributes.push_back({k, v, record.pos});
        if (!node.valid_from.empty()) record.validity.from = csv_date(node.valid_from, record.pos, "valid_from");
        if (!node.valid_to.empty()) record.validity.to = csv_date(node.valid_to, record.pos, "valid_to");
        record.validity_pos = record.pos;
        apply_entity(record, file.layer);
    }
    for (auto& edge : imported.edges) {
        RelationRecord r;
        r.layer = file.layer;
        r.kind = edge.kind;
        r.kind_pos = r.from_pos = r.to_pos = {file.file, edge.line, edge.column};
        r.from = edge.source;
        r.to = edge.target;
        for (auto& c : edge.citations) r.citations.push_back({c, r.kind_pos});
        if (r.citations.empty() && !m_default_source[file.layer].first.empty())
            r.citations.push_back({m_default_source[file.layer].first, r.kind_pos});
        if (r.citations.empty()) {
            error(r.kind_pos, fmt::format("edge '{}' → '{}' has no source attribute", edge.source, edge.target));
            continue;
        }
        for (auto& [k, v] : edge.attributes) r.attributes.push_back({k, v, r.kind_pos});
        if (!edge.valid_from.empty()) r.validity.from = csv_date(edge.valid_from, r.kind_pos, "valid_from");
        if (!edge.valid_to.empty()) r.validity.to = csv_date(edge.valid_to, r.kind_pos, "valid_to");
        m_pending.push_back(std::move(r));
    }
    imported = ImportedGraph{};
}

}  // namespace orgraph::load_detail
