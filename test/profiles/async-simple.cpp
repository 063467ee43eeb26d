// The async_simple profile through every check.
// RUN: %check_coroguard --compile-fixed %s coroguard-* %t -- %mock_flags -isystem %inputs/async_simple

#include <async_simple/Executor.h>
#include <async_simple/Future.h>
#include <async_simple/Try.h>
#include <async_simple/coro/FutureAwaiter.h>
#include <async_simple/coro/Lazy.h>
#include <async_simple/coro/Mutex.h>
#include <async_simple/coro/SharedMutex.h>
#include <async_simple/coro/SyncAwait.h>
#include <async_simple/executors/SimpleExecutor.h>
#include <chrono>
#include <exception>
#include <mutex>
#include <thread>
#include <utility>

using async_simple::coro::Lazy;
using namespace std::chrono;

Lazy<int> fetch(int key);
Lazy<void> store(int key, int value);
async_simple::Future<int> legacy_fetch(int key); // eager
bool try_store(int key);                         // not a task

// A user class whose close() returns a Lazy: an async resource by inference
// (a cleanup-named member with an awaitable return type).
class connection {
public:
  explicit connection(int fd);
  connection(connection &&) noexcept;
  ~connection();
  Lazy<void> send(const char *data);
  Lazy<void> close();
};

//===----------------------------------------------------------------------===//
// coroguard-unawaited-task.
//===----------------------------------------------------------------------===//

Lazy<void> discards(async_simple::Executor *ex,
                    async_simple::coro::SharedMutex &sm) {
  fetch(1);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: task returned by 'fetch' is discarded, so it never runs [coroguard-unawaited-task]
  // CHECK-FIXES: co_await fetch(1);
  store(1, 2);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: task returned by 'store' is discarded, so it never runs [coroguard-unawaited-task]
  // CHECK-FIXES: co_await store(1, 2);
  // via() gives a RescheduleLazy, still lazy.
  fetch(3).via(ex);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: task returned by 'via' is discarded, so it never runs [coroguard-unawaited-task]
  // CHECK-FIXES: co_await fetch(3).via(ex);
  // SharedMutex::unlock() is a Lazy: not awaited, the mutex stays locked.
  co_await sm.coLock();
  sm.unlock();
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: task returned by 'unlock' is discarded, so it never runs [coroguard-unawaited-task]
  // CHECK-FIXES: co_await sm.unlock();
  // An eager future is running already.
  legacy_fetch(4);
  try_store(5);
  co_return;
}

// In a plain function: reported, no co_await possible.
void plain_function() {
  fetch(1);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: task returned by 'fetch' is discarded, so it never runs [coroguard-unawaited-task]
}

// The explicit fire-and-forget forms: start(callback) hands the exception
// to the callback, detach() rethrows it.
Lazy<void> started_and_detached(async_simple::Executor *ex) {
  fetch(1).start([](async_simple::Try<int> t) {
    if (t.hasError())
      std::rethrow_exception(t.getException());
  });
  store(2, 2).detach();
  fetch(3).via(ex).detach();
  int v = co_await fetch(4);
  auto later = fetch(5);
  v += co_await std::move(later);
  v += co_await legacy_fetch(6);
  try_store(v);
}

//===----------------------------------------------------------------------===//
// coroguard-blocking-call.
//===----------------------------------------------------------------------===//

Lazy<int> blocks(async_simple::Executor *ex) {
  int v = async_simple::coro::syncAwait(fetch(1));
  // CHECK-MESSAGES: :[[@LINE-1]]:11: warning: 'async_simple::coro::syncAwait' blocks the thread inside coroutine 'blocks'; co_await the Lazy instead [coroguard-blocking-call]
  async_simple::coro::syncAwait(store(1, v), ex);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'async_simple::coro::syncAwait' blocks the thread inside coroutine 'blocks'
  async_simple::Future<int> f = legacy_fetch(2);
  async_simple::Future<int> g = legacy_fetch(3);
  f.wait();
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'async_simple::Future::wait' blocks the thread inside coroutine 'blocks'; co_await the future inside a Lazy instead of blocking on it [coroguard-blocking-call]
  v += std::move(g).get();
  // CHECK-MESSAGES: :[[@LINE-1]]:8: warning: 'async_simple::Future::get' blocks the thread inside coroutine 'blocks'; co_await the future inside a Lazy instead of blocking on it [coroguard-blocking-call]
  std::this_thread::sleep_for(milliseconds(1));
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'std::this_thread::sleep_for' blocks the thread inside coroutine 'blocks'
  v += co_await legacy_fetch(3); // the awaited form
  co_return v;
}

// Negative: the async mutex never blocks the thread; the std::unique_lock it
// yields is over an async mutex.
Lazy<void> async_lock(async_simple::coro::Mutex &m) {
  auto lock = co_await m.coScopedLock();
  co_await store(1, 1);
}

// syncAwait belongs in main.
int main() {
  async_simple::executors::SimpleExecutor ex(4);
  int v = async_simple::coro::syncAwait(fetch(1).via(&ex));
  return v + legacy_fetch(2).get();
}

//===----------------------------------------------------------------------===//
// An async resource (inferred) closed with co_await on every path.
//===----------------------------------------------------------------------===//

Lazy<void> early_return(int fd, bool ok) {
  connection conn(fd);
  // CHECK-MESSAGES: :[[@LINE-1]]:14: warning: 'conn' is not released on every path: co_await 'close()' or hand it to a guard before it goes out of scope [coroguard-unmanaged-resource]
  if (!ok)
    co_return;
  // CHECK-MESSAGES: :[[@LINE-1]]:5: note: 'conn' is still unreleased when this co_return is taken
  co_await conn.close();
}

Lazy<void> discarded_close(int fd) {
  connection conn(fd);
  conn.close(); // discarded
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: the awaitable returned by 'close()' is discarded, so 'conn' is never released; co_await it [coroguard-missing-awaited-cleanup]
  // CHECK-FIXES: co_await conn.close(); // discarded
  co_return;
}

Lazy<void> happy_path_only(int fd) {
  connection conn(fd);
  // CHECK-MESSAGES: :[[@LINE-1]]:14: warning: 'conn' is not released if an exception is thrown before 'close()' is awaited [coroguard-missing-awaited-cleanup]
  co_await conn.send("one");
  // CHECK-MESSAGES: :[[@LINE-1]]:3: note: an exception thrown here leaves the scope of 'conn' without releasing it
  co_await conn.close();
}

// Negative: catch into an exception_ptr, close, rethrow.
Lazy<void> exception_ptr_idiom(int fd) {
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

// Negative: passed by reference to a Lazy of this file that closes it.
Lazy<void> finish(connection &conn) { co_await conn.close(); }
Lazy<void> passed_to_a_closer(int fd) {
  connection conn(fd);
  co_await finish(conn);
}
