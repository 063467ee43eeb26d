// Mock <cppcoro/async_scope.hpp>: must be joined with `co_await
// scope.join()` before destruction. spawn() terminates if the spawned work
// throws (it does not swallow the exception).
#pragma once
#include <coroutine>
#include <exception>
#include <utility>

namespace cppcoro {
class async_scope {
public:
  async_scope() noexcept;
  ~async_scope();

  template <class AWAITABLE> void spawn(AWAITABLE &&awaitable) {
    [](async_scope *scope, AWAITABLE awaitable) -> oneway_task {
      co_await static_cast<AWAITABLE &&>(awaitable);
    }(this, static_cast<AWAITABLE &&>(awaitable));
  }

  class join_awaiter {
  public:
    bool await_ready() noexcept;
    bool await_suspend(std::coroutine_handle<> continuation) noexcept;
    void await_resume() noexcept {}
  };
  [[nodiscard]] join_awaiter join() noexcept;

private:
  struct oneway_task {
    struct promise_type {
      std::suspend_never initial_suspend() { return {}; }
      std::suspend_never final_suspend() noexcept { return {}; }
      void unhandled_exception() { std::terminate(); }
      oneway_task get_return_object() { return {}; }
      void return_void() {}
    };
  };
};
} // namespace cppcoro
