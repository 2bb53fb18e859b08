#include "orgraph/model/csv_cell.hpp"

namespace orgraph {

bool looks_like_formula(std::string_view cell) {
    if (cell.empty()) return false;
    switch (cell.front()) {
        case '=':
        case '+':
        case '-':
        case '@':
        case '\t':
        case '\r':
            return true;
        default:
            return false;
    }
}

bool needs_formula_guard(std::string_view cell) {
    const auto first = cell.find_first_not_of('\'');
    return first != std::string_view::npos && looks_like_formula(cell.substr(first));
}

std::string_view without_formula_guard(std::string_view cell) {
    if (!cell.empty() && cell.front() == '\'' && needs_formula_guard(cell)) cell.remove_prefix(1);
    return cell;
}

bool append_csv_cell(std::string& out, std::string_view cell, bool formula_guard) {
    if (cell.find('\0') != std::string_view::npos) return false;
    const bool guard = formula_guard && needs_formula_guard(cell);
    if (cell.find_first_of(",\"\r\n") == std::string_view::npos) {
        if (guard) out += '\'';
        out += cell;
        return true;
    }
    out += '"';
    if (guard) out += '\'';
    for (const char c : cell) {
        if (c == '"') out += '"';
        out += c;
    }
    out += '"';
    return true;
}

}  // namespace orgraph
