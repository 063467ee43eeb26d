// Handlers that report the error through a test framework keep it: the test
// fails, nothing is swallowed. So do handlers of a test that expects the
// exception (its try block ends with a failed assertion, or an assertion
// follows the try statement).
//
// RUN: %check_coroguard --check-suffix=GTEST %s coroguard-suppressed-exception %t -- %mock_flags -isystem %inputs/testlib -isystem %inputs/testing -DUSE_GTEST
// RUN: %check_coroguard --check-suffix=CATCH %s coroguard-suppressed-exception %t -- %mock_flags -isystem %inputs/testlib -isystem %inputs/testing -DUSE_CATCH
// RUN: %check_coroguard --check-suffix=DOCTEST %s coroguard-suppressed-exception %t -- %mock_flags -isystem %inputs/testlib -I %inputs/testing -DUSE_DOCTEST
// RUN: %check_coroguard --check-suffix=BOOST %s coroguard-suppressed-exception %t -- %mock_flags -isystem %inputs/testlib -I %inputs/testing -DUSE_BOOST

#include <cassert>
#include <exception>
#include <task.h>

using testlib::task;

task<int> fetch();
void log(const char *);
bool closed();
// A project's own test helper, called with a constant false.
void assert_true(bool condition, const char *message);

#if defined(USE_GTEST)
#include <gtest/gtest.h>
#define REPORT_FAILURE() ADD_FAILURE() << "unexpected exception"
#define CHECK_OUTCOME(x) EXPECT_TRUE(x)
#define CHECK_THROWS_OF(x, E) EXPECT_THROW(x, E)
#elif defined(USE_CATCH)
#include <catch2/catch.hpp>
#define REPORT_FAILURE() FAIL_CHECK("unexpected exception")
#define CHECK_OUTCOME(x) CHECK(x)
#define CHECK_THROWS_OF(x, E) CHECK_THROWS_AS(x, E)
#elif defined(USE_DOCTEST)
#include <doctest/doctest.h>
#define REPORT_FAILURE() FAIL_CHECK("unexpected exception")
#define CHECK_OUTCOME(x) CHECK(x)
#define CHECK_THROWS_OF(x, E) CHECK_THROWS_AS(x, E)
#elif defined(USE_BOOST)
#include <boost/test/unit_test.hpp>
#define REPORT_FAILURE() BOOST_ERROR("unexpected exception")
#define CHECK_OUTCOME(x) BOOST_CHECK(x)
#define CHECK_THROWS_OF(x, E) BOOST_CHECK_THROW(x, E)
#endif

task<> reports_through_the_framework() {
  try {
    co_await fetch();
  } catch (...) {
    REPORT_FAILURE();
  }
}

task<> reports_through_a_helper() {
  try {
    co_await fetch();
  } catch (...) {
    assert_true(false, "fetch must not throw");
  }
}

// The exception is what the test expects: the try block ends with a
// failure that only runs when nothing is thrown.
task<> expects_the_exception() {
  try {
    co_await fetch();
    REPORT_FAILURE();
  } catch (...) {
  }
}

// The test swallows the exception on purpose and checks the outcome.
task<> checks_after_an_empty_handler() {
  try {
    co_await fetch();
  } catch (...) {
  }
  CHECK_OUTCOME(closed());
}

task<> asserts_after_a_flag() {
  bool failed = false;
  try {
    co_await fetch();
  } catch (...) {
    failed = true;
  }
  assert(failed);
}

// Still findings: an assertion that catches the expected type by itself
// lets every other exception through to the empty handler, so the test
// passes when it should fail.
struct bad_fetch {};
task<> expects_a_type_then_swallows() {
  try {
    CHECK_THROWS_OF(co_await fetch(), bad_fetch);
  } catch (...) {
    // CHECK-MESSAGES-GTEST: :[[@LINE-1]]:5: warning: empty handler in coroutine 'expects_a_type_then_swallows' swallows every exception
    // CHECK-MESSAGES-CATCH: :[[@LINE-2]]:5: warning: empty handler in coroutine 'expects_a_type_then_swallows' swallows every exception
    // CHECK-MESSAGES-DOCTEST: :[[@LINE-3]]:5: warning: empty handler in coroutine 'expects_a_type_then_swallows' swallows every exception
    // CHECK-MESSAGES-BOOST: :[[@LINE-4]]:5: warning: empty handler in coroutine 'expects_a_type_then_swallows' swallows every exception
  }
}

