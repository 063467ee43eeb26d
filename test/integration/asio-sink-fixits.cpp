// REQUIRES: asio
// Spawns that drop the error get a completion handler. It rethrows where
// that lets the error reach main's own handler, and hands it to the
// reporter of option coroguard.ErrorReporter elsewhere; without one, work
// started in a loop or outside main gets no fix-it, and a note says why.
// With Debian's real asio: the fixed files are compiled against it.
// RUN: %check_coroguard --check-suffix=PLAIN %s coroguard-suppressed-exception %t.plain -- -std=c++20 -DASIO_HAS_CO_AWAIT -DASIO_HAS_STD_COROUTINE
// RUN: %check_coroguard --check-suffix=REPORT --clang-tidy-config="CheckOptions: {coroguard.ErrorReporter: 'app::report'}" %s coroguard-suppressed-exception %t.report -- -std=c++20 -DASIO_HAS_CO_AWAIT -DASIO_HAS_STD_COROUTINE

#include <asio.hpp>
#include <exception>

namespace app {
void report(std::exception_ptr error);
}

asio::awaitable<void> session(asio::ip::tcp::socket socket) {
  char data[8];
  co_await socket.async_read_some(asio::buffer(data), asio::use_awaitable);
}

asio::awaitable<int> count_lines() {
  co_await asio::this_coro::executor;
  throw std::runtime_error("no input");
}

asio::awaitable<void> listener(asio::ip::tcp::acceptor acceptor) {
  for (;;) {
    asio::ip::tcp::socket socket = co_await acceptor.async_accept(asio::use_awaitable);
    asio::co_spawn(acceptor.get_executor(), session(std::move(socket)), asio::detached);
  }
}
// CHECK-MESSAGES-PLAIN: :[[@LINE-3]]:73: warning: 'asio::detached' drops the exception of the spawned coroutine
// CHECK-MESSAGES-PLAIN: :[[@LINE-4]]:73: note: no fix-it: a handler that rethrows would let the error out of the event loop and stop the work of every other iteration of this loop; set option coroguard.ErrorReporter to a function that reports a std::exception_ptr, and the fix-it hands the error to it
// CHECK-MESSAGES-REPORT: :[[@LINE-5]]:73: warning: 'asio::detached' drops the exception of the spawned coroutine
// CHECK-FIXES-REPORT: asio::co_spawn(acceptor.get_executor(), session(std::move(socket)), [](std::exception_ptr e) { if (e) app::report(e); });

int main() {
  asio::io_context io;
  asio::ip::tcp::acceptor acceptor(io, {asio::ip::tcp::v4(), 0});
  asio::co_spawn(io, listener(std::move(acceptor)), asio::detached);
  asio::co_spawn(io, count_lines(), asio::bind_executor(io.get_executor(), asio::detached));
  io.run();
}
// CHECK-MESSAGES-PLAIN: :[[@LINE-4]]:53: warning: 'asio::detached' drops the exception of the spawned coroutine
// CHECK-MESSAGES-PLAIN: :[[@LINE-4]]:37: warning: 'asio::detached' drops the exception of the spawned coroutine
// CHECK-FIXES-PLAIN: asio::co_spawn(io, listener(std::move(acceptor)), [](std::exception_ptr e) { if (e) std::rethrow_exception(e); });
// CHECK-FIXES-PLAIN-NEXT: asio::co_spawn(io, count_lines(), asio::bind_executor(io.get_executor(), [](std::exception_ptr e, auto &&...) { if (e) std::rethrow_exception(e); }));
// CHECK-MESSAGES-REPORT: :[[@LINE-8]]:53: warning: 'asio::detached' drops the exception of the spawned coroutine
// CHECK-MESSAGES-REPORT: :[[@LINE-8]]:37: warning: 'asio::detached' drops the exception of the spawned coroutine
// CHECK-FIXES-REPORT: asio::co_spawn(io, listener(std::move(acceptor)), [](std::exception_ptr e) { if (e) std::rethrow_exception(e); });
