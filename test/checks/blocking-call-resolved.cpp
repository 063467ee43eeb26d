// get() or wait() on a result that is already resolved returns at once.
// RUN: %check_coroguard %s coroguard-blocking-call %t -- %mock_flags -isystem %inputs/seastar -isystem %inputs/testlib

#include <chrono>
#include <future>
#include <seastar/core/coroutine.hh>
#include <seastar/core/future.hh>
#include <seastar/core/when_all.hh>
#include <seastar/coroutine/as_future.hh>
#include <task.h>
#include <tuple>

using seastar::future;

future<int> fetch();
future<> yield();
void use(int);

// Same function: the value of a co_await is resolved.
future<> after_as_future() {
  auto f = co_await seastar::coroutine::as_future(fetch());
  if (f.failed())
    co_return;
  use(f.get());
}

future<> after_when_all() {
  auto [a, b] = co_await seastar::when_all(fetch(), fetch());
  use(a.get() + b.get());
  auto results = co_await seastar::when_all(fetch(), fetch());
  use(std::get<0>(results).get());
}

future<> ready_futures() {
  auto f = seastar::make_ready_future<int>(1);
  use(f.get());
  use(seastar::make_ready_future<int>(2).get());
  co_return;
}

// Under a readiness check, negated or not, and after a polling loop.
future<> checked(future<int> f, future<int> g, future<int> h) {
  if (f.available())
    use(f.get());
  if (!g.available())
    co_return;
  use(g.get());
  while (!h.available())
    co_await yield();
  use(h.get());
}

testlib::task<> zero_timeout(std::future<int> f, std::future<int> g) {
  // A zero timeout polls: not a blocking wait, and true means resolved.
  if (f.wait_for(std::chrono::seconds(0)) == std::future_status::ready)
    use(f.get());
  if (g.wait_for(std::chrono::seconds(0)) != std::future_status::ready)
    co_return;
  use(g.get());
}

// Still blocking: not resolved on every path, or never.
future<> sometimes(future<int> f, bool check) {
  if (check && f.available())
    use(f.get());
  use(f.get());
  // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: 'seastar::future::get' blocks the thread inside coroutine 'sometimes'
  co_return;
}

testlib::task<> timed_wait(std::future<int> f) {
  f.wait_for(std::chrono::seconds(1));
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'std::future::wait_for' blocks the thread inside coroutine 'timed_wait'
  co_return;
}

// A continuation that only runs on a resolved future.
future<> continuation() {
  co_await fetch().then_wrapped([](future<int> r) -> future<> {
    use(r.get());
    co_return;
  });
}

// Through a helper: it waits on what its parameter holds, and each caller
// decides.
int value_or_zero(future<int> &f) {
  if (f.failed())
    return 0;
  return f.get();
}

future<> callers(future<int> pending) {
  auto done = co_await seastar::coroutine::as_future(fetch());
  use(value_or_zero(done));
  use(value_or_zero(pending));
  // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: 'value_or_zero' blocks the thread inside coroutine 'callers': it calls 'seastar::future::get'
  // CHECK-MESSAGES: :[[@LINE-8]]:10: note: 'value_or_zero' calls 'seastar::future::get' here, which blocks
}

// A coroutine handed only results its callers have resolved does not block
// on them; one that some caller hands a pending result does.
future<> consume(future<int> r) {
  use(r.get());
  co_return;
}

future<> consume_maybe_pending(future<int> r) {
  use(r.get());
  // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: 'seastar::future::get' blocks the thread inside coroutine 'consume_maybe_pending'
  co_return;
}

future<> resolved_then_handed() {
  auto [a, b] = co_await seastar::when_all(fetch(), fetch());
  co_await consume(std::move(a));
  co_await consume(std::move(b));
  auto c = co_await seastar::coroutine::as_future(fetch());
  co_await consume_maybe_pending(std::move(c));
  co_await consume_maybe_pending(fetch());
}
