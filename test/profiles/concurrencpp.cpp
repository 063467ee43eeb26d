// The concurrencpp profile through every check.
// RUN: %check_coroguard --compile-fixed %s coroguard-* %t -- %mock_flags -isystem %inputs/concurrencpp

#include <chrono>
#include <concurrencpp/concurrencpp.h>
#include <exception>
#include <memory>
#include <thread>
#include <utility>

using concurrencpp::lazy_result;
using concurrencpp::result;
using namespace std::chrono;

result<int> compute(int x);            // eager
lazy_result<int> fetch(int key);       // lazy
lazy_result<void> store(int key, int value);
concurrencpp::null_result fire(int id); // fire-and-forget
bool try_store(int key);               // not a task

// A user class whose close() returns a lazy_result: an async resource by
// inference (a cleanup-named member with an awaitable return type).
class connection {
public:
  explicit connection(int fd);
  connection(connection &&) noexcept;
  ~connection();
  lazy_result<void> send(const char *data);
  lazy_result<void> close();
};

//===----------------------------------------------------------------------===//
// coroguard-unawaited-task: lazy_result is lazy, result and null_result are
// eager.
//===----------------------------------------------------------------------===//

result<void> discards(concurrencpp::async_lock &lock,
                      std::shared_ptr<concurrencpp::thread_pool_executor> ex) {
  fetch(1);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: task returned by 'fetch' is discarded, so it never runs [coroguard-unawaited-task]
  // CHECK-FIXES: co_await fetch(1);
  store(1, 2);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: task returned by 'store' is discarded, so it never runs [coroguard-unawaited-task]
  // CHECK-FIXES: co_await store(1, 2);
  // Not taking the lock: lock() is lazy.
  lock.lock(ex);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: task returned by 'lock' is discarded, so it never runs [coroguard-unawaited-task]
  // CHECK-FIXES: co_await lock.lock(ex);
  // Eager: already running.
  compute(1);
  fire(2);
  fetch(3).run();
  try_store(4);
  co_return;
}

// Awaited, stored, or started with run(): not discarded.
lazy_result<int> awaited(concurrencpp::async_lock &lock,
                         std::shared_ptr<concurrencpp::thread_pool_executor> ex) {
  int v = co_await fetch(1);
  v += co_await compute(2);
  auto later = fetch(3);
  v += co_await later;
  auto running = fetch(4).run();
  v += co_await running;
  {
    auto guard = co_await lock.lock(ex);
    co_await store(5, v);
  }
  co_return v;
}

//===----------------------------------------------------------------------===//
// coroguard-blocking-call.
//===----------------------------------------------------------------------===//

result<int> blocks(concurrencpp::shared_result<int> shared) {
  result<int> r = compute(1);
  result<int> q = compute(2);
  result<int> p = compute(3);
  r.wait();
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'concurrencpp::result::wait' blocks the thread inside coroutine 'blocks'; co_await the result instead of blocking on it [coroguard-blocking-call]
  q.wait_for(milliseconds(10));
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'concurrencpp::result::wait_for' blocks the thread inside coroutine 'blocks'
  int v = p.get();
  // CHECK-MESSAGES: :[[@LINE-1]]:11: warning: 'concurrencpp::result::get' blocks the thread inside coroutine 'blocks'; co_await the result instead of blocking on it [coroguard-blocking-call]
  v += shared.get();
  // CHECK-MESSAGES: :[[@LINE-1]]:8: warning: 'concurrencpp::shared_result::get' blocks the thread inside coroutine 'blocks'; co_await the result instead of blocking on it [coroguard-blocking-call]
  std::this_thread::sleep_for(milliseconds(1));
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'std::this_thread::sleep_for' blocks the thread inside coroutine 'blocks'
  v += co_await compute(2); // the awaited form
  co_return v;
}

// Blocking work submitted to an executor runs on the executor's thread.
result<int> offloads(std::shared_ptr<concurrencpp::thread_pool_executor> ex) {
  auto r = ex->submit([] {
    std::this_thread::sleep_for(milliseconds(100));
    return 1;
  });
  ex->post([]() noexcept { try_store(1); });
  co_return co_await r;
}

//===----------------------------------------------------------------------===//
// coroguard-suppressed-exception: executor::post runs the callable through a
// null_result coroutine whose promise swallows what it throws (the profile's
// exception sink); submit() and co_await keep the error.
//===----------------------------------------------------------------------===//

void flush_cache(); // may throw
result<void> posts_work(std::shared_ptr<concurrencpp::thread_pool_executor> ex) {
  ex->post([] { flush_cache(); });
  // CHECK-MESSAGES: :[[@LINE-1]]:{{[0-9]+}}: warning: {{.*}}post{{.*}} [coroguard-suppressed-exception]
  co_await ex->submit([] { flush_cache(); });
}

// A plain function (main, a thread body) may block on a result.
int main() {
  concurrencpp::runtime runtime;
  auto r = runtime.thread_pool_executor()->submit([] { return 1; });
  return r.get();
}

//===----------------------------------------------------------------------===//
// An async resource (inferred) closed with co_await on every path.
//===----------------------------------------------------------------------===//

result<void> early_return(int fd, bool ok) {
  connection conn(fd);
  // CHECK-MESSAGES: :[[@LINE-1]]:14: warning: 'conn' is not released on every path: co_await 'close()' or hand it to a guard before it goes out of scope [coroguard-unmanaged-resource]
  if (!ok)
    co_return;
  // CHECK-MESSAGES: :[[@LINE-1]]:5: note: 'conn' is still unreleased when this co_return is taken
  co_await conn.close();
}

result<void> discarded_close(int fd) {
  connection conn(fd);
  conn.close(); // discarded
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: the awaitable returned by 'close()' is discarded, so 'conn' is never released; co_await it [coroguard-missing-awaited-cleanup]
  // CHECK-FIXES: co_await conn.close(); // discarded
  co_return;
}

lazy_result<void> happy_path_only(int fd) {
  connection conn(fd);
  // CHECK-MESSAGES: :[[@LINE-1]]:14: warning: 'conn' is not released if an exception is thrown before 'close()' is awaited [coroguard-missing-awaited-cleanup]
  co_await conn.send("one");
  // CHECK-MESSAGES: :[[@LINE-1]]:3: note: an exception thrown here leaves the scope of 'conn' without releasing it
  co_await conn.close();
}

// Negative: catch into an exception_ptr, close, rethrow.
lazy_result<void> exception_ptr_idiom(int fd) {
  connection conn(fd);
  std::exception_ptr error;
  try {
    co_await conn.send("one");
  } catch (...) {
    error = std::current_exception();
  }
  co_await conn.close();
  if (error)
    std::rethrow_exception(error);
}

// Negative: a factory that co_returns the connection.
result<connection> open_connection(int fd) {
  connection conn(fd);
  co_return std::move(conn);
}
