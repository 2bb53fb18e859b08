#include "standard_streams.hpp"

#include <fmt/format.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <memory>
#include <sstream>
#include <stdexcept>
#include <vector>

#include "command.hpp"
#include "orgraph/load/snapshot.hpp"

namespace orgraph::cli {

namespace {

struct StandardInput {
    std::string reader;                  // the option that read it
    std::vector<std::uint64_t> storage;  // 8-byte aligned
    std::size_t size = 0;
};

StandardInput& state() {
    static StandardInput input;
    return input;
}

std::string_view text_of(std::span<const std::byte> bytes) {
    return {reinterpret_cast<const char*>(bytes.data()), bytes.size()};
}

}  // namespace

std::span<const std::byte> standard_input(std::string_view option) {
    auto& input = state();
    if (!input.reader.empty()) {
        if (input.reader != option)
            throw usage_error(fmt::format("{} - and {} - cannot both read standard input", input.reader, option));
        return std::as_bytes(std::span(input.storage)).first(input.size);
    }
    input.reader = std::string(option);
    std::string bytes;
    char buffer[1 << 16];
    for (;;) {
        const auto got = ::read(STDIN_FILENO, buffer, sizeof buffer);
        if (got == 0) break;
        if (got < 0) {
            if (errno == EINTR) continue;
            throw std::runtime_error(fmt::format("{} -: cannot read standard input: {}", option, std::strerror(errno)));
        }
        bytes.append(buffer, static_cast<std::size_t>(got));
    }
    input.size = bytes.size();
    input.storage.resize((bytes.size() + 7) / 8);
    if (!bytes.empty()) std::memcpy(input.storage.data(), bytes.data(), bytes.size());
    return std::as_bytes(std::span(input.storage)).first(input.size);
}

std::string read_input_text(const std::string& path, std::string_view option) {
    if (path == "-") return std::string(text_of(standard_input(option)));
    std::ifstream in(path, std::ios::binary);
    if (!in) throw std::runtime_error(fmt::format("{}: cannot be read: {}", path, std::strerror(errno)));
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

bool standard_input_is_snapshot(std::string_view option) {
    return is_snapshot(text_of(standard_input(option)).substr(0, 8));
}

LayerInput standard_input_layer(std::string_view option) {
    const auto text = text_of(standard_input(option));
    auto start = text.starts_with("\xEF\xBB\xBF") ? std::size_t{3} : std::size_t{0};
    start = text.find_first_not_of(" \t\r\n", start);
    const char first = start == std::string_view::npos ? '\0' : text[start];
    const auto format = first == '<'   ? FileFormat::graphml
                        : first == '{' ? FileFormat::node_link_json
                                       : FileFormat::toml;
    LayerInput layer;
    layer.id = "stdin";
    layer.files.push_back({"-", std::string(text), format});
    return layer;
}

std::string format_of_extension(const std::string& path) {
    const auto name = std::filesystem::path(path).filename().string();
    const auto dot = name.rfind('.');
    if (path == "-" || dot == std::string::npos || dot == 0) return {};
    auto ext = name.substr(dot + 1);
    std::transform(ext.begin(), ext.end(), ext.begin(),
                   [](unsigned char c) { return static_cast<char>(c >= 'A' && c <= 'Z' ? c + 32 : c); });
    if (ext == "json" || ext == "csv" || ext == "dot" || ext == "svg" || ext == "png" || ext == "pdf" ||
        ext == "graphml" || ext == "html")
        return ext;
    if (ext == "md" || ext == "markdown") return "markdown";
    if (ext == "gv") return "dot";
    if (ext == "htm") return "html";
    if (ext == "orgraph") return "snapshot";
    return {};
}

std::string extension_for(std::string_view format) {
    if (format == "markdown") return ".md";
    if (format == "table") return ".txt";
    if (format == "snapshot") return ".orgraph";
    std::string extension(1, '.');  // appended, not "." + string: GCC 12 warns falsely (-Wrestrict) on that at -O2
    extension += format;
    return extension;
}

void check_output_extension(OutputOptions& options) {
    const auto named = format_of_extension(options.output);
    const auto& formats = options.formats;
    const bool writes_named = std::find(formats.begin(), formats.end(), named) != formats.end();
    const auto stem = [&] { return options.output.substr(0, options.output.rfind('.')); };
    if (options.format.empty()) {
        if (named.empty() || writes_named) {
            options.format = writes_named ? named : formats.front();
            return;
        }
        std::string endings;
        for (std::size_t i = 0; i < formats.size(); ++i)
            endings += fmt::format("{}{} for {}",
                                   i == 0                    ? ""
                                   : i + 1 == formats.size() ? " or "
                                                             : ", ",
                                   extension_for(formats[i]), formats[i]);
        throw usage_error(fmt::format("-o {}: the name says {}, which this command does not write (name the file {})",
                                      options.output, named, endings));
    }
    // An unknown --format is reported by check_format, with the formats there are.
    if (std::find(formats.begin(), formats.end(), options.format) == formats.end()) return;
    if (!named.empty() && named != options.format)
        throw usage_error(fmt::format("-o {}: the name says {} but --format is {} (name it {}{} for {}{})",
                                      options.output, named, options.format, stem(), extension_for(options.format),
                                      options.format,
                                      writes_named ? ", or leave out --format: the extension chooses it" : ""));
}

void check_single_format_name(const std::string& path, std::string_view command, std::string_view format,
                              std::string_view what, std::string_view hint) {
    const auto named = format_of_extension(path);
    if (named.empty() || named == format) return;
    throw usage_error(fmt::format("-o {}: the name says {}, but {} writes {} only (name it {}{}{})", path, named,
                                  command, what, path.substr(0, path.rfind('.')), extension_for(format),
                                  hint.empty() ? std::string{} : fmt::format("; {}", hint)));
}

void check_binary_output(const std::string& path, std::string_view what) {
    if ((path.empty() || path == "-") && ::isatty(STDOUT_FILENO) == 1)
        throw usage_error(
            fmt::format("{} is binary and is not written to a terminal: give -o FILE, or send standard "
                        "output to a pipe or a file",
                        what));
}

}  // namespace orgraph::cli
