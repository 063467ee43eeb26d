// The libunifex / stdexec profile through every check.
// RUN: %check_coroguard --compile-fixed %s coroguard-* %t -- %mock_flags -isystem %inputs/unifex-stdexec

#include <exception>
#include <exec/async_scope.hpp>
#include <exec/start_detached.hpp>
#include <exec/static_thread_pool.hpp>
#include <exec/task.hpp>
#include <stdexec/execution.hpp>
#include <unifex/async_scope.hpp>
#include <unifex/just.hpp>
#include <unifex/sync_wait.hpp>
#include <unifex/task.hpp>
#include <unifex/v2/async_scope.hpp>
#include <utility>

exec::task<int> fetch(int key);
exec::task<void> store(int key, int value);
exec::basic_task<int> fetch_basic(int key);
unifex::task<int> ufetch(int key);
unifex::nothrow_task<void> ulog(const char *what);
bool try_store(int key); // not a task

//===----------------------------------------------------------------------===//
// coroguard-unawaited-task: exec::task (an alias of an internal basic_task)
// and unifex::task (an alias of _task<T, false>::type) are lazy.
//===----------------------------------------------------------------------===//

exec::task<void> discards_exec_tasks() {
  fetch(1);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: task returned by 'fetch' is discarded, so it never runs [coroguard-unawaited-task]
  // CHECK-FIXES: co_await fetch(1);
  store(1, 2);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: task returned by 'store' is discarded, so it never runs [coroguard-unawaited-task]
  // CHECK-FIXES: co_await store(1, 2);
  fetch_basic(3);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: task returned by 'fetch_basic' is discarded, so it never runs [coroguard-unawaited-task]
  // CHECK-FIXES: co_await fetch_basic(3);
  co_return;
}

unifex::task<void> discards_unifex_tasks() {
  ufetch(1);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: task returned by 'ufetch' is discarded, so it never runs [coroguard-unawaited-task]
  // CHECK-FIXES: co_await ufetch(1);
  ulog("x");
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: task returned by 'ulog' is discarded, so it never runs [coroguard-unawaited-task]
  // CHECK-FIXES: co_await ulog("x");
  co_return;
}

// In a plain function: reported, no co_await possible.
void plain_function() {
  fetch(1);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: task returned by 'fetch' is discarded, so it never runs [coroguard-unawaited-task]
}

// Awaited, stored, or handed to a scope or start_detached (which terminates
// on error): not discarded.
exec::task<int> awaited_and_spawned(exec::async_scope &scope,
                                    exec::static_thread_pool &pool) {
  co_await stdexec::schedule(pool.get_scheduler());
  int v = co_await fetch(1);
  v += co_await stdexec::just(2);
  auto later = fetch(3);
  v += co_await std::move(later);
  scope.spawn(store(1, v));
  exec::start_detached(store(2, v));
  try_store(v);
  co_return v;
}

//===----------------------------------------------------------------------===//
// coroguard-blocking-call: sync_wait is a function OBJECT.
//===----------------------------------------------------------------------===//

exec::task<int> blocks() {
  auto r = stdexec::sync_wait(fetch(1));
  // CHECK-MESSAGES: :[[@LINE-1]]:12: warning: 'stdexec::sync_wait' blocks the thread inside coroutine 'blocks'; co_await the sender instead (inside an exec::task or another coroutine that awaits senders) [coroguard-blocking-call]
  stdexec::sync_wait_with_variant(stdexec::just(1));
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'stdexec::sync_wait_with_variant' blocks the thread inside coroutine 'blocks'
  std::this_thread::sync_wait(stdexec::just());
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'std::this_thread::sync_wait' blocks the thread inside coroutine 'blocks'; co_await the sender instead (inside an exec::task or another coroutine that awaits senders) [coroguard-blocking-call]
  co_return r ? 1 : 0;
}

unifex::task<int> blocks_in_unifex() {
  auto r = unifex::sync_wait(unifex::just(1));
  // CHECK-MESSAGES: :[[@LINE-1]]:12: warning: 'unifex::sync_wait' blocks the thread inside coroutine 'blocks_in_unifex'; co_await the sender inside a unifex::task instead [coroguard-blocking-call]
  co_return r ? *r : 0;
}

