#pragma once
// The dataset files compiled into the orgraph::builtin library (see datasets/CMakeLists.txt).

#include <cstddef>
#include <string_view>
#include <vector>

namespace orgraph::embedded {

struct File {
    std::string_view path;  // relative to datasets/, e.g. "dprk-mfa/ministry.toml"
    const char* data;
    std::size_t size;

    [[nodiscard]] std::string_view content() const { return {data, size}; }
};

// Every embedded file, sorted by path.
const std::vector<File>& files();

// A snapshot of the built-in dataset made at build time (datasets/CMakeLists.txt), so that a
// command on the built-in data parses nothing. Defined in the orgraph_builtin_snapshots library,
// which the orgraph command links (it is not installed); neither the engine nor orgraph::builtin
// needs it.
struct Snapshot {
    std::vector<std::string_view> overlays;  // the built-in overlays it includes, sorted
    const std::byte* data;
    std::size_t size;
};

const std::vector<Snapshot>& snapshots();

}  // namespace orgraph::embedded
