#include "orgraph/write/atomic_directory.hpp"

#include <fcntl.h>
#include <fmt/format.h>
#include <stdio.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <stdexcept>

namespace orgraph {
namespace fs = std::filesystem;

namespace {

// What stands in the way of replacing `target`, or nothing.
std::string obstacle(const fs::path& target, const std::vector<std::string>& names) {
    std::error_code ec;
    const auto status = fs::symlink_status(target, ec);
    if (ec || !fs::exists(status)) return {};
    if (!fs::is_directory(status)) return "it exists and is not a directory";
    for (const auto& entry : fs::directory_iterator(target, ec)) {
        const auto name = entry.path().filename().string();
        if (!entry.is_regular_file() || std::find(names.begin(), names.end(), name) == names.end())
            return fmt::format(
                "the directory holds '{}', which an export does not write; choose a new or empty "
                "directory",
                name);
    }
    if (ec) return ec.message();
    return {};
}

}  // namespace

AtomicDirectory::AtomicDirectory(fs::path target, std::vector<std::string> names)
    : m_target(std::move(target)), m_names(std::move(names)) {
    if (m_target.filename().empty()) m_target = m_target.parent_path();
    if (auto why = obstacle(m_target, m_names); !why.empty())
        throw std::runtime_error(fmt::format("cannot write '{}': {}", m_target.string(), why));
    // Under an unguessable name (mkdtemp), mode 0700 while it is written; removed on SIGINT or
    // SIGTERM through the registry.
    m_temporary = create_temporary_directory(m_target);
    m_registration = TemporaryRegistration(m_temporary.string(), true);
}

AtomicDirectory::~AtomicDirectory() {
    if (!m_committed) {
        std::error_code ec;
        fs::remove_all(m_temporary, ec);
    }
}

void AtomicDirectory::commit() {
    m_committed = true;
    std::error_code ec;
    auto fail = [&](const std::string& reason) {
        fs::remove_all(m_temporary, ec);
        m_registration.release();
        throw std::runtime_error(fmt::format("cannot write '{}': {}", m_target.string(), reason));
    };
    if (auto why = obstacle(m_target, m_names); !why.empty()) fail(why);
    // The mode of the directory it replaces, or 0777 less the umask.
    struct stat existing {};
    const mode_t mode = ::stat(m_target.c_str(), &existing) == 0 ? (existing.st_mode & 07777) : new_file_mode(true);
    if (::chmod(m_temporary.c_str(), mode) != 0) fail(std::strerror(errno));
    sync_directory(m_temporary);
    auto parent = m_target.parent_path();
    if (!fs::exists(m_target, ec)) {
        if (std::rename(m_temporary.c_str(), m_target.c_str()) != 0) fail(std::strerror(errno));
        m_registration.release();
        sync_directory(parent);
        return;
    }
    // Swap the new directory with the earlier export in one step, then remove the old one.
    if (::renameat2(AT_FDCWD, m_temporary.c_str(), AT_FDCWD, m_target.c_str(), RENAME_EXCHANGE) != 0) {
        // A file system without RENAME_EXCHANGE: move the old export aside first.
        const auto aside = m_temporary.string() + ".old";
        if (std::rename(m_target.c_str(), aside.c_str()) != 0) fail(std::strerror(errno));
        if (std::rename(m_temporary.c_str(), m_target.c_str()) != 0) {
            const auto reason = std::strerror(errno);
            std::rename(aside.c_str(), m_target.c_str());
            fail(reason);
        }
        m_registration.release();
        sync_directory(parent);
        fs::remove_all(aside, ec);
        return;
    }
    sync_directory(parent);
    fs::remove_all(m_temporary, ec);  // now the earlier export
    m_registration.release();
}

}  // namespace orgraph
