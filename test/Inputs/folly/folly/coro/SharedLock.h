// Mock <folly/coro/SharedLock.h>: the shared lock of folly's async shared
// mutex (std::shared_lock's interface, but it never blocks the thread).
#pragma once
#include <mutex>

namespace folly::coro {
template <class Mutex> class [[nodiscard]] SharedLock {
public:
  SharedLock() noexcept;
  explicit SharedLock(Mutex &mutex, std::defer_lock_t) noexcept;
  SharedLock(SharedLock &&other) noexcept;
  SharedLock(const SharedLock &) = delete;
  ~SharedLock();
  SharedLock &operator=(SharedLock &&other) noexcept;
  Mutex *mutex() const noexcept;
  Mutex *release() noexcept;
  bool owns_lock() const noexcept;
  explicit operator bool() const noexcept;
  bool try_lock() noexcept;
  void unlock() noexcept;
};
} // namespace folly::coro
