// The asio profile (standalone asio and Boost.Asio/Beast) through every check.
// RUN: %check_coroguard --compile-fixed %s coroguard-* %t -- %mock_flags -isystem %inputs/asio

#include <asio.hpp>
#include <asio/ssl.hpp>
#include <boost/asio.hpp>
#include <boost/beast/ssl.hpp>
#include <boost/beast/websocket.hpp>
#include <chrono>
#include <exception>
#include <string>
#include <thread>
#include <utility>

using asio::awaitable;
using asio::use_awaitable;
using asio::ip::tcp;
using ssl_socket = asio::ssl::stream<tcp::socket>;
namespace beast = boost::beast;
namespace websocket = boost::beast::websocket;
using namespace std::chrono;

awaitable<void> send_greeting(tcp::socket &socket);
awaitable<std::size_t> read_header(tcp::socket &socket);
boost::asio::awaitable<void> boost_flavour(int id);
ssl_socket make_ssl_socket(asio::any_io_executor ex, asio::ssl::context &ctx);
bool try_send(tcp::socket &socket); // not a task

//===----------------------------------------------------------------------===//
// coroguard-unawaited-task: awaitable<T> is lazy.
//===----------------------------------------------------------------------===//

awaitable<void> discards_awaitables(tcp::socket &socket) {
  send_greeting(socket); // discarded
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: task returned by 'send_greeting' is discarded, so it never runs [coroguard-unawaited-task]
  // CHECK-FIXES: co_await send_greeting(socket); // discarded
  read_header(socket);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: task returned by 'read_header' is discarded, so it never runs [coroguard-unawaited-task]
  // CHECK-FIXES: co_await read_header(socket);
  // An async operation with use_awaitable returns an awaitable too.
  asio::steady_timer timer(co_await asio::this_coro::executor);
  timer.async_wait(use_awaitable); // discarded
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: task returned by 'async_wait' is discarded, so it never runs [coroguard-unawaited-task]
  // CHECK-FIXES: co_await timer.async_wait(use_awaitable); // discarded
  co_return;
}

boost::asio::awaitable<void> discards_boost_awaitables() {
  boost_flavour(1);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: task returned by 'boost_flavour' is discarded, so it never runs [coroguard-unawaited-task]
  // CHECK-FIXES: co_await boost_flavour(1);
  co_return;
}

// In a plain function: reported, nothing to co_await with.
void plain_function(tcp::socket &socket) {
  send_greeting(socket);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: task returned by 'send_greeting' is discarded, so it never runs [coroguard-unawaited-task]
}

// Handed to co_spawn (with a handler that rethrows), awaited, or stored.
awaitable<void> spawns_and_awaits(tcp::socket &socket) {
  auto ex = co_await asio::this_coro::executor;
  asio::co_spawn(ex, send_greeting(socket), [](std::exception_ptr e) {
    if (e)
      std::rethrow_exception(e);
  });
  co_await send_greeting(socket);
  std::size_t n = co_await read_header(socket);
  auto later = send_greeting(socket);
  co_await std::move(later);
  try_send(socket);
  (void)n;
}

//===----------------------------------------------------------------------===//
// coroguard-blocking-call: synchronous asio operations in a coroutine.
//===----------------------------------------------------------------------===//

