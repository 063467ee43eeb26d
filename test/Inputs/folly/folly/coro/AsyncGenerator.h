// Mock <folly/coro/AsyncGenerator.h>: a lazy async generator; next() is a
// semi-awaitable, awaited from inside a Task.
#pragma once
#include <exception>
#include <folly/Executor.h>
#include <folly/coro/Coroutine.h>
#include <folly/coro/ViaIfAsync.h>

namespace folly::coro {
namespace detail {
template <class T> struct remove_cvref { using type = T; };
template <class T> struct remove_cvref<T &> { using type = T; };
template <class T> struct remove_cvref<T &&> { using type = T; };
template <class T> struct remove_cvref<const T &> { using type = T; };
template <class Reference, class Value> class AsyncGeneratorPromise;
} // namespace detail

template <class Reference, class Value = typename detail::remove_cvref<Reference>::type>
class [[nodiscard]] AsyncGenerator {
public:
  using promise_type = detail::AsyncGeneratorPromise<Reference, Value>;

  AsyncGenerator() noexcept;
  AsyncGenerator(AsyncGenerator &&other) noexcept;
  ~AsyncGenerator();

  class NextResult {
  public:
    bool has_value() const noexcept;
    explicit operator bool() const noexcept;
    Reference value();
    Reference operator*() noexcept;
  };
  class NextAwaitable {
  public:
    bool await_ready() noexcept;
    coroutine_handle<> await_suspend(coroutine_handle<> continuation) noexcept;
    NextResult await_resume();
  };
  class NextSemiAwaitable {
  public:
    NextAwaitable viaIfAsync(Executor::KeepAlive<> executor) noexcept { return {}; }
  };
  NextSemiAwaitable next() noexcept { return {}; }
};

namespace detail {
template <class Reference, class Value> class AsyncGeneratorPromise {
public:
  AsyncGenerator<Reference, Value> get_return_object() noexcept;
  suspend_always initial_suspend() noexcept { return {}; }
  suspend_always final_suspend() noexcept { return {}; }
  suspend_always yield_value(Reference value) noexcept { return {}; }
  template <class Awaitable> decltype(auto) await_transform(Awaitable &&awaitable) {
    return co_viaIfAsync(executor_.copy(), static_cast<Awaitable &&>(awaitable));
  }
  void return_void() noexcept {}
  void unhandled_exception() noexcept { exception_ = std::current_exception(); }

private:
  Executor::KeepAlive<> executor_;
  std::exception_ptr exception_;
};
} // namespace detail
} // namespace folly::coro
