// Mock of coro/concepts/awaitable.hpp helpers.
#pragma once
#include <utility>

namespace coro::concepts {
template <class A> decltype(auto) get_awaiter(A &&a) {
  if constexpr (requires { static_cast<A &&>(a).operator co_await(); })
    return static_cast<A &&>(a).operator co_await();
  else
    return static_cast<A &&>(a);
}
template <class A>
using awaitable_return_t = decltype(concepts::get_awaiter(std::declval<A>()).await_resume());
} // namespace coro::concepts
