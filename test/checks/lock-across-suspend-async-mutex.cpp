// A std:: lock over a coroutine-aware mutex is not a lock that blocks a
// thread: the mutex type decides, through the model or, for a library it
// does not know, by inference (a way to lock it that is awaited).
// RUN: %check_coroguard %s coroguard-lock-across-suspend %t -- %mock_flags -isystem %inputs/async_simple -isystem %inputs/testlib

#include <async_simple/coro/ConditionVariable.h>
#include <async_simple/coro/Lazy.h>
#include <async_simple/coro/SpinLock.h>
#include <mutex>
#include <task.h>

using async_simple::coro::Lazy;

Lazy<int> fetch();
testlib::task<int> query();

// async_simple's SpinLock taken by co_await, then held by a std::unique_lock
// across the condition variable's wait, which is given the lock.
async_simple::coro::SpinLock spin;
async_simple::coro::ConditionVariable<async_simple::coro::SpinLock> ready;
bool done = false;

Lazy<int> spin_lock_and_wait() {
  co_await spin.coLock();
  std::unique_lock<async_simple::coro::SpinLock> lock(spin, std::adopt_lock);
  co_await ready.wait(spin, [] { return done; });
  co_return co_await fetch();
}

Lazy<int> scoped_spin_lock() {
  auto lock = co_await spin.coScopedLock();
  co_return co_await fetch();
}

// A coroutine mutex of a library no profile knows: its lock is awaited.
namespace acme {
class co_mutex {
public:
  testlib::task<> lock_async();
  bool try_lock() noexcept;
  void unlock() noexcept;
};
} // namespace acme

acme::co_mutex table_mutex;

testlib::task<int> inferred_async_mutex() {
  co_await table_mutex.lock_async();
  std::lock_guard<acme::co_mutex> guard(table_mutex, std::adopt_lock);
  co_return co_await query();
}

// A mutex of the same library that blocks the thread: still reported.
namespace acme {
class spin_mutex {
public:
  void lock() noexcept;
  bool try_lock() noexcept;
  void unlock() noexcept;
};
} // namespace acme

acme::spin_mutex counter_mutex;

testlib::task<int> blocking_mutex() {
  std::lock_guard<acme::spin_mutex> guard(counter_mutex);
  // CHECK-MESSAGES: :[[@LINE-1]]:37: warning: 'guard' may still hold its mutex when the coroutine suspends; unlock it before suspending, or use an async mutex [coroguard-lock-across-suspend]
  co_return co_await query();
  // CHECK-MESSAGES: :[[@LINE-1]]:13: note: the coroutine suspends here with 'guard' held
}
