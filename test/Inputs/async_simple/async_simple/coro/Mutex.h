// Mock <async_simple/coro/Mutex.h>: an async mutex; coScopedLock() yields a
// std::unique_lock<Mutex> that never blocks the thread.
#pragma once
#include <coroutine>
#include <mutex>

namespace async_simple::coro {
class Mutex {
private:
  class ScopedLockAwaiter;
  class LockAwaiter;

public:
  Mutex() noexcept;
  Mutex(const Mutex &) = delete;
  ~Mutex();

  bool tryLock() noexcept;
  [[nodiscard]] ScopedLockAwaiter coScopedLock() noexcept;
  [[nodiscard]] LockAwaiter coLock() noexcept;
  void unlock() noexcept;

  // For std::unique_lock<Mutex>.
  bool try_lock() noexcept;

private:
  class LockAwaiter {
  public:
    explicit LockAwaiter(Mutex &mutex) noexcept : _mutex(mutex) {}
    bool await_ready() noexcept;
    bool await_suspend(std::coroutine_handle<> awaitingCoroutine) noexcept;
    void await_resume() noexcept {}

  protected:
    Mutex &_mutex;
  };

  class ScopedLockAwaiter : public LockAwaiter {
  public:
    using LockAwaiter::LockAwaiter;
    [[nodiscard]] std::unique_lock<Mutex> await_resume() noexcept;
  };
};

inline Mutex::ScopedLockAwaiter Mutex::coScopedLock() noexcept { return ScopedLockAwaiter(*this); }
inline Mutex::LockAwaiter Mutex::coLock() noexcept { return LockAwaiter(*this); }
} // namespace async_simple::coro
