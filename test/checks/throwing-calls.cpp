// Which statements may throw on the way from acquisition to release
// (coroguard.ThrowingCalls), and the handler rule: a call inside a handler
// that keeps the exception gets no exceptional edge of its own.
//
// RUN: %check_coroguard %s coroguard-missing-awaited-cleanup %t -- %mock_flags -isystem %inputs/testlib
// RUN: %check_coroguard --check-suffix=USER --clang-tidy-config="{CheckOptions: {coroguard.ThrowingCalls: user}}" %s coroguard-missing-awaited-cleanup %t -- %mock_flags -isystem %inputs/testlib
// RUN: %check_coroguard --check-suffix=NONE --clang-tidy-config="{CheckOptions: {coroguard.ThrowingCalls: none}}" %s coroguard-missing-awaited-cleanup %t -- %mock_flags -isystem %inputs/testlib
// A value the checks do not know is a configuration error:
// RUN: %expect_exit 2 %coroguard --quiet "--config={CheckOptions: {coroguard.ThrowingCalls: sometimes}}" %s -- %mock_flags -isystem %inputs/testlib 2>&1 | FileCheck %s --check-prefix=BAD
// BAD: invalid value 'sometimes' for coroguard.ThrowingCalls: expected 'user', 'all' or 'none'

#include <exception>
#include <resources.h>

using namespace testlib;

void audit(const char *); // the user's own function: it may throw

// The standard idiom: the handler logs and keeps the exception, the release
// is awaited after the try, the exception is rethrown. Logging in the
// handler is part of the idiom, not an exit.
task<> logs_and_keeps(database &db) {
  connection conn = co_await db.connect("db://");
  std::exception_ptr failure;
  try {
    co_await conn.send("request");
  } catch (...) {
    log("request failed");
    audit("request failed");
    failure = std::current_exception();
  }
  co_await conn.close();
  if (failure)
    std::rethrow_exception(failure);
}

// Same, keeping it by rethrowing at the end of the handler: the rethrow
// itself leaves the scope of conn unreleased, whatever the policy.
task<> logs_and_rethrows(database &db) {
  connection conn = co_await db.connect("db://");
  // CHECK-MESSAGES: :[[@LINE-1]]:14: warning: 'conn' is not released if an exception is thrown before 'close()' is awaited [coroguard-missing-awaited-cleanup]
  // CHECK-MESSAGES-USER: :[[@LINE-2]]:14: warning: 'conn' is not released
  // CHECK-MESSAGES-NONE: :[[@LINE-3]]:14: warning: 'conn' is not released
  try {
    co_await conn.send("request");
  } catch (...) {
    audit("request failed");
    throw;
    // CHECK-MESSAGES: :[[@LINE-1]]:5: note: an exception thrown here leaves the scope of 'conn' without releasing it
    // CHECK-MESSAGES-USER: :[[@LINE-2]]:5: note: an exception thrown here
    // CHECK-MESSAGES-NONE: :[[@LINE-3]]:5: note: an exception thrown here
  }
  co_await conn.close();
}

// A handler that keeps nothing: its calls are exits like any other.
task<> logs_and_swallows(database &db) {
  connection conn = co_await db.connect("db://");
  // CHECK-MESSAGES: :[[@LINE-1]]:14: warning: 'conn' is not released if an exception is thrown before 'close()' is awaited
  // CHECK-MESSAGES-USER: :[[@LINE-2]]:14: warning: 'conn' is not released
  try {
    co_await conn.send("request");
  } catch (...) {
    audit("request failed");
    // CHECK-MESSAGES: :[[@LINE-1]]:5: note: an exception thrown here leaves the scope of 'conn' without releasing it
    // CHECK-MESSAGES-USER: :[[@LINE-2]]:5: note: an exception thrown here
  }
  co_await conn.close();
}

// Code between the handler and the release still counts.
task<> call_after_the_handler(database &db) {
  connection conn = co_await db.connect("db://");
  // CHECK-MESSAGES: :[[@LINE-1]]:14: warning: 'conn' is not released
  // CHECK-MESSAGES-USER: :[[@LINE-2]]:14: warning: 'conn' is not released
  std::exception_ptr failure;
  try {
    co_await conn.send("request");
  } catch (...) {
    failure = std::current_exception();
  }
  audit("after the handler");
  // CHECK-MESSAGES: :[[@LINE-1]]:3: note: an exception thrown here leaves the scope of 'conn' without releasing it
  // CHECK-MESSAGES-USER: :[[@LINE-2]]:3: note: an exception thrown here
  co_await conn.close();
  if (failure)
    std::rethrow_exception(failure);
}

// A call into a library (log() is declared in a system header): an exit
// by default, trusted with ThrowingCalls=user, and neither is an exit with
// ThrowingCalls=none.
task<> library_call_between(database &db) {
  connection conn = co_await db.connect("db://");
  // CHECK-MESSAGES: :[[@LINE-1]]:14: warning: 'conn' is not released
  log("connected");
  // CHECK-MESSAGES: :[[@LINE-1]]:3: note: an exception thrown here leaves the scope of 'conn' without releasing it
  co_await conn.close();
}

task<> user_call_between(database &db) {
  connection conn = co_await db.connect("db://");
  // CHECK-MESSAGES: :[[@LINE-1]]:14: warning: 'conn' is not released
  // CHECK-MESSAGES-USER: :[[@LINE-2]]:14: warning: 'conn' is not released
  audit("connected");
  // CHECK-MESSAGES: :[[@LINE-1]]:3: note: an exception thrown here leaves the scope of 'conn' without releasing it
  // CHECK-MESSAGES-USER: :[[@LINE-2]]:3: note: an exception thrown here
  co_await conn.close();
}
