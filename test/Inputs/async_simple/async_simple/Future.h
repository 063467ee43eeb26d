// Mock <async_simple/Future.h>: an eager future; get()/wait() block the
// calling thread. A Lazy co_awaits it (<async_simple/coro/FutureAwaiter.h>).
#pragma once
#include <async_simple/Executor.h>
#include <async_simple/Try.h>
#include <exception>
#include <utility>

namespace async_simple {
template <class T> class Future {
public:
  using value_type = T;
  Future(Future &&fut) noexcept;
  Future(const Future &) = delete;
  ~Future();

  bool valid() const;
  bool hasResult() const;
  T &value() &;
  T &&value() &&;
  /// Blocks until the value is available.
  T get() &&;
  /// Blocks until the future has a result.
  void wait();
  Future<T> via(Executor *executor) &&;
  template <class F>
  auto thenValue(F &&f) && -> Future<decltype(static_cast<F &&>(f)(std::declval<T &&>()))> {
    return Future<decltype(static_cast<F &&>(f)(std::declval<T &&>()))>{};
  }
  template <class F>
  auto thenTry(F &&f) && -> Future<decltype(static_cast<F &&>(f)(std::declval<Try<T> &&>()))> {
    return Future<decltype(static_cast<F &&>(f)(std::declval<Try<T> &&>()))>{};
  }

private:
  template <class> friend class Future;
  Future() noexcept;
};

template <class T> class Promise {
public:
  Promise();
  Promise(Promise &&) noexcept;
  ~Promise();
  Future<T> getFuture();
  template <class V> void setValue(V &&v) {}
  void setException(std::exception_ptr error);
};

template <class T> Future<T> makeReadyFuture(T &&v);
} // namespace async_simple
