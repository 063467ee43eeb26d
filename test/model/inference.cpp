// Inference from the shape of a class: a class with a promise_type that
// starts suspended is a lazy task. With coroguard.InferResources off only
// the model and annotations count.
// RUN: %check_coroguard --check-suffix=ON %s coroguard-unawaited-task %t.on -- %mock_flags
// RUN: %check_coroguard --check-suffix=OFF --clang-tidy-config="CheckOptions: {coroguard.InferResources: false}" %s coroguard-unawaited-task %t.off -- %mock_flags

#include <coroutine>

namespace app {
struct job {
  struct promise_type {
    job get_return_object();
    std::suspend_always initial_suspend() noexcept;
    std::suspend_always final_suspend() noexcept;
    void return_void();
    void unhandled_exception();
  };
};
job cleanup_later();
} // namespace app

void caller() {
  app::cleanup_later();
  // CHECK-MESSAGES-ON: :[[@LINE-1]]:3: warning: task returned by 'cleanup_later' is discarded, so it never runs [coroguard-unawaited-task]
}

// The OFF run has no CHECK-MESSAGES-OFF lines: the harness then asserts
// that nothing at all is reported.
