#pragma once
// Handing pages of memory back to the kernel: the tables of a graph mapped from a snapshot once
// they have been checked or copied, the records of a builder once they have been frozen.

#include <cstddef>

namespace orgraph {

// Tells the kernel the whole pages of [data, data + size) will not be needed again: a table
// mapped read-only from a file (read again, the pages come back from the file), or records of a
// builder already copied (private pages read as zeros afterwards). A page at either end may hold
// something else, so it stays.
void release_whole_pages(const void* data, std::size_t size);

}  // namespace orgraph
