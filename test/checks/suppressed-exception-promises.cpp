// unhandled_exception() must keep the exception: store it where it outlives
// the call, pass it on, rethrow it or terminate.
// RUN: %check_coroguard %s coroguard-suppressed-exception %t -- %mock_flags

#include <cassert>
#include <coroutine>
#include <exception>

void report(std::exception_ptr);

#define PROMISE_BASICS(task)                                                   \
  task get_return_object() noexcept;                                           \
  std::suspend_always initial_suspend() noexcept;                              \
  std::suspend_always final_suspend() noexcept;                                \
  void return_void() noexcept;

// Its only statement is an assert: NDEBUG removes it, and the exception
// is gone.
struct asserting_task {
  struct promise_type {
    PROMISE_BASICS(asserting_task)
    void unhandled_exception() { assert(false && "no exceptions here"); }
    // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: 'unhandled_exception' drops the exception of every coroutine of this type; store std::current_exception(), rethrow it, or terminate [coroguard-suppressed-exception]
  };
};

// Stored in a local that dies with the call.
struct forgetting_task {
  struct promise_type {
    PROMISE_BASICS(forgetting_task)
    void unhandled_exception() {
      // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: 'unhandled_exception' drops the exception
      auto error = std::current_exception();
    }
  };
};

struct reassigned_local_task {
  struct promise_type {
    PROMISE_BASICS(reassigned_local_task)
    void unhandled_exception() {
      // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: 'unhandled_exception' drops the exception
      std::exception_ptr error;
      error = std::current_exception();
    }
  };
};

// Negatives: kept in a member, passed on, stored and then passed on,
// rethrown, terminated.
struct member_task {
  struct promise_type {
    PROMISE_BASICS(member_task)
    void unhandled_exception() { error_ = std::current_exception(); }
    std::exception_ptr error_;
  };
};

struct reporting_task {
  struct promise_type {
    PROMISE_BASICS(reporting_task)
    void unhandled_exception() { report(std::current_exception()); }
  };
};

struct local_then_passed_task {
  struct promise_type {
    PROMISE_BASICS(local_then_passed_task)
    void unhandled_exception() {
      auto error = std::current_exception();
      report(error);
    }
  };
};

struct rethrowing_task {
  struct promise_type {
    PROMISE_BASICS(rethrowing_task)
    void unhandled_exception() { throw; }
  };
};

struct terminating_task {
  struct promise_type {
    PROMISE_BASICS(terminating_task)
    void unhandled_exception() noexcept { std::terminate(); }
  };
};
