// The libcoro profile through every check.
// RUN: %check_coroguard --compile-fixed %s coroguard-* %t -- %mock_flags -isystem %inputs/libcoro

#include <coro/coro.hpp>
#include <coro/net/socket.hpp>
#include <coro/net/tcp/client.hpp>
#include <exception>
#include <memory>
#include <mutex>
#include <thread>
#include <unistd.h>
#include <utility>

coro::task<int> fetch(int key);
coro::task<void> store(int key, int value);
bool try_store(int key); // not a task

// A user class whose close() returns a coro::task: an async resource by
// inference (a cleanup-named member with an awaitable return type).
class connection {
public:
  explicit connection(int fd);
  connection(connection &&) noexcept;
  ~connection();
  coro::task<void> send(const char *data);
  coro::task<void> close();
};

//===----------------------------------------------------------------------===//
// coroguard-unawaited-task.
//===----------------------------------------------------------------------===//

coro::task<void> discards_tasks(coro::thread_pool &tp, coro::scheduler &s,
                                coro::mutex &m) {
  fetch(1);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: task returned by 'fetch' is discarded, so it never runs [coroguard-unawaited-task]
  // CHECK-FIXES: co_await fetch(1);
  store(1, 2);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: task returned by 'store' is discarded, so it never runs [coroguard-unawaited-task]
  // CHECK-FIXES: co_await store(1, 2);
  // spawn_joinable returns the task that joins the spawned work.
  s.spawn_joinable(store(3, 4));
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: task returned by 'spawn_joinable' is discarded, so it never runs [coroguard-unawaited-task]
  // CHECK-FIXES: co_await s.spawn_joinable(store(3, 4));
  // An executor switch that is not awaited: the next step runs on the
  // wrong thread.
  tp.schedule(); // discarded
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: awaitable returned by 'schedule' is discarded, so it never runs [coroguard-unawaited-task]
  // CHECK-FIXES: co_await tp.schedule(); // discarded
  // Taking the lock without awaiting it takes nothing.
  m.lock(); // discarded
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: awaitable returned by 'lock' is discarded, so it never runs [coroguard-unawaited-task]
  // CHECK-FIXES: co_await m.lock(); // discarded
  m.unlock();
  co_return;
}

// Awaited, stored, or spawned: not discarded.
coro::task<int> awaited_and_spawned(coro::thread_pool &tp, coro::scheduler &s) {
  co_await tp.schedule();
  int v = co_await fetch(1);
  auto later = fetch(2);
  v += co_await std::move(later);
  co_await coro::when_all(store(1, v), store(2, v));
  tp.spawn_detached(store(3, v));
  // (store() is defined elsewhere: its errors may be dropped.)
  // CHECK-MESSAGES: :[[@LINE-2]]:3: warning: 'spawn_detached' drops the exception of the coroutine it spawns
  co_await s.spawn_joinable(store(4, v));
  v += co_await tp.schedule(fetch(5));
  try_store(v);
  co_return v;
}

//===----------------------------------------------------------------------===//
// coroguard-blocking-call: sync_wait, and the synchronous shutdown() of
// thread pools and schedulers (they join their threads).
//===----------------------------------------------------------------------===//

coro::task<int> blocks(coro::thread_pool &tp, std::unique_ptr<coro::scheduler> &s,
                       std::shared_ptr<coro::io_scheduler> io) {
  int v = coro::sync_wait(fetch(1));
  // CHECK-MESSAGES: :[[@LINE-1]]:11: warning: 'coro::sync_wait' blocks the thread inside coroutine 'blocks'; co_await the task instead [coroguard-blocking-call]
  tp.shutdown();
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'coro::thread_pool::shutdown' blocks the thread inside coroutine 'blocks'; call shutdown() only outside coroutines (e.g. from main): it joins the worker threads [coroguard-blocking-call]
  s->shutdown();
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'coro::scheduler::shutdown' blocks the thread inside coroutine 'blocks'; call shutdown() only outside coroutines (e.g. from main): it joins the worker threads [coroguard-blocking-call]
  io->shutdown();
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'coro::io_scheduler::shutdown' blocks the thread inside coroutine 'blocks'
  co_return v;
}

// Negative: coro::mutex and coro::shared_mutex never block the thread.
coro::task<void> async_locks(coro::mutex &m,
                             coro::shared_mutex<coro::thread_pool> &sm) {
  {
    auto lock = co_await m.scoped_lock();
    co_await store(1, 1);
  }
  co_await m.lock();
  co_await store(2, 2);
  m.unlock();
  {
    auto shared = co_await sm.lock_shared();
    co_await store(3, 3);
  }
}

