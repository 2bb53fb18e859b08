#include "orgraph/write/fd_stream.hpp"

#include <unistd.h>

#include <cerrno>
#include <cstring>

namespace orgraph {

FdStreamBuf::FdStreamBuf(int fd, std::size_t buffer_size) : m_fd(fd), m_buffer(buffer_size) {
    setp(m_buffer.data(), m_buffer.data() + m_buffer.size());
}

void FdStreamBuf::write_all(const char* data, std::size_t size) {
    while (size > 0 && m_error == 0) {
        const auto written = ::write(m_fd, data, size);
        if (written < 0) {
            if (errno == EINTR) continue;
            m_error = errno;
            return;
        }
        if (written == 0) {
            m_error = EIO;
            return;
        }
        data += written;
        size -= static_cast<std::size_t>(written);
    }
}

int FdStreamBuf::flush() {
    const auto pending = static_cast<std::size_t>(pptr() - pbase());
    if (pending) write_all(pbase(), pending);
    setp(m_buffer.data(), m_buffer.data() + m_buffer.size());
    return m_error;
}

FdStreamBuf::int_type FdStreamBuf::overflow(int_type c) {
    flush();
    if (m_error) return traits_type::eof();
    if (!traits_type::eq_int_type(c, traits_type::eof())) {
        *pptr() = traits_type::to_char_type(c);
        pbump(1);
    }
    return traits_type::not_eof(c);
}

std::streamsize FdStreamBuf::xsputn(const char* data, std::streamsize size) {
    if (m_error) return 0;
    const auto count = static_cast<std::size_t>(size);
    const auto room = static_cast<std::size_t>(epptr() - pptr());
    if (count <= room) {
        std::memcpy(pptr(), data, count);
        pbump(static_cast<int>(count));
        return size;
    }
    flush();
    if (count >= m_buffer.size()) {
        write_all(data, count);
    } else {
        std::memcpy(pptr(), data, count);
        pbump(static_cast<int>(count));
    }
    return m_error ? 0 : size;
}

int FdStreamBuf::sync() {
    return flush() == 0 ? 0 : -1;
}

}  // namespace orgraph
