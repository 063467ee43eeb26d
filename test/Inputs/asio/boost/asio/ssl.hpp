// Mock <boost/asio/ssl.hpp> (Boost 1.87).
#pragma once
#include <boost/asio.hpp>

namespace boost::asio {
#include <asio/detail/mock_ssl.ipp>
} // namespace boost::asio
