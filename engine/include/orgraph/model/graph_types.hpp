#pragma once
// What the graph being built and the frozen graph have in common: the index types, the sources
// facts cite and the layers a dataset was loaded from.

#include <cstdint>
#include <string>
#include <vector>

#include "orgraph/model/date.hpp"
#include "orgraph/model/schema.hpp"

namespace orgraph {

using EntityIndex = std::uint32_t;
using RelationIndex = std::uint32_t;
using SourceIndex = std::uint32_t;

struct Source {
    std::string id;
    std::string title;
    std::string publisher;
    std::string url;
    std::string date;
    std::string note;
    std::string layer;  // id of the layer that declared it
};

struct Layer {
    std::string id;
    std::string title;
    std::string description;
    std::vector<std::string> files;
};

}  // namespace orgraph
