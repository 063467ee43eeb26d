// Mock <folly/coro/Mutex.h>: an async mutex. co_lock() and co_scoped_lock()
// are [[nodiscard]] semi-awaitables (bound to the executor by the awaiting
// Task); co_scoped_lock() yields a std::unique_lock<folly::coro::Mutex> that
// never blocks the thread.
#pragma once
#include <folly/Executor.h>
#include <folly/coro/Coroutine.h>
#include <folly/coro/ViaIfAsync.h>
#include <mutex>

namespace folly::coro {
class Mutex {
  class ScopedLockAwaiter;
  class LockAwaiter;
  template <class Awaiter> class LockOperation;

public:
  Mutex() noexcept;
  Mutex(const Mutex &) = delete;
  Mutex(Mutex &&) = delete;
  ~Mutex();

  bool try_lock() noexcept;
  [[nodiscard]] LockOperation<ScopedLockAwaiter> co_scoped_lock() noexcept;
  [[nodiscard]] LockOperation<LockAwaiter> co_lock() noexcept;
  void unlock() noexcept;

private:
  class LockAwaiter {
  public:
    explicit LockAwaiter(Mutex &mutex) noexcept : mutex_(mutex) {}
    bool await_ready() noexcept;
    bool await_suspend(coroutine_handle<> awaitingCoroutine) noexcept;
    void await_resume() noexcept {}

  protected:
    Mutex &mutex_;
  };

  class ScopedLockAwaiter : public LockAwaiter {
  public:
    using LockAwaiter::LockAwaiter;
    std::unique_lock<Mutex> await_resume() noexcept;
  };

  template <class Awaiter> class LockOperation {
  public:
    explicit LockOperation(Mutex &mutex) noexcept : mutex_(mutex) {}
    auto viaIfAsync(Executor::KeepAlive<> executor) const { return Awaiter{mutex_}; }

  private:
    Mutex &mutex_;
  };
};

inline Mutex::LockOperation<Mutex::ScopedLockAwaiter> Mutex::co_scoped_lock() noexcept {
  return LockOperation<ScopedLockAwaiter>{*this};
}
inline Mutex::LockOperation<Mutex::LockAwaiter> Mutex::co_lock() noexcept {
  return LockOperation<LockAwaiter>{*this};
}
} // namespace folly::coro
