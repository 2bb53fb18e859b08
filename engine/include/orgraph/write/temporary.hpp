#pragma once
// Temporary files and directories that an output is written into before it is renamed into
// place. Each is created under a name nobody can guess (mkstemp, mkdtemp: O_EXCL, never through
// a symbolic link) and recorded in a registry that a signal handler can read: when orgraph is
// interrupted (SIGINT, SIGTERM, SIGHUP), remove_temporaries() removes them all, so an interrupted
// export leaves nothing behind.

#include <sys/types.h>

#include <filesystem>
#include <string>

namespace orgraph {

// Keeps a temporary path in the registry for as long as it lives; release() or the destructor
// takes it out (neither removes anything: the owner renames or removes the path itself).
class TemporaryRegistration {
public:
    TemporaryRegistration() = default;
    TemporaryRegistration(const std::string& path, bool directory);
    ~TemporaryRegistration() { release(); }
    TemporaryRegistration(const TemporaryRegistration&) = delete;
    TemporaryRegistration& operator=(const TemporaryRegistration&) = delete;
    TemporaryRegistration(TemporaryRegistration&& other) noexcept : m_slot(other.m_slot) { other.m_slot = -1; }
    TemporaryRegistration& operator=(TemporaryRegistration&& other) noexcept;
    void release() noexcept;

private:
    int m_slot = -1;
};

// Removes every registered temporary file, and every registered temporary directory with the
// files in it. Async-signal-safe: only unlink, rmdir, open, getdents64 and close.
void remove_temporaries() noexcept;

// Creates a file beside `target` (in its directory) under an unguessable name, opened for
// writing with O_EXCL and O_CLOEXEC; returns the descriptor and sets `path`. Throws
// std::runtime_error naming `target` on failure.
int create_temporary_file(const std::filesystem::path& target, std::string& path);
// Creates a directory beside `target` under an unguessable name (mode 0700).
std::filesystem::path create_temporary_directory(const std::filesystem::path& target);

// The mode a new file gets: 0666 (or 0777 for a directory) less the umask.
mode_t new_file_mode(bool directory = false);
// Flushes a directory's entries (after a rename into it) to the disk; errors are ignored where
// the file system cannot do it.
void sync_directory(const std::filesystem::path& directory);
// Flushes a file's data to the disk; throws std::runtime_error naming `what` on failure.
void sync_file(int fd, const std::string& what);

}  // namespace orgraph
