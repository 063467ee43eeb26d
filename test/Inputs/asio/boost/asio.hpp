// Mock <boost/asio.hpp> (Boost 1.87): the boost::asio namespace, same
// declarations as the standalone mock.
#pragma once
#include <boost/system/error_code.hpp>
#include <chrono>
#include <coroutine>
#include <exception>
#include <memory>
#include <string>
#include <utility>
#include <vector>

namespace boost::asio {
// Real Boost.Asio spells it boost::system::error_code everywhere.
using boost::system::error_code;

#include <asio/detail/mock_core.ipp>
} // namespace boost::asio

namespace std {
template <class T, class Executor, class... Args>
struct coroutine_traits<boost::asio::awaitable<T, Executor>, Args...> {
  using promise_type = boost::asio::detail::awaitable_frame<T, Executor>;
};
} // namespace std
