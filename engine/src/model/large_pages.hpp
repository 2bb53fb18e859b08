#pragma once
// An allocator for the big arrays of a frozen graph (tables of millions of records). Memory the
// kernel hands out page by page costs one fault per 4 KiB page touched, which for a graph's
// tables (hundreds of MiB, written once from start to end) is a large share of the time it
// takes to make them. Blocks of 4 MiB and more are therefore aligned to 2 MiB and marked for
// transparent huge pages (madvise), where the kernel allows them: one fault per 2 MiB. Smaller
// blocks come from operator new as usual.

#include <sys/mman.h>

#include <cstddef>
#include <cstdlib>
#include <new>
#include <vector>

namespace orgraph::detail {

template <typename T>
class LargePageAllocator {
public:
    using value_type = T;

    LargePageAllocator() = default;
    template <typename U>
    LargePageAllocator(const LargePageAllocator<U>&) noexcept {}  // NOLINT(google-explicit-constructor)

    T* allocate(std::size_t n) {
        if (n > static_cast<std::size_t>(-1) / sizeof(T)) throw std::bad_array_new_length();
        const auto bytes = n * sizeof(T);
        if (bytes < threshold) return static_cast<T*>(::operator new (bytes, std::align_val_t{alignof(T)}));
        const auto rounded = (bytes + huge_page - 1) / huge_page * huge_page;
        void* p = std::aligned_alloc(huge_page, rounded);
        if (!p) throw std::bad_alloc();
        ::madvise(p, rounded, MADV_HUGEPAGE);  // a hint: where it is refused, small pages serve
        return static_cast<T*>(p);
    }

    void deallocate(T* p, std::size_t n) noexcept {
        if (n * sizeof(T) < threshold)
            ::operator delete (p, std::align_val_t{alignof(T)});
        else
            std::free(p);
    }

    template <typename U>
    friend bool operator==(const LargePageAllocator&, const LargePageAllocator<U>&) noexcept {
        return true;
    }

private:
    static constexpr std::size_t huge_page = std::size_t{2} << 20;
    static constexpr std::size_t threshold = std::size_t{4} << 20;
};

template <typename T>
using LargeVector = std::vector<T, LargePageAllocator<T>>;

}  // namespace orgraph::detail
