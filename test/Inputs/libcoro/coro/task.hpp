// Mock <coro/task.hpp> (libcoro v0.17): a lazy task, started when awaited.
#pragma once
#include <coroutine>
#include <exception>
#include <utility>

namespace coro {
template <class return_type = void> class task;

namespace detail {
struct promise_base {
  std::suspend_always initial_suspend() noexcept { return {}; }
  struct final_awaitable {
    bool await_ready() const noexcept { return false; }
    template <class promise_type>
    std::coroutine_handle<> await_suspend(std::coroutine_handle<promise_type> coroutine) noexcept;
    void await_resume() noexcept {}
  };
  final_awaitable final_suspend() noexcept { return {}; }
  void unhandled_exception() noexcept { m_exception_ptr = std::current_exception(); }
  std::exception_ptr m_exception_ptr;
};

template <class return_type> struct promise final : public promise_base {
  task<return_type> get_return_object() noexcept;
  template <class value_type> void return_value(value_type &&value) {}
};
template <> struct promise<void> : public promise_base {
  task<void> get_return_object() noexcept;
  void return_void() noexcept {}
};
} // namespace detail

template <class return_type> class [[nodiscard]] task {
public:
  using promise_type = detail::promise<return_type>;
  using coroutine_handle = std::coroutine_handle<promise_type>;

  struct awaitable_base {
    bool await_ready() const noexcept;
    std::coroutine_handle<> await_suspend(std::coroutine_handle<> awaiting_coroutine) noexcept;
  };
  struct awaitable : awaitable_base {
    return_type await_resume();
  };

  task() noexcept;
  explicit task(coroutine_handle handle) : m_coroutine(handle) {}
  task(const task &) = delete;
  task(task &&other) noexcept;
  ~task();
  task &operator=(task &&other) noexcept;

  bool is_ready() const noexcept;
  bool resume();
  bool destroy();
  awaitable operator co_await() const & noexcept;
  awaitable operator co_await() const && noexcept;
  promise_type &promise() &;
  coroutine_handle handle();

private:
  coroutine_handle m_coroutine{nullptr};
};

namespace detail {
template <class return_type> task<return_type> promise<return_type>::get_return_object() noexcept {
  return task<return_type>{std::coroutine_handle<promise<return_type>>::from_promise(*this)};
}
inline task<void> promise<void>::get_return_object() noexcept {
  return task<void>{std::coroutine_handle<promise<void>>::from_promise(*this)};
}
} // namespace detail
} // namespace coro
