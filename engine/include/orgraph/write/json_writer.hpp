#pragma once
// A small streaming JSON writer: compact or indented, keys in the order written, strings
// escaped per RFC 8259. Deterministic by construction.

#include <cstdint>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

namespace orgraph {

class JsonWriter {
public:
    explicit JsonWriter(std::ostream& out, bool indent = true) : m_out(out), m_indent(indent) {}

    JsonWriter& begin_object();
    JsonWriter& end_object();
    JsonWriter& begin_array();
    JsonWriter& end_array();
    JsonWriter& key(std::string_view name);
    JsonWriter& value(std::string_view text);
    JsonWriter& value(const char* text) { return value(std::string_view(text)); }
    JsonWriter& value(const std::string& text) { return value(std::string_view(text)); }
    JsonWriter& value(std::int64_t number);
    JsonWriter& value(std::uint64_t number);
    JsonWriter& value(int number) { return value(static_cast<std::int64_t>(number)); }
    JsonWriter& value(unsigned number) { return value(static_cast<std::uint64_t>(number)); }
    JsonWriter& value(double number);
    JsonWriter& value(bool flag);
    JsonWriter& null();
    // key + value in one call
    template <typename T>
    JsonWriter& field(std::string_view name, const T& v) {
        key(name);
        return value(v);
    }
    // Ends the document with a newline.
    void finish();

    static std::string escape(std::string_view text);

private:
    void before_value();
    void newline();
    JsonWriter& open(char bracket, bool array);
    JsonWriter& close(char bracket);

    std::ostream& m_out;
    bool m_indent;
    struct Level {
        bool array;
        bool empty;
    };
    std::vector<Level> m_stack;
    bool m_after_key = false;
};

}  // namespace orgraph
