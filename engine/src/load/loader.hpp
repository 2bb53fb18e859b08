#pragma once
// The loader behind load(): one pass over the layers that builds the graph and gathers every
// problem it meets. Its work is spread over a few files, one concern each:
//   loader.cpp          the run, positions and errors, parsing, typed TOML fields, sources and
//                       [dataset] tables
//   loader_schema.cpp   entity kinds, relation kinds and rules
//   loader_records.cpp  citations, entities and relations from TOML, and the checks every
//                       entity and relation goes through whatever its format
//   loader_bulk.cpp     bulk CSV and imported graphs (GraphML, node-link JSON)
//   record_fields.cpp   the fields of a record (validity, citations, field names) read one
//                       way for every format, with one wording for their diagnostics

#include <toml++/toml.h>

#include <fmt/format.h>

#include <array>
#include <cstdint>
#include <deque>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "load/csv_reader.hpp"
#include "load/graph_import.hpp"
#include "load/record_fields.hpp"
#include "orgraph/load/dataset_loader.hpp"
#include "orgraph/model/text.hpp"

namespace orgraph::load_detail {

struct Pos {
    std::uint32_t file = 0;
    std::uint32_t line = 0;
    std::uint32_t column = 0;
};

struct RawCitation {
    std::string text;
    Pos pos;
};

struct RawAttribute {
    std::string key;
    std::string value;
    Pos pos;
};

struct EntityRecord {
    Pos pos;
    std::string id;
    Pos id_pos;
    std::optional<std::string> kind;
    Pos kind_pos;
    std::optional<std::string> name;
    Pos name_pos;
    std::string short_name;
    std::vector<std::string> aliases;
    std::vector<RawCitation> citations;
    Validity validity;
    Pos validity_pos;
    std::vector<RawAttribute> attributes;

    RecordFormat format = RecordFormat::toml;  // how a missing source is to be given differs by format

    void clear() { *this = EntityRecord{}; }
};

struct RelationRecord {
    std::size_t layer = 0;
    std::string kind;
    Pos kind_pos;
    std::string from;
    Pos from_pos;
    std::string to;
    Pos to_pos;
    std::vector<RawCitation> citations;
    Validity validity;
    Pos validity_pos;
    std::vector<RawAttribute> attributes;
};

bool valid_id(std::string_view id);
bool valid_kind_id(std::string_view id);
using orgraph::join;
std::string did_you_mean(std::string_view text, const std::vector<std::string>& candidates);
std::string suggestion_or_list(std::string_view text, const std::vector<std::string>& candidates);
// "a string", "an array": what a TOML value is, as a diagnostic names it.
std::string type_name(const toml::node& node);

class Loader {
public:
    Loader(const std::vector<LayerInput>& layers, const LoadOptions& options) : m_layers(layers), m_options(options) {}

    GraphBuilder run();

private:
    // A GraphML or node-link JSON file, read in the parsing pass so that the schema and the
    // sources it carries are known before anything is loaded.
    struct ImportedFile {
        ImportedGraph graph;
        std::vector<ImportProblem> problems;
        bool dataset_used = false;  // its orgraph_dataset was read as a TOML file of its layer
    };

    struct ParsedFile {
        const InputFile* input = nullptr;
        std::uint32_t file = 0;
        std::size_t layer = 0;
        std::optional<toml::table> table;
        std::shared_ptr<ImportedFile> imported;
    };

    // Citations, nodes or edges of an imported graph that name no declared source, entity kind
    // or relation kind: one message per file and sort of name says what is missing and how to
    // supply it, instead of one per node and edge.
    struct UnknownNames {
        std::size_t count = 0;
        Pos first;
        std::set<std::string> ids;
        bool carried_dataset = false;
    };
    enum class Unknown { source, entity_kind, relation_kind };

    struct CsvColumns {
        std::vector<std::string> names;
        std::unordered_map<std::string, std::size_t> index;
        [[nodiscard]] std::optional<std::size_t> find(std::string_view name) const {
            auto it = index.find(std::string(name));
            if (it == index.end()) return std::nullopt;
            return it->second;
        }
    };

    // Where a bulk file's record fields stand, and which of its columns are attributes.
    struct CsvLayout {
        std::array<std::optional<std::size_t>, 11> fields;
        std::vector<std::size_t> attributes;
        [[nodiscard]] std::optional<std::size_t> operator[](RecordField field) const {
            return fields[static_cast<std::size_t>(field)];
        }
    };

    void reserve_for_csv();

    // ---- positions and errors ----

