// Mock <async_simple/coro/SpinLock.h>.
#pragma once
#include <async_simple/coro/Lazy.h>
#include <mutex>

namespace async_simple::coro {
class SpinLock {
public:
  explicit SpinLock(int count = 1024) noexcept;
  bool tryLock() noexcept;
  Lazy<> coLock() noexcept;
  Lazy<std::unique_lock<SpinLock>> coScopedLock() noexcept;
  void lock() noexcept;
  void unlock() noexcept;
};
} // namespace async_simple::coro
