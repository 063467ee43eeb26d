// Mock <coro/sync_wait.hpp>: blocks the calling thread until the awaitable
// completes.
#pragma once
#include <coro/detail/awaitable.hpp>

namespace coro {
template <class awaitable_type>
auto sync_wait(awaitable_type &&a) -> concepts::awaitable_return_t<awaitable_type>;
} // namespace coro
