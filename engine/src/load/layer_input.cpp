// Turns paths into layers for load().

#include "orgraph/load/dataset_loader.hpp"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <optional>
#include <set>
#include <sstream>

#include <fcntl.h>
#include <linux/magic.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <sys/vfs.h>
#include <unistd.h>

#include "orgraph/model/pages.hpp"
#include "orgraph/model/text.hpp"

namespace orgraph {
namespace {

namespace fs = std::filesystem;

// Files from this size on get memory of their own (FileText).
constexpr std::size_t mapped_from = std::size_t{1} << 20;

FileText read_file(const fs::path& path) {
    // Only a regular file is opened: a FIFO would block the open until a writer came.
    std::error_code ec;
    const auto status = fs::status(path, ec);
    if (!ec && fs::is_directory(status))
        throw dataset_error({Diagnostic{path.string(), 0, 0, "is a directory (expected a dataset file here)"}});
    if (!ec && fs::exists(status) && !fs::is_regular_file(status))
        throw dataset_error(
            {Diagnostic{path.string(), 0, 0, "is not a regular file (a FIFO, device or socket cannot be a dataset)"}});
    // /proc and /sys files call themselves regular but are made up as they are read, with no size.
    if (struct statfs fs_info{};
        statfs(path.c_str(), &fs_info) == 0 && (fs_info.f_type == PROC_SUPER_MAGIC || fs_info.f_type == SYSFS_MAGIC))
        throw dataset_error({Diagnostic{path.string(), 0, 0,
                                        "is a /proc or /sys pseudo-file, not a dataset file (copy it to a file "
                                        "first)"}});
    // A large file is mapped rather than copied: its pages come from the page cache as the
    // parser reaches them, with no memory of the process's own to clear and fill first.
    if (auto mapped = FileText::map_file(path.c_str(), mapped_from)) return std::move(*mapped);
    std::ifstream in(path, std::ios::binary);
    if (!in) throw dataset_error({Diagnostic{path.string(), 0, 0, "cannot be read (no such file, or no permission)"}});
    try {
        in.seekg(0, std::ios::end);
        const auto size = in.tellg();
        if (size < 0) throw dataset_error({Diagnostic{path.string(), 0, 0, "cannot be read (its size is unknown)"}});
        auto content = static_cast<std::size_t>(size) >= mapped_from
                           ? FileText::of_size(static_cast<std::size_t>(size))
                           : FileText(std::string(static_cast<std::size_t>(size), '\0'));
        in.seekg(0);
        in.read(content.writable(), static_cast<std::streamsize>(content.size()));
        if (in.gcount() != static_cast<std::streamsize>(content.size()))
            throw dataset_error({Diagnostic{path.string(), 0, 0, "cannot be read (it changed while being read)"}});
        return content;
    } catch (const std::bad_alloc&) {
        throw dataset_error({Diagnostic{path.string(), 0, 0, "out of memory while reading the file"}});
    }
}

}  // namespace

// Memory of the text's own, so that parts of it can be handed back (madvise): anonymous memory
// to be filled, or a read-only private map of a file.
struct FileText::Mapped {
    char* bytes = nullptr;
    std::size_t size = 0;
    bool writable = true;