    Pos pos_of(const toml::node& node, std::uint32_t file) const {
        const auto& s = node.source();
        return {file, s.begin.line, s.begin.column};
    }
    Pos pos_of(const toml::key& key, std::uint32_t file) const {
        const auto& s = key.source();
        return {file, s.begin.line, s.begin.column};
    }
    void error(const Pos& pos, std::string message) {
        m_diagnostics.error(m_file_names[pos.file], pos.line, pos.column, std::move(message));
    }
    std::string where(const Pos& pos) const {
        return fmt::format("{}:{}:{}", m_file_names[pos.file], pos.line, pos.column);
    }

    // ---- parsing (loader.cpp) ----

    void parse_all();
    void prepend_fallback_schema();
    bool parse_toml(ParsedFile& parsed);
    bool read_embedded_datasets();
    bool note_unknown(Unknown what, const Pos& pos, std::string_view id);
    void report_unknown_names();
    std::uint32_t register_file(const std::string& path);
    void check_top_level(const toml::table& table, std::uint32_t file);

    template <typename Fn>
    void for_each_record(const ParsedFile& file, std::string_view name, Fn&& fn) {
        if (!file.table) return;
        auto* array = file.table->get_as<toml::array>(name);
        if (!array || !array->is_array_of_tables()) return;
        for (auto& node : *array) fn(*node.as_table());
    }

    std::vector<const ParsedFile*> all_files() const;

    // ---- typed field access (loader.cpp) ----

    void check_fields(const toml::table& table, std::uint32_t file, const std::vector<std::string>& allowed,
                      std::string_view what);
    std::optional<std::string> string_field(const toml::table& table, std::uint32_t file, std::string_view key,
                                            std::string_view what, bool required);
    std::vector<std::pair<std::string, Pos>> string_list(const toml::node& node, std::uint32_t file,
                                                         std::string_view key);
    std::optional<Date> date_field(const toml::node& node, std::uint32_t file, std::string_view key);

    // ---- schema (loader_schema.cpp) ----

    // A kind's parent and a relation kind's ends may name kinds declared after it.
    struct PendingParent {
        KindIndex kind;
        std::string parent;
        Pos pos;
    };
    struct PendingEnds {
        RelationKindIndex kind;
        std::vector<std::pair<std::string, Pos>> from, to;
    };
    void load_schema();
    void read_entity_kind(const toml::table& t, std::uint32_t file, std::unordered_map<std::string, Pos>& first,
                          std::vector<PendingParent>& parents);
    void read_relation_kind(const toml::table& t, std::uint32_t file, std::unordered_map<std::string, Pos>& first,
                            std::vector<PendingEnds>& ends);
    void resolve_kind_links(const std::vector<PendingParent>& parents, const std::vector<PendingEnds>& ends);
    void load_rules();
    // The [interchange] tables (loader_interchange.cpp), after the kinds they name.
    void load_interchange();

    // ---- [presentation], [coverage] and [gazetteer] (loader_presentation.cpp) ----

    void load_schema_declarations();
    void load_presentation(const toml::table& table, std::uint32_t file);
    void load_coverage_spec(const toml::table& table, std::uint32_t file);
    void load_gazetteer(const toml::table& table, std::uint32_t file);
    std::optional<std::string> kind_name_field(const toml::table& table, std::uint32_t file, std::string_view key,
                                               std::string_view what);
    std::optional<std::string> relation_name_field(const toml::table& table, std::uint32_t file, std::string_view key,
                                                   std::string_view what);
    // Replaces LIST with the entity kinds the list at KEY names, when the table has KEY; each
    // unknown kind is an error at its place.
    void kind_list_field(const toml::table& table, std::uint32_t file, std::string_view key, std::string_view what,
                         std::vector<std::string>& list);
    std::optional<std::string> attribute_name_field(const toml::table& table, std::uint32_t file, std::string_view key,
                                                    std::string_view what, const std::string& kind);
    std::optional<std::string> colour_field(const toml::table& table, std::uint32_t file, std::string_view key,
                                            std::string_view what);
    template <typename Fn>
    void for_each_keyed_table(const toml::table& parent, std::uint32_t file, std::string_view key, Fn&& fn);

    // ---- sources and dataset tables (loader.cpp) ----

    void load_sources_and_datasets();

    // ---- citations, entities and relations (loader_records.cpp) ----

    void resolve_citations(const std::vector<RawCitation>& raw, CitationList& out);
    void check_validity(const Validity& validity, const Pos& pos);

    void load_entities(std::size_t layer);
    void read_toml_entity(const toml::table& t, const ParsedFile& file);
    void read_relation_field(const toml::key& key, const toml::node& node, const EntityRecord& entity,
                             const ParsedFile& file, std::vector<RelationRecord>& out);
    void read_toml_entity_field(RecordField field, std::string_view key, const toml::node& node, std::uint32_t file,
                                EntityRecord& record);
    void read_relation_table(const toml::table& t, const ParsedFile& file, RelationRecord& r, bool inline_entry);
    bool apply_entity(EntityRecord& record, std::size_t layer);
    void set_attributes(KindIndex kind, const EntityRecord& record, AttributeMap& attributes, const std::string& id);
    void amend_entity(EntityIndex index, EntityRecord& record);
    void amend_entity_data(EntityIndex index, EntityData& entity, EntityRecord& record);

