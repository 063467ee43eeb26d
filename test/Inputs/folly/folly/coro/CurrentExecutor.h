// Mock <folly/coro/CurrentExecutor.h>.
#pragma once

namespace folly::coro {
struct co_current_executor_t {};
inline constexpr co_current_executor_t co_current_executor;
} // namespace folly::coro
