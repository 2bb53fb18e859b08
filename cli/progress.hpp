#pragma once
// What orgraph says on standard error besides errors: warnings (silenced by -q), the time each
// phase of the work took (-v), and, when standard error is a terminal, a line that says which
// phase is under way once it has run for a second (silenced by -q), erased when it ends.

#include <chrono>
#include <condition_variable>
#include <mutex>
#include <string>
#include <string_view>
#include <thread>

namespace orgraph::cli {

enum class Verbosity { quiet, normal, verbose };
void set_verbosity(Verbosity verbosity);
[[nodiscard]] Verbosity verbosity();

// "orgraph: MESSAGE" on standard error, unless -q.
void warn(std::string_view message);

// Marks the graph as loaded and prepared: with -v, report_memory() then also says how long the
// command took from there to its written answer (the query's own work, output included).
void note_loaded();

// With -v, once an answer is written: the peak memory so far, and how much of what is resident is
// the process's own and how much is pages of mapped files (a snapshot), which the kernel may drop
// and read again when it needs the memory.
void report_memory();

// A phase of the work ("loading the data", "deriving relations", "writing the snapshot"), from
// construction to end() or destruction. The progress line appears when standard error is a
// terminal (ORGRAPH_PROGRESS=1 says it is, 0 that it is not) and the phase runs past a second
// (ORGRAPH_PROGRESS_DELAY, in milliseconds, changes that); it shows the phase and the seconds
// spent, and is erased when the phase ends. With -v the phase's time is printed when it ends.
class Phase {
public:
    explicit Phase(std::string what);
    ~Phase();
    Phase(const Phase&) = delete;
    Phase& operator=(const Phase&) = delete;
    void end();

private:
    void show_progress(std::chrono::milliseconds delay);

    std::string m_what;
    std::chrono::steady_clock::time_point m_start;
    bool m_ended = false;
    std::mutex m_mutex;
    std::condition_variable m_done;
    bool m_stop = false;
    std::thread m_progress;
};

}  // namespace orgraph::cli
