// Mock <folly/coro/Coroutine.h>.
#pragma once
#include <coroutine>

namespace folly::coro {
using std::coroutine_handle;
using std::suspend_always;
using std::suspend_never;
} // namespace folly::coro
