#include "orgraph/write/atomic_file.hpp"

#include <fmt/format.h>
#include <unistd.h>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <stdexcept>

namespace orgraph {

AtomicFile::AtomicFile(std::string path) : m_path(std::move(path)) {
    const std::filesystem::path target(m_path);
    const auto name = target.filename().string();
    m_temporary = (target.parent_path() / fmt::format(".{}.tmp-{}", name, ::getpid())).string();
    m_stream.open(m_temporary, std::ios::binary | std::ios::trunc);
    if (!m_stream) throw std::runtime_error(fmt::format("cannot write '{}': {}", m_path, std::strerror(errno)));
}

AtomicFile::~AtomicFile() {
    if (!m_committed) {
        m_stream.close();
        std::remove(m_temporary.c_str());
    }
}

void AtomicFile::commit() {
    m_stream.flush();
    const bool ok = static_cast<bool>(m_stream);
    m_stream.close();
    if (!ok || std::rename(m_temporary.c_str(), m_path.c_str()) != 0) {
        const auto reason = std::strerror(errno);
        std::remove(m_temporary.c_str());
        m_committed = true;
        throw std::runtime_error(fmt::format("cannot write '{}': {}", m_path, reason));
    }
    m_committed = true;
}

}  // namespace orgraph
