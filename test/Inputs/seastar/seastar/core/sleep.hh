// Mock <seastar/core/sleep.hh>: the non-blocking sleep.
#pragma once
#include <chrono>
#include <seastar/core/future.hh>

namespace seastar {
template <class Clock = std::chrono::steady_clock, class Rep, class Period>
future<> sleep(std::chrono::duration<Rep, Period> dur);
} // namespace seastar
