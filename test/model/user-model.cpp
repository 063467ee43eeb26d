// A user model file adds entries and overrides built-in ones, read through
// coroguard.ModelFiles by every front, relative to the .clang-tidy that names
// it.
// RUN: %check_coroguard --copy=%S/Inputs/override.json --clang-tidy-config="CheckOptions: {coroguard.ModelFiles: override.json}" %s coroguard-* %t -- %mock_flags -isystem %inputs/testlib
// The same file given with --model:
// RUN: %expect_exit 1 %coroguard --quiet --model=%S/Inputs/override.json %s -- %mock_flags -isystem %inputs/testlib | FileCheck %s --check-prefix=CHECK-MESSAGES --implicit-check-not=warning:

#include <coroutine>
#include <task.h>
#include <unistd.h>

namespace app {
void flush_to_disk();
struct job {
  struct promise_type;
  bool await_ready() const noexcept;
  void await_suspend(std::coroutine_handle<>) noexcept;
  void await_resume() noexcept;
};
job make_job();
} // namespace app

// The project's own global functions: one its model file names, and one
// that only shares its name with a C library function of the built-in
// profiles.
void legacy_flush();
int waitpid(const char *job);

testlib::task<> handler() {
  sleep(1);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'sleep' blocks the thread inside coroutine 'handler'; use 'co_await app::sleep_async(...)', our timer [coroguard-blocking-call]
  app::flush_to_disk();
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'app::flush_to_disk' blocks the thread inside coroutine 'handler'; use 'co_await app::flush_async()' [coroguard-blocking-call]
  legacy_flush();
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'legacy_flush' blocks the thread inside coroutine 'handler'; use 'co_await app::flush_async()' [coroguard-blocking-call]
  waitpid("backup");
  app::make_job();
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: task returned by 'make_job' is discarded, so it never runs [coroguard-unawaited-task]
  // CHECK-FIXES: co_await app::make_job();
  co_return;
}

// The user file declares testlib::task eager: discarding it is not reported.
testlib::task<int> fetch();
void plain() { fetch(); }
