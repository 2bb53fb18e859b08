#pragma once
// Problems found in input data, each with the place it was found and what was expected.

#include <cstdint>
#include <stdexcept>
#include <string>
#include <vector>

namespace orgraph {

struct Diagnostic {
    std::string file;
    std::uint32_t line = 0;    // 1-based; 0 when the problem concerns a whole file
    std::uint32_t column = 0;  // 1-based; 0 when unknown
    std::string message;

    // "file:line:column: error: message"
    [[nodiscard]] std::string to_string() const;
};

// Collects every problem of a load, so that a user sees all of them in one run.
class Diagnostics {
public:
    void error(std::string file, std::uint32_t line, std::uint32_t column, std::string message);
    void add(Diagnostic diagnostic) { m_items.push_back(std::move(diagnostic)); }

    [[nodiscard]] bool empty() const { return m_items.empty(); }
    [[nodiscard]] std::size_t size() const { return m_items.size(); }
    [[nodiscard]] const std::vector<Diagnostic>& items() const { return m_items; }
    // Orders by file (in the order files were registered), line and column, and drops exact repeats.
    void sort(const std::vector<std::string>& file_order);

private:
    std::vector<Diagnostic> m_items;
};

// Thrown when a dataset cannot be loaded; carries every problem found.
struct dataset_error : std::runtime_error {
    explicit dataset_error(std::vector<Diagnostic> diagnostics);
    std::vector<Diagnostic> diagnostics;
};

}  // namespace orgraph
