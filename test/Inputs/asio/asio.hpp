// Mock <asio.hpp> (standalone asio 1.32): the asio namespace.
#pragma once
#include <chrono>
#include <coroutine>
#include <exception>
#include <memory>
#include <string>
#include <utility>
#include <vector>

namespace asio {
/// asio/error_code.hpp: std::error_code in real asio (no mock <system_error>).
class error_code {
public:
  error_code() noexcept;
  explicit operator bool() const noexcept;
};
class system_error : public std::exception {
public:
  explicit system_error(const error_code &ec);
  error_code code() const noexcept;
};

#include <asio/detail/mock_core.ipp>
} // namespace asio

namespace std {
template <class T, class Executor, class... Args>
struct coroutine_traits<asio::awaitable<T, Executor>, Args...> {
  using promise_type = asio::detail::awaitable_frame<T, Executor>;
};
} // namespace std
