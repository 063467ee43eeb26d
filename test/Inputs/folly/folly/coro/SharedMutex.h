// Mock <folly/coro/SharedMutex.h>: SharedMutexFair, aliased SharedMutex.
#pragma once
#include <folly/Executor.h>
#include <folly/coro/Coroutine.h>
#include <folly/coro/SharedLock.h>
#include <mutex>

namespace folly::coro {
class SharedMutexFair {
  template <class Awaiter> class LockOperation {
  public:
    explicit LockOperation(SharedMutexFair &mutex) noexcept : mutex_(mutex) {}
    auto viaIfAsync(Executor::KeepAlive<> executor) const { return Awaiter{mutex_}; }

  private:
    SharedMutexFair &mutex_;
  };
  template <class Result> struct Awaiter {
    SharedMutexFair &mutex_;
    bool await_ready() noexcept;
    bool await_suspend(coroutine_handle<> h) noexcept;
    Result await_resume() noexcept;
  };

public:
  SharedMutexFair() noexcept;
  SharedMutexFair(const SharedMutexFair &) = delete;
  ~SharedMutexFair();

  bool try_lock() noexcept;
  bool try_lock_shared() noexcept;
  [[nodiscard]] LockOperation<Awaiter<void>> co_lock() noexcept;
  [[nodiscard]] LockOperation<Awaiter<std::unique_lock<SharedMutexFair>>> co_scoped_lock() noexcept;
  [[nodiscard]] LockOperation<Awaiter<void>> co_lock_shared() noexcept;
  [[nodiscard]] LockOperation<Awaiter<SharedLock<SharedMutexFair>>> co_scoped_lock_shared() noexcept;
  void unlock() noexcept;
  void unlock_shared() noexcept;
};

// The default SharedMutex is SharedMutexFair.
using SharedMutex = SharedMutexFair;
} // namespace folly::coro
