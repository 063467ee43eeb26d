// Mock <folly/coro/BlockingWait.h>: blocking_wait (alias blockingWait) is a
// function OBJECT that co_awaits its argument and blocks the calling thread.
#pragma once
#include <folly/Executor.h>
#include <folly/coro/Task.h>
#include <folly/coro/ViaIfAsync.h>

namespace folly::coro {
namespace detail {
template <class T> T semiAwaitResult(Task<T> &&);
template <class T> T semiAwaitResult(TaskWithExecutor<T> &&);
template <class T> T semiAwaitResult(SemiFuture<T> &&);
template <class A> await_result_t<A> semiAwaitResult(A &&);
template <class A> using semi_await_result_t = decltype(detail::semiAwaitResult(std::declval<A>()));
} // namespace detail

struct blocking_wait_fn {
  template <class Awaitable>
  auto operator()(Awaitable &&awaitable) const -> detail::semi_await_result_t<Awaitable>;
  template <class SemiAwaitable>
  auto operator()(SemiAwaitable &&awaitable, DrivableExecutor *executor) const
      -> detail::semi_await_result_t<SemiAwaitable>;
};
inline constexpr blocking_wait_fn blocking_wait{};
static constexpr blocking_wait_fn const &blockingWait = blocking_wait; // backcompat
} // namespace folly::coro
