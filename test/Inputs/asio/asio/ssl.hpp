// Mock <asio/ssl.hpp> (standalone asio 1.32).
#pragma once
#include <asio.hpp>

namespace asio {
#include <asio/detail/mock_ssl.ipp>
} // namespace asio
