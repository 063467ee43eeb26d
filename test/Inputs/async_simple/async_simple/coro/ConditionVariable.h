// Mock <async_simple/coro/ConditionVariable.h>: wait() is given the lock
// and releases it while the coroutine waits.
#pragma once
#include <async_simple/coro/Lazy.h>
#include <async_simple/coro/SpinLock.h>

namespace async_simple::coro {
template <class Lock> class ConditionVariable {
public:
  template <class Pred> Lazy<> wait(Lock &lock, Pred &&pred) noexcept { co_return; }
  void notify() noexcept;
  void notifyOne() noexcept;
};
} // namespace async_simple::coro
