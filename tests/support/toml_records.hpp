#pragma once
// Records of a TOML data file, as the tests write their small graphs.

#include <string>

namespace orgraph::test {

// An [[entity]] record with the fields every entity needs; lines of its own may follow it.
inline std::string entity_record(const std::string& id, const std::string& kind, const std::string& name,
                                 const std::string& source) {
    return "[[entity]]\nid = \"" + id + "\"\nkind = \"" + kind + "\"\nname = \"" + name + "\"\nsource = \"" + source +
           "\"\n";
}

}  // namespace orgraph::test