// sync_wait belongs in main.
int main() {
  auto r = stdexec::sync_wait(fetch(1));
  auto u = unifex::sync_wait(ufetch(2));
  return r && u ? 0 : 1;
}

//===----------------------------------------------------------------------===//
// Scopes: drained or joined before destruction.
//===----------------------------------------------------------------------===//

exec::task<void> exec_scope_never_drained() {
  exec::async_scope scope;
  // CHECK-MESSAGES: :[[@LINE-1]]:21: warning: 'scope' is never released: co_await 'on_empty()' or hand it to a guard before it goes out of scope [coroguard-unmanaged-resource]
  scope.spawn(store(1, 1));
  co_return;
  // CHECK-MESSAGES: :[[@LINE-1]]:3: note: 'scope' is still unreleased when this co_return is taken
  // CHECK-MESSAGES: :[[@LINE-5]]:21: note: co_await scope.on_empty() on every path (catch into a std::exception_ptr, drain, rethrow)
}

exec::task<void> on_empty_discarded() {
  exec::async_scope scope;
  scope.on_empty(); // discarded
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: the awaitable returned by 'on_empty()' is discarded, so 'scope' is never released; co_await it [coroguard-missing-awaited-cleanup]
  // CHECK-FIXES: co_await scope.on_empty(); // discarded
  co_return;
}

// "Happy path only": spawning can throw before the join.
exec::task<void> counting_scope_happy_path_only() {
  stdexec::counting_scope scope;
  // CHECK-MESSAGES: :[[@LINE-1]]:27: warning: 'scope' is not released if an exception is thrown before 'join()' is awaited [coroguard-missing-awaited-cleanup]
  stdexec::spawn(store(1, 1), scope.get_token());
  // CHECK-MESSAGES: :[[@LINE-1]]:3: note: an exception thrown here leaves the scope of 'scope' without releasing it
  // CHECK-MESSAGES: :[[@LINE-4]]:27: note: co_await scope.join() on every path (catch into a std::exception_ptr, join, rethrow)
  co_await scope.join();
}

unifex::task<void> unifex_v2_early_return(bool ok) {
  unifex::v2::async_scope scope;
  // CHECK-MESSAGES: :[[@LINE-1]]:27: warning: 'scope' is not released on every path: co_await 'join()' or hand it to a guard before it goes out of scope [coroguard-unmanaged-resource]
  if (!ok)
    co_return;
  // CHECK-MESSAGES: :[[@LINE-1]]:5: note: 'scope' is still unreleased when this co_return is taken
  // CHECK-MESSAGES: :[[@LINE-5]]:27: note: co_await scope.join() on every path (catch into a std::exception_ptr, join, rethrow)
  co_await scope.join();
}

// Negative: catch into an exception_ptr, drain / join, rethrow.
exec::task<void> exec_scope_drained() {
  exec::async_scope scope;
  std::exception_ptr error;
  try {
    scope.spawn(store(1, 1));
    co_await fetch(2);
  } catch (...) {
    error = std::current_exception();
  }
  co_await scope.on_empty();
  if (error)
    std::rethrow_exception(error);
}

exec::task<void> counting_scope_joined() {
  stdexec::simple_counting_scope scope;
  std::exception_ptr error;
  try {
    stdexec::spawn(store(1, 1), scope.get_token());
    co_await fetch(2);
  } catch (...) {
    error = std::current_exception();
  }
  co_await scope.join();
  if (error)
    std::rethrow_exception(error);
}

unifex::task<void> unifex_v2_joined() {
  unifex::v2::async_scope scope;
  std::exception_ptr error;
  try {
    co_await scope.nest(ufetch(1));
  } catch (...) {
    error = std::current_exception();
  }
  co_await scope.join();
  if (error)
    std::rethrow_exception(error);
}

unifex::task<void> unifex_v1_cleaned_up() {
  unifex::async_scope scope;
  co_await scope.cleanup();
}

// Negative: nothing can throw between the scope and its join.
exec::task<void> joined_at_once() {
  std::execution::counting_scope scope;
  co_await scope.join();
}

// Negative: the drain sender stored now and awaited later.
exec::task<void> drain_awaited_later() {
  exec::async_scope scope;
  auto drained = scope.on_empty();
  co_await std::move(drained);
}