// Still findings: logging is not reporting, and an assert() is compiled out
// with NDEBUG.
task<> only_logs() {
  try {
    co_await fetch();
  } catch (...) {
    // CHECK-MESSAGES-GTEST: :[[@LINE-1]]:5: warning: 'catch (...)' in coroutine 'only_logs' swallows every exception
    // CHECK-MESSAGES-CATCH: :[[@LINE-2]]:5: warning: 'catch (...)' in coroutine 'only_logs' swallows every exception
    // CHECK-MESSAGES-DOCTEST: :[[@LINE-3]]:5: warning: 'catch (...)' in coroutine 'only_logs' swallows every exception
    // CHECK-MESSAGES-BOOST: :[[@LINE-4]]:5: warning: 'catch (...)' in coroutine 'only_logs' swallows every exception
    log("fetch failed");
  }
  co_await fetch();
}

task<> only_asserts() {
  try {
    co_await fetch();
  } catch (...) {
    // CHECK-MESSAGES-GTEST: :[[@LINE-1]]:5: warning: 'catch (...)' in coroutine 'only_asserts' swallows every exception
    // CHECK-MESSAGES-CATCH: :[[@LINE-2]]:5: warning: 'catch (...)' in coroutine 'only_asserts' swallows every exception
    // CHECK-MESSAGES-DOCTEST: :[[@LINE-3]]:5: warning: 'catch (...)' in coroutine 'only_asserts' swallows every exception
    // CHECK-MESSAGES-BOOST: :[[@LINE-4]]:5: warning: 'catch (...)' in coroutine 'only_asserts' swallows every exception
    assert(false && "fetch must not throw");
  }
  co_await fetch();
}

// Callbacks given the error get the same exemptions as a catch (...): one
// that reports through the framework, or that ends the program, passes the
// error on without reading it; so does one that sets a flag which an
// assertion right after the call tests.
template <class F> void when_done(F) {}
[[noreturn]] void fatal(const char *);

void callback_reports() {
  when_done([](std::exception_ptr) { REPORT_FAILURE(); });
  when_done([](std::exception_ptr) { fatal("worker died"); });
}

void callback_flags_a_checked_failure() {
  bool failed = false;
  when_done([&](std::exception_ptr) { failed = true; });
  CHECK_OUTCOME(!failed);
  int errors = 0;
  when_done([&](std::exception_ptr) { ++errors; });
  CHECK_OUTCOME(errors == 0);
}

// Still findings: a flag nobody asserts on, an assertion on something
// else, a callback that only logs.
void callback_flags_unchecked() {
  bool failed = false;
  when_done([&](std::exception_ptr) { failed = true; });
  // CHECK-MESSAGES-GTEST: :[[@LINE-1]]:17: warning: the callback ignores the error it is given
  // CHECK-MESSAGES-CATCH: :[[@LINE-2]]:17: warning: the callback ignores the error it is given
  // CHECK-MESSAGES-DOCTEST: :[[@LINE-3]]:17: warning: the callback ignores the error it is given
  // CHECK-MESSAGES-BOOST: :[[@LINE-4]]:17: warning: the callback ignores the error it is given
  log("done");
  bool other = false;
  when_done([&](std::exception_ptr) { failed = true; });
  // CHECK-MESSAGES-GTEST: :[[@LINE-1]]:17: warning: the callback ignores the error it is given
  // CHECK-MESSAGES-CATCH: :[[@LINE-2]]:17: warning: the callback ignores the error it is given
  // CHECK-MESSAGES-DOCTEST: :[[@LINE-3]]:17: warning: the callback ignores the error it is given
  // CHECK-MESSAGES-BOOST: :[[@LINE-4]]:17: warning: the callback ignores the error it is given
  CHECK_OUTCOME(!other);
  when_done([](std::exception_ptr) { log("worker died"); });
  // CHECK-MESSAGES-GTEST: :[[@LINE-1]]:16: warning: the callback ignores the error it is given
  // CHECK-MESSAGES-CATCH: :[[@LINE-2]]:16: warning: the callback ignores the error it is given
  // CHECK-MESSAGES-DOCTEST: :[[@LINE-3]]:16: warning: the callback ignores the error it is given
  // CHECK-MESSAGES-BOOST: :[[@LINE-4]]:16: warning: the callback ignores the error it is given
}
