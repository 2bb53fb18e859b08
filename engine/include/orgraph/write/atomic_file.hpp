#pragma once
// Writes a file under a temporary name beside it and renames it into place on commit(), so a
// reader never sees half a file and a failed run leaves the old file as it was.

#include <fstream>
#include <string>

namespace orgraph {

class AtomicFile {
public:
    explicit AtomicFile(std::string path);
    ~AtomicFile();
    AtomicFile(const AtomicFile&) = delete;
    AtomicFile& operator=(const AtomicFile&) = delete;

    std::ostream& stream() { return m_stream; }
    [[nodiscard]] const std::string& temporary_path() const { return m_temporary; }
    // Flushes, closes and renames into place; throws std::runtime_error on failure.
    void commit();

private:
    std::string m_path;
    std::string m_temporary;
    std::ofstream m_stream;
    bool m_committed = false;
};

}  // namespace orgraph
