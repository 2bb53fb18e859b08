#pragma once
// "-" for an input or output file. Standard input is read whole into memory once: one option
// may read it, and a second one that names "-" is a misuse (a stream cannot be read twice).
// Standard output takes anything but binary bytes (PNG, PDF, a snapshot) while it is a terminal.

#include <cstddef>
#include <span>
#include <string>
#include <string_view>

#include "orgraph/load/dataset_loader.hpp"

namespace orgraph::cli {

// The whole of standard input, read when `option` first asks, aligned so that a snapshot can be
// answered from it in place; kept until the process ends. usage_error when another option has
// already read it; std::runtime_error when it cannot be read.
std::span<const std::byte> standard_input(std::string_view option);

// The text of FILE, or of standard input when FILE is "-". std::runtime_error names the file
// when it cannot be read.
std::string read_input_text(const std::string& path, std::string_view option);

// Whether the dataset on standard input (--data -) is a snapshot.
bool standard_input_is_snapshot(std::string_view option);
// The dataset on standard input as a layer of one file, named "-" in messages. Its first
// character (after a byte-order mark and white space) tells the format: '<' GraphML, '{'
// node-link JSON, anything else TOML.
LayerInput standard_input_layer(std::string_view option);

// The output format the extension of PATH names (.json json, .csv csv, .md or .markdown
// markdown, .dot or .gv dot, .svg, .png, .pdf, .graphml, .html or .htm html, .orgraph
// snapshot), in any case; empty for another extension, none, or "-".
std::string format_of_extension(const std::string& path);
// The extension a file of FORMAT is given: ".md" for markdown, ".txt" for a table, else
// "." and the format.
std::string extension_for(std::string_view format);

struct OutputOptions;
// Settles --format against the extension of -o (check_format in command.hpp): without --format
// the extension chooses when it names a format the command writes, else (no extension, or one
// that names no format: report.txt) the command's first format; an extension that names a
// format the command does not write (info -o info.svg) is a usage_error, and so is a --format
// the extension contradicts (-o report.csv --format json).
void check_output_extension(OutputOptions& options);

// For a command that writes one format (dot, report): a usage_error when the extension of PATH
// names another (dot -o chart.svg), saying `what` the command writes, with `hint` (which command
// writes that format) after the fix.
void check_single_format_name(const std::string& path, std::string_view command, std::string_view format,
                              std::string_view what, std::string_view hint);

// usage_error when PATH ("-" or empty: standard output) would send `what` (binary bytes: "a PNG
// map") to a terminal; a pipe or a redirection takes them.
void check_binary_output(const std::string& path, std::string_view what);

}  // namespace orgraph::cli
