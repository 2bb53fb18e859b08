#include "orgraph/model/diagnostics.hpp"

#include <fmt/format.h>
#include <algorithm>
#include <string_view>
#include <tuple>

namespace orgraph {

namespace {

// A message quotes what it found, and damaged data may hold a line break or another control
// character there: written as an escape, it cannot split one problem over two lines or move a
// terminal's cursor.
std::string printable(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (const char c : text) {
        const auto byte = static_cast<unsigned char>(c);
        if (c == '\n') {
            out += "\\n";
        } else if (c == '\r') {
            out += "\\r";
        } else if (c == '\t') {
            out += "\\t";
        } else if (byte < 0x20 || byte == 0x7F) {
            out += fmt::format("\\x{:02X}", byte);
        } else {
            out += c;
        }
    }
    return out;
}

}  // namespace

std::string Diagnostic::to_string() const {
    // A file name may hold a line break too: escaped like the message, it cannot forge a line.
    const auto name = printable(file);
    const auto text = printable(message);
    if (line == 0) return fmt::format("{}: error: {}", name, text);
    if (column == 0) return fmt::format("{}:{}: error: {}", name, line, text);
    return fmt::format("{}:{}:{}: error: {}", name, line, column, text);
}

void Diagnostics::error(std::string file, std::uint32_t line, std::uint32_t column, std::string message) {
    // Messages quote the input; however long a quoted value, a message stays readable.
    constexpr std::size_t most = 1000;
    if (message.size() > most) {
        std::size_t end = most;
        while (end > 0 && (static_cast<unsigned char>(message[end]) & 0xC0u) == 0x80u) --end;
        message.resize(end);
        message += "… (cut: the message went on past 1000 bytes)";
    }
    m_items.push_back({std::move(file), line, column, std::move(message)});
}

void Diagnostics::sort(const std::vector<std::string>& file_order) {
    auto rank = [&](const std::string& file) {
        auto it = std::find(file_order.begin(), file_order.end(), file);
        return static_cast<std::size_t>(it - file_order.begin());
    };
    std::stable_sort(m_items.begin(), m_items.end(), [&](const Diagnostic& a, const Diagnostic& b) {
        return std::tuple(rank(a.file), a.line, a.column) < std::tuple(rank(b.file), b.line, b.column);
    });
    auto same = [](const Diagnostic& a, const Diagnostic& b) {
        return a.file == b.file && a.line == b.line && a.column == b.column && a.message == b.message;
    };
    m_items.erase(std::unique(m_items.begin(), m_items.end(), same), m_items.end());
}

dataset_error::dataset_error(std::vector<Diagnostic> items)
    : std::runtime_error(items.empty() ? std::string("invalid dataset") : items.front().to_string()),
      diagnostics(std::move(items)) {}

}  // namespace orgraph
