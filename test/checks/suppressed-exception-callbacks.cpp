// Completion callbacks that are given the error and ignore it, and
// coroutines spawned detached: sinks of the exception like asio::detached.
// RUN: %check_coroguard %s coroguard-suppressed-exception %t -- %mock_flags -isystem %inputs/asio -isystem %inputs/async_simple -isystem %inputs/seastar -isystem %inputs/libcoro

#include <asio.hpp>
#include <async_simple/Try.h>
#include <async_simple/coro/Lazy.h>
#include <coro/coro.hpp>
#include <exception>
#include <seastar/core/future.hh>

void report(std::exception_ptr);
void log(const char *);

asio::awaitable<void> session();

//===----------------------------------------------------------------------===//
// A std::exception_ptr (or another error carrier of the model) the callback
// never reads.
//===----------------------------------------------------------------------===//

void spawn_sessions(asio::io_context &io) {
  asio::co_spawn(io, session(), [](std::exception_ptr) {});
  // CHECK-MESSAGES: :[[@LINE-1]]:36: warning: the callback ignores the error it is given, so the error disappears; rethrow it, or report it [coroguard-suppressed-exception]
  asio::co_spawn(io, session(), [](std::exception_ptr error) { log("done"); });
  // CHECK-MESSAGES: :[[@LINE-1]]:36: warning: the callback ignores the error it is given
  asio::co_spawn(io, session(), [](const std::exception_ptr &error) {
    // CHECK-MESSAGES: :[[@LINE-1]]:36: warning: the callback ignores the error it is given
    (void)error;
  });
  auto on_done = [](std::exception_ptr) { log("session over"); };
  // CHECK-MESSAGES: :[[@LINE-1]]:21: warning: the callback ignores the error it is given
  asio::co_spawn(io, session(), on_done);

  // Inspected, rethrown, reported: fine.
  asio::co_spawn(io, session(), [](std::exception_ptr e) {
    if (e)
      std::rethrow_exception(e);
  });
  asio::co_spawn(io, session(), [](std::exception_ptr e) { report(e); });
  asio::co_spawn(io, session(), [](std::exception_ptr e) {
    if (e)
      log("session failed");
  });
}

async_simple::coro::Lazy<int> compute();

void start_lazies() {
  compute().start([](async_simple::Try<int>) {});
  // CHECK-MESSAGES: :[[@LINE-1]]:22: warning: the callback ignores the error it is given
  // A generic callback given to a callback sink: the first parameter is
  // the Try, whatever its spelled type.
  compute().start([](auto &&) {});
  // CHECK-MESSAGES: :[[@LINE-1]]:22: warning: the callback ignores the error it is given
  compute().start([](async_simple::Try<int> result) {
    if (result.hasError())
      report(result.getException());
  });
}

seastar::future<int> fetch();

seastar::future<int> recover() {
  return fetch().handle_exception([](auto) { return 0; });
  // CHECK-MESSAGES: :[[@LINE-1]]:38: warning: the callback ignores the error it is given
}

seastar::future<int> recover_logged() {
  return fetch().handle_exception([](std::exception_ptr ep) {
    report(ep);
    return 0;
  });
}

// A continuation of a result made with a value receives no error: nothing
// to drop. One made with an error, or whose origin is unknown, does.
void note_done(int);
seastar::future<> ready_values(int n) {
  auto counted = seastar::make_ready_future<int>(n);
  (void)counted.then_wrapped([](seastar::future<int> f) { note_done(1); });
  return seastar::make_ready_future<int>(n).then_wrapped(
      [](seastar::future<int>) { note_done(2); });
}

// A promise its own function resolves with a value only.
seastar::future<> promised_value(int n) {
  seastar::promise<int> p;
  auto f = p.get_future();
  p.set_value(n);
  return f.then_wrapped([](seastar::future<int>) { note_done(5); });
}

