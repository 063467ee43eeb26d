// The Boost.Cobalt profile through every check.
// RUN: %check_coroguard --compile-fixed %s coroguard-* %t -- %mock_flags -isystem %inputs/boost-cobalt

#include <boost/cobalt.hpp>
#include <chrono>
#include <exception>
#include <thread>
#include <utility>

namespace cobalt = boost::cobalt;
using namespace std::chrono;

cobalt::task<int> compute(int x);
cobalt::task<void> notify(const char *what);
cobalt::promise<void> heartbeat();
cobalt::generator<int> numbers();
cobalt::detached fire_and_forget(int id);
cobalt::thread worker_loop();
bool try_notify(const char *what); // not a task

// A user class whose close() returns a cobalt promise: an async resource by
// inference (a cleanup-named member with an awaitable return type).
class connection {
public:
  explicit connection(int fd);
  connection(connection &&) noexcept;
  ~connection();
  cobalt::promise<void> send(const char *data);
  cobalt::promise<void> close();
};

//===----------------------------------------------------------------------===//
// coroguard-unawaited-task.
//===----------------------------------------------------------------------===//

// task<T> is lazy although its initial_suspend returns its own awaitable,
// not std::suspend_always: the profile names it.
cobalt::task<void> discards_tasks(cobalt::channel<int> &ch) {
  compute(1);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: task returned by 'compute' is discarded, so it never runs [coroguard-unawaited-task]
  // CHECK-FIXES: co_await compute(1);
  notify("started");
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: task returned by 'notify' is discarded, so it never runs [coroguard-unawaited-task]
  // CHECK-FIXES: co_await notify("started");
  // channel::read() returns an awaiter: nothing is read until it is awaited.
  ch.read();
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: awaitable returned by 'read' is discarded, so it never runs [coroguard-unawaited-task]
  // CHECK-FIXES: co_await ch.read();
  co_return;
}

// with() returns a lazy coroutine: the body and the teardown only run when it
// is co_awaited.
cobalt::promise<void> discards_with(connection conn) {
  cobalt::with( // discarded
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: task returned by 'with' is discarded, so it never runs [coroguard-unawaited-task]
  // CHECK-FIXES: co_await cobalt::with( // discarded
      std::move(conn),
      [](connection &c) -> cobalt::promise<void> { co_await c.send("x"); },
      [](connection &&c, std::exception_ptr &) -> cobalt::promise<void> {
        co_await c.close();
      });
  co_return;
}

// A discarded promise is cancelled when it is destroyed (its first
// suspension): the explicit forms detach it.
cobalt::task<void> discards_a_promise() {
  heartbeat();
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'boost::cobalt::promise' returned by 'heartbeat' is discarded, which cancels its work; co_await it, or detach it explicitly [coroguard-unawaited-task]
  co_return;
}

// The other eager coroutine types run at once: discarding them loses no
// work.
cobalt::task<void> eager_discards() {
  numbers();
  fire_and_forget(1);
  worker_loop().detach();
  // The explicit fire-and-forget forms of a promise.
  +heartbeat();
  heartbeat().detach();
  try_notify("x");
  co_return;
}

// Awaited, stored, or handed to spawn: not discarded.
cobalt::task<void> awaited_and_spawned(cobalt::executor exec) {
  int v = co_await compute(2);
  co_await notify("awaited");
  auto later = compute(3);
  v += co_await std::move(later);
  cobalt::spawn(exec, notify("spawned"), [](std::exception_ptr e) {
    if (e)
      std::rethrow_exception(e);
  });
  co_await heartbeat();
  (void)v;
}

//===----------------------------------------------------------------------===//
// coroguard-blocking-call.
//===----------------------------------------------------------------------===//

cobalt::task<void> blocks(cobalt::thread &t) {
  int v = cobalt::run(compute(1));
  // CHECK-MESSAGES: :[[@LINE-1]]:11: warning: 'boost::cobalt::run' blocks the thread inside coroutine 'blocks'; co_await the task instead; run() drives its own event loop and belongs in main (or use cobalt::main) [coroguard-blocking-call]
  t.join();
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'boost::cobalt::thread::join' blocks the thread inside coroutine 'blocks'; co_await the thread instead of joining it [coroguard-blocking-call]
  std::this_thread::sleep_for(milliseconds(10));
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'std::this_thread::sleep_for' blocks the thread inside coroutine 'blocks'
  (void)v;
  co_return;
}

cobalt::promise<void> blocks_in_promise() {
  cobalt::run(notify("nested loop"));
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'boost::cobalt::run' blocks the thread inside coroutine 'blocks_in_promise'
  co_return;
}

