#include <fmt/format.h>

#include "load/graph_import.hpp"
#include "load/loader.hpp"

namespace orgraph::load_detail {

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

Loader::CsvLayout Loader::csv_layout(const CsvColumns& columns,
                                     RecordField (*field_of)(std::string_view, RecordFormat)) {
    CsvLayout layout;
    for (std::size_t i = 0; i < columns.names.size(); ++i) {
        const auto field = field_of(columns.names[i], RecordFormat::csv);
        auto& at = layout.fields[static_cast<std::size_t>(field)];
        if (field == RecordField::attribute)
            layout.attributes.push_back(i);
        else if (!at)  // a column given twice is reported with the header; the first is read
            at = i;
    }
    return layout;
}

// Reports the reader's problems with the row just read; true when the row is one to read (a
// blank line, a broken row or one with the wrong number of fields is not).
bool Loader::csv_row_usable(CsvReader& reader, const ParsedFile& file, std::size_t width) {
    if (report_csv_errors(reader, file)) return false;
    const auto& f = reader.fields();
    if (f.size() == width) return true;
    if (f.size() != 1 || !f[0].empty()) report_field_count(reader, file, width);  // else a blank line
    return false;
}

void Loader::read_csv_entities(const ParsedFile& file) {
    CsvReader reader(file.input->content);
    ParsedText parsed(file.input->content, m_options.consume_input);
    reader.set_formula_guard(m_csv_formula_guard[file.layer]);
    auto columns = read_header(reader, file, {"id", "kind", "name"});
    report_csv_errors(reader, file);
    if (!columns) return;
    const auto layout = csv_layout(*columns, entity_field);
    EntityRecord record;
    while (reader.next_row()) {
        parsed.passed(reader);
        if (!csv_row_usable(reader, file, columns->names.size())) continue;
        csv_entity_record(reader, *columns, layout, file, record);
        apply_entity(record, file.layer);
    }
    report_csv_errors(reader, file);
}

void Loader::csv_entity_record(const CsvReader& reader, const CsvColumns& columns, const CsvLayout& layout,
                               const ParsedFile& file, EntityRecord& record) {
    const auto& f = reader.fields();
    auto at = [&](std::size_t c) { return Pos{file.file, reader.lines()[c], reader.columns()[c]}; };
    const auto c_id = *layout[RecordField::id], c_kind = *layout[RecordField::kind],
               c_name = *layout[RecordField::name];
    const auto c_short = layout[RecordField::short_name], c_aliases = layout[RecordField::aliases],
               c_prov = layout[RecordField::citations], c_from = layout[RecordField::valid_from],
               c_to = layout[RecordField::valid_to];
    record.clear();
    record.format = RecordFormat::csv;
    record.pos = at(0);
    record.id = f[c_id];
    record.id_pos = at(c_id);
    record.kind = f[c_kind];
    record.kind_pos = at(c_kind);
    record.name = f[c_name];
    record.name_pos = at(c_name);
    if (c_short) record.short_name = f[*c_short];
    if (c_aliases) for_each_listed(f[*c_aliases], [&](std::string_view alias) { record.aliases.emplace_back(alias); });
    read_citations(c_prov ? std::string_view(f[*c_prov]) : std::string_view{}, c_prov ? at(*c_prov) : at(0), file.layer,
                   record.citations);
    if (c_from && !f[*c_from].empty())
        read_date(record.validity, record.validity_pos, RecordField::valid_from, f[*c_from], at(*c_from),
                  RecordFormat::csv);
    if (c_to && !f[*c_to].empty())
        read_date(record.validity, record.validity_pos, RecordField::valid_to, f[*c_to], at(*c_to), RecordFormat::csv);
    for (auto c : layout.attributes)
        if (!f[c].empty()) record.attributes.push_back({columns.names[c], std::string(f[c]), at(c)});
}

void Loader::read_csv_relations(const ParsedFile& file) {
    CsvReader reader(file.input->content);
    ParsedText parsed(file.input->content, m_options.consume_input);
    reader.set_formula_guard(m_csv_formula_guard[file.layer]);
    auto columns = read_header(reader, file, {"source", "target", "kind"});
    report_csv_errors(reader, file);
    if (!columns) return;
    const auto layout = csv_layout(*columns, relation_field);
    // Rows are read a batch at a time so that the lookups of their ids can be started
    // together (see apply_relation_batch); they are still applied one by one, in order.
    std::vector<RelationRecord> batch(relation_batch_size);
    std::size_t pending = 0;
    while (reader.next_row()) {
        parsed.passed(reader);
        if (!csv_row_usable(reader, file, columns->names.size())) continue;
        if (!csv_relation_record(reader, *columns, layout, file, batch[pending])) continue;
        if (++pending == batch.size()) {
            apply_relation_batch(batch);
            pending = 0;
        }
    }
    batch.resize(pending);
    apply_relation_batch(batch);
    report_csv_errors(reader, file);
}

// Refills R rather than rebuilding it: the record keeps its strings' buffers from row to row.
// False when the row cannot make a relation (reported).
bool Loader::csv_relation_record(const CsvReader& reader, const CsvColumns& columns, const CsvLayout& layout,
                                 const ParsedFile& file, RelationRecord& r) {
    const auto& f = reader.fields();
    auto at = [&](std::size_t c) { return Pos{file.file, reader.lines()[c], reader.columns()[c]}; };
    const auto c_source = *layout[RecordField::from], c_target = *layout[RecordField::to],
               c_kind = *layout[RecordField::kind];
    const auto c_prov = layout[RecordField::citations], c_from = layout[RecordField::valid_from],
               c_to = layout[RecordField::valid_to];
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
    if (!relation_ends_given(r)) return false;
    read_citations(c_prov ? std::string_view(f[*c_prov]) : std::string_view{}, c_prov ? at(*c_prov) : at(0), file.layer,
                   r.citations);
    if (r.citations.empty()) {
        error(c_prov ? at(*c_prov) : at(0), no_source_message("a relation", false, RecordFormat::csv));
        return false;
    }
    if (c_from && !f[*c_from].empty())
        read_date(r.validity, r.validity_pos, RecordField::valid_from, f[*c_from], at(*c_from), RecordFormat::csv);
    if (c_to && !f[*c_to].empty())
        read_date(r.validity, r.validity_pos, RecordField::valid_to, f[*c_to], at(*c_to), RecordFormat::csv);
    for (auto c : layout.attributes)
        if (!f[c].empty()) r.attributes.push_back({columns.names[c], std::string(f[c]), at(c)});
    return true;
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
    for (auto& node : imported.nodes) read_imported_node(node, file);
    for (auto& edge : imported.edges) read_imported_edge(edge, file);
    imported = ImportedGraph{};
}

// The graph's own attribute names were mapped to the record's fields when it was parsed
// (graph_import.cpp); the texts are read here as those of any other format.
void Loader::read_imported_node(ImportedNode& node, const ParsedFile& file) {
    EntityRecord record;
    record.format = RecordFormat::graph;
    record.pos = record.id_pos = record.kind_pos = record.name_pos =
        record.validity_pos = {file.file, node.line, node.column};
    record.id = std::move(node.id);
    record.kind = std::move(node.kind);
    record.name = std::move(node.name);
    record.short_name = std::move(node.short_name);
    record.aliases = std::move(node.aliases);
    read_citations(node.citations, record.pos, file.layer, record.citations);
    for (auto& [k, v] : node.attributes) record.attributes.push_back({std::move(k), std::move(v), record.pos});
    if (!node.valid_from.empty())
        read_date(record.validity, record.validity_pos, RecordField::valid_from, node.valid_from, record.pos,
                  RecordFormat::graph);
    if (!node.valid_to.empty())
        read_date(record.validity, record.validity_pos, RecordField::valid_to, node.valid_to, record.pos,
                  RecordFormat::graph);
    apply_entity(record, file.layer);
}

void Loader::read_imported_edge(ImportedEdge& edge, const ParsedFile& file) {
    RelationRecord r;
    r.layer = file.layer;
    r.kind = std::move(edge.kind);
    r.kind_pos = r.from_pos = r.to_pos = r.validity_pos = {file.file, edge.line, edge.column};
    read_citations(edge.citations, r.kind_pos, file.layer, r.citations);
    if (r.citations.empty()) {
        error(r.kind_pos,
              no_source_message(fmt::format("edge '{}' → '{}'", edge.source, edge.target), false, RecordFormat::graph));
        return;
    }
    r.from = std::move(edge.source);
    r.to = std::move(edge.target);
    for (auto& [k, v] : edge.attributes) r.attributes.push_back({std::move(k), std::move(v), r.kind_pos});
    if (!edge.valid_from.empty())
        read_date(r.validity, r.validity_pos, RecordField::valid_from, edge.valid_from, r.kind_pos,
                  RecordFormat::graph);
    if (!edge.valid_to.empty())
        read_date(r.validity, r.validity_pos, RecordField::valid_to, edge.valid_to, r.kind_pos, RecordFormat::graph);
    m_pending.push_back(std::move(r));
}

}  // namespace orgraph::load_detail
