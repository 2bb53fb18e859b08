// The snapshot reader: bytes opened as a snapshot and, when accepted, read through.
#include <cstring>
#include <memory>

#include "fuzz_support.hpp"
#include "orgraph/load/snapshot.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace orgraph;
    // The reader wants 8-byte alignment, as a mapping gives.
    auto buffer = std::make_unique<std::uint64_t[]>(size / 8 + 1);
    std::memcpy(buffer.get(), data, size);
    try {
        const auto opened =
            open_snapshot_bytes({reinterpret_cast<const std::byte*>(buffer.get()), size}, "fuzz.orgraph");
        // An accepted snapshot must answer: walk every entity and its relations.
        std::size_t sum = 0;
        for (EntityIndex e = 0; e < opened.graph.entities().size(); ++e) {
            sum += opened.graph.entity_id(e).size() + opened.graph.entity_name(e).size();
            sum += opened.graph.out_edges(e).size();
        }
        if (sum == 0xFFFFFFFF) std::abort();  // keep the walk
    } catch (const snapshot_error&) {
    }
    return 0;
}
