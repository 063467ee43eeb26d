// Mock <async_simple/coro/SharedMutex.h>: an async reader/writer mutex; the
// lock and unlock operations are Lazy<> and must be co_awaited.
#pragma once
#include <async_simple/coro/Lazy.h>
#include <async_simple/coro/SpinLock.h>

namespace async_simple::coro {
template <class Lock> class SharedMutexBase {
public:
  template <class... Args> SharedMutexBase(Args &&...args) {}
  ~SharedMutexBase();
  SharedMutexBase(const SharedMutexBase &) = delete;

  Lazy<> coLock() noexcept;
  bool tryLock() noexcept;
  Lazy<void> unlock() noexcept;
  Lazy<void> coLockShared();
  bool tryLockShared();
  Lazy<void> unlockShared();
};

struct SharedMutex : public SharedMutexBase<SpinLock> {
  SharedMutex(int count = 128) : SharedMutexBase<SpinLock>(count) {}
};
} // namespace async_simple::coro