awaitable<void> blocks(tcp::socket &socket, asio::io_context &io,
                       asio::thread_pool &pool, tcp::resolver &resolver) {
  char data[64];
  socket.read_some(asio::buffer(data));
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'asio::basic_stream_socket::read_some' blocks the thread inside coroutine 'blocks'; use 'co_await socket.async_read_some(buffers, asio::use_awaitable)' instead [coroguard-blocking-call]
  asio::write(socket, asio::buffer(data));
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'asio::write' blocks the thread inside coroutine 'blocks'; use 'co_await asio::async_write(stream, buffers, asio::use_awaitable)' instead [coroguard-blocking-call]
  auto endpoints = resolver.resolve("example.com", "https");
  // CHECK-MESSAGES: :[[@LINE-1]]:20: warning: 'asio::ip::basic_resolver::resolve' blocks the thread inside coroutine 'blocks'; use 'co_await resolver.async_resolve(host, service, asio::use_awaitable)' instead [coroguard-blocking-call]
  asio::connect(socket, endpoints);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'asio::connect' blocks the thread inside coroutine 'blocks'
  socket.connect(tcp::endpoint(tcp::v4(), 80));
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'asio::basic_socket::connect' blocks the thread inside coroutine 'blocks'; use 'co_await socket.async_connect(endpoint, asio::use_awaitable)' instead [coroguard-blocking-call]
  asio::steady_timer timer(io, milliseconds(10));
  timer.wait();
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'asio::basic_waitable_timer::wait' blocks the thread inside coroutine 'blocks'; use 'co_await timer.async_wait(asio::use_awaitable)' instead [coroguard-blocking-call]
  io.run();
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'asio::io_context::run' blocks the thread inside coroutine 'blocks'; co_await the operation instead; run the io_context only outside coroutines (e.g. from main) [coroguard-blocking-call]
  pool.join();
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'asio::thread_pool::join' blocks the thread inside coroutine 'blocks'; co_await the work posted to the pool instead; join the pool only outside coroutines (e.g. in main) [coroguard-blocking-call]
  std::this_thread::sleep_for(milliseconds(5));
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'std::this_thread::sleep_for' blocks the thread inside coroutine 'blocks'

  // Not blocking: the asynchronous forms, and synchronous calls that do not
  // wait (close/cancel/expires_after).
  co_await socket.async_read_some(asio::buffer(data), use_awaitable);
  co_await asio::async_write(socket, asio::buffer(data), use_awaitable);
  co_await timer.async_wait(use_awaitable);
  timer.expires_after(milliseconds(1));
  timer.cancel();
  socket.close();
}

awaitable<void> blocks_on_ssl(ssl_socket &stream) {
  stream.handshake(asio::ssl::stream_base::client);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'asio::ssl::stream::handshake' blocks the thread inside coroutine 'blocks_on_ssl'; use 'co_await stream.async_handshake(type, asio::use_awaitable)' instead [coroguard-blocking-call]
  co_await stream.async_handshake(asio::ssl::stream_base::client, use_awaitable);
}

boost::asio::awaitable<void>
blocks_on_boost(boost::asio::ip::tcp::socket &socket,
                websocket::stream<boost::asio::ip::tcp::socket> &ws) {
  char data[8];
  boost::asio::read(socket, boost::asio::buffer(data));
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'boost::asio::read' blocks the thread inside coroutine 'blocks_on_boost'; use 'co_await boost::asio::async_read(stream, buffers, boost::asio::use_awaitable)' instead [coroguard-blocking-call]
  beast::flat_buffer buffer;
  ws.read(buffer);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'boost::beast::websocket::stream::read' blocks the thread inside coroutine 'blocks_on_boost'; use 'co_await ws.async_read(buffer, boost::asio::use_awaitable)' instead [coroguard-blocking-call]
  co_await ws.async_read(buffer, boost::asio::use_awaitable);
}

// A plain function may block: it is not a coroutine.
void sync_resolve(tcp::resolver &resolver) {
  resolver.resolve("localhost", "80");
}

// Blocking work handed to a thread pool does not block the coroutine.
awaitable<void> offloads(asio::thread_pool &pool) {
  asio::post(pool, [] { std::this_thread::sleep_for(milliseconds(100)); });
  asio::post(pool, [] {
    asio::io_context inner;
    inner.run();
  });
  auto ex = co_await asio::this_coro::executor;
  asio::dispatch(ex, [] { std::this_thread::sleep_for(milliseconds(1)); });
  co_return;
}

