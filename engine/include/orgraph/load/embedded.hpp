#pragma once
// The dataset files compiled into the binary (see datasets/CMakeLists.txt).

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

}  // namespace orgraph::embedded
