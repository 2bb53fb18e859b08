#include "write/csv_table.hpp"

#include <fmt/format.h>

#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>

#include "orgraph/model/csv_cell.hpp"
#include "orgraph/model/text_checks.hpp"
#include "orgraph/write/interchange.hpp"
#include "write/export_text.hpp"

namespace orgraph {

CsvTable::CsvTable(std::string_view columns, std::vector<std::string> attribute_keys, bool formula_guard)
    : m_keys(std::move(attribute_keys)),
      m_columns_size(columns.size()),
      m_text(columns),
      m_formula_guard(formula_guard) {
    m_row_first = "the header";
    m_field = static_cast<std::size_t>(std::count(columns.begin(), columns.end(), ',')) + 1;
    for (const auto& key : m_keys) {
        m_text += ',';
        append(key);
    }
    m_text += '\n';
    m_row_first.clear();
    m_field = 0;
}

void CsvTable::append(std::string_view value, bool guard) {
    ++m_field;
    if (append_csv_cell(m_text, value, guard && m_formula_guard)) return;
    throw export_error(
        fmt::format("field {} of the row of '{}' holds a NUL byte, which CSV cannot carry (its "
                    "readers refuse it or cut the value there): '{}'",
                    m_field, quoted_excerpt(m_row_first), quoted_excerpt(value)));
}

bool CsvTable::names_fixed_column(std::string_view name) const {
    std::string_view columns = std::string_view(m_text).substr(0, m_columns_size);
    while (true) {
        const auto comma = columns.find(',');
        const auto column = columns.substr(0, comma);
        // A column of a type alone (":LABEL") has no name.
        const auto column_name = column.substr(0, column.find(':'));
        if (!column_name.empty() && column_name == name) return true;
        if (comma == std::string_view::npos) return false;
        columns.remove_prefix(comma + 1);
    }
}

void CsvTable::field(std::string_view value) {
    if (m_row_started) m_text += ',';
    if (!m_row_started) m_row_first = value.substr(0, value.find('\0'));
    m_row_started = true;
    append(value);
}

void CsvTable::typed_field(std::string_view value) {
    if (m_row_started) m_text += ',';
    m_row_started = true;
    append(value, false);
}

void CsvTable::names(const Entity& entity) {
    field(entity.name);
    field(entity.short_name);
    field(export_text::join(entity.aliases, "|"));
}

void CsvTable::provenance(const Graph& graph, const Citations& citations, const Validity& validity) {
    field(export_text::citations(graph, citations));
    field(export_text::date(validity.from));
    field(export_text::date(validity.to));
}

void CsvTable::end_row(const Attributes& attributes) {
    // Both the attributes and the keys are sorted: one pass over each.
    std::size_t attribute = 0;
    const std::size_t count = attributes.size();
    for (const auto& key : m_keys) {
        m_text += ',';
        while (attribute < count && attributes[attribute].key < key) ++attribute;
        append(attribute < count && attributes[attribute].key == key ? attributes[attribute].value
                                                                     : std::string_view{});
    }
    m_text += '\n';
    m_row_started = false;
    m_field = 0;
}

void CsvTable::write(const std::filesystem::path& path) const {
    write_export_file(path, m_text);
}

namespace {

void check_item(std::string_view item, std::string_view what, std::string_view owner, std::string_view why) {
    if (item.find('|') != std::string_view::npos)
        throw export_error(fmt::format("{} '{}' of {} holds '|', {}", what, item, owner, why));
}

}  // namespace

void check_list_items(const Entity& entity, std::string_view owner, std::string_view why) {
    for (const auto& alias : entity.aliases) check_item(alias, "alias", owner, why);
    check_list_items(entity.citations, owner, why);
}

void check_list_items(const Citations& citations, std::string_view owner, std::string_view why) {
    for (const auto& c : citations) check_item(c.locator, "citation locator", owner, why);
}

std::string owner_of(const Entity& entity) {
    return fmt::format("entity '{}'", entity.id);
}

std::string owner_of(const Graph& graph, const Relation& relation) {
    return fmt::format("relation '{}' {} '{}'", graph.entity(relation.from).id,
                       graph.schema.relation_kind(relation.kind).id, graph.entity(relation.to).id);
}

void write_export_file(const std::filesystem::path& path, std::string_view content) {
    // A new file in the export's own temporary directory: never through a link, never an old one.
    const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0666);
    auto fail = [&](int error) {
        if (fd >= 0) ::close(fd);
        throw export_error(fmt::format("cannot write '{}': {}", path.string(), std::strerror(error)));
    };
    if (fd < 0) fail(errno);
    const char* data = content.data();
    std::size_t left = content.size();
    while (left > 0) {
        const auto written = ::write(fd, data, left);
        if (written < 0 && errno == EINTR) continue;
        if (written <= 0) fail(written < 0 ? errno : EIO);
        data += written;
        left -= static_cast<std::size_t>(written);
    }
    if (::fsync(fd) != 0 && errno != EINVAL && errno != EROFS) fail(errno);
    if (::close(fd) != 0 && errno != EINTR)
        throw export_error(fmt::format("cannot write '{}': {}", path.string(), std::strerror(errno)));
}

}  // namespace orgraph