// main may run the io_context and join the pool.
int main() {
  asio::io_context io;
  asio::thread_pool pool(2);
  asio::co_spawn(io, offloads(pool), [](std::exception_ptr e) {
    if (e)
      std::rethrow_exception(e);
  });
  io.run();
  pool.join();
  return 0;
}

//===----------------------------------------------------------------------===//
// coroguard-unmanaged-resource: an ssl::stream / websocket::stream whose
// async_shutdown / async_close is not awaited on every path.
//===----------------------------------------------------------------------===//

awaitable<void> tls_never_shut_down(asio::ssl::context &ctx) {
  auto ex = co_await asio::this_coro::executor;
  ssl_socket stream(tcp::socket(ex), ctx);
  // CHECK-MESSAGES: :[[@LINE-1]]:14: warning: 'stream' is never released: co_await 'async_shutdown()' or hand it to a guard before it goes out of scope [coroguard-unmanaged-resource]
  co_await stream.async_handshake(asio::ssl::stream_base::client, use_awaitable);
}
// CHECK-MESSAGES: :[[@LINE-1]]:1: note: 'stream' is still unreleased at the end of its scope
// CHECK-MESSAGES: :[[@LINE-5]]:14: note: catch into a std::exception_ptr, co_await stream.async_shutdown(asio::use_awaitable), then rethrow

// An early co_return on an error branch skips the shutdown.
awaitable<void> tls_early_return(asio::ssl::context &ctx, bool ok) {
  auto ex = co_await asio::this_coro::executor;
  ssl_socket stream(tcp::socket(ex), ctx);
  // CHECK-MESSAGES: :[[@LINE-1]]:14: warning: 'stream' is not released on every path: co_await 'async_shutdown()' or hand it to a guard before it goes out of scope [coroguard-unmanaged-resource]
  if (!ok)
    co_return;
  // CHECK-MESSAGES: :[[@LINE-1]]:5: note: 'stream' is still unreleased when this co_return is taken
  // CHECK-MESSAGES: :[[@LINE-5]]:14: note: catch into a std::exception_ptr, co_await stream.async_shutdown(asio::use_awaitable), then rethrow
  std::exception_ptr error;
  try {
    co_await stream.async_handshake(asio::ssl::stream_base::client, use_awaitable);
  } catch (...) {
    error = std::current_exception();
  }
  co_await stream.async_shutdown(use_awaitable);
  if (error)
    std::rethrow_exception(error);
}

boost::asio::awaitable<void>
websocket_left_open(boost::asio::ip::tcp::socket socket) {
  websocket::stream<boost::asio::ip::tcp::socket> ws(std::move(socket));
  // CHECK-MESSAGES: :[[@LINE-1]]:51: warning: 'ws' is never released: co_await 'async_close()' or hand it to a guard before it goes out of scope [coroguard-unmanaged-resource]
  co_await ws.async_accept(boost::asio::use_awaitable);
  co_return;
  // CHECK-MESSAGES: :[[@LINE-1]]:3: note: 'ws' is still unreleased when this co_return is taken
  // CHECK-MESSAGES: :[[@LINE-5]]:51: note: close it in every path, e.g. catch into a std::exception_ptr, co_await ws.async_close(boost::beast::websocket::close_code::normal, boost::asio::use_awaitable), then rethrow
}

//===----------------------------------------------------------------------===//
// coroguard-missing-awaited-cleanup.
//===----------------------------------------------------------------------===//

// (a) The shutdown's awaitable is discarded.
awaitable<void> discarded_shutdown(asio::ssl::context &ctx) {
  auto ex = co_await asio::this_coro::executor;
  ssl_socket stream(tcp::socket(ex), ctx);
  stream.async_shutdown(use_awaitable); // discarded
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: the awaitable returned by 'async_shutdown()' is discarded, so 'stream' is never released; co_await it [coroguard-missing-awaited-cleanup]
  // CHECK-FIXES: co_await stream.async_shutdown(use_awaitable); // discarded
}

