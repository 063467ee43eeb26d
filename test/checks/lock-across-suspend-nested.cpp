// RUN: %check_coroguard %s coroguard-lock-across-suspend %t -- %mock_flags -isystem %inputs/testlib
//
// A suspension point is wherever a co_await or co_yield is written, not only
// a co_await that is a statement of its own: inside a declaration, an
// assignment, a condition, a call argument or a co_return operand.

#include <mutex>
#include <task.h>
#include <utility>

using testlib::task;

std::mutex m;
task<int> fetch();
void consume(int);
struct reply { int v; };
task<reply> ask();

task<> in_a_declaration() {
  std::lock_guard<std::mutex> guard(m);
  // CHECK-MESSAGES: :[[@LINE-1]]:31: warning: 'guard' may still hold its mutex when the coroutine suspends; unlock it before suspending, or use an async mutex [coroguard-lock-across-suspend]
  int v = co_await fetch();
  // CHECK-MESSAGES: :[[@LINE-1]]:11: note: the coroutine suspends here with 'guard' held
  consume(v);
}

task<> in_an_assignment() {
  int v = 0;
  std::unique_lock<std::mutex> lock(m);
  // CHECK-MESSAGES: :[[@LINE-1]]:32: warning: 'lock' may still hold its mutex
  v = (co_await ask()).v;
  // CHECK-MESSAGES: :[[@LINE-1]]:8: note: the coroutine suspends here with 'lock' held
  consume(v);
}

task<> in_a_condition() {
  std::lock_guard<std::mutex> guard(m);
  // CHECK-MESSAGES: :[[@LINE-1]]:31: warning: 'guard' may still hold its mutex
  if (co_await fetch())
  // CHECK-MESSAGES: :[[@LINE-1]]:7: note: the coroutine suspends here with 'guard' held
    consume(1);
}

task<> in_an_argument() {
  std::lock_guard<std::mutex> guard(m);
  // CHECK-MESSAGES: :[[@LINE-1]]:31: warning: 'guard' may still hold its mutex
  consume(co_await fetch());
  // CHECK-MESSAGES: :[[@LINE-1]]:11: note: the coroutine suspends here with 'guard' held
}

task<int> in_a_co_return() {
  std::lock_guard<std::mutex> guard(m);
  // CHECK-MESSAGES: :[[@LINE-1]]:31: warning: 'guard' may still hold its mutex
  co_return co_await fetch();
  // CHECK-MESSAGES: :[[@LINE-1]]:13: note: the coroutine suspends here with 'guard' held
}

// Negatives: the lock is gone before the nested suspension point.
task<> unlocked_before() {
  std::unique_lock<std::mutex> lock(m);
  lock.unlock();
  int v = co_await fetch();
  consume(v);
}

task<> scope_ended_before() {
  {
    std::lock_guard<std::mutex> guard(m);
    consume(1);
  }
  consume(co_await fetch());
}

task<int> moved_away_before() {
  std::unique_lock<std::mutex> lock(m);
  std::unique_lock<std::mutex> other = std::move(lock);
  other.unlock();
  co_return co_await fetch();
}
