// Mock <boost/beast/core.hpp> (Boost 1.87): the buffer the websocket mock
// reads into.
#pragma once
#include <boost/asio.hpp>

namespace boost::beast {
namespace net = boost::asio;
using error_code = boost::system::error_code;

template <class Allocator> class basic_flat_buffer {
public:
  basic_flat_buffer() noexcept;
  std::size_t size() const noexcept;
  void clear() noexcept;
};
using flat_buffer = basic_flat_buffer<std::allocator<char>>;
} // namespace boost::beast
