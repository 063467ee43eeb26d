// The cppcoro profile through every check.
// RUN: %check_coroguard --compile-fixed %s coroguard-* %t -- %mock_flags -isystem %inputs/cppcoro

#include <cppcoro/async_generator.hpp>
#include <cppcoro/async_mutex.hpp>
#include <cppcoro/async_scope.hpp>
#include <cppcoro/generator.hpp>
#include <cppcoro/io_service.hpp>
#include <cppcoro/shared_task.hpp>
#include <cppcoro/static_thread_pool.hpp>
#include <cppcoro/sync_wait.hpp>
#include <cppcoro/task.hpp>
#include <cppcoro/when_all.hpp>
#include <exception>
#include <thread>
#include <utility>

using cppcoro::task;

task<int> fetch(int key);
task<> store(int key, int value);
cppcoro::shared_task<int> config();
cppcoro::generator<int> numbers();
cppcoro::async_generator<int> ticks();
bool try_store(int key); // not a task

//===----------------------------------------------------------------------===//
// coroguard-unawaited-task.
//===----------------------------------------------------------------------===//

task<> discards_tasks(cppcoro::io_service &io) {
  fetch(1);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: task returned by 'fetch' is discarded, so it never runs [coroguard-unawaited-task]
  // CHECK-FIXES: co_await fetch(1);
  store(1, 2);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: task returned by 'store' is discarded, so it never runs [coroguard-unawaited-task]
  // CHECK-FIXES: co_await store(1, 2);
  config();
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: task returned by 'config' is discarded, so it never runs [coroguard-unawaited-task]
  // CHECK-FIXES: co_await config();
  // when_all returns an awaitable, not a task.
  cppcoro::when_all(fetch(2), fetch(3));
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: awaitable returned by 'when_all' is discarded, so it never runs [coroguard-unawaited-task]
  // CHECK-FIXES: co_await cppcoro::when_all(fetch(2), fetch(3));
  // An executor switch that is not awaited: the next step runs on the
  // wrong thread.
  io.schedule();
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: awaitable returned by 'schedule' is discarded, so it never runs [coroguard-unawaited-task]
  // CHECK-FIXES: co_await io.schedule();
  // Generators, synchronous or not, are iterated, not co_awaited: they are
  // not tasks, and discarding one is not "never awaited".
  numbers();
  ticks();
  co_return;
}

// Awaited, stored, or spawned into a scope: not discarded.
task<> awaited_and_spawned(cppcoro::async_scope &scope,
                           cppcoro::static_thread_pool &pool) {
  co_await pool.schedule();
  int v = co_await fetch(1);
  v += co_await config();
  auto later = fetch(2);
  v += co_await std::move(later);
  co_await cppcoro::when_all(store(1, v), store(2, v));
  scope.spawn(store(3, v)); // terminates if it throws: not a sink
  for (int n : numbers())
    v += n;
  try_store(v);
}

//===----------------------------------------------------------------------===//
// coroguard-blocking-call.
//===----------------------------------------------------------------------===//

task<int> blocks(cppcoro::io_service &io) {
  int v = cppcoro::sync_wait(fetch(1));
  // CHECK-MESSAGES: :[[@LINE-1]]:11: warning: 'cppcoro::sync_wait' blocks the thread inside coroutine 'blocks'; co_await the awaitable instead [coroguard-blocking-call]
  io.process_events();
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'cppcoro::io_service::process_events' blocks the thread inside coroutine 'blocks'; run the event loop on a dedicated thread and co_await io_service::schedule() instead [coroguard-blocking-call]
  io.process_one_event();
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'cppcoro::io_service::process_one_event' blocks the thread inside coroutine 'blocks'
  io.process_pending_events(); // does not wait
  co_return v;
}

// Negative: the async mutex never blocks the thread.
task<> async_lock(cppcoro::async_mutex &m) {
  auto lock = co_await m.scoped_lock_async();
  co_await store(1, 1);
}

// sync_wait and the event loop belong in main or on a dedicated thread.
int main() {
  cppcoro::io_service io;
  std::thread loop([&io] { io.process_events(); });
  int v = cppcoro::sync_wait(fetch(1));
  io.stop();
  loop.join();
  return v;
}

//===----------------------------------------------------------------------===//
// async_scope: joined with co_await scope.join() before destruction.
//===----------------------------------------------------------------------===//

task<> scope_never_joined() {
  cppcoro::async_scope scope;
  // CHECK-MESSAGES: :[[@LINE-1]]:24: warning: 'scope' is never released: co_await 'join()' or hand it to a guard before it goes out of scope [coroguard-unmanaged-resource]
  scope.spawn(store(1, 1));
  co_return;
  // CHECK-MESSAGES: :[[@LINE-1]]:3: note: 'scope' is still unreleased when this co_return is taken
  // CHECK-MESSAGES: :[[@LINE-5]]:24: note: co_await scope.join() on every path (catch into a std::exception_ptr, join, rethrow)
}

task<> join_discarded() {
  cppcoro::async_scope scope;
  scope.join(); // discarded
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: the awaitable returned by 'join()' is discarded, so 'scope' is never released; co_await it [coroguard-missing-awaited-cleanup]
  // CHECK-FIXES: co_await scope.join(); // discarded
  co_return;
}

// "Happy path only": spawn() (and building the task) can throw before the
// join, and an unjoined scope asserts in its destructor.
task<> scope_happy_path_only() {
  cppcoro::async_scope scope;
  // CHECK-MESSAGES: :[[@LINE-1]]:24: warning: 'scope' is not released if an exception is thrown before 'join()' is awaited [coroguard-missing-awaited-cleanup]
  for (int i = 0; i < 3; ++i)
    scope.spawn(store(i, i));
  // CHECK-MESSAGES: :[[@LINE-1]]:5: note: an exception thrown here leaves the scope of 'scope' without releasing it
  // CHECK-MESSAGES: :[[@LINE-5]]:24: note: co_await scope.join() on every path (catch into a std::exception_ptr, join, rethrow)
  co_await scope.join();
}

// Negative: catch into an exception_ptr, join, rethrow.
task<> scope_joined() {
  cppcoro::async_scope scope;
  std::exception_ptr error;
  try {
    for (int i = 0; i < 3; ++i)
      scope.spawn(store(i, i));
    co_await fetch(0);
  } catch (...) {
    error = std::current_exception();
  }
  co_await scope.join();
  if (error)
    std::rethrow_exception(error);
}

// Negative: the join awaitable stored now and awaited later.
task<> join_awaited_later() {
  cppcoro::async_scope scope;
  auto joined = scope.join();
  co_await joined;
}

// Negative: passed by reference to a coroutine of this file that joins it.
task<> drain(cppcoro::async_scope &scope) { co_await scope.join(); }
task<> passed_to_a_joiner() {
  cppcoro::async_scope scope;
  co_await drain(scope);
}
