#pragma once
// Writes a file under a temporary name beside it and renames it into place on commit(), so a
// reader never sees half a file and a failed or interrupted run leaves the old file as it was.
//
// The temporary file is created with O_EXCL under an unguessable name (never through a planted
// symbolic link) and registered for removal on SIGINT/SIGTERM (temporary.hpp). It takes the mode
// of the file it replaces (and, when orgraph runs as root, its owner); a new file gets 0666 less
// the umask. Its data is flushed to the disk before the rename, and the directory after it.
// A target that is not a regular file (a character device such as /dev/null, a FIFO, a socket)
// is written directly and never replaced. Every write is checked; commit() throws on the first
// failure with its reason.

#include <memory>
#include <ostream>
#include <string>

#include "orgraph/write/fd_stream.hpp"
#include "orgraph/write/temporary.hpp"

namespace orgraph {

class AtomicFile {
public:
    // Throws std::runtime_error when the target is a directory or cannot be written.
    explicit AtomicFile(std::string path);
    ~AtomicFile();
    AtomicFile(const AtomicFile&) = delete;
    AtomicFile& operator=(const AtomicFile&) = delete;

    std::ostream& stream() { return *m_stream; }
    // The temporary file being written; empty when the target is written directly.
    [[nodiscard]] const std::string& temporary_path() const { return m_temporary; }
    // Flushes, syncs, closes and renames into place; throws std::runtime_error on failure.
    void commit();

private:
    [[noreturn]] void fail(int error);

    std::string m_path;
    std::string m_temporary;
    int m_fd = -1;
    std::unique_ptr<FdStream> m_stream;
    TemporaryRegistration m_registration;
    bool m_committed = false;
};

}  // namespace orgraph