// (b) "Happy path only": the handshake and the write can throw.
awaitable<void> tls_happy_path_only(asio::ssl::context &ctx) {
  auto ex = co_await asio::this_coro::executor;
  ssl_socket stream(tcp::socket(ex), ctx);
  // CHECK-MESSAGES: :[[@LINE-1]]:14: warning: 'stream' is not released if an exception is thrown before 'async_shutdown()' is awaited [coroguard-missing-awaited-cleanup]
  co_await stream.async_handshake(asio::ssl::stream_base::client, use_awaitable);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: note: an exception thrown here leaves the scope of 'stream' without releasing it
  // CHECK-MESSAGES: :[[@LINE-4]]:14: note: catch into a std::exception_ptr, co_await stream.async_shutdown(asio::use_awaitable), then rethrow
  co_await asio::async_write(stream, asio::buffer("hello", 5), use_awaitable);
  co_await stream.async_shutdown(use_awaitable);
}

boost::asio::awaitable<void>
beast_tls_happy_path_only(boost::asio::ip::tcp::socket socket,
                          boost::asio::ssl::context &ctx) {
  beast::ssl_stream<boost::asio::ip::tcp::socket> stream(std::move(socket), ctx);
  // CHECK-MESSAGES: :[[@LINE-1]]:51: warning: 'stream' is not released if an exception is thrown before 'async_shutdown()' is awaited [coroguard-missing-awaited-cleanup]
  co_await stream.async_handshake(stream.server, boost::asio::use_awaitable);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: note: an exception thrown here leaves the scope of 'stream' without releasing it
  // CHECK-MESSAGES: :[[@LINE-4]]:51: note: catch into a std::exception_ptr, co_await stream.async_shutdown(boost::asio::use_awaitable), then rethrow
  co_await stream.async_shutdown(boost::asio::use_awaitable);
}

//===----------------------------------------------------------------------===//
// Negative cases.
//===----------------------------------------------------------------------===//

// A stream layered over a reference borrows the connection: its owner
// closes it.
awaitable<void> borrowed_layer(tcp::socket &socket, asio::ssl::context &ctx,
                               bool bad) {
  asio::ssl::stream<tcp::socket &> stream(socket, ctx);
  co_await stream.async_handshake(asio::ssl::stream_base::server,
                                  use_awaitable);
  if (bad)
    co_return;
}

// Catch into an exception_ptr, shut down, rethrow: released on every path.
awaitable<void> tls_done_right(asio::ssl::context &ctx) {
  auto ex = co_await asio::this_coro::executor;
  ssl_socket stream(tcp::socket(ex), ctx);
  std::exception_ptr error;
  try {
    co_await stream.async_handshake(asio::ssl::stream_base::client,
                                    use_awaitable);
    co_await asio::async_write(stream, asio::buffer("hello", 5), use_awaitable);
  } catch (...) {
    error = std::current_exception();
  }
  co_await stream.async_shutdown(use_awaitable);
  if (error)
    std::rethrow_exception(error);
}

boost::asio::awaitable<void>
websocket_done_right(boost::asio::ip::tcp::socket socket) {
  websocket::stream<boost::asio::ip::tcp::socket> ws(std::move(socket));
  std::exception_ptr error;
  try {
    co_await ws.async_accept(boost::asio::use_awaitable);
    beast::flat_buffer buffer;
    co_await ws.async_read(buffer, boost::asio::use_awaitable);
  } catch (...) {
    error = std::current_exception();
  }
  co_await ws.async_close(websocket::close_code::normal,
                          boost::asio::use_awaitable);
  if (error)
    std::rethrow_exception(error);
}

// The shutdown awaitable stored now and awaited later.
awaitable<void> shutdown_awaited_later(asio::ssl::context &ctx) {
  auto ex = co_await asio::this_coro::executor;
  ssl_socket stream(tcp::socket(ex), ctx);
  auto shutting_down = stream.async_shutdown(use_awaitable);
  co_await std::move(shutting_down);
}

