// orgraph's entry point: finds the command, parses its options, runs it, and alone turns
// errors into messages on standard error and exit statuses (0 ok, 1 data or runtime error or
// no answer, 2 misuse of the command line, a name the data does not have included).

#include <fmt/format.h>
#include <signal.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <set>
#include <string>
#include <vector>

#include "command.hpp"
#include "completion.hpp"
#include "option_text.hpp"
#include "orgraph/load/snapshot.hpp"
#include "orgraph/model/diagnostics.hpp"
#include "orgraph/model/name_resolver.hpp"
#include "orgraph/model/visible_text.hpp"
#include "orgraph/version.hpp"
#include "orgraph/write/fd_stream.hpp"
#include "orgraph/write/temporary.hpp"
#include "progress.hpp"

namespace {

using namespace orgraph;
using namespace orgraph::cli;

// Global options that take a value, so that their value is not taken for the command name.
const std::set<std::string> options_with_value = {"--data",   "--with", "--as-of",       "--format",     "-f",
                                                  "--output", "-o",     "--import-kind", "--import-name"};

struct Invocation {
    std::string command;
    std::vector<std::string> arguments;  // everything but the command name
};

// Splits the command line into the command and its arguments. Global options may stand before
// the command; "--data A B info" (several paths after one --data) becomes "--data A --data B".
Invocation split(int argc, char** argv) {
    Invocation result;
    std::vector<std::string> args(argv + 1, argv + argc);
    std::set<std::string> names;
    for (auto& c : make_commands()) names.insert(std::string(c->info().name));
    for (std::size_t i = 0; i < args.size(); ++i) {
        const auto& arg = args[i];
        if (!result.command.empty() || arg.empty()) {
            result.arguments.push_back(arg);
            continue;
        }
        if (arg == "--") {
            result.arguments.insert(result.arguments.end(), args.begin() + static_cast<long>(i), args.end());
            break;
        }
        if (arg[0] == '-') {
            result.arguments.push_back(arg);
            if (options_with_value.contains(arg) && i + 1 < args.size()) {
                result.arguments.push_back(args[++i]);
                if (arg == "--data" || arg == "--with") {
                    while (i + 1 < args.size() && args[i + 1][0] != '-' && !names.contains(args[i + 1])) {
                        result.arguments.push_back(arg);
                        result.arguments.push_back(args[++i]);
                    }
                }
            }
            continue;
        }
        result.command = arg;
    }
    return result;
}

bool asks_for(const std::vector<std::string>& args, std::initializer_list<const char*> flags) {
    for (const auto& a : args) {
        if (a == "--") return false;
        for (const char* f : flags)
            if (a == f) return true;
    }
    return false;
}

int run(int argc, char** argv) {
    auto invocation = split(argc, argv);
    if (invocation.command.empty()) {
        if (asks_for(invocation.arguments, {"--version"})) {
            std::cout << "orgraph " << ORGRAPH_VERSION_STRING << '\n';
            return 0;
        }
        if (asks_for(invocation.arguments, {"--help", "-h"})) {
            std::cout << general_help();
            return 0;
        }
        std::cerr << general_help();
        return 2;
    }
    // Not in the registry, so not in the list of commands: scripts for the shell, made at build time.
    if (invocation.command == "completion") return run_completion(invocation.arguments);
    auto command = find_command(invocation.command);
    if (!command) {
        throw usage_error(unknown_command_message(invocation.command));
    }
    if (asks_for(invocation.arguments, {"--help", "-h"})) {
        std::cout << command_help(*command);
        return 0;
    }
    if (asks_for(invocation.arguments, {"--version"})) {
        std::cout << "orgraph " << ORGRAPH_VERSION_STRING << '\n';
        return 0;
    }
    po::options_description options;
    po::positional_options_description positional;
    command->add_options(options, positional);
    GeneralOptions general;
    options.add(general_options(general));
    const auto arguments = apply_format_rule(invocation.command, options, std::move(invocation.arguments));
    po::variables_map variables;
    try {
        po::store(po::command_line_parser(arguments).options(options).positional(positional).run(), variables);
    } catch (const po::unknown_option& e) {
        throw usage_error(unknown_option_message(options, e.get_option_name()));
    }
    po::notify(variables);
    set_verbosity(general.quiet ? Verbosity::quiet : general.verbose ? Verbosity::verbose : Verbosity::normal);
    if (general.quiet && general.verbose) throw usage_error("-q (--quiet) and -v (--verbose) cannot be given together");
    command->setup(variables);
    return command->run();
}

// Misuse of the command line, whether we or Boost.Program_options found it.
int misuse(const std::exception& e) {
    std::cerr << "orgraph: " << e.what() << "\nTry 'orgraph help' or 'orgraph COMMAND --help'.\n";
    return 2;
}

// SIGINT, SIGTERM and SIGHUP remove the temporary files and directories being written, then end
// the process with 128 + the signal's number (130, 143, 129), as a shell reports a death by it.
extern "C" void on_interrupt(int signal_number) {
    orgraph::remove_temporaries();
    ::_exit(128 + signal_number);
}

void install_signal_handlers() {
    for (const int signal_number : {SIGINT, SIGTERM, SIGHUP}) {
        struct sigaction old {};
        if (::sigaction(signal_number, nullptr, &old) == 0 && old.sa_handler == SIG_IGN) continue;  // nohup, &
        struct sigaction action {};
        action.sa_handler = on_interrupt;
        sigemptyset(&action.sa_mask);
        ::sigaction(signal_number, &action, nullptr);
    }
}

int run_and_report(int argc, char** argv) {
    try {
        const int status = run(argc, argv);
        flush_standard_output();
        return status;
    } catch (const usage_error& e) {
        return misuse(e);
    } catch (const po::error& e) {
        return misuse(e);
    } catch (const resolution_error& e) {
        // A name on the command line that no entity has, or several have: misuse, as an
        // unknown kind is (docs/help.md, exit status).
        std::cerr << "orgraph: " << e.what() << '\n';
        return 2;
    } catch (const dataset_error& e) {
        for (const auto& d : e.diagnostics) std::cerr << d.to_string() << '\n';
        std::cerr << fmt::format("orgraph: the dataset has {} problem{}; nothing was loaded\n", e.diagnostics.size(),
                                 e.diagnostics.size() == 1 ? "" : "s");
        return 1;
    } catch (const std::exception& e) {
        std::cerr << "orgraph: " << e.what() << '\n';
        return 1;
    }
}

}  // namespace

