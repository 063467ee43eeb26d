// Debian's real asio and libstdc++ headers, not mocks: the names the checks
// match must be the ones the real libraries declare.
// REQUIRES: asio
// RUN: %check_coroguard --compile-fixed %s coroguard-* %t -- -std=c++20 -DASIO_HAS_CO_AWAIT -DASIO_HAS_STD_COROUTINE

#include <asio.hpp>
#include <asio/experimental/as_tuple.hpp>
#include <chrono>
#include <future>
#include <thread>
#include <unistd.h>

using namespace std::chrono_literals;

asio::awaitable<void> send_greeting(asio::ip::tcp::socket &socket) {
  co_await asio::async_write(socket, asio::buffer("hello\n", 6),
                             asio::use_awaitable);
}

asio::awaitable<void> session(asio::ip::tcp::socket socket) {
  send_greeting(socket);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: task returned by 'send_greeting' is discarded, so it never runs [coroguard-unawaited-task]
  // CHECK-FIXES: co_await send_greeting(socket);
  std::this_thread::sleep_for(10ms);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'std::this_thread::sleep_for' blocks the thread inside coroutine 'session'
  asio::steady_timer timer(co_await asio::this_coro::executor);
  timer.expires_after(10ms);
  co_await timer.async_wait(asio::use_awaitable);
  char data[64];
  std::size_t n = co_await socket.async_read_some(asio::buffer(data),
                                                  asio::use_awaitable);
  ::write(1, data, n);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'write' blocks the thread inside coroutine 'session'
  auto answer = std::async(std::launch::async, [] { return 42; });
  int value = answer.get();
  // CHECK-MESSAGES: :[[@LINE-1]]:15: warning: 'std::future::get' blocks
  // libstdc++ declares wait() in std::__basic_future: the model names it
  // after the class of the object it is called on.
  auto pending = std::async(std::launch::async, [] { return 7; });
  pending.wait();
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'std::future::wait' blocks
  (void)value;
}

asio::awaitable<void> listener(asio::thread_pool &pool) {
  auto executor = co_await asio::this_coro::executor;
  asio::ip::tcp::acceptor acceptor(executor, {asio::ip::tcp::v4(), 0});
  for (int i = 0; i < 1; ++i) {
    auto socket = co_await acceptor.async_accept(asio::use_awaitable);
    asio::co_spawn(executor, session(std::move(socket)), asio::detached);
    // CHECK-MESSAGES: :[[@LINE-1]]:58: warning: 'asio::detached' drops the exception of the spawned coroutine; pass a completion handler that rethrows or reports it [coroguard-suppressed-exception]
    // CHECK-MESSAGES: :[[@LINE-2]]:58: note: no fix-it: a handler that rethrows would let the error out of the event loop and stop the work of every other iteration of this loop
    // Blocking work handed to the pool is fine.
    asio::post(pool, [] { std::this_thread::sleep_for(1ms); });
  }
}

// Coroutines whose operations hand their errors back as values
// (as_tuple, redirect_error) let nothing out: spawning them detached drops
// nothing.
asio::awaitable<void> echo_with_values(asio::ip::tcp::socket socket) {
  char data[64];
  for (;;) {
    auto [e1, n] = co_await socket.async_read_some(
        asio::buffer(data), asio::experimental::as_tuple(asio::use_awaitable));
    if (e1)
      break;
    std::error_code e2;
    co_await asio::async_write(socket, asio::buffer(data, n),
                               asio::redirect_error(asio::use_awaitable, e2));
    if (e2)
      break;
  }
}

asio::awaitable<void> spawns_value_sessions(asio::ip::tcp::socket socket) {
  auto executor = co_await asio::this_coro::executor;
  asio::co_spawn(executor, echo_with_values(std::move(socket)), asio::detached);
}

// A token adapter around detached drops the exception just the same (no
// fix-it: the adapter's other arguments would be lost).
asio::awaitable<void> session_that_throws(asio::ip::tcp::socket socket) {
  char data[8];
  co_await socket.async_read_some(asio::buffer(data), asio::use_awaitable);
}
void spawns_through_an_adapter(asio::io_context &io,
                               asio::ip::tcp::socket socket) {
  asio::co_spawn(io, session_that_throws(std::move(socket)),
                 asio::bind_executor(io.get_executor(), asio::detached));
  // CHECK-MESSAGES: :[[@LINE-1]]:18: warning: 'asio::detached' drops the exception of the spawned coroutine; pass a completion handler that rethrows or reports it [coroguard-suppressed-exception]
  // CHECK-MESSAGES: :[[@LINE-2]]:18: note: no fix-it: a handler that rethrows would let the error out of the event loop, which only main is known to expect
}

int main() {
  asio::io_context io;
  asio::thread_pool pool(1);
  asio::co_spawn(io, listener(pool), asio::detached);
  // CHECK-MESSAGES: :[[@LINE-1]]:38: warning: 'asio::detached' drops the exception
  // CHECK-FIXES: asio::co_spawn(io, listener(pool), [](std::exception_ptr e) { if (e) std::rethrow_exception(e); });
  std::this_thread::sleep_for(1ms);
  pool.join();
}
