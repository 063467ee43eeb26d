// Mock <seastar/coroutine/as_future.hh>: `co_await as_future(f)` yields the
// resolved future itself (value or exception) instead of its value.
#pragma once
#include <coroutine>
#include <seastar/core/future.hh>

namespace seastar::coroutine {
template <class T> struct [[nodiscard]] as_future {
  explicit as_future(future<T> &&f) noexcept;
  bool await_ready() const noexcept;
  template <class U> void await_suspend(std::coroutine_handle<U>) noexcept;
  future<T> await_resume() noexcept;
};
template <class T> as_future(future<T> &&) -> as_future<T>;
} // namespace seastar::coroutine
