// A minimal lazy task (starts suspended, like cppcoro::task), an eager one,
// an awaiter, and a thread pool to hand work to.
#pragma once
#include <coroutine>
#include <exception>
#include <utility>

namespace testlib {

template <class T = void> class task {
public:
  struct promise_type {
    task get_return_object() noexcept;
    std::suspend_always initial_suspend() noexcept { return {}; }
    std::suspend_always final_suspend() noexcept { return {}; }
    template <class U> void return_value(U &&) {}
    void unhandled_exception() { ex = std::current_exception(); }
    std::exception_ptr ex;
  };
  task(task &&) noexcept;
  task &operator=(task &&) noexcept;
  ~task();
  bool await_ready() const noexcept;
  void await_suspend(std::coroutine_handle<>) noexcept;
  T await_resume();
};

template <> class task<void> {
public:
  struct promise_type {
    task get_return_object() noexcept;
    std::suspend_always initial_suspend() noexcept { return {}; }
    std::suspend_always final_suspend() noexcept { return {}; }
    void return_void() {}
    void unhandled_exception() { ex = std::current_exception(); }
    std::exception_ptr ex;
  };
  task(task &&) noexcept;
  task &operator=(task &&) noexcept;
  ~task();
  bool await_ready() const noexcept;
  void await_suspend(std::coroutine_handle<>) noexcept;
  void await_resume();
};

/// Starts running at once: discarding it does not lose the work.
struct eager_task {
  struct promise_type {
    eager_task get_return_object() noexcept;
    std::suspend_never initial_suspend() noexcept { return {}; }
    std::suspend_never final_suspend() noexcept { return {}; }
    void return_void() {}
    void unhandled_exception() {}
  };
};

/// An awaiter: nothing happens until it is awaited.
struct switch_awaiter {
  bool await_ready() const noexcept;
  void await_suspend(std::coroutine_handle<>) noexcept;
  void await_resume() noexcept;
};

struct executor {
  switch_awaiter schedule();
};

class thread_pool {
public:
  executor get_executor();
  template <class F> void post(F &&f) {}
};
template <class F> void post(thread_pool &pool, F &&f) {}

/// Starts a task and lets it run to completion on its own.
template <class T> void spawn(task<T> &&t);
void spawn_eager(eager_task);

} // namespace testlib
