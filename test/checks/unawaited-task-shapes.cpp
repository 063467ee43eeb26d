// What is discarded, and what discarding it does.
// RUN: %check_coroguard --compile-fixed %s coroguard-unawaited-task %t -- %mock_flags -isystem %inputs/testlib -isystem %inputs/testing

#include <catch2/catch.hpp>
#include <coroutine>
#include <map>
#include <optional>
#include <task.h>
#include <utility>
#include <vector>

using testlib::task;

task<int> fetch(int key);
task<> work();

//===----------------------------------------------------------------------===//
// A call that returns a reference to a task someone owns discards nothing.
//===----------------------------------------------------------------------===//

struct session {
  task<> pending;
  std::optional<task<>> maybe;
  std::vector<task<>> queue;
  std::map<int, task<>> by_key;
};

task<> keeps_the_task(session &s) {
  s.queue.emplace_back(work());
  s.maybe.emplace(work());
  s.by_key.try_emplace(1, work());
  s.pending = work();
  s.queue[0] = work();
  co_await std::move(s.pending);
}

// An xvalue of a temporary ends its life at the end of the statement.
task<> moves_a_temporary() {
  std::move(work());
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: task returned by 'move' is discarded, so it never runs [coroguard-unawaited-task]
  // CHECK-FIXES: co_await std::move(work());
  co_return;
}

//===----------------------------------------------------------------------===//
// Awaitables that are not tasks: an awaiter, a class with operator co_await
// (a member or a free one). Not [[nodiscard]], so the compiler is silent.
//===----------------------------------------------------------------------===//

struct executor_switch {
  bool await_ready() const noexcept;
  void await_suspend(std::coroutine_handle<>) noexcept;
  void await_resume() noexcept;
};
struct resume_on_pool {
  executor_switch operator co_await() const noexcept;
};
struct delay {
  int ms;
};
executor_switch operator co_await(delay) noexcept;

executor_switch switch_to_io();
resume_on_pool resume_on();
delay sleep_for(int ms);
void blocking_step();

task<> forgets_to_switch() {
  switch_to_io();
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: awaitable returned by 'switch_to_io' is discarded, so it never runs
  // CHECK-FIXES: co_await switch_to_io();
  resume_on();
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: awaitable returned by 'resume_on' is discarded, so it never runs
  // CHECK-FIXES: co_await resume_on();
  sleep_for(10);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: awaitable returned by 'sleep_for' is discarded, so it never runs
  // CHECK-FIXES: co_await sleep_for(10);
  blocking_step();
  co_await resume_on(); // awaited: not reported
  co_await sleep_for(1);
}

//===----------------------------------------------------------------------===//
// A generator is iterated, not awaited: discarding it is not "never
// awaited", lazy or eager.
//===----------------------------------------------------------------------===//

template <class T> struct generator {
  struct promise_type {
    generator get_return_object();
    std::suspend_always initial_suspend() noexcept;
    std::suspend_always final_suspend() noexcept;
    std::suspend_always yield_value(T) noexcept;
    void return_void() noexcept;
    void unhandled_exception();
  };
};
generator<int> numbers();

task<> discards_a_generator() {
  numbers();
  co_return;
}

// A task discarded inside a generator's body still never runs (no fix-it:
// a generator yields, it does not await).
generator<int> produces() {
  work();
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: task returned by 'work' is discarded, so it never runs
  co_yield 1;
}

//===----------------------------------------------------------------------===//
// A task built in a test macro that throws it away: the code under test
// never runs, though the macro spells (void).
//===----------------------------------------------------------------------===//

void test_body() {
  CHECK_NOTHROW(work());
  // CHECK-MESSAGES: :[[@LINE-1]]:17: warning: task returned by 'work' is discarded, so it never runs
  REQUIRE_NOTHROW(fetch(1));
  // CHECK-MESSAGES: :[[@LINE-1]]:19: warning: task returned by 'fetch' is discarded, so it never runs
  // The user's own (void) is a decision.
  (void)work();
}

