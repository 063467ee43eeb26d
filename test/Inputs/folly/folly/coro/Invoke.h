// Mock <folly/coro/Invoke.h>: co_invoke keeps a coroutine lambda alive for
// as long as the coroutine it starts.
#pragma once
#include <utility>

namespace folly::coro {
struct co_invoke_fn {
  template <class F, class... A>
  auto operator()(F &&f, A &&...a) const -> decltype(static_cast<F &&>(f)(static_cast<A &&>(a)...)) {
    return static_cast<F &&>(f)(static_cast<A &&>(a)...);
  }
};
inline constexpr co_invoke_fn co_invoke{};
} // namespace folly::coro
