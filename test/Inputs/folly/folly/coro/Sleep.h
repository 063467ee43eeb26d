// Mock <folly/coro/Sleep.h>: the awaitable sleep of a folly::coro::Task
// (folly's `Task<void> sleep(HighResDuration, Timekeeper* = nullptr)`).
#pragma once
#include <chrono>
#include <folly/coro/Task.h>

namespace folly {
class Timekeeper;
using HighResDuration = std::chrono::nanoseconds;
namespace coro {
Task<void> sleep(HighResDuration d, Timekeeper *tk = nullptr);
} // namespace coro
} // namespace folly
