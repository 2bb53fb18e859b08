#pragma once
// Builds layers in memory and loads them, returning either the graph (frozen, as commands see
// it) or the diagnostics.

#include <boost/test/unit_test.hpp>

#include <string>
#include <string_view>
#include <vector>

#include "builtin_fallback.hpp"
#include "orgraph/builtin/builtin.hpp"
#include "orgraph/load/dataset_loader.hpp"
#include "orgraph/model/graph.hpp"

namespace orgraph::test {

inline InputFile toml_file(std::string path, std::string content) {
    return {std::move(path), std::move(content), FileFormat::toml};
}

inline InputFile entities_csv(std::string path, std::string content) {
    return {std::move(path), std::move(content), FileFormat::entities_csv};
}

inline InputFile relations_csv(std::string path, std::string content) {
    return {std::move(path), std::move(content), FileFormat::relations_csv};
}

inline LayerInput layer(std::string id, std::vector<InputFile> files) {
    return {std::move(id), std::move(files)};
}

// A small schema: offices of a ministry that cover countries. `office` is an `organisation`.
inline const std::string schema_toml = R"([[entity_kind]]
id = "organisation"
attributes = ["mandate"]

[[entity_kind]]
id = "office"
parent = "organisation"
attributes = ["staff"]

[[entity_kind]]
id = "country"
plural = "countries"
attributes = ["un_status"]

[[relation_kind]]
id = "part_of"
label = "is part of"
inverse = "has part"
from = ["office"]
to = ["organisation"]

[[relation_kind]]
id = "covers"
label = "covers"
inverse = "is covered by"
from = ["office"]
to = ["country"]
attributes = ["as_written"]

[[source]]
id = "handbook"
title = "Handbook"
)";

inline LayerInput schema_layer() {
    return layer("schema", {toml_file("schema.toml", schema_toml)});
}

// The diagnostics of a load that must fail, as "file:line:column: error: message" lines. A
// dataset that declares no kind is read with the built-in schema, as the orgraph command reads it.
inline std::vector<std::string> problems_of(const std::vector<LayerInput>& layers) {
    try {
        (void)load(layers, builtin_fallback());
    } catch (const dataset_error& e) {
        std::vector<std::string> lines;
        for (const auto& d : e.diagnostics) lines.push_back(d.to_string());
        return lines;
    }
    BOOST_FAIL("the dataset loaded although it has problems");
    return {};
}

// Compares diagnostics line by line, so that a failure shows each line that differs.
inline void expect_lines(const std::vector<std::string>& actual, const std::vector<std::string>& expected) {
    BOOST_TEST(actual == expected, boost::test_tools::per_element());
}

// Loads one file with the small schema in a layer before it; returns its diagnostics.
inline std::vector<std::string> problems_of_file(std::string content) {
    return problems_of({schema_layer(), layer("data", {toml_file("data.toml", std::move(content))})});
}

inline Graph load_file(std::string content) {
    return freeze(load({schema_layer(), layer("data", {toml_file("data.toml", std::move(content))})}));
}

// The strings of a list (an entity's aliases), to compare with expected ones.
inline std::vector<std::string> texts(const TextList& list) {
    return {list.begin(), list.end()};
}

}  // namespace orgraph::test
