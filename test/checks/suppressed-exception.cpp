// RUN: %check_coroguard --compile-fixed %s coroguard-suppressed-exception %t -- %mock_flags -isystem %inputs/asio -isystem %inputs/testlib
// Handlers that call a configured reporting function keep the exception:
// RUN: %expect_exit 1 %coroguard --quiet --checks=-*,coroguard-suppressed-exception "--config={CheckOptions: {coroguard-suppressed-exception.ReportingFunctions: 'report_error'}}" %s -- %mock_flags -isystem %inputs/asio -isystem %inputs/testlib > %t.reporting
// RUN: FileCheck %s --check-prefix=REPORTING < %t.reporting
// RUN: grep -c "warning:" %t.reporting | FileCheck %s --check-prefix=REPORTING-COUNT
// REPORTING-COUNT: {{^8$}}

#include <asio.hpp>
#include <exception>
#include <stdexcept>
#include <task.h>

using testlib::task;

task<int> fetch();
void log(const char *);
void report_error(std::exception_ptr);
struct cancelled {};

task<> empty_catch_all() {
  try {
    co_await fetch();
  } catch (...) {
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: empty handler in coroutine 'empty_catch_all' swallows every exception, cancellation included; rethrow it, or catch the specific type you mean to ignore [coroguard-suppressed-exception]
    // nothing to do
  }
}

task<> empty_std_exception() {
  try {
    co_await fetch();
  } catch (const std::exception &) {
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: empty handler in coroutine 'empty_std_exception' swallows every standard exception, cancellation included
  }
}

// The server loop that logs and goes on: cancellation is eaten too.
task<> log_and_continue() {
  for (;;) {
    try {
      co_await fetch();
    } catch (...) {
      // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: 'catch (...)' in coroutine 'log_and_continue' swallows every exception, cancellation included; rethrow it (throw;), or keep it with std::current_exception() [coroguard-suppressed-exception]
      log("request failed");
    }
  }
}
// REPORTING: in coroutine 'log_and_continue' swallows
// REPORTING-NOT: in coroutine 'reported'

task<> reported() {
  try {
    co_await fetch();
  } catch (...) {
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'catch (...)' in coroutine 'reported' swallows every exception
    report_error(nullptr);
  }
  try {
    co_await fetch();
  } catch (...) {
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'catch (...)' in coroutine 'reported' swallows every exception
    // REPORTING: :[[@LINE-2]]:5: warning: 'catch (...)' in coroutine 'reported' swallows every exception
    log("not the configured function");
  }
}

// A promise whose unhandled_exception() drops the exception.
struct fire_and_forget {
  struct promise_type {
    fire_and_forget get_return_object() noexcept;
    std::suspend_never initial_suspend() noexcept;
    std::suspend_never final_suspend() noexcept;
    void return_void() noexcept;
    void unhandled_exception() noexcept {}
    // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: 'unhandled_exception' drops the exception of every coroutine of this type; store std::current_exception(), rethrow it, or terminate [coroguard-suppressed-exception]
  };
};

// Spawned with asio::detached and no error handling of its own.
asio::awaitable<void> session() { co_return; }
asio::awaitable<void> accept_loop(asio::io_context &io) {
  asio::co_spawn(io, [] { return session(); }, asio::detached);
  // CHECK-MESSAGES: :[[@LINE-1]]:48: warning: 'asio::detached' drops the exception of the spawned coroutine
  // CHECK-MESSAGES: :[[@LINE-2]]:48: note: no fix-it: a handler that rethrows would let the error out of the event loop, which only main is known to expect
  asio::co_spawn(io, session(), asio::detached);
  // CHECK-MESSAGES: :[[@LINE-1]]:33: warning: 'asio::detached' drops the exception of the spawned coroutine; pass a completion handler that rethrows or reports it [coroguard-suppressed-exception]
  // CHECK-MESSAGES: :[[@LINE-2]]:33: note: no fix-it: a handler that rethrows would let the error out of the event loop, which only main is known to expect; set option coroguard.ErrorReporter to a function that reports a std::exception_ptr, and the fix-it hands the error to it
  co_return;
}

//===----------------------------------------------------------------------===//
// Negative cases.
//===----------------------------------------------------------------------===//

// Catch into an exception_ptr, clean up, rethrow.
task<> keeps_it() {
  std::exception_ptr error;
  try {
    co_await fetch();
  } catch (...) {
    error = std::current_exception();
  }
  if (error)
    std::rethrow_exception(error);
}

task<> rethrows() {
  try {
    co_await fetch();
  } catch (...) {
    log("failed");
    throw;
  }
}

task<> translates() {
  try {
    co_await fetch();
  } catch (...) {
    throw std::runtime_error("fetch failed");
  }
}

// Ignoring one specific type is a decision.
task<> specific_type() {
  try {
    co_await fetch();
  } catch (const cancelled &) {
  }
}

// Handlers outside coroutines are not this check's business.
void plain() {
  try {
    log("x");
  } catch (...) {
  }
}

// Promises that keep or rethrow the exception.
struct careful_task {
  struct promise_type {
    careful_task get_return_object() noexcept;
    std::suspend_always initial_suspend() noexcept;
    std::suspend_always final_suspend() noexcept;
    void return_void() noexcept;
    void unhandled_exception() { error = std::current_exception(); }
    std::exception_ptr error;
  };
};
struct strict_task {
  struct promise_type {
    strict_task get_return_object() noexcept;
    std::suspend_always initial_suspend() noexcept;
    std::suspend_always final_suspend() noexcept;
    void return_void() noexcept;
    void unhandled_exception() { std::terminate(); }
  };
};

asio::awaitable<void> defined_elsewhere();

// The spawned coroutine handles its own errors.
asio::awaitable<void> guarded_session() {
  try {
    co_await session();
  } catch (const std::exception &e) {
    log(e.what());
  }
}
asio::awaitable<void> spawns(asio::io_context &io) {
  asio::co_spawn(io, guarded_session(), asio::detached);
  // A lambda returning a coroutine that handles its errors.
  asio::co_spawn(io, [] { return guarded_session(); }, asio::detached);
  // Defined elsewhere: its body may let errors out like any other.
  asio::co_spawn(io, defined_elsewhere(), asio::detached);
  // CHECK-MESSAGES: :[[@LINE-1]]:43: warning: 'asio::detached' drops the exception of the spawned coroutine; pass a completion handler that rethrows or reports it [coroguard-suppressed-exception]
  asio::co_spawn(io, session(), [](std::exception_ptr e) {
    if (e)
      std::rethrow_exception(e);
  });
  co_return;
}