// Negative: a thread pool is not an async resource: its shutdown() is
// synchronous (and the destructor calls it).
coro::task<void> local_pool() {
  coro::thread_pool tp{coro::thread_pool::options{.thread_count = 2}};
  co_await tp.schedule();
  co_await store(1, 1);
}

// A descriptor made non-blocking by a libcoro option (make_socket with
// blocking_t::no, socket::blocking(blocking_t::no)) or owned by a class
// whose constructors do so (tcp::client): its writes do not block.
coro::task<void> nonblocking_sockets(std::shared_ptr<coro::io_scheduler> s) {
  using coro::net::socket;
  auto a = coro::net::make_socket(socket::options{
      coro::net::domain_t::ipv4, socket::type_t::tcp, socket::blocking_t::no});
  ::write(a.native_handle(), "a", 1);
  socket::options opts{coro::net::domain_t::ipv6, socket::type_t::udp,
                       socket::blocking_t::no};
  socket b = coro::net::make_socket(opts);
  ::write(b.native_handle(), "b", 1);
  socket c{::dup(0)};
  c.blocking(socket::blocking_t::no);
  ::write(c.native_handle(), "c", 1);
  coro::net::tcp::client client{s, {.port = 80}};
  ::write(client.socket().native_handle(), "d", 1);
  co_await store(1, 1);
}

// Positive: the same calls on a socket left blocking.
coro::task<void> blocking_socket() {
  using coro::net::socket;
  auto a = coro::net::make_socket(socket::options{
      coro::net::domain_t::ipv4, socket::type_t::tcp, socket::blocking_t::yes});
  ::write(a.native_handle(), "a", 1);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'write' blocks the thread inside coroutine 'blocking_socket'
  socket c{::dup(0)};
  c.blocking(socket::blocking_t::yes);
  ::write(c.native_handle(), "c", 1);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'write' blocks the thread inside coroutine 'blocking_socket'
  co_await store(1, 1);
}

// sync_wait and shutdown() belong in main.
int main() {
  auto s = coro::scheduler::make_unique();
  int v = coro::sync_wait(fetch(1));
  s->shutdown();
  return v;
}

//===----------------------------------------------------------------------===//
// An async resource (inferred) closed with co_await on every path.
//===----------------------------------------------------------------------===//

coro::task<void> never_closed(int fd) {
  connection conn(fd);
  // CHECK-MESSAGES: :[[@LINE-1]]:14: warning: 'conn' is never released: co_await 'close()' or hand it to a guard before it goes out of scope [coroguard-unmanaged-resource]
  co_await conn.send("hello");
}
// CHECK-MESSAGES: :[[@LINE-1]]:1: note: 'conn' is still unreleased at the end of its scope

coro::task<void> loop_with_break(int fd) {
  for (int i = 0; i < 3; ++i) {
    connection conn(fd + i);
    // CHECK-MESSAGES: :[[@LINE-1]]:16: warning: 'conn' is not released on every path: co_await 'close()' or hand it to a guard before it goes out of scope [coroguard-unmanaged-resource]
    if (co_await fetch(i) < 0)
      break;
    // CHECK-MESSAGES: :[[@LINE-1]]:7: note: 'conn' is still unreleased when this break is taken
    co_await conn.close();
  }
}

coro::task<void> discarded_close(int fd) {
  connection conn(fd);
  conn.close(); // discarded
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: the awaitable returned by 'close()' is discarded, so 'conn' is never released; co_await it [coroguard-missing-awaited-cleanup]
  // CHECK-FIXES: co_await conn.close(); // discarded
  co_return;
}

coro::task<void> happy_path_only(int fd) {
  connection conn(fd);
  // CHECK-MESSAGES: :[[@LINE-1]]:14: warning: 'conn' is not released if an exception is thrown before 'close()' is awaited [coroguard-missing-awaited-cleanup]
  co_await conn.send("one");
  // CHECK-MESSAGES: :[[@LINE-1]]:3: note: an exception thrown here leaves the scope of 'conn' without releasing it
  co_await conn.close();
}

// Negative: catch into an exception_ptr, close, rethrow.
coro::task<void> exception_ptr_idiom(int fd) {
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

// Negative: the close task stored now and awaited later.
coro::task<void> close_awaited_later(int fd) {
  connection conn(fd);
  auto closing = conn.close();
  co_await std::move(closing);
}