    void load_relations(std::size_t layer);
    std::optional<EntityIndex> find_entity(const std::string& id, const Pos& pos);
    void apply_relation(RelationRecord& r);
    void apply_relation_batch(std::vector<RelationRecord>& batch);
    static constexpr std::size_t relation_batch_size = 32;
    std::string kind_list(const std::vector<KindIndex>& kinds) const;
    void merge_repeated_statements();

    // ---- record fields, whatever the format (record_fields.cpp) ----

    // valid_from or valid_to (END) of a record, from its text at POS.
    void read_date(Validity& validity, Pos& validity_pos, RecordField end, std::string_view text, const Pos& pos,
                   RecordFormat format);
    static void set_validity_end(Validity& validity, Pos& validity_pos, RecordField end, std::optional<Date> date,
                                 const Pos& pos);
    // Both ends of a relation name an entity; each empty id is reported at its place (false).
    bool relation_ends_given(const RelationRecord& r);
    // The citations of a '|'-separated cell, or of a list already split, cited at POS; when they
    // name none, the layer's default_source stands in (cited where it is declared for a cell,
    // at POS for a list).
    void read_citations(std::string_view cell, const Pos& pos, std::size_t layer, std::vector<RawCitation>& out);
    void read_citations(const std::vector<std::string>& items, const Pos& pos, std::size_t layer,
                        std::vector<RawCitation>& out);

    // ---- CSV (loader_bulk.cpp) ----

    std::optional<CsvColumns> read_header(CsvReader& reader, const ParsedFile& file,
                                          const std::vector<std::string>& required);
    bool report_csv_errors(CsvReader& reader, const ParsedFile& file);
    void report_field_count(CsvReader& reader, const ParsedFile& file, std::size_t expected);
    static CsvLayout csv_layout(const CsvColumns& columns, RecordField (*field_of)(std::string_view, RecordFormat));
    bool csv_row_usable(CsvReader& reader, const ParsedFile& file, std::size_t width);
    void read_csv_entities(const ParsedFile& file);
    void csv_entity_record(const CsvReader& reader, const CsvColumns& columns, const CsvLayout& layout,
                           const ParsedFile& file, EntityRecord& record);
    void read_csv_relations(const ParsedFile& file);
    bool csv_relation_record(const CsvReader& reader, const CsvColumns& columns, const CsvLayout& layout,
                             const ParsedFile& file, RelationRecord& r);

    // ---- imported graphs (loader_bulk.cpp) ----

    void read_imported_graph(const ParsedFile& file);
    void read_imported_node(ImportedNode& node, const ParsedFile& file);
    void read_imported_edge(ImportedEdge& edge, const ParsedFile& file);

    const std::vector<LayerInput>& m_layers;
    const LoadOptions& m_options;
    LayerInput m_schema_layer;
    bool m_no_schema = false;  // no layer declares a kind and no fallback schema is set
    std::vector<ParsedFile> m_schema_only;
    std::vector<ParsedFile> m_files;
    std::deque<InputFile> m_embedded;  // the TOML text of imported graphs' orgraph_dataset
    std::map<std::pair<std::uint32_t, Unknown>, UnknownNames> m_unknown_names;  // by file and sort
    std::vector<char> m_import_file;  // by file: 1 an imported graph, 2 one that carried its dataset
    std::vector<std::string> m_file_names;
    Diagnostics m_diagnostics;
    GraphBuilder m_graph;
    std::vector<std::pair<std::string, Pos>> m_default_source;
    // Per layer: its CSV files were written with the formula guard ([dataset] csv_formula_guard).
    std::vector<bool> m_csv_formula_guard;
    std::vector<RelationRecord> m_pending;
    std::vector<std::size_t> m_entity_layer;
    std::vector<Pos> m_entity_pos;
    std::vector<bool> m_entity_kind_ok;
    std::vector<KindIndex> m_entity_kinds;  // beside the entities, so that checks stay in cache
    std::string m_last_from_id;             // the last id a relation started at, and its entity
    std::optional<EntityIndex> m_last_from;
    std::vector<std::string> m_entity_kind_ids;
    std::vector<std::string> m_relation_kind_ids;
    std::vector<std::string> m_source_ids;
    std::vector<std::pair<std::string, Pos>> m_context_checks;
    std::size_t m_missing_reports = 0;
};

}  // namespace orgraph::load_detail
