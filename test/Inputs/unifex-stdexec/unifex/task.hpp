// Mock <unifex/task.hpp>: unifex::task<T> (an alias of _task::_task<T,
// false>::type) is lazy, awaitable and a sender; inside it, senders can be
// co_awaited.
#pragma once
#include <coroutine>
#include <exception>
#include <unifex/sender_concepts.hpp>

namespace unifex {
namespace _task {
template <class T> struct _return_value {
  template <class Value> void return_value(Value &&value) noexcept {}
};
template <> struct _return_value<void> {
  void return_void() noexcept {}
};

template <class T, bool nothrow> struct _task {
  struct [[nodiscard]] type;
};

template <class T, bool nothrow> struct [[nodiscard]] _task<T, nothrow>::type {
  static constexpr bool sends_done = true;
  using _value_t = T;

  struct promise_type : _return_value<T> {
    type get_return_object() noexcept {
      return type{std::coroutine_handle<promise_type>::from_promise(*this)};
    }
    std::suspend_always initial_suspend() noexcept { return {}; }
    std::suspend_always final_suspend() noexcept { return {}; }
    void unhandled_exception() noexcept { exception_ = std::current_exception(); }

    template <class Value> decltype(auto) await_transform(Value &&value) {
      if constexpr (sender<Value> && !requires { static_cast<Value &&>(value).operator co_await(); })
        return _mock::sender_awaiter<_mock::value_of_t<Value>>{};
      else
        return static_cast<Value &&>(value);
    }

    std::exception_ptr exception_;
  };

  struct awaiter {
    bool await_ready() noexcept { return false; }
    template <class OtherPromise>
    std::coroutine_handle<> await_suspend(std::coroutine_handle<OtherPromise> h) noexcept;
    T await_resume();
  };

  type(type &&t) noexcept;
  ~type();
  awaiter operator co_await() && noexcept;

private:
  explicit type(std::coroutine_handle<promise_type> h) noexcept : coro_(h) {}
  std::coroutine_handle<promise_type> coro_;
};
} // namespace _task

template <class T> using task = typename _task::_task<T, false>::type;
template <class T> using nothrow_task = typename _task::_task<T, true>::type;
} // namespace unifex
