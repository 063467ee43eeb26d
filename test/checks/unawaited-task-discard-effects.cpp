// What discarding an eager result does comes from the model ('discard' of
// a task type): it runs on (not reported), the discarded object cancels it,
// or its destructor blocks until the work is done.
// RUN: %check_coroguard --clang-tidy-config="{CheckOptions: {coroguard.ModelFiles: '%S/Inputs/discard-effects.json'}}" %s coroguard-unawaited-task %t -- %mock_flags -isystem %inputs/testlib

#include <coroutine>
#include <task.h>

using testlib::task;

//===----------------------------------------------------------------------===//
// Eager results: what discarding them does comes from the model.
//===----------------------------------------------------------------------===//

namespace acme {
template <class T> struct promise {
  struct promise_type {
    promise get_return_object();
    std::suspend_never initial_suspend() noexcept;
    std::suspend_always final_suspend() noexcept;
    void return_value(T) noexcept;
    void unhandled_exception();
  };
  void operator+() &&;
};
struct joining_future {
  ~joining_future();
};
} // namespace acme

acme::promise<int> compute();
acme::joining_future run_async();

task<> eager_results() {
  compute();
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'acme::promise' returned by 'compute' is discarded, which cancels its work; co_await it, or detach it explicitly [coroguard-unawaited-task]
  run_async();
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'acme::joining_future' returned by 'run_async' is discarded, and its destructor blocks the thread until the work completes; keep it and co_await it, or detach the work [coroguard-unawaited-task]
  // Detached explicitly: not reported.
  +compute();
  co_return;
}
