// Mock <folly/coro/Task.h> (folly v2026.06.15.00).
//
// Task<T> is lazy and has NO operator co_await of its own: only a folly Task
// (or AsyncGenerator) can await it, through the promise's await_transform and
// the co_viaIfAsync hidden friend, which binds it to the parent's executor.
// co_withExecutor(executor, task) gives a TaskWithExecutor, awaitable
// anywhere; Task::scheduleOn is the deprecated spelling.
#pragma once
#include <exception>
#include <folly/Executor.h>
#include <folly/Unit.h>
#include <folly/coro/Coroutine.h>
#include <folly/coro/CurrentExecutor.h>
#include <folly/coro/Invoke.h>
#include <folly/coro/ViaIfAsync.h>
#include <folly/futures/Future.h>
#include <utility>

namespace folly::coro {
template <class T = void> class Task;
template <class T = void> class TaskWithExecutor;

namespace detail {
template <class T> struct lift_unit { using type = T; };
template <> struct lift_unit<void> { using type = Unit; };

class TaskPromiseBase {
public:
  suspend_always initial_suspend() noexcept { return {}; }
  suspend_always final_suspend() noexcept { return {}; }

  template <class Awaitable> decltype(auto) await_transform(Awaitable &&awaitable) {
    return co_viaIfAsync(executor_.copy(), static_cast<Awaitable &&>(awaitable));
  }
  auto await_transform(co_current_executor_t) noexcept {
    struct result {
      bool await_ready() const noexcept { return true; }
      void await_suspend(coroutine_handle<>) noexcept {}
      Executor *await_resume() const noexcept;
    };
    return result{};
  }

  void unhandled_exception() noexcept { exception_ = std::current_exception(); }

protected:
  Executor::KeepAlive<> executor_;
  std::exception_ptr exception_;
};

template <class T> class TaskPromise : public TaskPromiseBase {
public:
  Task<T> get_return_object() noexcept;
  template <class U> void return_value(U &&value) {}
};
template <> class TaskPromise<void> : public TaskPromiseBase {
public:
  Task<void> get_return_object() noexcept;
  void return_void() noexcept {}
};

template <class T> struct TaskAwaiter {
  bool await_ready() noexcept { return false; }
  template <class Promise> coroutine_handle<> await_suspend(coroutine_handle<Promise> continuation) noexcept;
  T await_resume();
};
} // namespace detail

template <class T> class [[nodiscard]] TaskWithExecutor {
public:
  using promise_type = detail::TaskPromise<T>;

  TaskWithExecutor(TaskWithExecutor &&t) noexcept;
  ~TaskWithExecutor();

  Executor *executor() const noexcept;
  /// Starts the task on its executor; the result arrives in the SemiFuture.
  SemiFuture<typename detail::lift_unit<T>::type> start() &&;
  template <class F> void start(F &&tryCallback) && {}
  template <class F> void startInlineUnsafe(F &&tryCallback) && {}
  SemiFuture<typename detail::lift_unit<T>::type> startInlineUnsafe() &&;

  detail::TaskAwaiter<T> operator co_await() && noexcept;

  friend detail::TaskAwaiter<T> co_viaIfAsync(Executor::KeepAlive<> executor,
                                              TaskWithExecutor &&taskWithExecutor) noexcept {
    return {};
  }

private:
  friend class Task<T>;
  TaskWithExecutor() noexcept;
};

template <class T> class [[nodiscard]] Task {
public:
  using promise_type = detail::TaskPromise<T>;

  Task(const Task &) = delete;
  Task(Task &&t) noexcept;
  ~Task();
  Task &operator=(Task t) noexcept;

  [[deprecated("Legacy form, prefer `co_withExecutor(exec, yourTask())`.")]]
  TaskWithExecutor<T> scheduleOn(Executor::KeepAlive<> executor) && noexcept;

  /// Converts the Task into a SemiFuture (started when the future is).
  SemiFuture<typename detail::lift_unit<T>::type> semi() &&;

  friend detail::TaskAwaiter<T> co_viaIfAsync(Executor::KeepAlive<> executor, Task<T> &&t) noexcept {
    return {};
  }

private:
  friend class detail::TaskPromise<T>;
  Task() noexcept;
};

/// Binds a task to an executor: co_withExecutor(executor, task()).
template <class T>
TaskWithExecutor<T> co_withExecutor(Executor::KeepAlive<> executor, Task<T> task) noexcept;

namespace detail {
template <class T> Task<T> TaskPromise<T>::get_return_object() noexcept { return Task<T>{}; }
inline Task<void> TaskPromise<void>::get_return_object() noexcept { return Task<void>{}; }
} // namespace detail
} // namespace folly::coro
