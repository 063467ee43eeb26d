// Source annotations teach coroguard about a project's own types.
// RUN: %check_coroguard %s coroguard-* %t -- %mock_flags -isystem %inputs/testlib -I %S/../../include

#include <coroguard/annotations.h>
#include <coroutine>
#include <task.h>

namespace app {

// A lazy task type the model does not know and inference cannot see (its
// promise starts through an awaitable of its own).
template <class T> class COROGUARD_TASK Lazy {
public:
  struct starter {
    bool await_ready() const noexcept;
    void await_suspend(std::coroutine_handle<>) noexcept;
    void await_resume() noexcept;
  };
  struct promise_type {
    Lazy get_return_object();
    starter initial_suspend() noexcept;
    std::suspend_always final_suspend() noexcept;
    void return_value(T);
    void unhandled_exception();
  };
  bool await_ready() const noexcept;
  void await_suspend(std::coroutine_handle<>) noexcept;
  T await_resume();
};

COROGUARD_BLOCKING void flush_to_disk();
void flush_later();

Lazy<int> compute();

} // namespace app

app::Lazy<int> handler() {
  app::compute();
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: task returned by 'compute' is discarded, so it never runs [coroguard-unawaited-task]
  // CHECK-FIXES: co_await app::compute();
  app::flush_to_disk();
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'app::flush_to_disk' blocks the thread inside coroutine 'handler' [coroguard-blocking-call]
  app::flush_later();
  co_return co_await app::compute();
}
