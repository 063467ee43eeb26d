// The folly::coro profile through every check.
// RUN: %check_coroguard --compile-fixed %s coroguard-* %t -- %mock_flags -isystem %inputs/folly

#include <chrono>
#include <exception>
#include <folly/Executor.h>
#include <folly/coro/AsyncGenerator.h>
#include <folly/coro/AsyncScope.h>
#include <folly/coro/Baton.h>
#include <folly/coro/BlockingWait.h>
#include <folly/coro/Mutex.h>
#include <folly/coro/ScopeExit.h>
#include <folly/coro/SharedMutex.h>
#include <folly/coro/Task.h>
#include <folly/executors/CPUThreadPoolExecutor.h>
#include <folly/executors/GlobalExecutor.h>
#include <folly/futures/Future.h>
#include <folly/synchronization/Baton.h>
#include <mutex>
#include <thread>
#include <utility>

using folly::coro::Task;
using namespace std::chrono;

Task<int> fetch(int key);
Task<void> store(int key, int value);
folly::coro::AsyncGenerator<int> stream_keys();
folly::SemiFuture<int> legacy_fetch(int key);
bool try_store(int key); // not a task

//===----------------------------------------------------------------------===//
// coroguard-unawaited-task.
//===----------------------------------------------------------------------===//

Task<void> discards_tasks(folly::Executor::KeepAlive<> ex) {
  fetch(1); // discarded
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: task returned by 'fetch' is discarded, so it never runs [coroguard-unawaited-task]
  // CHECK-FIXES: co_await fetch(1); // discarded
  store(1, 2);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: task returned by 'store' is discarded, so it never runs [coroguard-unawaited-task]
  // CHECK-FIXES: co_await store(1, 2);
  folly::coro::co_withExecutor(ex, store(3, 4));
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: task returned by 'co_withExecutor' is discarded, so it never runs [coroguard-unawaited-task]
  // CHECK-FIXES: co_await folly::coro::co_withExecutor(ex, store(3, 4));
  // An AsyncGenerator is iterated, not co_awaited: it is not a task, and
  // discarding it is not "never awaited".
  stream_keys();
  co_return;
}

// In a plain function: reported, no co_await possible.
void plain_function() {
  fetch(2);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: task returned by 'fetch' is discarded, so it never runs [coroguard-unawaited-task]
}

// Awaited, started, stored, or handed to a scope: not discarded.
Task<void> awaited_and_started(folly::Executor::KeepAlive<> ex,
                               folly::coro::AsyncScope &scope) {
  int v = co_await fetch(1);
  co_await co_withExecutor(ex, store(v, 1));
  folly::coro::co_withExecutor(ex, store(v, 2)).start();
  auto later = fetch(3);
  v += co_await std::move(later);
  scope.add(folly::coro::co_withExecutor(ex, store(v, 3)));
  try_store(v);
}

//===----------------------------------------------------------------------===//
// coroguard-blocking-call.
//===----------------------------------------------------------------------===//

Task<int> blocks(folly::CPUThreadPoolExecutor &pool, folly::Baton<> &baton) {
  int a = folly::coro::blockingWait(fetch(1));
  // CHECK-MESSAGES: :[[@LINE-1]]:11: warning: 'folly::coro::blockingWait' blocks the thread inside coroutine 'blocks'; co_await the task (only a folly Task can await it) [coroguard-blocking-call]
  folly::coro::blocking_wait(store(1, a));
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'folly::coro::blocking_wait' blocks the thread inside coroutine 'blocks'; co_await the task (only a folly Task can await it) [coroguard-blocking-call]
  int b = legacy_fetch(2).get();
  // CHECK-MESSAGES: :[[@LINE-1]]:11: warning: 'folly::SemiFuture::get' blocks the thread inside coroutine 'blocks'; co_await the future inside a folly::coro::Task instead of blocking on it [coroguard-blocking-call]
  baton.wait();
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'folly::Baton::wait' blocks the thread inside coroutine 'blocks'; use a folly::coro::Baton and co_await it instead [coroguard-blocking-call]
  pool.join();
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'folly::ThreadPoolExecutor::join' blocks the thread inside coroutine 'blocks'; co_await the work instead; join the executor only outside coroutines (e.g. in main) [coroguard-blocking-call]
  std::this_thread::sleep_for(milliseconds(1));
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'std::this_thread::sleep_for' blocks the thread inside coroutine 'blocks'
  // Not blocking: the awaited forms.
  int c = co_await legacy_fetch(3);
  co_return a + b + c;
}

// Negative: the async synchronisation primitives never block the thread.
Task<void> async_primitives(folly::coro::Baton &baton, folly::coro::Mutex &m,
                            folly::coro::SharedMutex &sm) {
  co_await baton;
  {
    std::unique_lock<folly::coro::Mutex> lock = co_await m.co_scoped_lock();
    co_await store(1, 1);
  }
  {
    auto shared = co_await sm.co_scoped_lock_shared();
    co_await store(2, 2);
  }
  co_await m.co_lock();
  m.unlock();
  baton.post();
}

