// Mock <seastar/coroutine/exception.hh>: `co_await coroutine::exception(ep)`,
// `co_return coroutine::exception(ep)` and `co_await
// coroutine::return_exception(e)` end the coroutine with that exception.
#pragma once
#include <coroutine>
#include <exception>
#include <seastar/core/future.hh>

namespace seastar {
namespace internal {
struct exception_awaiter {
  std::exception_ptr eptr;
  explicit exception_awaiter(std::exception_ptr &&eptr) noexcept : eptr(eptr) {}
  exception_awaiter(const exception_awaiter &) = delete;
  exception_awaiter(exception_awaiter &&) = delete;
  bool await_ready() const noexcept { return false; }
  template <class U> void await_suspend(std::coroutine_handle<U> hndl) noexcept {}
  void await_resume() noexcept {}
};
} // namespace internal

namespace coroutine {
struct exception {
  std::exception_ptr eptr;
  explicit exception(std::exception_ptr eptr) noexcept : eptr(eptr) {}
};

[[nodiscard]] inline exception return_exception_ptr(std::exception_ptr ex) noexcept {
  return exception(ex);
}
template <class T> [[nodiscard]] exception return_exception(T &&t) noexcept {
  return exception(std::make_exception_ptr(static_cast<T &&>(t)));
}
exception return_exception(std::exception_ptr) = delete;

inline auto operator co_await(exception ex) noexcept {
  return internal::exception_awaiter(static_cast<std::exception_ptr &&>(ex.eptr));
}
} // namespace coroutine
} // namespace seastar