// One that may fail, or that someone else resolves: reported.
void hand_over(seastar::promise<int> &&);
seastar::future<> promised_maybe(int n, std::exception_ptr e) {
  seastar::promise<int> p;
  auto f = p.get_future();
  if (n)
    p.set_value(n);
  else
    p.set_exception(std::move(e));
  (void)f.then_wrapped([](seastar::future<int>) { note_done(6); });
  // CHECK-MESSAGES: :[[@LINE-1]]:27: warning: the callback ignores the error it is given
  seastar::promise<int> q;
  auto g = q.get_future();
  hand_over(std::move(q));
  return g.then_wrapped([](seastar::future<int>) { note_done(7); });
  // CHECK-MESSAGES: :[[@LINE-1]]:28: warning: the callback ignores the error it is given
}

seastar::future<> failed_or_unknown(std::exception_ptr e) {
  (void)seastar::make_exception_future<int>(std::move(e))
      .then_wrapped([](seastar::future<int> f) { note_done(3); });
  // CHECK-MESSAGES: :[[@LINE-1]]:24: warning: the callback ignores the error it is given
  (void)seastar::make_ready_future<int>(1).then([](int) {
    return fetch();
  }).then_wrapped([](seastar::future<int> f) { note_done(4); });
  // CHECK-MESSAGES: :[[@LINE-1]]:22: warning: the callback ignores the error it is given
  return seastar::make_ready_future<>();
}

//===----------------------------------------------------------------------===//
// A coroutine spawned detached: its promise drops what it throws.
//===----------------------------------------------------------------------===//

coro::task<void> work();
coro::task<void> careful_work() {
  try {
    co_await work();
  } catch (const std::exception &e) {
    log(e.what());
  }
}
coro::task<void> unsafe_work() { co_await work(); }

void detach_all(coro::thread_pool &pool, coro::scheduler &sched) {
  pool.spawn_detached(unsafe_work());
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'spawn_detached' drops the exception of the coroutine it spawns; handle errors inside it, or await it where an error can be reported [coroguard-suppressed-exception]
  auto t = unsafe_work();
  sched.spawn_detached(std::move(t));
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'spawn_detached' drops the exception of the coroutine it spawns
  // libcoro's older name for it.
  pool.spawn(unsafe_work());
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'spawn' drops the exception of the coroutine it spawns
  // Handles its own errors: not reported.
  pool.spawn_detached(careful_work());
  pool.spawn(careful_work());
  // Defined elsewhere: its body may let errors out like any other.
  sched.spawn_detached(work());
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'spawn_detached' drops the exception of the coroutine it spawns
}

//===----------------------------------------------------------------------===//
// Continuation plumbing in an awaiter: the callback only resumes the waiting
// coroutine; await_resume reads the result, error included, from the state
// the operation shares.
//===----------------------------------------------------------------------===//

struct operation_state {
  std::exception_ptr error;
  template <class F> void on_complete(F) {}
};

struct plumbing_awaiter {
  operation_state &state;
  bool await_ready() const noexcept { return false; }
  void await_suspend(std::coroutine_handle<> waiting) {
    state.on_complete([waiting](std::exception_ptr) { waiting.resume(); });
  }
  void await_resume() {
    if (state.error)
      std::rethrow_exception(state.error);
  }
};

// The same callback outside an awaiter, or one in await_suspend that does
// not resume anything, drops the error.
struct forgetful_awaiter {
  operation_state &state;
  bool await_ready() const noexcept { return false; }
  void await_suspend(std::coroutine_handle<>) {
    state.on_complete([](std::exception_ptr) { log("done"); });
    // CHECK-MESSAGES: :[[@LINE-1]]:26: warning: the callback ignores the error it is given
  }
  void await_resume() {}
};

void resumes_outside_an_awaiter(operation_state &state,
                                std::coroutine_handle<> h) {
  state.on_complete([h](std::exception_ptr) { h.resume(); });
  // CHECK-MESSAGES: :[[@LINE-1]]:25: warning: the callback ignores the error it is given
}
