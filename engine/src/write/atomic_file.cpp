#include "orgraph/write/atomic_file.hpp"

#include <fcntl.h>
#include <fmt/format.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <stdexcept>

namespace orgraph {

AtomicFile::AtomicFile(std::string path) : m_path(std::move(path)) {
    struct stat existing {};
    bool replaces = false;
    if (::stat(m_path.c_str(), &existing) == 0) {
        if (S_ISDIR(existing.st_mode))
            throw std::runtime_error(fmt::format("cannot write '{}': it is a directory", m_path));
        if (!S_ISREG(existing.st_mode)) {
            // A device, FIFO or socket: written as it is, never replaced by a file.
            m_fd = ::open(m_path.c_str(), O_WRONLY | O_NOCTTY | O_CLOEXEC);
            if (m_fd < 0) fail(errno);
            m_stream = std::make_unique<FdStream>(m_fd);
            return;
        }
        replaces = true;
    } else if (errno != ENOENT) {
        fail(errno);
    }
    m_fd = create_temporary_file(m_path, m_temporary);
    m_registration = TemporaryRegistration(m_temporary, false);
    if (replaces) {
        if (::geteuid() == 0) (void)::fchown(m_fd, existing.st_uid, existing.st_gid);
        if (::fchmod(m_fd, existing.st_mode & 07777) != 0) fail(errno);
    } else if (::fchmod(m_fd, new_file_mode()) != 0) {
        fail(errno);
    }
    m_stream = std::make_unique<FdStream>(m_fd);
}

AtomicFile::~AtomicFile() {
    if (m_committed) return;
    if (m_fd >= 0) ::close(m_fd);
    if (!m_temporary.empty()) ::unlink(m_temporary.c_str());
}

void AtomicFile::fail(int error) {
    if (m_fd >= 0) ::close(m_fd);
    m_fd = -1;
    if (!m_temporary.empty()) ::unlink(m_temporary.c_str());
    m_registration.release();
    m_committed = true;
    throw std::runtime_error(fmt::format("cannot write '{}': {}", m_path, std::strerror(error)));
}

void AtomicFile::commit() {
    if (const int error = m_stream->buf().flush()) fail(error);
    if (!m_temporary.empty() && ::fsync(m_fd) != 0 && errno != EINVAL && errno != EROFS) fail(errno);
    const int fd = m_fd;
    m_fd = -1;
    if (::close(fd) != 0 && errno != EINTR) fail(errno);
    if (!m_temporary.empty()) {
        if (std::rename(m_temporary.c_str(), m_path.c_str()) != 0) fail(errno);
        m_registration.release();
        sync_directory(std::filesystem::path(m_path).parent_path());
    }
    m_committed = true;
}

}  // namespace orgraph
