#pragma once
// Two independent pieces of work at once, on the machine's second core: the large graph's
// build has parts that read the same finished tables and write tables of their own.

#include <future>
#include <system_error>

namespace orgraph::detail {

// Runs `other` on a thread of its own while `here` runs on this one, and returns when both are
// done. An exception from either is rethrown here (the other is waited for first). Where no
// thread can be started, both run here, one after the other.
template <typename Other, typename Here>
void run_beside(Other&& other, Here&& here) {
    std::future<void> beside;
    try {
        beside = std::async(std::launch::async, other);
    } catch (const std::system_error&) {
        other();
        here();
        return;
    }
    try {
        here();
    } catch (...) {
        beside.wait();
        throw;
    }
    beside.get();
}

}  // namespace orgraph::detail
