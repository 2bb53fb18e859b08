#pragma once
// An output stream over a file descriptor whose every write is checked: the first failure is
// kept (its errno), later output is dropped, and error() tells the owner after a flush. The
// standard library's streams only set a bit and lose the reason ("No space left on device").

#include <cstddef>
#include <ostream>
#include <streambuf>
#include <string>
#include <vector>

namespace orgraph {

class FdStreamBuf final : public std::streambuf {
public:
    explicit FdStreamBuf(int fd, std::size_t buffer_size = 1 << 16);
    ~FdStreamBuf() override = default;
    FdStreamBuf(const FdStreamBuf&) = delete;
    FdStreamBuf& operator=(const FdStreamBuf&) = delete;

    // Writes out what is buffered; returns the errno of the first failed write, or 0.
    int flush();
    [[nodiscard]] int error() const { return m_error; }
    [[nodiscard]] int fd() const { return m_fd; }

protected:
    int_type overflow(int_type c) override;
    std::streamsize xsputn(const char* data, std::streamsize size) override;
    int sync() override;

private:
    // Writes all of [data, data + size) unless a write fails.
    void write_all(const char* data, std::size_t size);

    int m_fd;
    int m_error = 0;
    std::vector<char> m_buffer;
};

// A std::ostream over an FdStreamBuf.
class FdStream final : public std::ostream {
public:
    explicit FdStream(int fd) : std::ostream(nullptr), m_buf(fd) { rdbuf(&m_buf); }
    FdStreamBuf& buf() { return m_buf; }

private:
    FdStreamBuf m_buf;
};

}  // namespace orgraph
