// Mock <exec/task.hpp> (stdexec main, 2026). `exec` is an alias of
// experimental::execution; exec::task<T> is an alias of the internal
// __task::basic_task<T, default_task_context<T>>. A task is lazy, awaitable
// from any coroutine and is also a sender.
#pragma once
#include <coroutine>
#include <exception>
#include <stdexec/execution.hpp>
#include <utility>

namespace experimental::execution {
namespace __task {
template <class _Ty> struct default_task_context {
  template <class _Promise> using promise_context_t = default_task_context;
};

template <class _Ty> struct __promise_result {
  template <class _Value> void return_value(_Value &&__value) noexcept {}
};
template <> struct __promise_result<void> {
  void return_void() noexcept {}
};

template <class _Ty, class _Context> class [[nodiscard]] basic_task {
public:
  using __t = basic_task;
  using sender_concept = stdexec::sender_t;
  using __value_t = _Ty;

  struct promise_type : stdexec::with_awaitable_senders<promise_type>, __promise_result<_Ty> {
    basic_task get_return_object() noexcept {
      return basic_task(std::coroutine_handle<promise_type>::from_promise(*this));
    }
    std::suspend_always initial_suspend() noexcept { return {}; }
    std::suspend_always final_suspend() noexcept { return {}; }
    void unhandled_exception() noexcept { __exception_ = std::current_exception(); }
    std::exception_ptr __exception_;
  };

  struct __task_awaitable {
    static constexpr bool await_ready() noexcept { return false; }
    template <class _ParentPromise>
    std::coroutine_handle<> await_suspend(std::coroutine_handle<_ParentPromise> __parent) noexcept;
    _Ty await_resume();
  };

  basic_task(basic_task &&__that) noexcept;
  ~basic_task();

  // Make this task generally awaitable.
  friend __task_awaitable operator co_await(basic_task &&__self) noexcept { return {}; }

private:
  explicit basic_task(std::coroutine_handle<promise_type> __coro) noexcept : __coro_(__coro) {}
  std::coroutine_handle<promise_type> __coro_;
};
} // namespace __task

template <class _Ty> using default_task_context = __task::default_task_context<_Ty>;

template <class _Ty, class _Context = default_task_context<_Ty>>
using basic_task = __task::basic_task<_Ty, _Context>;

template <class _Ty> using task = basic_task<_Ty, default_task_context<_Ty>>;
} // namespace experimental::execution

namespace exec = experimental::execution;
