// Mock <folly/coro/ViaIfAsync.h>: every `co_await expr` in a folly Task is
// `co_await co_viaIfAsync(parentExecutor, expr)`. Semi-awaitables (Task,
// Mutex::co_lock(), ...) become awaitable only through it.
#pragma once
#include <folly/Executor.h>
#include <folly/coro/Coroutine.h>
#include <utility>

namespace folly::coro {
namespace detail {
template <class A> decltype(auto) getAwaiter(A &&a) {
  if constexpr (requires { static_cast<A &&>(a).operator co_await(); })
    return static_cast<A &&>(a).operator co_await();
  else if constexpr (requires { operator co_await(static_cast<A &&>(a)); })
    return operator co_await(static_cast<A &&>(a));
  else
    return static_cast<A &&>(a);
}
} // namespace detail

template <class Awaitable>
using await_result_t = decltype(detail::getAwaiter(std::declval<Awaitable>()).await_resume());

/// Generic form: a semi-awaitable with a `viaIfAsync(executor)` member is
/// bound to the executor; any other awaitable passes through.
template <class Awaitable>
decltype(auto) co_viaIfAsync(Executor::KeepAlive<> executor, Awaitable &&awaitable) {
  if constexpr (requires { static_cast<Awaitable &&>(awaitable).viaIfAsync(executor); })
    return static_cast<Awaitable &&>(awaitable).viaIfAsync(executor);
  else
    return static_cast<Awaitable &&>(awaitable);
}
} // namespace folly::coro
