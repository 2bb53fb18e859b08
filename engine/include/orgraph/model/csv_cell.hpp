#pragma once
// One CSV cell as orgraph writes it (RFC 4180), with the guard against formula injection: a
// spreadsheet takes a cell that begins with '=', '+', '-', '@', a tab or a carriage return for
// a formula ("=HYPERLINK(...)"), so such a cell is written with a leading apostrophe, as OWASP
// advises. docs/safe-output.md lists the cells each output guards.
//
// The guard is reversible: a value that already looks guarded (apostrophes, then one of those
// characters) is given one more apostrophe, so removing one apostrophe from every cell of the
// form "'+[=+-@\t\r]..." gives back exactly the values written.

#include <string>
#include <string_view>

namespace orgraph {

// Whether a spreadsheet could take the cell for a formula.
bool looks_like_formula(std::string_view cell);
// Whether the guard adds an apostrophe to the cell: it looks like a formula, or it is
// apostrophes followed by what looks like a formula.
bool needs_formula_guard(std::string_view cell);
// The cell as it was before the guard (one leading apostrophe removed when it has the guarded
// form), for readers of a guarded file.
std::string_view without_formula_guard(std::string_view cell);

// Appends the cell, quoted when it holds a comma, a quote or a line break, and guarded when
// `formula_guard` is set. A NUL byte cannot be written (CSV readers refuse it or cut the value
// there): the function then appends nothing and returns false.
bool append_csv_cell(std::string& out, std::string_view cell, bool formula_guard);

}  // namespace orgraph
