#pragma once
// Snapshots: a frozen graph in one binary file (docs/snapshot-format.md), opened by mapping it
// into memory and answered from in place, with no parsing.
//
// A snapshot holds the graph's tables as they are in memory, the schema, sources and layers,
// and the size and hash of every input file it was made from, so that a later run can tell
// whether it is stale. Opening checks the magic number, the format version, the byte order, the
// checksum and every index in the tables: a damaged file is refused with snapshot_error, never
// answered from.

#include <cstdint>
#include <functional>
#include <optional>
#include <ostream>
#include <span>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "orgraph/model/graph.hpp"

namespace orgraph {

inline constexpr std::uint32_t snapshot_format_version = 7;

// One input file a snapshot was made from.
struct SnapshotInput {
    std::string path;  // as given when the snapshot was made ("builtin:…" for embedded data)
    std::uint64_t size = 0;
    std::uint64_t hash = 0;  // content_hash() of the file's bytes
};

struct SnapshotInfo {
    std::uint32_t format_version = 0;
    std::string made_by;  // "orgraph 0.2.0"
    std::vector<SnapshotInput> inputs;
};

// An input that is not as it was when the snapshot was made.
struct StaleInput {
    std::string path;
    std::string why;  // "changed", "missing"
};

// The content of a file a "builtin:" input names (the path after the prefix); none when there
// is no such file. orgraph::builtin's builtin_file() answers for the built-in data.
using BuiltinFiles = std::function<std::optional<std::string_view>(std::string_view path)>;

// Compares the inputs recorded in a snapshot with the files as they are now ("builtin:" inputs
// with what `builtin_file` gives; without it they are missing); empty when the snapshot is up
// to date.
std::vector<StaleInput> stale_inputs(const SnapshotInfo& info, const BuiltinFiles& builtin_file = {});

struct snapshot_error : std::runtime_error {
    using std::runtime_error::runtime_error;
};

// The 64-bit hash used for the checksum and the inputs' hashes; fixed, since files store it.
std::uint64_t content_hash(std::span<const std::byte> bytes);
std::uint64_t content_hash(std::string_view bytes);

// True when the bytes start with a snapshot's magic number.
bool is_snapshot(std::string_view first_bytes);
// True when `path` names a snapshot: it ends in ".orgraph", or it is a regular file that starts
// with a snapshot's magic number. A file so named is read as a snapshot or refused as one.
bool is_snapshot_file(const std::string& path);

struct LayerInput;

// The inputs of a load, as a snapshot records them: each file's path, size and hash.
std::vector<SnapshotInput> snapshot_inputs(const std::vector<LayerInput>& layers);

// Writes the graph as a snapshot.
void write_snapshot(const Graph& graph, const SnapshotInfo& info, std::ostream& out);

struct OpenedSnapshot {
    Graph graph;
    SnapshotInfo info;
};

// Maps the file and checks it; throws snapshot_error naming the file and what is wrong.
OpenedSnapshot open_snapshot(const std::string& path);
// The same over bytes in memory (an embedded snapshot); `bytes` must outlive the graph and be
// aligned to 8 bytes. `name` is used in messages.
OpenedSnapshot open_snapshot_bytes(std::span<const std::byte> bytes, const std::string& name);

}  // namespace orgraph
