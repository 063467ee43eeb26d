// Mock <cppcoro/task.hpp>: a lazy task, started when awaited.
#pragma once
#include <coroutine>
#include <exception>
#include <utility>

namespace cppcoro {
template <class T = void> class task;

namespace detail {
class task_promise_base {
public:
  std::suspend_always initial_suspend() noexcept { return {}; }
  struct final_awaitable {
    bool await_ready() const noexcept { return false; }
    template <class Promise> std::coroutine_handle<> await_suspend(std::coroutine_handle<Promise> coro) noexcept;
    void await_resume() noexcept {}
  };
  final_awaitable final_suspend() noexcept { return {}; }
};

template <class T> class task_promise final : public task_promise_base {
public:
  task<T> get_return_object() noexcept;
  void unhandled_exception() noexcept { m_exception = std::current_exception(); }
  template <class VALUE> void return_value(VALUE &&value) {}

private:
  std::exception_ptr m_exception;
};

template <> class task_promise<void> : public task_promise_base {
public:
  task<void> get_return_object() noexcept;
  void return_void() noexcept {}
  void unhandled_exception() noexcept { m_exception = std::current_exception(); }

private:
  std::exception_ptr m_exception;
};
} // namespace detail

template <class T> class [[nodiscard]] task {
public:
  using promise_type = detail::task_promise<T>;
  using value_type = T;

  struct awaitable_base {
    bool await_ready() const noexcept;
    std::coroutine_handle<> await_suspend(std::coroutine_handle<> awaitingCoroutine) noexcept;
  };

  task() noexcept;
  explicit task(std::coroutine_handle<promise_type> coroutine);
  task(task &&t) noexcept;
  task(const task &) = delete;
  task &operator=(const task &) = delete;
  ~task();
  task &operator=(task &&other) noexcept;

  bool is_ready() const noexcept;

  struct awaitable : awaitable_base {
    T await_resume();
  };
  struct ready_awaitable : awaitable_base {
    void await_resume() const noexcept {}
  };

  awaitable operator co_await() const & noexcept;
  awaitable operator co_await() const && noexcept;
  /// Waits for the task to complete without producing its result.
  ready_awaitable when_ready() const noexcept;
};

namespace detail {
template <class T> task<T> task_promise<T>::get_return_object() noexcept {
  return task<T>{std::coroutine_handle<task_promise>::from_promise(*this)};
}
inline task<void> task_promise<void>::get_return_object() noexcept {
  return task<void>{std::coroutine_handle<task_promise>::from_promise(*this)};
}
} // namespace detail
} // namespace cppcoro
