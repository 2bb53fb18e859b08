#include "progress.hpp"

#include <sys/resource.h>

#include <fmt/format.h>
#include <unistd.h>

#include <cstdlib>
#include <fstream>
#include <iostream>
#include <optional>

namespace orgraph::cli {

namespace {

Verbosity g_verbosity = Verbosity::normal;

// Whether a progress line may be shown: not with -q, and only on a terminal unless
// ORGRAPH_PROGRESS says otherwise.
bool progress_wanted() {
    if (g_verbosity == Verbosity::quiet) return false;
    if (const char* forced = std::getenv("ORGRAPH_PROGRESS"); forced && *forced) return std::string_view(forced) != "0";
    return ::isatty(STDERR_FILENO) == 1;
}

std::chrono::milliseconds progress_delay() {
    if (const char* text = std::getenv("ORGRAPH_PROGRESS_DELAY"); text && *text) {
        char* end = nullptr;
        const auto ms = std::strtoul(text, &end, 10);
        if (end && *end == '\0' && ms <= 3'600'000) return std::chrono::milliseconds(ms);
    }
    return std::chrono::milliseconds(1000);
}

// Straight to the descriptor: the line carries a carriage return and an erase sequence, which
// standard error's stream would show in their visible form.
void write_stderr(std::string_view text) {
    while (!text.empty()) {
        const auto written = ::write(STDERR_FILENO, text.data(), text.size());
        if (written <= 0) return;
        text.remove_prefix(static_cast<std::size_t>(written));
    }
}

}  // namespace

void set_verbosity(Verbosity verbosity) {
    g_verbosity = verbosity;
}

Verbosity verbosity() {
    return g_verbosity;
}

void warn(std::string_view message) {
    if (g_verbosity == Verbosity::quiet) return;
    std::cerr << "orgraph: " << message << '\n';
}

Phase::Phase(std::string what) : m_what(std::move(what)), m_start(std::chrono::steady_clock::now()) {
    if (progress_wanted()) m_progress = std::thread([this, delay = progress_delay()] { show_progress(delay); });
}

Phase::~Phase() {
    end();
}

void Phase::show_progress(std::chrono::milliseconds delay) {
    std::unique_lock lock(m_mutex);
    if (m_done.wait_for(lock, delay, [this] { return m_stop; })) return;
    bool shown = false;
    while (!m_stop) {
        const auto seconds =
            std::chrono::duration_cast<std::chrono::seconds>(std::chrono::steady_clock::now() - m_start);
        write_stderr(fmt::format("\r\033[Korgraph: {}... {} s", m_what, seconds.count()));
        shown = true;
        m_done.wait_for(lock, std::chrono::seconds(1), [this] { return m_stop; });
    }
    if (shown) write_stderr("\r\033[K");
}

void Phase::end() {
    if (m_ended) return;
    m_ended = true;
    if (m_progress.joinable()) {
        {
            std::lock_guard lock(m_mutex);
            m_stop = true;
        }
        m_done.notify_one();
        m_progress.join();
    }
    if (g_verbosity == Verbosity::verbose) {
        const std::chrono::duration<double> took = std::chrono::steady_clock::now() - m_start;
        // getrusage's ru_maxrss is the peak resident set so far, in KiB on Linux.
        rusage usage{};
        getrusage(RUSAGE_SELF, &usage);
        std::cerr << fmt::format("orgraph: {}: {:.3f} s (peak memory so far {} MiB)\n", m_what, took.count(),
                                 usage.ru_maxrss / 1024);
    }
}

namespace {
std::optional<std::chrono::steady_clock::time_point> g_loaded_at;
}  // namespace

void note_loaded() {
    g_loaded_at = std::chrono::steady_clock::now();
}

void report_memory() {
    if (g_verbosity != Verbosity::verbose) return;
    if (g_loaded_at) {
        const std::chrono::duration<double> took = std::chrono::steady_clock::now() - *g_loaded_at;
        std::cerr << fmt::format("orgraph: answering, once the graph was loaded: {:.3f} s\n", took.count());
    }
    std::ifstream status("/proc/self/status");
    std::string line;
    long peak = -1, own = -1, mapped = -1;
    while (std::getline(status, line)) {
        const auto kib = [&](std::string_view key, long& to) {
            if (line.starts_with(key)) to = std::strtol(line.c_str() + key.size(), nullptr, 10);
        };
        kib("VmHWM:", peak), kib("RssAnon:", own), kib("RssFile:", mapped);
    }
    if (peak < 0 || own < 0 || mapped < 0) return;  // no /proc
    std::cerr << fmt::format(
        "orgraph: memory once the answer was written: {} MiB of its own, {} MiB of mapped files (peak {} MiB)\n",
        own / 1024, mapped / 1024, peak / 1024);
}

}  // namespace orgraph::cli
