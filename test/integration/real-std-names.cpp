// REQUIRES: asio
// RUN: %check_coroguard %s coroguard-suppressed-exception %t -- -std=c++20 -DASIO_HAS_CO_AWAIT -DASIO_HAS_STD_COROUTINE
// With the real libstdc++, std::exception_ptr is
// std::__exception_ptr::exception_ptr brought into std by a
// using-declaration: the model's name reaches it by lookup, so callbacks
// that ignore it and exit hooks that clear it are found, and the ones that
// read it are not.

#include <asio.hpp>
#include <exception>

void report(std::exception_ptr error);

template <class F> void on_done(F) {}

asio::awaitable<void> session() { co_await asio::this_coro::executor; throw 1; }

int main() {
  asio::io_context io;
  asio::co_spawn(io, session(), [](std::exception_ptr) {});
  asio::co_spawn(io, session(), [](std::exception_ptr e) { if (e) report(e); });
  io.run();
}
// CHECK-MESSAGES: :[[@LINE-4]]:36: warning: the callback ignores the error it is given, so the error disappears; rethrow it, or report it [coroguard-suppressed-exception]
// CHECK-FIXES: int main() {
// CHECK-FIXES-NEXT: asio::io_context io;
// CHECK-FIXES-NEXT: asio::co_spawn(io, session(), [](std::exception_ptr error) { if (error) std::rethrow_exception(error); });
// CHECK-FIXES-NEXT: asio::co_spawn(io, session(), [](std::exception_ptr e) { if (e) report(e); });
// CHECK-FIXES-NEXT: io.run();
// CHECK-FIXES-NEXT: }

void ignores() {
  on_done([](std::exception_ptr e) {});
}
// CHECK-MESSAGES: :[[@LINE-2]]:14: warning: the callback ignores the error it is given, so the error disappears; rethrow it, or report it [coroguard-suppressed-exception]
// CHECK-MESSAGES: :[[@LINE-3]]:14: note: no fix-it: a handler that rethrows would let the error out of the event loop, which only main is known to expect; set option coroguard.ErrorReporter to a function that reports a std::exception_ptr, and the fix-it hands the error to it

void reads() {
  on_done([](std::exception_ptr e) { report(e); });
}

struct scope {
  void await_exit(std::exception_ptr &e) {
    e = nullptr;
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: the exit hook clears the exception it is given, so the error of the scope it closes disappears; leave 'e' as it is [coroguard-suppressed-exception]
  }
};

struct keeping_scope {
  void await_exit(std::exception_ptr &e) {
    if (e)
      report(e);
  }
};
