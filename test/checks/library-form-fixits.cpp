// RUN: %check_coroguard %s coroguard-unmanaged-resource,coroguard-missing-awaited-cleanup %t -- %mock_flags -isystem %inputs/boost-cobalt
// The library's own scope function where the model names one (option
// coroguard.FixStyle: library, the default): in a Boost.Cobalt coroutine,
// the code that uses the resource moves into with()'s body and the release
// into its teardown. Where with() would change the meaning (an exit inside
// the region), the portable rewrite is used instead.

#include <boost/cobalt.hpp>
#include <exception>

namespace cobalt = boost::cobalt;

struct connection {
  explicit connection(int fd);
  connection(connection &&) noexcept;
  cobalt::promise<void> send(const char *);
  cobalt::promise<void> close();
};

cobalt::task<void> happy_path_only(int fd) {
  connection conn(fd);
  co_await conn.send("one");
  co_await conn.send("two");
  co_await conn.close();
}
// CHECK-MESSAGES: :[[@LINE-5]]:14: warning: 'conn' is not released if an exception is thrown before 'close()' is awaited [coroguard-missing-awaited-cleanup]
// CHECK-MESSAGES: :[[@LINE-5]]:3: note: an exception thrown here leaves the scope of 'conn' without releasing it
// CHECK-FIXES: cobalt::task<void> happy_path_only(int fd) {
// CHECK-FIXES-NEXT: connection conn(fd);
// CHECK-FIXES-NEXT: co_await boost::cobalt::with(std::move(conn), [&](auto &conn) -> boost::cobalt::task<void> {
// CHECK-FIXES-NEXT: co_await conn.send("one");
// CHECK-FIXES-NEXT: co_await conn.send("two");
// CHECK-FIXES-NEXT: }, [&](auto conn, std::exception_ptr) -> boost::cobalt::task<void> { co_await conn.close(); });
// CHECK-FIXES-NEXT: }

cobalt::promise<void> never_closed(int fd) {
  connection conn(fd);
  co_await conn.send("hello");
}
// CHECK-MESSAGES: :[[@LINE-3]]:14: warning: 'conn' is never released: co_await 'close()' or hand it to a guard before it goes out of scope [coroguard-unmanaged-resource]
// CHECK-MESSAGES: :[[@LINE-2]]:1: note: 'conn' is still unreleased at the end of its scope
// CHECK-FIXES: cobalt::promise<void> never_closed(int fd) {
// CHECK-FIXES-NEXT: connection conn(fd);
// CHECK-FIXES-NEXT: co_await boost::cobalt::with(std::move(conn), [&](auto &conn) -> boost::cobalt::task<void> {
// CHECK-FIXES-NEXT: co_await conn.send("hello");
// CHECK-FIXES-NEXT: }, [&](auto conn, std::exception_ptr) -> boost::cobalt::task<void> { co_await conn.close(); });
// CHECK-FIXES-NEXT: }

cobalt::task<void> early_return(int fd, bool ok) {
  connection conn(fd);
  if (!ok)
    co_return;
  co_await conn.send("x");
  co_await conn.close();
}
// CHECK-MESSAGES: :[[@LINE-6]]:14: warning: 'conn' is not released on every path: co_await 'close()' or hand it to a guard before it goes out of scope [coroguard-unmanaged-resource]
// CHECK-MESSAGES: :[[@LINE-5]]:5: note: 'conn' is still unreleased when this co_return is taken
// CHECK-FIXES: cobalt::task<void> early_return(int fd, bool ok) {
// CHECK-FIXES-NEXT: connection conn(fd);
// CHECK-FIXES-NEXT: std::exception_ptr conn_failure;
// CHECK-FIXES-NEXT: try {
// CHECK-FIXES-NEXT: if (!ok)
// CHECK-FIXES-NEXT: { co_await conn.close(); co_return; }
// CHECK-FIXES-NEXT: co_await conn.send("x");
// CHECK-FIXES-NEXT: } catch (...) {
// CHECK-FIXES-NEXT: conn_failure = std::current_exception();
// CHECK-FIXES-NEXT: }
// CHECK-FIXES-NEXT: co_await conn.close();
// CHECK-FIXES-NEXT: if (conn_failure)
// CHECK-FIXES-NEXT: std::rethrow_exception(conn_failure);
// CHECK-FIXES-NEXT: }