namespace {

// True when a dataset named on the command line (--data, --against, --with) is a text file or
// directory on disk: the command will parse and build, not map a snapshot.
bool loads_text(int argc, char** argv) {
    for (int i = 1; i < argc; ++i) {
        const std::string_view arg = argv[i];
        std::string value;
        for (const std::string_view option : {"--data", "--against", "--with"}) {
            if (arg == option && i + 1 < argc)
                value = argv[i + 1];
            else if (arg.size() > option.size() && arg.starts_with(option) && arg[option.size()] == '=')
                value = std::string(arg.substr(option.size() + 1));
        }
        std::error_code ec;
        if (!value.empty() && value != "-" && std::filesystem::exists(value, ec) && !is_snapshot_file(value))
            return true;
    }
    return false;
}

// Building a large graph from text fills hundreds of MB of fresh heap; on 4 KiB pages about a
// third of a million-entity load went to page faults. glibc's malloc asks the kernel for
// transparent huge pages when its tunable glibc.malloc.hugetlb=1 is set, and reads tunables only
// when a process starts: so a command that loads text runs itself once more with it set (at a
// million entities: 16 s -> 9 s, docs/benchmarks.md). A user's own GLIBC_TUNABLES is left alone,
// as is every command that maps a snapshot or the built-in data.
void use_huge_pages_for_text(int argc, char** argv) {
    if (std::getenv("GLIBC_TUNABLES") != nullptr || !loads_text(argc, argv)) return;
    if (::setenv("GLIBC_TUNABLES", "glibc.malloc.hugetlb=1", 1) != 0) return;
    ::execv("/proc/self/exe", argv);
    ::unsetenv("GLIBC_TUNABLES");  // no /proc: run on as we are
}

}  // namespace

int main(int argc, char** argv) {
    use_huge_pages_for_text(argc, argv);
    std::ios::sync_with_stdio(false);
    install_signal_handlers();
    // Every write to standard output is checked (fd_stream.hpp); a closed pipe ends orgraph by
    // SIGPIPE, quietly, as it does cat or grep (when SIGPIPE is ignored, EPIPE is reported).
    static auto* const standard_output = new FdStreamBuf(STDOUT_FILENO);
    std::cout.rdbuf(standard_output);
    // Messages quote names and values from the data and the command line: on standard error they
    // show control characters in their visible form, never raw (docs/safe-output.md).
    static auto* const standard_error = new VisibleStreamBuf(std::cerr.rdbuf());
    std::cerr.rdbuf(standard_error);
    int status = run_and_report(argc, argv);
    try {
        flush_standard_output();
    } catch (const std::exception& e) {
        std::cerr << "orgraph: " << e.what() << '\n';
        status = 1;
    }
    standard_error->finish();
    return status;
}