    explicit Mapped(std::size_t n) : size(n) {
        void* p = ::mmap(nullptr, n, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
        if (p == MAP_FAILED) throw std::bad_alloc();
        bytes = static_cast<char*>(p);
    }
    Mapped(char* mapped, std::size_t n) : bytes(mapped), size(n), writable(false) {}
    ~Mapped() { ::munmap(bytes, size); }
    Mapped(const Mapped&) = delete;
    Mapped& operator=(const Mapped&) = delete;
};

std::optional<FileText> FileText::map_file(const char* path, std::size_t at_least) {
    const int fd = ::open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK);  // a FIFO put in its place does not block
    if (fd < 0) return std::nullopt;
    struct stat st {};
    void* p = MAP_FAILED;
    std::size_t size = 0;
    // Only a regular file of at least that size (never an empty one): anything else is read the
    // ordinary way.
    if (::fstat(fd, &st) == 0 && S_ISREG(st.st_mode) && st.st_size > 0 &&
        static_cast<std::size_t>(st.st_size) >= at_least) {
        size = static_cast<std::size_t>(st.st_size);
        p = ::mmap(nullptr, size, PROT_READ, MAP_PRIVATE, fd, 0);
    }
    ::close(fd);
    if (p == MAP_FAILED) return std::nullopt;
    ::madvise(p, size, MADV_SEQUENTIAL);  // a hint: read ahead, and drop what is behind
    FileText text;
    try {
        text.m_mapped = std::make_shared<Mapped>(static_cast<char*>(p), size);
    } catch (...) {
        ::munmap(p, size);
        throw;
    }
    return text;
}

FileText::FileText(std::string text) : m_string(std::make_shared<std::string>(std::move(text))) {}

FileText FileText::of_size(std::size_t size) {
    FileText text;
    if (size == 0) return text;
    text.m_mapped = std::make_shared<Mapped>(size);
    return text;
}

const char* FileText::data() const {
    if (m_mapped) return m_mapped->bytes;
    return m_string ? m_string->data() : "";
}

std::size_t FileText::size() const {
    if (m_mapped) return m_mapped->size;
    return m_string ? m_string->size() : 0;
}

char* FileText::writable() {
    if (m_mapped) return m_mapped->writable ? m_mapped->bytes : nullptr;
    return m_string ? m_string->data() : nullptr;
}

void FileText::release_before(std::size_t offset) const {
    if (!m_mapped) return;
    release_whole_pages(m_mapped->bytes, std::min(offset, m_mapped->size));  // the memory is page-aligned
}

LayerInput read_layer(const std::string& path_text) {
    const fs::path path(path_text);
    std::error_code ec;
    LayerInput layer;
    if (fs::is_directory(path, ec)) {
        layer.id = fs::absolute(path).lexically_normal().filename().string();
        if (layer.id.empty()) layer.id = fs::absolute(path).lexically_normal().parent_path().filename().string();
        std::vector<fs::path> toml_files, data_files;
        for (const auto& entry : fs::directory_iterator(path, ec)) {
            if (!entry.is_regular_file()) continue;
            const auto format = file_format(entry.path().native());
            const auto name = entry.path().filename().string();
            if (format == FileFormat::toml)
                toml_files.push_back(entry.path());
            else if (name == "entities.csv" || name == "relations.csv")
                data_files.push_back(entry.path());
        }
        std::sort(toml_files.begin(), toml_files.end());
        std::sort(data_files.begin(), data_files.end(), [](const fs::path& a, const fs::path& b) {
            return a.filename() == "entities.csv" && b.filename() != "entities.csv";
        });
        for (const auto& f : toml_files) layer.files.push_back({f.string(), read_file(f), FileFormat::toml});
        for (const auto& f : data_files) layer.files.push_back({f.string(), read_file(f), file_format(f.native())});
        if (layer.files.empty())
            throw dataset_error({Diagnostic{path_text, 0, 0,
                                            "the directory holds no dataset file (expected *.toml, entities.csv or "
                                            "relations.csv)"}});
        return layer;
    }
    if (!fs::exists(path, ec)) throw dataset_error({Diagnostic{path_text, 0, 0, "no such file or directory"}});
    layer.id = path.stem().string();
    const auto format = file_format(path_text);
    layer.files.push_back({path_text, read_file(path), format});
    if (format == FileFormat::entities_csv) {
        const auto relations = path.parent_path() / "relations.csv";
        if (fs::exists(relations, ec))
            layer.files.push_back({relations.string(), read_file(relations), FileFormat::relations_csv});
        layer.id = fs::absolute(path).parent_path().filename().string();
    }
    return layer;
}

FileFormat file_format(std::string_view path) {
    const fs::path p(path);
    const auto name = p.filename().string();
    const auto ext = p.extension().string();
    if (ext == ".toml") return FileFormat::toml;
    if (ext == ".graphml" || ext == ".xml") return FileFormat::graphml;
    if (ext == ".json") return FileFormat::node_link_json;
    if (name == "relations.csv" || name.ends_with(".relations.csv")) return FileFormat::relations_csv;
    return FileFormat::entities_csv;
}

}  // namespace orgraph
