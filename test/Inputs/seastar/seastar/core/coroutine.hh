// Mock <seastar/core/coroutine.hh>: a function returning seastar::future<T>
// is a coroutine through a std::coroutine_traits specialisation; its promise
// starts at once (suspend_never) and every future is co_awaitable.
#pragma once
#include <coroutine>
#include <exception>
#include <seastar/core/future.hh>
#include <seastar/coroutine/exception.hh>

namespace seastar {
namespace internal {
template <class T = void> class coroutine_traits_base {
public:
  class promise_type final {
  public:
    promise_type() = default;
    promise_type(promise_type &&) = delete;
    template <class... U> void return_value(U &&...value) {}
    void return_value(coroutine::exception ce) noexcept {}
    void set_exception(std::exception_ptr &&eptr) noexcept {}
    void unhandled_exception() noexcept {}
    seastar::future<T> get_return_object() noexcept { return {future_tag{}}; }
    std::suspend_never initial_suspend() noexcept { return {}; }
    std::suspend_never final_suspend() noexcept { return {}; }
  };
};

template <> class coroutine_traits_base<> {
public:
  class promise_type final {
  public:
    promise_type() = default;
    promise_type(promise_type &&) = delete;
    void return_void() noexcept {}
    void set_exception(std::exception_ptr &&eptr) noexcept {}
    void unhandled_exception() noexcept {}
    seastar::future<> get_return_object() noexcept { return {future_tag{}}; }
    std::suspend_never initial_suspend() noexcept { return {}; }
    std::suspend_never final_suspend() noexcept { return {}; }
  };
};

template <bool CheckPreempt, class T> struct awaiter {
  seastar::future<T> _future;
  explicit awaiter(seastar::future<T> &&f) noexcept : _future(static_cast<seastar::future<T> &&>(f)) {}
  awaiter(const awaiter &) = delete;
  awaiter(awaiter &&) = delete;
  bool await_ready() const noexcept { return _future.available(); }
  template <class U> void await_suspend(std::coroutine_handle<U> hndl) noexcept {}
  T await_resume();
};
template <bool CheckPreempt> struct awaiter<CheckPreempt, void> {
  seastar::future<> _future;
  explicit awaiter(seastar::future<> &&f) noexcept : _future(static_cast<seastar::future<> &&>(f)) {}
  awaiter(const awaiter &) = delete;
  awaiter(awaiter &&) = delete;
  bool await_ready() const noexcept { return _future.available(); }
  template <class U> void await_suspend(std::coroutine_handle<U> hndl) noexcept {}
  void await_resume();
};
} // namespace internal

template <class T> auto operator co_await(future<T> &&f) noexcept {
  return internal::awaiter<true, T>(static_cast<future<T> &&>(f));
}
} // namespace seastar

namespace std {
template <class T, class... Args>
class coroutine_traits<seastar::future<T>, Args...>
    : public seastar::internal::coroutine_traits_base<T> {};
} // namespace std
