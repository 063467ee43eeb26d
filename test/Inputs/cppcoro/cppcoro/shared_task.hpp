// Mock <cppcoro/shared_task.hpp>: a lazy, copyable task that several
// coroutines can await.
#pragma once
#include <coroutine>
#include <exception>

namespace cppcoro {
template <class T = void> class shared_task;

namespace detail {
template <class T> class shared_task_promise_base {
public:
  std::suspend_always initial_suspend() noexcept { return {}; }
  std::suspend_always final_suspend() noexcept { return {}; }
  void unhandled_exception() noexcept { m_exception = std::current_exception(); }

private:
  std::exception_ptr m_exception;
};
template <class T> class shared_task_promise : public shared_task_promise_base<T> {
public:
  shared_task<T> get_return_object() noexcept;
  template <class VALUE> void return_value(VALUE &&value) {}
};
template <> class shared_task_promise<void> : public shared_task_promise_base<void> {
public:
  shared_task<void> get_return_object() noexcept;
  void return_void() noexcept {}
};
} // namespace detail

template <class T> class [[nodiscard]] shared_task {
public:
  using promise_type = detail::shared_task_promise<T>;
  using value_type = T;

  struct awaitable {
    bool await_ready() const noexcept;
    bool await_suspend(std::coroutine_handle<> awaiter) noexcept;
    T await_resume();
  };

  shared_task() noexcept;
  explicit shared_task(std::coroutine_handle<promise_type> coroutine);
  shared_task(shared_task &&other) noexcept;
  shared_task(const shared_task &other) noexcept;
  shared_task &operator=(const shared_task &other) noexcept;
  ~shared_task();
  bool is_ready() const noexcept;
  awaitable operator co_await() const noexcept;
};

namespace detail {
template <class T> shared_task<T> shared_task_promise<T>::get_return_object() noexcept {
  return shared_task<T>{std::coroutine_handle<shared_task_promise>::from_promise(*this)};
}
inline shared_task<void> shared_task_promise<void>::get_return_object() noexcept {
  return shared_task<void>{std::coroutine_handle<shared_task_promise>::from_promise(*this)};
}
} // namespace detail

template <class AWAITABLE> auto make_shared_task(AWAITABLE awaitable) -> shared_task<>;
} // namespace cppcoro