// A factory that co_returns the stream: the caller owns it.
awaitable<ssl_socket> connect_tls(asio::ssl::context &ctx) {
  auto ex = co_await asio::this_coro::executor;
  ssl_socket stream(tcp::socket(ex), ctx);
  co_return stream;
}

// Passed by reference to a coroutine of this file that shuts it down.
awaitable<void> shut_down(ssl_socket &stream) {
  co_await stream.async_shutdown(use_awaitable);
}
awaitable<void> passed_to_a_closer(asio::ssl::context &ctx) {
  auto ex = co_await asio::this_coro::executor;
  ssl_socket stream(tcp::socket(ex), ctx);
  co_await shut_down(stream);
}

// Sockets, acceptors and timers release synchronously: close() and cancel()
// return void, so they are not async resources.
awaitable<void> sockets_are_not_resources(tcp::acceptor &acceptor) {
  auto ex = co_await asio::this_coro::executor;
  tcp::socket socket = co_await acceptor.async_accept(use_awaitable);
  asio::steady_timer timer(ex);
  timer.expires_after(milliseconds(1));
  co_await timer.async_wait(use_awaitable);
  char data[16];
  std::size_t n = co_await socket.async_read_some(asio::buffer(data),
                                                  use_awaitable);
  if (n == 0)
    co_return;
  socket.shutdown(tcp::socket::shutdown_both);
  socket.close();
  timer.cancel();
}

//===----------------------------------------------------------------------===//
// coroguard-suppressed-exception: asio::detached drops the exception of the
// spawned coroutine; log-and-continue handlers eat cancellation.
//===----------------------------------------------------------------------===//

void log_error(const char *what);

// No handler of its own: an error in it disappears with asio::detached.
awaitable<void> echo_session(tcp::socket socket) {
  char data[128];
  for (;;) {
    std::size_t n = co_await socket.async_read_some(asio::buffer(data),
                                                    use_awaitable);
    co_await asio::async_write(socket, asio::buffer(data, n), use_awaitable);
  }
}

// Handles its own errors: detached is fine for it.
awaitable<void> guarded_session(tcp::socket socket) {
  try {
    co_await echo_session(std::move(socket));
  } catch (const asio::system_error &e) {
    log_error(e.what());
  }
}

awaitable<void> accept_loop(tcp::acceptor &acceptor, bool guarded) {
  auto ex = co_await asio::this_coro::executor;
  for (;;) {
    tcp::socket socket = co_await acceptor.async_accept(use_awaitable);
    if (guarded) {
      asio::co_spawn(ex, guarded_session(std::move(socket)), asio::detached);
      continue;
    }
    asio::co_spawn(ex, echo_session(std::move(socket)), asio::detached);
    // CHECK-MESSAGES: :[[@LINE-1]]:57: warning: 'asio::detached' drops the exception of the spawned coroutine; pass a completion handler that rethrows or reports it [coroguard-suppressed-exception]
    // CHECK-MESSAGES: :[[@LINE-2]]:57: note: no fix-it: a handler that rethrows would let the error out of the event loop and stop the work of every other iteration of this loop
  }
}

// The server loop that logs and goes on: cancellation is eaten too.
awaitable<void> log_and_continue(tcp::acceptor &acceptor) {
  for (;;) {
    try {
      tcp::socket socket = co_await acceptor.async_accept(use_awaitable);
      co_await send_greeting(socket);
    } catch (...) {
      // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: 'catch (...)' in coroutine 'log_and_continue' swallows every exception, cancellation included; rethrow it (throw;), or keep it with std::current_exception() [coroguard-suppressed-exception]
      log_error("accept failed");
    }
  }
}

// Negative: ignoring one specific error is a decision.
awaitable<void> ignores_one_error(tcp::socket &socket) {
  try {
    co_await send_greeting(socket);
  } catch (const asio::system_error &) {
  }
}
