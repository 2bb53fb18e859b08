#pragma once
// Writes a directory of files under a temporary name beside it and renames it into place on
// commit(), so a reader never sees half an export. An existing directory is replaced only when
// it holds nothing but files of the same names (an earlier export): orgraph never deletes a
// directory with other things in it. The temporary directory has an unguessable name (mkdtemp)
// and is removed on SIGINT or SIGTERM; the files in it are synced before the rename, and the
// directory gets the mode of the one it replaces (new: 0777 less the umask).

#include <filesystem>
#include <string>
#include <vector>

#include "orgraph/write/temporary.hpp"

namespace orgraph {

class AtomicDirectory {
public:
    // Checks the target (throws std::runtime_error when it is a file, or a directory holding
    // files other than `names`) and creates the temporary directory.
    AtomicDirectory(std::filesystem::path target, std::vector<std::string> names);
    ~AtomicDirectory();
    AtomicDirectory(const AtomicDirectory&) = delete;
    AtomicDirectory& operator=(const AtomicDirectory&) = delete;

    [[nodiscard]] const std::filesystem::path& temporary_path() const { return m_temporary; }
    // Moves the written directory into place (swapping it atomically with an earlier export).
    void commit();

private:
    std::filesystem::path m_target;
    std::filesystem::path m_temporary;
    std::vector<std::string> m_names;
    TemporaryRegistration m_registration;
    bool m_committed = false;
};

}  // namespace orgraph
