// Mock <async_simple/coro/Lazy.h> (async_simple 1.4).
//
// Lazy<T> is lazy and awaitable only from another Lazy (the promise's
// await_transform calls coAwait(executor)). start(callback) and detach() are
// the explicit fire-and-forget forms; detach() rethrows an exception (it does
// not swallow it). via(executor) gives a RescheduleLazy.
#pragma once
#include <async_simple/Executor.h>
#include <async_simple/Try.h>
#include <coroutine>
#include <exception>
#include <utility>

namespace async_simple::coro {
template <class T = void> class Lazy;
template <class T = void> class RescheduleLazy;

namespace detail {
class LazyPromiseBase {
public:
  struct FinalAwaiter {
    bool await_ready() const noexcept { return false; }
    template <class PromiseType>
    std::coroutine_handle<> await_suspend(std::coroutine_handle<PromiseType> h) noexcept;
    void await_resume() noexcept {}
  };

  std::suspend_always initial_suspend() noexcept { return {}; }
  FinalAwaiter final_suspend() noexcept { return {}; }

  template <class Awaitable> decltype(auto) await_transform(Awaitable &&awaitable) {
    if constexpr (requires { static_cast<Awaitable &&>(awaitable).coAwait(_executor); })
      return static_cast<Awaitable &&>(awaitable).coAwait(_executor);
    else
      return static_cast<Awaitable &&>(awaitable);
  }

  Executor *_executor = nullptr;
};

template <class T> class LazyPromise : public LazyPromiseBase {
public:
  Lazy<T> get_return_object() noexcept;
  template <class V> void return_value(V &&value) {}
  void unhandled_exception() noexcept { _exception = std::current_exception(); }
  std::exception_ptr _exception;
};
template <> class LazyPromise<void> : public LazyPromiseBase {
public:
  Lazy<void> get_return_object() noexcept;
  void return_void() noexcept {}
  void unhandled_exception() noexcept { _exception = std::current_exception(); }
  std::exception_ptr _exception;
};

template <class T> class LazyAwaiterBase {
public:
  bool await_ready() const noexcept { return false; }
  std::coroutine_handle<> await_suspend(std::coroutine_handle<> continuation) noexcept;
  T await_resume();
  Try<T> awaitResumeTry() noexcept;
};

template <class T, bool reschedule> class LazyBase {
public:
  using promise_type = LazyPromise<T>;
  using Handle = std::coroutine_handle<promise_type>;
  using ValueType = T;

  explicit LazyBase(Handle coro) noexcept : _coro(coro) {}
  LazyBase(LazyBase &&other) noexcept;
  LazyBase(const LazyBase &) = delete;
  ~LazyBase();

  bool isReady() const;
  /// Starts the lazy; the callback receives Try<T>.
  template <class F> void start(F &&callback) {}
  /// Starts the lazy and forgets it; an exception is rethrown.
  void detach() {
    this->start([](auto &&t) {
      if (t.hasError())
        std::rethrow_exception(t.getException());
    });
  }
  auto coAwait(Executor *ex) { return LazyAwaiterBase<T>{}; }

protected:
  Handle _coro;
};
} // namespace detail

template <class T> class [[nodiscard]] RescheduleLazy : public detail::LazyBase<T, true> {
public:
  using detail::LazyBase<T, true>::LazyBase;
};

template <class T> class [[nodiscard]] Lazy : public detail::LazyBase<T, false> {
public:
  using detail::LazyBase<T, false>::LazyBase;
  /// Binds the Lazy to an executor.
  RescheduleLazy<T> via(Executor *ex) &&;
  RescheduleLazy<T> setEx(Executor *ex) &&;
  template <class F> void directlyStart(F &&callback, Executor *executor = nullptr) {}
};

namespace detail {
template <class T> Lazy<T> LazyPromise<T>::get_return_object() noexcept {
  return Lazy<T>(std::coroutine_handle<LazyPromise<T>>::from_promise(*this));
}
inline Lazy<void> LazyPromise<void>::get_return_object() noexcept {
  return Lazy<void>(std::coroutine_handle<LazyPromise<void>>::from_promise(*this));
}
} // namespace detail
} // namespace async_simple::coro