// run() and join() belong in main.
int main() {
  int v = cobalt::run(compute(1));
  cobalt::thread t = worker_loop();
  t.join();
  return v;
}

//===----------------------------------------------------------------------===//
// Resources (inferred) and the with() guard.
//===----------------------------------------------------------------------===//

cobalt::promise<void> never_closed(int fd) {
  connection conn(fd);
  // CHECK-MESSAGES: :[[@LINE-1]]:14: warning: 'conn' is never released: co_await 'close()' or hand it to a guard before it goes out of scope [coroguard-unmanaged-resource]
  co_await conn.send("hello");
}
// CHECK-MESSAGES: :[[@LINE-1]]:1: note: 'conn' is still unreleased at the end of its scope

cobalt::promise<void> early_return(int fd, bool ok) {
  connection conn(fd);
  // CHECK-MESSAGES: :[[@LINE-1]]:14: warning: 'conn' is not released on every path: co_await 'close()' or hand it to a guard before it goes out of scope [coroguard-unmanaged-resource]
  if (!ok)
    co_return;
  // CHECK-MESSAGES: :[[@LINE-1]]:5: note: 'conn' is still unreleased when this co_return is taken
  co_await conn.close();
}

cobalt::promise<void> discarded_close(int fd) {
  connection conn(fd);
  conn.close(); // discarded
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: the awaitable returned by 'close()' is discarded, so 'conn' is never released; co_await it [coroguard-missing-awaited-cleanup]
  // CHECK-FIXES: co_await conn.close(); // discarded
  co_return;
}

cobalt::promise<void> happy_path_only(int fd) {
  connection conn(fd);
  // CHECK-MESSAGES: :[[@LINE-1]]:14: warning: 'conn' is not released if an exception is thrown before 'close()' is awaited [coroguard-missing-awaited-cleanup]
  co_await conn.send("one");
  // CHECK-MESSAGES: :[[@LINE-1]]:3: note: an exception thrown here leaves the scope of 'conn' without releasing it
  co_await conn.send("two");
  co_await conn.close();
}

// Negative: the with() guard runs the teardown on every path.
cobalt::promise<void> guarded_by_with(int fd) {
  connection conn(fd);
  co_await cobalt::with(
      std::move(conn),
      [](connection &c) -> cobalt::promise<void> { co_await c.send("x"); },
      [](connection &&c, std::exception_ptr &) -> cobalt::promise<void> {
        co_await c.close();
      });
}

// Negative: catch into an exception_ptr, close, rethrow.
cobalt::promise<void> exception_ptr_idiom(int fd) {
  connection conn(fd);
  std::exception_ptr error;
  try {
    co_await conn.send("one");
    co_await conn.send("two");
  } catch (...) {
    error = std::current_exception();
  }
  co_await conn.close();
  if (error)
    std::rethrow_exception(error);
}

// Negative: the close awaitable stored now and awaited later.
cobalt::promise<void> close_awaited_later(int fd) {
  connection conn(fd);
  auto closing = conn.close();
  co_await std::move(closing);
}

// Negative: channel::close() is synchronous, so a channel is not an async
// resource even though its release is named close.
cobalt::task<void> channels(bool done) {
  cobalt::channel<int> ch(4);
  co_await ch.write(1);
  if (done)
    co_return;
  int v = co_await ch.read();
  ch.close();
  (void)v;
}

//===----------------------------------------------------------------------===//
// coroguard-suppressed-exception: the with() teardown gets the exception by
// reference; clearing it swallows the error.
//===----------------------------------------------------------------------===//

cobalt::promise<void> teardown_clears_the_error(int fd) {
  co_await cobalt::with(
      connection(fd),
      [](connection &c) -> cobalt::promise<void> { co_await c.send("x"); },
      [](connection &&c, std::exception_ptr &e) -> cobalt::promise<void> {
        co_await c.close();
        e = nullptr;
        // CHECK-MESSAGES: :[[@LINE-1]]:9: warning: the exit hook clears the exception it is given, so the error of the scope it closes disappears; leave 'e' as it is [coroguard-suppressed-exception]
      });
}

// Negative: the teardown looks at the exception and lets it propagate.
cobalt::promise<void> teardown_keeps_the_error(int fd) {
  co_await cobalt::with(
      connection(fd),
      [](connection &c) -> cobalt::promise<void> { co_await c.send("x"); },
      [](connection &&c, std::exception_ptr &e) -> cobalt::promise<void> {
        if (e)
          co_await c.send("aborting");
        co_await c.close();
      });
}
