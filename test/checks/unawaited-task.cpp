// RUN: %check_coroguard --compile-fixed %s coroguard-unawaited-task %t -- %mock_flags -isystem %inputs/testlib

#include <task.h>
#include <utility>

using testlib::task;

task<int> fetch(int key);
task<> store(int key, int value);
testlib::eager_task log_async(const char *);
bool try_store(int key);

struct Client {
  task<> connect();
  task<int> query(int) const;
  testlib::switch_awaiter resume_on(testlib::executor);
  static task<> ping();
};

task<> discards_tasks(Client &c, testlib::executor ex) {
  fetch(11);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: task returned by 'fetch' is discarded, so it never runs [coroguard-unawaited-task]
  // CHECK-FIXES: co_await fetch(11);
  store(1, 2);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: task returned by 'store' is discarded, so it never runs
  // CHECK-FIXES: co_await store(1, 2);
  c.connect();
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: task returned by 'connect' is discarded
  // CHECK-FIXES: co_await c.connect();
  Client::ping();
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: task returned by 'ping' is discarded
  // CHECK-FIXES: co_await Client::ping();
  // An executor switch that is not awaited: the next step runs on the
  // wrong executor.
  c.resume_on(ex);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: awaitable returned by 'resume_on' is discarded, so it never runs
  // CHECK-FIXES: co_await c.resume_on(ex);
  if (co_await c.query(1) > 0)
    store(2, 3);
  // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: task returned by 'store' is discarded
  // CHECK-FIXES: co_await store(2, 3);
  for (int i = 0; i < 3; ++i)
    fetch(i);
  // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: task returned by 'fetch' is discarded
  // CHECK-FIXES: co_await fetch(i);
  co_return;
}

// In a plain function there is nothing to co_await with: no fix-it.
void plain_function() {
  fetch(1);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: task returned by 'fetch' is discarded, so it never runs
  // CHECK-MESSAGES: :[[@LINE-2]]:3: note: no fix-it: co_await can only be written in a coroutine; await it in the coroutine that calls this function, or start it with the library's spawn
}

// An immediately invoked coroutine lambda: co_await goes before the whole
// call, at the lambda's '['.
task<> invoked_lambda(Client &c) {
  [&]() -> task<> { co_await c.connect(); }();
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: task returned by this call is discarded, so it never runs
  // CHECK-FIXES: co_await [&]() -> task<> { co_await c.connect(); }();
  co_return;
}

// Coroutine lambdas.
auto handler = [](Client &c) -> task<> {
  c.connect();
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: task returned by 'connect' is discarded
  // CHECK-FIXES: co_await c.connect();
  co_return;
};

// A non-coroutine lambda inside a coroutine: no co_await is possible there.
task<> inner_lambda() {
  auto later = [] { fetch(2); };
  // CHECK-MESSAGES: :[[@LINE-1]]:21: warning: task returned by 'fetch' is discarded
  later();
  co_return;
}

// Templates: reported once, for the code as written.
template <class T> task<T> twice(T v) {
  fetch(12);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: task returned by 'fetch' is discarded
  // CHECK-FIXES: co_await fetch(12);
  co_return v;
}
template task<int> twice(int);
template task<long> twice(long);

// A dependent call is decided per instantiation.
template <class F> task<> run_callable(F f) {
  f();
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: task returned by 'f' is discarded
  // CHECK-FIXES: co_await f();
  co_return;
}
template task<> run_callable(task<> (*)());
void instantiate() { testlib::spawn(run_callable([] { return fetch(3); })); }

// A test macro that builds a task and drops it: the code under test never
// runs. Reported at the macro use; the call is the user's text, in the
// coroutine's own scope, so co_await goes there.
#define RUN_ASYNC(expr) do { expr; } while (0)
task<> macro_use() {
  RUN_ASYNC(fetch(4));
  // CHECK-MESSAGES: :[[@LINE-1]]:13: warning: task returned by 'fetch' is discarded
  // CHECK-FIXES: RUN_ASYNC(co_await fetch(4));
  co_return;
}

// A macro that is the whole call: co_await goes before it.
#define FETCH_FIVE() fetch(5)
task<> macro_is_the_call() {
  FETCH_FIVE();
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: task returned by 'fetch' is discarded
  // CHECK-FIXES: co_await FETCH_FIVE();
  co_return;
}

// Calls the macro itself spells among other code: no fix-it.
#define FETCH_TWO() fetch(6); fetch(7)
task<> macro_spelled() {
  FETCH_TWO();
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: task returned by 'fetch' is discarded
  // CHECK-MESSAGES: :[[@LINE-2]]:3: note: no fix-it: the call is written in a macro
  co_return;
}

//===----------------------------------------------------------------------===//
// Negative cases.
//===----------------------------------------------------------------------===//

task<> awaited_and_handed_over(Client &c) {
  co_await fetch(1);
  int v = co_await c.query(2);
  auto t = fetch(3);        // stored: awaited below
  co_await std::move(t);
  testlib::spawn(store(v, 1)); // handed to a spawner
  auto pending = c.connect(); // stored, the caller decides
  (void)pending;
  co_return;
}

task<int> returns_the_task() { co_return co_await fetch(5); }
task<int> forwards() { return_value_helper: co_return 1; }

task<> eager_and_plain() {
  log_async("eager: already running"); // starts at once
  try_store(1);                        // not a task
  testlib::spawn_eager(log_async("x"));
  co_return;
}

// A discarded call in unevaluated or unrelated positions.
task<> unevaluated() {
  using T = decltype(fetch(1));
  static_assert(sizeof(fetch(1)) > 0);
  co_return;
}

// Both operands of a discarded comma expression are discarded.
task<> comma() {
  fetch(1), fetch(2);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: task returned by 'fetch' is discarded
  // CHECK-MESSAGES: :[[@LINE-2]]:13: warning: task returned by 'fetch' is discarded
  // CHECK-FIXES: co_await fetch(1), co_await fetch(2);
  co_return;
}

// co_await is not allowed in a handler: reported, but no fix-it.
task<> in_handler() {
  try {
    co_await fetch(1);
  } catch (...) {
    store(0, 0);
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: task returned by 'store' is discarded
    // CHECK-MESSAGES: :[[@LINE-2]]:5: note: no fix-it: co_await is not allowed in a catch handler
    // CHECK-FIXES-NOT: co_await store(0, 0);
  }
  co_return;
}
