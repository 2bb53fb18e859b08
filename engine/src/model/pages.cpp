#include "orgraph/model/pages.hpp"

#include <sys/mman.h>
#include <unistd.h>

#include <cstdint>

namespace orgraph {

void release_whole_pages(const void* data, std::size_t size) {
    const auto page = static_cast<std::uintptr_t>(::sysconf(_SC_PAGESIZE));
    const auto begin = reinterpret_cast<std::uintptr_t>(data);
    const auto first = (begin + page - 1) / page * page;
    const auto last = (begin + size) / page * page;
    if (last > first) ::madvise(reinterpret_cast<void*>(first), last - first, MADV_DONTNEED);
}

}  // namespace orgraph
