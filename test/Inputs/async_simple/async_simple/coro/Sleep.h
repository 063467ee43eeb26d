// Mock <async_simple/coro/Sleep.h> (async_simple 1.4): the awaitable sleep
// of a Lazy.
#pragma once
#include <async_simple/coro/Lazy.h>
#include <chrono>

namespace async_simple::coro {
template <typename Rep, typename Period>
Lazy<void> sleep(std::chrono::duration<Rep, Period> dur);
} // namespace async_simple::coro
