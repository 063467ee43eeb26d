// Mock <cppcoro/sync_wait.hpp>: blocks the calling thread until the
// awaitable completes.
#pragma once
#include <cppcoro/detail/awaitable_traits.hpp>

namespace cppcoro {
template <class AWAITABLE> auto sync_wait(AWAITABLE &&awaitable) -> detail::await_result_t<AWAITABLE>;
} // namespace cppcoro
