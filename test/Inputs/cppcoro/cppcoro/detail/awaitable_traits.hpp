// Mock <cppcoro/awaitable_traits.hpp> helpers.
#pragma once
#include <utility>

namespace cppcoro::detail {
template <class A> decltype(auto) get_awaiter(A &&a) {
  if constexpr (requires { static_cast<A &&>(a).operator co_await(); })
    return static_cast<A &&>(a).operator co_await();
  else if constexpr (requires { operator co_await(static_cast<A &&>(a)); })
    return operator co_await(static_cast<A &&>(a));
  else
    return static_cast<A &&>(a);
}
template <class A>
using await_result_t = decltype(detail::get_awaiter(std::declval<A>()).await_resume());
} // namespace cppcoro::detail