// blockingWait belongs in main.
int main() {
  int v = folly::coro::blockingWait(
      co_withExecutor(folly::getGlobalCPUExecutor(), fetch(1)));
  folly::CPUThreadPoolExecutor pool(4);
  pool.join();
  return v;
}

//===----------------------------------------------------------------------===//
// AsyncScope: joined with co_await scope.joinAsync() before destruction.
//===----------------------------------------------------------------------===//

Task<void> scope_never_joined(folly::Executor::KeepAlive<> ex) {
  folly::coro::AsyncScope scope;
  // CHECK-MESSAGES: :[[@LINE-1]]:27: warning: 'scope' is never released: co_await 'joinAsync()' or 'cleanup()' or hand it to a guard before it goes out of scope [coroguard-unmanaged-resource]
  scope.add(co_withExecutor(ex, store(1, 1)));
  co_return;
  // CHECK-MESSAGES: :[[@LINE-1]]:3: note: 'scope' is still unreleased when this co_return is taken
  // CHECK-MESSAGES: :[[@LINE-5]]:27: note: co_await scope.joinAsync() on every path (catch into a std::exception_ptr, join, rethrow), or hand the scope to folly::coro::co_scope_exit
}

Task<void> scope_early_return(folly::Executor::KeepAlive<> ex, bool ok) {
  folly::coro::AsyncScope scope;
  // CHECK-MESSAGES: :[[@LINE-1]]:27: warning: 'scope' is not released on every path: co_await 'joinAsync()' or 'cleanup()' or hand it to a guard before it goes out of scope [coroguard-unmanaged-resource]
  std::exception_ptr error;
  try {
    scope.add(co_withExecutor(ex, store(1, 1)));
  } catch (...) {
    error = std::current_exception();
  }
  if (!ok)
    co_return;
  // CHECK-MESSAGES: :[[@LINE-1]]:5: note: 'scope' is still unreleased when this co_return is taken
  // CHECK-MESSAGES: :[[@LINE-11]]:27: note: co_await scope.joinAsync() on every path (catch into a std::exception_ptr, join, rethrow), or hand the scope to folly::coro::co_scope_exit
  co_await scope.joinAsync();
  if (error)
    std::rethrow_exception(error);
}

Task<void> join_discarded(folly::Executor::KeepAlive<> ex) {
  folly::coro::AsyncScope scope;
  scope.joinAsync(); // discarded
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: the awaitable returned by 'joinAsync()' is discarded, so 'scope' is never released; co_await it [coroguard-missing-awaited-cleanup]
  // CHECK-FIXES: co_await scope.joinAsync(); // discarded
  co_return;
}

// "Happy path only": add() and the awaited fetch can throw before the join.
Task<void> scope_happy_path_only(folly::Executor::KeepAlive<> ex) {
  folly::coro::CancellableAsyncScope scope;
  // CHECK-MESSAGES: :[[@LINE-1]]:38: warning: 'scope' is not released if an exception is thrown before 'joinAsync()' or 'cancelAndJoinAsync()' is awaited [coroguard-missing-awaited-cleanup]
  scope.add(co_withExecutor(ex, store(1, 1)));
  // CHECK-MESSAGES: :[[@LINE-1]]:3: note: an exception thrown here leaves the scope of 'scope' without releasing it
  // CHECK-MESSAGES: :[[@LINE-4]]:38: note: co_await scope.cancelAndJoinAsync() on every path (catch into a std::exception_ptr, join, rethrow), or hand the scope to folly::coro::co_scope_exit
  co_await fetch(2);
  co_await scope.cancelAndJoinAsync();
}

// Negative: joined on every path.
Task<void> scope_joined(folly::Executor::KeepAlive<> ex) {
  folly::coro::AsyncScope scope;
  std::exception_ptr error;
  try {
    for (int i = 0; i < 4; ++i)
      scope.add(co_withExecutor(ex, store(i, i)));
    co_await fetch(0);
  } catch (...) {
    error = std::current_exception();
  }
  co_await scope.joinAsync();
  if (error)
    std::rethrow_exception(error);
}

// Negative: nothing can throw between the scope and its join.
Task<void> scope_joined_at_once() {
  folly::coro::AsyncScope scope;
  co_await scope.joinAsync();
}

// Negative: handed to co_scope_exit, which joins it on every path.
Task<void> scope_exit_guard(folly::Executor::KeepAlive<> ex) {
  folly::coro::AsyncScope scope;
  co_await folly::coro::co_scope_exit(
      [&scope]() -> Task<void> { co_await scope.joinAsync(); });
  scope.add(co_withExecutor(ex, store(1, 1)));
  co_await fetch(1);
}

// Negative: the join stored now and awaited later.
Task<void> join_awaited_later(folly::Executor::KeepAlive<> ex) {
  folly::coro::AsyncScope scope;
  auto joining = scope.joinAsync();
  co_await std::move(joining);
}
