#include "orgraph/write/temporary.hpp"

#include <dirent.h>
#include <fcntl.h>
#include <fmt/format.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <unistd.h>

#include <array>
#include <atomic>
#include <cerrno>
#include <climits>
#include <cstring>
#include <mutex>
#include <stdexcept>

namespace orgraph {
namespace {

// A fixed table, so that the signal handler reads memory that never moves or is freed. A slot
// is free (0), being filled (1) or live (2); only live slots are removed.
struct Slot {
    std::atomic<int> state{0};
    bool directory = false;
    std::array<char, PATH_MAX> path{};
};
constexpr std::size_t slot_count = 64;
std::array<Slot, slot_count> slots;

// Removes the files of a directory (temporary directories hold files only), then the directory.
void remove_directory(const char* path) noexcept {
    const int fd = ::open(path, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
    if (fd >= 0) {
        alignas(8) char buffer[4096];
        while (true) {
            const long n = ::syscall(SYS_getdents64, fd, buffer, sizeof buffer);
            if (n <= 0) break;
            long offset = 0;
            bool removed = false;
            while (offset < n) {
                // struct linux_dirent64: ino (8), off (8), reclen (2), type (1), name.
                unsigned short length = 0;
                std::memcpy(&length, buffer + offset + 16, sizeof length);
                const char* name = buffer + offset + 19;
                if (std::strcmp(name, ".") != 0 && std::strcmp(name, "..") != 0)
                    removed = ::unlinkat(fd, name, 0) == 0 || removed;
                offset += length;
            }
            if (removed) ::lseek(fd, 0, SEEK_SET);  // read again from the start until empty
        }
        ::close(fd);
    }
    ::rmdir(path);
}

[[noreturn]] void fail(const std::filesystem::path& target, int error) {
    throw std::runtime_error(fmt::format("cannot write '{}': {}", target.string(), std::strerror(error)));
}

std::string pattern_beside(const std::filesystem::path& target) {
    auto parent = target.parent_path();
    if (parent.empty()) parent = ".";
    auto name = target.filename().string();
    if (name.size() > 200) name.resize(200);  // room for the suffix within NAME_MAX
    return (parent / fmt::format(".{}.tmp-XXXXXX", name)).string();
}

}  // namespace

TemporaryRegistration::TemporaryRegistration(const std::string& path, bool directory) {
    if (path.size() >= PATH_MAX) return;  // cannot be recorded; removed on a normal exit still
    for (std::size_t i = 0; i < slot_count; ++i) {
        int expected = 0;
        if (!slots[i].state.compare_exchange_strong(expected, 1)) continue;
        slots[i].directory = directory;
        std::memcpy(slots[i].path.data(), path.c_str(), path.size() + 1);
        slots[i].state.store(2);
        m_slot = static_cast<int>(i);
        return;
    }
}

TemporaryRegistration& TemporaryRegistration::operator=(TemporaryRegistration&& other) noexcept {
    if (this != &other) {
        release();
        m_slot = other.m_slot;
        other.m_slot = -1;
    }
    return *this;
}

void TemporaryRegistration::release() noexcept {
    if (m_slot < 0) return;
    slots[static_cast<std::size_t>(m_slot)].state.store(0);
    m_slot = -1;
}

void remove_temporaries() noexcept {
    for (auto& slot : slots) {
        if (slot.state.load() != 2) continue;
        if (slot.directory)
            remove_directory(slot.path.data());
        else
            ::unlink(slot.path.data());
        slot.state.store(0);
    }
}

int create_temporary_file(const std::filesystem::path& target, std::string& path) {
    auto pattern = pattern_beside(target);
    const int fd = ::mkostemp(pattern.data(), O_CLOEXEC);
    if (fd < 0) fail(target, errno);
    path = std::move(pattern);
    return fd;
}

std::filesystem::path create_temporary_directory(const std::filesystem::path& target) {
    auto pattern = pattern_beside(target);
    if (!::mkdtemp(pattern.data())) fail(target, errno);
    return pattern;
}

mode_t new_file_mode(bool directory) {
    static std::mutex mutex;
    const std::lock_guard lock(mutex);
    const mode_t mask = ::umask(0);
    ::umask(mask);
    return (directory ? 0777 : 0666) & ~mask;
}

void sync_directory(const std::filesystem::path& directory) {
    const auto path = directory.empty() ? std::filesystem::path(".") : directory;
    const int fd = ::open(path.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd < 0) return;
    ::fsync(fd);  // EINVAL or EROFS where the file system cannot: nothing to do
    ::close(fd);
}

void sync_file(int fd, const std::string& what) {
    if (::fsync(fd) != 0 && errno != EINVAL && errno != EROFS)
        throw std::runtime_error(fmt::format("cannot write '{}': {}", what, std::strerror(errno)));
}

}  // namespace orgraph
