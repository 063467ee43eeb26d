// RUN: %check_coroguard --clang-tidy-config="CheckOptions: {coroguard.ErrorReporter: 'app::report'}" %s coroguard-suppressed-exception %t -- %mock_flags -isystem %inputs/asio -isystem %inputs/libcoro -isystem %inputs/concurrencpp
// The fix-its of the exception sinks, with option coroguard.ErrorReporter
// set: outside main the handler hands the error to the reporter.

#include <asio.hpp>
#include <concurrencpp/concurrencpp.h>
#include <coro/coro.hpp>
#include <exception>
#include <memory>

namespace app {
void report(std::exception_ptr error);
}
void log(const char *);
void flush_cache();

// Coroutines that let their errors out.
asio::awaitable<void> session() {
  co_await asio::this_coro::executor;
  log("in session");
}
asio::awaitable<int> count() {
  co_await asio::this_coro::executor;
  log("counting");
  co_return 1;
}

// A callback that ignores its error: named, and the error handled first.
void spawn_sessions(asio::io_context &io) {
  asio::co_spawn(io, session(), [](std::exception_ptr) {});
  asio::co_spawn(io, session(), [](std::exception_ptr error) { log("done"); });
  asio::co_spawn(io, count(), [](std::exception_ptr, int n) {
    log("counted");
  });
}
// CHECK-MESSAGES: :[[@LINE-6]]:36: warning: the callback ignores the error it is given, so the error disappears; rethrow it, or report it [coroguard-suppressed-exception]
// CHECK-MESSAGES: :[[@LINE-6]]:36: warning: the callback ignores the error it is given, so the error disappears; rethrow it, or report it [coroguard-suppressed-exception]
// CHECK-MESSAGES: :[[@LINE-6]]:34: warning: the callback ignores the error it is given, so the error disappears; rethrow it, or report it [coroguard-suppressed-exception]
// CHECK-FIXES: void spawn_sessions(asio::io_context &io) {
// CHECK-FIXES-NEXT: asio::co_spawn(io, session(), [](std::exception_ptr error) { if (error) app::report(error); });
// CHECK-FIXES-NEXT: asio::co_spawn(io, session(), [](std::exception_ptr error) { if (error) app::report(error); log("done"); });
// CHECK-FIXES-NEXT: asio::co_spawn(io, count(), [](std::exception_ptr error, int n) {
// CHECK-FIXES-NEXT: if (error) app::report(error);
// CHECK-FIXES-NEXT: log("counted");
// CHECK-FIXES-NEXT: });
// CHECK-FIXES-NEXT: }

// A token, in main: rethrown, which lets the error reach main's handler.
int main() {
  asio::io_context io;
  asio::co_spawn(io, session(), asio::detached);
  asio::co_spawn(io, count(), asio::detached);
  asio::co_spawn(io, session(), [](std::exception_ptr) {});
  io.run();
}
// CHECK-MESSAGES: :[[@LINE-5]]:33: warning: 'asio::detached' drops the exception of the spawned coroutine; pass a completion handler that rethrows or reports it [coroguard-suppressed-exception]
// CHECK-MESSAGES: :[[@LINE-5]]:31: warning: 'asio::detached' drops the exception of the spawned coroutine; pass a completion handler that rethrows or reports it [coroguard-suppressed-exception]
// CHECK-MESSAGES: :[[@LINE-5]]:36: warning: the callback ignores the error it is given, so the error disappears; rethrow it, or report it [coroguard-suppressed-exception]
// CHECK-FIXES: int main() {
// CHECK-FIXES-NEXT: asio::io_context io;
// CHECK-FIXES-NEXT: asio::co_spawn(io, session(), [](std::exception_ptr e) { if (e) std::rethrow_exception(e); });
// CHECK-FIXES-NEXT: asio::co_spawn(io, count(), [](std::exception_ptr e, auto &&...) { if (e) std::rethrow_exception(e); });
// CHECK-FIXES-NEXT: asio::co_spawn(io, session(), [](std::exception_ptr error) { if (error) std::rethrow_exception(error); });
// CHECK-FIXES-NEXT: io.run();
// CHECK-FIXES-NEXT: }

coro::task<void> store(int key) {
  co_await coro::task<void>();
  log("stored");
}

// A detached spawn of libcoro: the work is wrapped in a coroutine that
// reports what it throws.
void spawn_work(std::shared_ptr<coro::thread_pool> tp) {
  tp->spawn_detached(store(1));
}
// CHECK-MESSAGES: :[[@LINE-2]]:3: warning: 'spawn_detached' drops the exception of the coroutine it spawns; handle errors inside it, or await it where an error can be reported [coroguard-suppressed-exception]
// CHECK-FIXES: void spawn_work(std::shared_ptr<coro::thread_pool> tp) {
// CHECK-FIXES-NEXT: tp->spawn_detached([](coro::task<void> work) -> coro::task<void> { try { co_await work; } catch (...) { app::report(std::current_exception()); } }(store(1)));
// CHECK-FIXES-NEXT: }

// concurrencpp's post: the work is wrapped in a callable that reports.
void post_work(std::shared_ptr<concurrencpp::thread_pool_executor> ex) {
  ex->post([] { flush_cache(); });
}
// CHECK-MESSAGES: :[[@LINE-2]]:3: warning: 'post' drops any exception thrown by the work it runs; catch it inside the work, or use a form that returns the error [coroguard-suppressed-exception]
// CHECK-FIXES: void post_work(std::shared_ptr<concurrencpp::thread_pool_executor> ex) {
// CHECK-FIXES-NEXT: ex->post([work = [] { flush_cache(); }]() mutable { try { work(); } catch (...) { app::report(std::current_exception()); } });
// CHECK-FIXES-NEXT: }
