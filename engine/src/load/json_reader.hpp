#pragma once
// A small JSON reader (RFC 8259, plus the NaN and Infinity that Python's json module writes)
// that builds a tree and remembers where in the text every value starts, so that importers can
// point at the exact line and column of a problem.

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "load/text_scanner.hpp"

namespace orgraph {

struct JsonMember;

struct JsonValue {
    enum class Type { null, boolean, number, string, array, object };

    Type type = Type::null;
    bool boolean = false;
    std::string text;  // a string's value, or a number as written
    std::vector<JsonValue> items;
    std::vector<JsonMember> members;  // in the order written
    std::size_t offset = 0;           // where the value starts

    [[nodiscard]] bool is_object() const { return type == Type::object; }
    [[nodiscard]] bool is_array() const { return type == Type::array; }
    [[nodiscard]] bool is_string() const { return type == Type::string; }
    // The first member with this key, or nullptr.
    [[nodiscard]] const JsonValue* find(std::string_view key) const;
};

// An object's member: its key and value (a struct rather than a std::pair, which may not hold
// the still incomplete JsonValue).
struct JsonMember {
    std::string first;
    JsonValue second;
};

using JsonSyntaxError = SyntaxError;

// Parses a whole document; on a syntax error returns nothing and says where and what.
std::optional<JsonValue> parse_json(std::string_view text, JsonSyntaxError& error);

// "an object", "a string", … for messages.
std::string_view json_type_name(JsonValue::Type type);

}  // namespace orgraph
