// RUN: %check_coroguard %s coroguard-lock-across-suspend %t -- %mock_flags -isystem %inputs/testlib
//
// The UPSTREAM lines are what clang-tidy's own
// cppcoreguidelines-no-suspend-with-lock says on the same cases
// (lock-across-suspend-upstream.test).

#include <mutex>
#include <shared_mutex>
#include <task.h>
#include <utility>

using testlib::task;

std::mutex m;
std::shared_mutex sm;
task<int> fetch();

task<> held_across_await() {
  std::lock_guard<std::mutex> guard(m);
  // CHECK-MESSAGES: :[[@LINE-1]]:31: warning: 'guard' may still hold its mutex when the coroutine suspends; unlock it before suspending, or use an async mutex [coroguard-lock-across-suspend]
  co_await fetch();
  // CHECK-MESSAGES: :[[@LINE-1]]:3: note: the coroutine suspends here with 'guard' held
  // UPSTREAM: :[[@LINE-2]]:3: warning: coroutine suspended with lock 'guard' held
}

task<> held_on_some_path(bool early) {
  std::unique_lock<std::mutex> lock(m);
  // CHECK-MESSAGES: :[[@LINE-1]]:32: warning: 'lock' may still hold its mutex when the coroutine suspends
  if (early)
    lock.unlock();
  co_await fetch();
  // CHECK-MESSAGES: :[[@LINE-1]]:3: note: the coroutine suspends here with 'lock' held
  // UPSTREAM: :[[@LINE-2]]:3: warning: coroutine suspended with lock 'lock' held
}

task<> relocked(bool again) {
  std::unique_lock<std::mutex> lock(m);
  // CHECK-MESSAGES: :[[@LINE-1]]:32: warning: 'lock' may still hold its mutex
  lock.unlock();
  co_await fetch();
  // UPSTREAM: :[[@LINE-1]]:3: warning: coroutine suspended with lock 'lock' held
  lock.lock();
  co_await fetch();
  // CHECK-MESSAGES: :[[@LINE-1]]:3: note: the coroutine suspends here with 'lock' held
  // UPSTREAM: :[[@LINE-2]]:3: warning: coroutine suspended with lock 'lock' held
}

task<> scoped_and_shared() {
  std::scoped_lock both(m, sm);
  // CHECK-MESSAGES: :[[@LINE-1]]:20: warning: 'both' may still hold its mutex
  co_await fetch();
  // CHECK-MESSAGES: :[[@LINE-1]]:3: note: the coroutine suspends here with 'both' held
}

task<> shared_reader() {
  std::shared_lock<std::shared_mutex> reader(sm);
  // CHECK-MESSAGES: :[[@LINE-1]]:39: warning: 'reader' may still hold its mutex
  co_await fetch();
  // CHECK-MESSAGES: :[[@LINE-1]]:3: note: the coroutine suspends here with 'reader' held
  // UPSTREAM: :[[@LINE-2]]:3: warning: coroutine suspended with lock 'reader' held
}

testlib::task<int> generatorish();
task<> in_a_loop() {
  for (int i = 0; i < 3; ++i) {
    co_await fetch(); // the lock of the previous iteration is gone here
    std::lock_guard<std::mutex> guard(m);
    // CHECK-MESSAGES: :[[@LINE-1]]:33: warning: 'guard' may still hold its mutex
    if (i == 2)
      co_await fetch();
    // CHECK-MESSAGES: :[[@LINE-1]]:7: note: the coroutine suspends here with 'guard' held
    // UPSTREAM: :[[@LINE-2]]:7: warning: coroutine suspended with lock 'guard' held
  }
}

//===----------------------------------------------------------------------===//
// Negative cases: where a purely syntactic check (such as clang-tidy's
// cppcoreguidelines-no-suspend-with-lock) warns, but the mutex is free.
//===----------------------------------------------------------------------===//

task<> unlocked_before() {
  std::unique_lock<std::mutex> lock(m);
  lock.unlock();
  co_await fetch();
  // UPSTREAM: :[[@LINE-1]]:3: warning: coroutine suspended with lock 'lock' held
}

task<> released_before() {
  std::unique_lock<std::mutex> lock(m);
  std::mutex *owned = lock.release();
  owned->unlock();
  co_await fetch();
  // UPSTREAM: :[[@LINE-1]]:3: warning: coroutine suspended with lock 'lock' held
}

task<> inner_block() {
  {
    std::lock_guard<std::mutex> guard(m);
  }
  co_await fetch();
}

task<> deferred() {
  std::unique_lock<std::mutex> lock(m, std::defer_lock);
  co_await fetch();
  // UPSTREAM: :[[@LINE-1]]:3: warning: coroutine suspended with lock 'lock' held
  lock.lock();
}

struct unlocking_awaiter {
  explicit unlocking_awaiter(std::unique_lock<std::mutex> lock);
  bool await_ready() const noexcept;
  void await_suspend(std::coroutine_handle<>) noexcept; // unlocks
  void await_resume() noexcept;
};
task<> moved_into_awaiter() {
  std::unique_lock<std::mutex> lock(m);
  co_await unlocking_awaiter(std::move(lock));
  // UPSTREAM: :[[@LINE-1]]:3: warning: coroutine suspended with lock 'lock' held
}

// A coroutine condition variable is given the lock and releases it while
// the coroutine waits.
struct async_condition {
  template <class Lock, class Pred> unlocking_awaiter wait(Lock &lock, Pred p) {
    return unlocking_awaiter(std::move(lock));
  }
};
task<> coroutine_condition_variable(async_condition &cv) {
  std::unique_lock<std::mutex> lock(m);
  co_await cv.wait(lock, [] { return true; });
  // UPSTREAM: :[[@LINE-1]]:3: warning: coroutine suspended with lock 'lock' held
}

// Locks over an async mutex of the model do not block the thread.
namespace async_simple::coro {
class Mutex {
public:
  void lock();
  void unlock();
};
} // namespace async_simple::coro
async_simple::coro::Mutex async_m;
task<> async_mutex() {
  std::unique_lock<async_simple::coro::Mutex> lock(async_m);
  co_await fetch();
  // UPSTREAM: :[[@LINE-1]]:3: warning: coroutine suspended with lock 'lock' held
}

// No suspension while held.
task<> no_suspension() {
  std::lock_guard<std::mutex> guard(m);
  co_return;
}

// Plain functions and non-coroutine lambdas are not coroutines.
void plain() {
  std::lock_guard<std::mutex> guard(m);
  auto later = [] { std::lock_guard<std::mutex> g(m); };
  later();
}

// A throw out of the lock's block destroys the lock before the handler.
task<> thrown_out_of_lock_scope(bool fail) {
  try {
    std::lock_guard<std::mutex> guard(m);
    if (fail)
      throw 1;
  } catch (int) {
  }
  co_await fetch();
}

// A call that throws before the unlock() leaves the lock held in the
// handler and after it.
void may_throw();
task<> throws_before_unlock() {
  std::unique_lock<std::mutex> lock(m);
  // CHECK-MESSAGES: :[[@LINE-1]]:32: warning: 'lock' may still hold its mutex
  try {
    may_throw();
    lock.unlock();
  } catch (...) {
  }
  co_await fetch();
  // CHECK-MESSAGES: :[[@LINE-1]]:3: note: the coroutine suspends here with 'lock' held
  // UPSTREAM: :[[@LINE-2]]:3: warning: coroutine suspended with lock 'lock' held
}
