// Handlers the user did not write: a test framework's assertion macro
// expands to `try { ... } catch (...) { <record the failure> }`.
// - A handler that reports through a test framework (profile `testing`)
//   keeps the exception, wherever the framework's header is.
// - A handler is judged where its `catch` is spelled: inside a macro
//   defined in a header, whatever the header filter selects, it is not the
//   user's (MINI: a framework no profile knows).
// - A handler the user wrote inside the macro's argument is still judged,
//   and so is one in a macro defined in the analysed file (at the line
//   where the macro is used).
//
// RUN: %check_coroguard --check-suffix=GTEST %s coroguard-suppressed-exception %t -- %mock_flags -isystem %inputs/testlib -isystem %inputs/testing -DUSE_GTEST
// RUN: %check_coroguard --check-suffix=CATCH %s coroguard-suppressed-exception %t -- %mock_flags -isystem %inputs/testlib -isystem %inputs/testing -DUSE_CATCH
// RUN: %check_coroguard --check-suffix=DOCTEST %s coroguard-suppressed-exception %t -- %mock_flags -isystem %inputs/testlib -isystem %inputs/testing -DUSE_DOCTEST
// RUN: %check_coroguard --check-suffix=BOOST %s coroguard-suppressed-exception %t -- %mock_flags -isystem %inputs/testlib -isystem %inputs/testing -DUSE_BOOST
// The frameworks as ordinary headers (-I), selected by the default header
// filter: still reporting.
// RUN: %check_coroguard --check-suffix=CATCH %s coroguard-suppressed-exception %t -- %mock_flags -isystem %inputs/testlib -I %inputs/testing -DUSE_CATCH
// RUN: %check_coroguard --check-suffix=GTEST %s coroguard-suppressed-exception %t -- %mock_flags -isystem %inputs/testlib -I %inputs/testing -DUSE_GTEST
//
// A framework no profile knows: its macro is defined outside the analysed
// file, so its handler is not the user's, whatever the header filter says:
// in a system header, in a header the filter does not select, in one it
// selects (a vendored framework with -I and the default filter).
// RUN: %check_coroguard --check-suffix=CATCH %s coroguard-suppressed-exception %t -- %mock_flags -isystem %inputs/testlib -isystem %inputs/testing -DUSE_MINI
// RUN: %check_coroguard --check-suffix=CATCH --clang-tidy-config="{HeaderFilterRegex: 'src/.*'}" %s coroguard-suppressed-exception %t -- %mock_flags -isystem %inputs/testlib -I %inputs/testing -DUSE_MINI
// RUN: %check_coroguard --check-suffix=SELECTED --clang-tidy-config="{HeaderFilterRegex: '.*minitest.*'}" %s coroguard-suppressed-exception %t -- %mock_flags -isystem %inputs/testlib -I %inputs/testing -DUSE_MINI
// RUN: %check_coroguard --check-suffix=SELECTED %s coroguard-suppressed-exception %t -- %mock_flags -isystem %inputs/testlib -I %inputs/testing -DUSE_MINI

#include <exception>
#include <stdexcept>
#include <task.h>

using testlib::task;

task<int> fetch();

#if defined(USE_GTEST)
#include <gtest/gtest.h>

task<> assertions() {
  EXPECT_NO_THROW(co_await fetch());
  EXPECT_THROW(co_await fetch(), std::runtime_error);
  EXPECT_ANY_THROW(co_await fetch());
  EXPECT_TRUE(co_await fetch() == 1);
  // The handler in the statement argument is the user's:
  EXPECT_NO_THROW(try { co_await fetch(); } catch (...) {});
  // CHECK-MESSAGES-GTEST: :[[@LINE-1]]:45: warning: empty handler in coroutine 'assertions' swallows every exception, cancellation included; rethrow it, or catch the specific type you mean to ignore [coroguard-suppressed-exception]
}
#endif

#if defined(USE_CATCH)
#include <catch2/catch.hpp>

task<> assertions() {
  REQUIRE(co_await fetch() == 1);
  CHECK(co_await fetch() > 0);
  CHECK_NOTHROW(co_await fetch());
  REQUIRE_THROWS(co_await fetch());
  REQUIRE_THROWS_AS(co_await fetch(), std::runtime_error);
}
#endif

#if defined(USE_MINI)
#include <minitest/minitest.h>

task<> assertions() {
  MINI_EXPECT_NO_THROW(co_await fetch());
}
#endif

#if defined(USE_DOCTEST)
#include <doctest/doctest.h>

task<> assertions() {
  CHECK(co_await fetch() == 1);
  REQUIRE(co_await fetch() > 0);
  CHECK_NOTHROW(co_await fetch());
  CHECK_THROWS(co_await fetch());
  CHECK_THROWS_AS(co_await fetch(), std::runtime_error);
}
#endif

#if defined(USE_BOOST)
#include <boost/test/unit_test.hpp>

task<> assertions() {
  BOOST_CHECK_NO_THROW(co_await fetch());
  BOOST_CHECK_THROW(co_await fetch(), std::runtime_error);
  BOOST_REQUIRE(co_await fetch() == 1);
  // The handler in the statement argument is the user's:
  BOOST_CHECK_NO_THROW(try { co_await fetch(); } catch (...) {});
  // CHECK-MESSAGES-BOOST: :[[@LINE-1]]:50: warning: empty handler in coroutine 'assertions' swallows every exception
}
#endif

// A macro of the analysed file is the user's: reported where it is used.
#define IGNORING_ERRORS(statement)                                             \
  try {                                                                        \
    statement;                                                                 \
  } catch (...) {                                                              \
  }

task<> own_macro() {
  IGNORING_ERRORS(co_await fetch());
  // CHECK-MESSAGES-GTEST: :[[@LINE-1]]:3: warning: empty handler in coroutine 'own_macro' swallows every exception
  // CHECK-MESSAGES-CATCH: :[[@LINE-2]]:3: warning: empty handler in coroutine 'own_macro' swallows every exception
  // CHECK-MESSAGES-DOCTEST: :[[@LINE-3]]:3: warning: empty handler in coroutine 'own_macro' swallows every exception
  // CHECK-MESSAGES-BOOST: :[[@LINE-4]]:3: warning: empty handler in coroutine 'own_macro' swallows every exception
  // CHECK-MESSAGES-SELECTED: :[[@LINE-5]]:3: warning: empty handler in coroutine 'own_macro' swallows every exception
}
