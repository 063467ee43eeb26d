// Mock <folly/coro/AsyncScope.h>: an AsyncScope that had work added must be
// joined with `co_await scope.joinAsync()` (or cleanup()) before destruction.
#pragma once
#include <folly/Unit.h>
#include <folly/coro/Task.h>
#include <folly/futures/Future.h>

namespace folly::coro {
class AsyncScope {
public:
  AsyncScope() noexcept;
  explicit AsyncScope(bool throwOnJoin) noexcept;
  ~AsyncScope();

  std::size_t remaining() const noexcept;
  /// Starts the awaitable (a TaskWithExecutor, not a bare Task).
  template <class Awaitable> void add(Awaitable &&awaitable, void *returnAddress = nullptr) {}
  /// Asynchronously waits for all started tasks to complete.
  Task<void> joinAsync() noexcept;
  /// Asynchronously cleans up all started tasks.
  SemiFuture<Unit> cleanup() noexcept;
};

class CancellableAsyncScope {
public:
  CancellableAsyncScope() noexcept;
  explicit CancellableAsyncScope(bool throwOnJoin) noexcept;

  std::size_t remaining() const noexcept;
  template <class Awaitable> void add(Awaitable &&awaitable) {}
  void requestCancellation() const noexcept;
  bool isScopeCancellationRequested() const noexcept;
  Task<void> cancelAndJoinAsync() noexcept;
  Task<void> joinAsync() noexcept;
};
} // namespace folly::coro
