// A model entry names a declaration the way users spell it: the name is
// looked up as the compiler would, through a namespace alias, a
// using-declaration and a typedef, so the entries match declarations
// whose own names differ (acme_v3::net::basic_connection).
// RUN: %check_coroguard --copy=%S/Inputs/names-by-lookup.json --clang-tidy-config="CheckOptions: {coroguard.ModelFiles: names-by-lookup.json}" %s coroguard-unmanaged-resource,coroguard-blocking-call %t -- %mock_flags -isystem %inputs/testlib

#include <task.h>

namespace acme_v3 {
namespace net {
class basic_connection {
public:
  basic_connection(int);
  testlib::task<> hang_up();
  void flush_sync();
};
void wait_all();
} // namespace net
class pool_slot {
public:
  pool_slot(int);
  testlib::task<> give_back();
};
using net::basic_connection;
using net::wait_all;
typedef basic_connection connection;
typedef pool_slot pooled;
} // namespace acme_v3
namespace acme = acme_v3;

// A different class of the same last name is not the model's.
namespace other {
class connection {
public:
  connection(int);
  testlib::task<> hang_up();
  void flush_sync();
};
void wait_all();
} // namespace other

testlib::task<> leaks(int fd) {
  acme_v3::net::basic_connection c(fd);
  co_return;
}
// CHECK-MESSAGES: :[[@LINE-3]]:34: warning: 'c' is never released: co_await 'hang_up()' or hand it to a guard before it goes out of scope [coroguard-unmanaged-resource]
// CHECK-MESSAGES: :[[@LINE-3]]:3: note: 'c' is still unreleased when this co_return is taken
// CHECK-FIXES: testlib::task<> leaks(int fd) {
// CHECK-FIXES-NEXT: acme_v3::net::basic_connection c(fd);
// CHECK-FIXES-NEXT: std::exception_ptr c_failure;
// CHECK-FIXES-NEXT: try {
// CHECK-FIXES-NEXT: co_await c.hang_up();
// CHECK-FIXES-NEXT: co_return;
// CHECK-FIXES-NEXT: } catch (...) {
// CHECK-FIXES-NEXT: c_failure = std::current_exception();
// CHECK-FIXES-NEXT: }
// CHECK-FIXES-NEXT: co_await c.hang_up();
// CHECK-FIXES-NEXT: std::rethrow_exception(c_failure);
// CHECK-FIXES-NEXT: }

testlib::task<> leaks_pooled(int fd) {
  acme::pooled p(fd);
  co_return;
}
// CHECK-MESSAGES: :[[@LINE-3]]:16: warning: 'p' is never released: co_await 'give_back()' or hand it to a guard before it goes out of scope [coroguard-unmanaged-resource]
// CHECK-MESSAGES: :[[@LINE-3]]:3: note: 'p' is still unreleased when this co_return is taken
// CHECK-FIXES: testlib::task<> leaks_pooled(int fd) {
// CHECK-FIXES-NEXT: acme::pooled p(fd);
// CHECK-FIXES-NEXT: std::exception_ptr p_failure;
// CHECK-FIXES-NEXT: try {
// CHECK-FIXES-NEXT: co_await p.give_back();
// CHECK-FIXES-NEXT: co_return;
// CHECK-FIXES-NEXT: } catch (...) {
// CHECK-FIXES-NEXT: p_failure = std::current_exception();
// CHECK-FIXES-NEXT: }
// CHECK-FIXES-NEXT: co_await p.give_back();
// CHECK-FIXES-NEXT: std::rethrow_exception(p_failure);
// CHECK-FIXES-NEXT: }

testlib::task<> blocks(int fd) {
  acme::connection c(fd);
  c.flush_sync();
  acme_v3::net::wait_all();
  co_await c.hang_up();
}
// CHECK-MESSAGES: :[[@LINE-4]]:3: warning: 'acme::connection::flush_sync' blocks the thread inside coroutine 'blocks'; co_await flush() [coroguard-blocking-call]
// CHECK-MESSAGES: :[[@LINE-4]]:3: warning: 'acme::wait_all' blocks the thread inside coroutine 'blocks'; co_await acme::when_all(...) [coroguard-blocking-call]

testlib::task<> not_the_model(int fd) {
  other::connection c(fd);
  c.flush_sync();
  other::wait_all();
  co_return;
}
