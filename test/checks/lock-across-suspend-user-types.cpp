// Lock types of the user's own, from a model file. A lock class whose
// members the model lists (lockReleases, lockAcquires) gives its mutex up
// only through them; one without such entries through the standard names
// (unlock, release).
// RUN: %check_coroguard --copy=%S/Inputs/lock-model.json --clang-tidy-config="CheckOptions: {coroguard.ModelFiles: lock-model.json}" %s coroguard-lock-across-suspend %t -- %mock_flags -isystem %inputs/testlib

#include <mutex>
#include <task.h>

namespace app {
struct SpinGuard {
  explicit SpinGuard(std::mutex &m);
  ~SpinGuard();
  void unlock();
};
struct Holder {
  explicit Holder(std::mutex &m);
  ~Holder();
  void drop();   // gives the mutex up
  void unlock(); // in this library, only flushes: the mutex stays held
};
} // namespace app

using testlib::task;
task<int> fetch();
std::mutex m;

task<> spin_held() {
  app::SpinGuard guard(m);
  // CHECK-MESSAGES: :[[@LINE-1]]:18: warning: 'guard' may still hold its mutex
  co_await fetch();
  // CHECK-MESSAGES: :[[@LINE-1]]:3: note: the coroutine suspends here with 'guard' held
}

task<> holder_unlock_is_not_a_release() {
  app::Holder holder(m);
  // CHECK-MESSAGES: :[[@LINE-1]]:15: warning: 'holder' may still hold its mutex
  holder.unlock();
  co_await fetch();
  // CHECK-MESSAGES: :[[@LINE-1]]:3: note: the coroutine suspends here with 'holder' held
}

// Negative cases.

task<> spin_unlocked_first() {
  app::SpinGuard guard(m);
  guard.unlock();
  co_await fetch();
}

task<> holder_dropped_first() {
  app::Holder holder(m);
  holder.drop();
  co_await fetch();
}
