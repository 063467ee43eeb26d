// Mock <folly/futures/Future.h>: SemiFuture/Future, whose get()/wait()
// block the calling thread; inside a folly::coro::Task they are co_awaited.
#pragma once
#include <chrono>
#include <coroutine>
#include <exception>
#include <folly/Executor.h>
#include <folly/Unit.h>
#include <utility>

namespace folly {
template <class T> class Future;

template <class T> class SemiFuture {
public:
  using value_type = T;
  SemiFuture(SemiFuture &&) noexcept;
  ~SemiFuture();
  bool valid() const noexcept;
  bool isReady() const;
  bool hasValue() const;
  bool hasException() const;
  /// Blocks until the value is available.
  T get() &&;
  template <class Rep, class Period> T get(std::chrono::duration<Rep, Period> dur) &&;
  /// Blocks until the future is complete.
  SemiFuture &wait() &;
  SemiFuture &&wait() &&;
  Future<T> via(Executor::KeepAlive<> executor) &&;
  Future<T> toUnsafeFuture() &&;
};

template <class T> class Future {
public:
  using value_type = T;
  Future(Future &&) noexcept;
  ~Future();
  bool valid() const noexcept;
  bool isReady() const;
  bool hasValue() const;
  bool hasException() const;
  /// Blocks until the value is available.
  T get() &&;
  template <class Rep, class Period> T get(std::chrono::duration<Rep, Period> dur) &&;
  /// Blocks until the future is complete.
  Future &wait() &;
  Future &&wait() &&;
  template <class F> auto thenValue(F &&func) && -> Future<decltype(func(std::declval<T>()))> {
    return Future<decltype(func(std::declval<T>()))>{};
  }
  Future<T> via(Executor::KeepAlive<> executor) &&;
  SemiFuture<T> semi() &&;

private:
  template <class> friend class Future;
  Future() noexcept;
};

template <class T> class Promise {
public:
  Promise();
  Promise(Promise &&) noexcept;
  ~Promise();
  SemiFuture<T> getSemiFuture();
  Future<T> getFuture();
  template <class U> void setValue(U &&value);
  void setException(std::exception_ptr ep);
};

template <class T> SemiFuture<T> makeSemiFuture(T &&value);
SemiFuture<Unit> makeSemiFuture();
template <class T> Future<T> makeFuture(T &&value);

namespace detail {
template <class T> struct FutureAwaiter {
  bool await_ready() const noexcept;
  void await_suspend(std::coroutine_handle<>) noexcept;
  T await_resume();
};
} // namespace detail

template <class T> detail::FutureAwaiter<T> operator co_await(SemiFuture<T> &&future) noexcept;
template <class T> detail::FutureAwaiter<T> operator co_await(Future<T> &&future) noexcept;
} // namespace folly
