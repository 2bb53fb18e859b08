#pragma once
// Text from a dataset made safe for the places it is shown: a terminal (nothing in a name may
// move the cursor, change colours, reorder the line or start a line of its own), JSON (valid
// UTF-8 only) and XML (no character XML 1.0 forbids). docs/safe-output.md describes each output.
//
// The visible form, one for every text written for people:
//   line feed, carriage return, tab        \n  \r  \t
//   other C0 controls, DEL, invalid UTF-8  \xhh   (the byte, two lower-case hex digits)
//   C1 controls (U+0080-U+009F), bidirectional controls (U+061C, U+200E, U+200F,
//   U+202A-U+202E, U+2066-U+2069), line and paragraph separators (U+2028, U+2029)
//                                          \uhhhh (the code point, lower-case hex)
// Everything else, printable ASCII and valid UTF-8 (Korean, Arabic, accented letters), is kept.
// A backslash is kept as it is: "\x1b" in a name reads like an escape, but it cannot act as one.

#include <cstddef>
#include <ostream>
#include <streambuf>
#include <string>
#include <string_view>

namespace orgraph {

// The UTF-8 sequence that starts at text[i]: its length (2 to 4 bytes) with its code point in
// `code_point`; 0 when the bytes there are not valid UTF-8 (a stray continuation byte, an overlong
// form, a surrogate, beyond U+10FFFF, a sequence broken by another byte); -1 when the text ends
// inside a sequence that is valid so far. text[i] must not be ASCII.
int decode_utf8(std::string_view text, std::size_t i, char32_t& code_point);

// Whether `visible` would change the text.
bool needs_escape(std::string_view text, bool keep_newlines = false);
// The text with every character above in its visible form; `keep_newlines` leaves line feeds as
// they are (for text whose own layout has them, such as a message of several lines).
std::string visible(std::string_view text, bool keep_newlines = false);
// Appends the visible form of `text` to `out`. When `complete` is false, an incomplete UTF-8
// sequence at the end is not written and the number of bytes consumed is returned (a stream
// passes the rest again with the next bytes); otherwise the whole text is consumed.
std::size_t append_visible(std::string& out, std::string_view text, bool keep_newlines, bool complete = true);

// Text as JSON and XML writers may carry it: every invalid UTF-8 byte becomes U+FFFD; with
// `xml`, so do U+FFFE and U+FFFF, which XML 1.0 forbids (the C0 controls each XML writer handles
// itself). Returns `text` itself when nothing changes, else a view of `storage`.
std::string_view valid_utf8(std::string_view text, std::string& storage, bool xml = false);

// Appends `raw` as XML 1.0 text (GraphML, SVG): & < > " ' as entities; U+FFFE, U+FFFF and bytes
// that are not UTF-8 as U+FFFD; other C0 controls, which XML 1.0 cannot carry, dropped. Carriage
// return is always a character reference; in an `attribute`, tab and line feed are too, so that
// they survive attribute-value normalisation.
void append_xml(std::string& out, std::string_view raw, bool attribute);

// A stream buffer that writes the visible form of everything put into it, line feeds kept, to
// another stream buffer: the human-readable outputs pass through it, so that no value can reach a
// terminal raw whichever writer prints it. A UTF-8 sequence split between two writes is held
// back until its end arrives; sync() passes on what is complete, finish() the rest.
class VisibleStreamBuf final : public std::streambuf {
public:
    explicit VisibleStreamBuf(std::streambuf* target) : m_target(target) {}
    VisibleStreamBuf(const VisibleStreamBuf&) = delete;
    VisibleStreamBuf& operator=(const VisibleStreamBuf&) = delete;
    ~VisibleStreamBuf() override;

    // Writes what is held back, an incomplete sequence as escaped bytes, and syncs the target.
    void finish();

protected:
    int_type overflow(int_type c) override;
    std::streamsize xsputn(const char* data, std::streamsize size) override;
    int sync() override;

private:
    bool put(std::string_view text, bool complete);

    std::streambuf* m_target;
    std::string m_pending;  // the start of a UTF-8 sequence not yet complete
    std::string m_buffer;
};

// A std::ostream over a VisibleStreamBuf.
class VisibleStream final : public std::ostream {
public:
    explicit VisibleStream(std::ostream& target) : std::ostream(nullptr), m_buf(target.rdbuf()) { rdbuf(&m_buf); }
    void finish() { m_buf.finish(); }

private:
    VisibleStreamBuf m_buf;
};

}  // namespace orgraph
