// The boost-thread-abseil profile: Boost.Thread's and Abseil's blocking
// locks held across a suspension point, and their sleeps, through every
// check; the same code with the lock released first is not reported.
// RUN: %check_coroguard %s coroguard-* %t -- %mock_flags -isystem %inputs/testlib -isystem %inputs/sync

#include <absl/synchronization/mutex.h>
#include <absl/time/clock.h>
#include <boost/thread.hpp>
#include <chrono>
#include <task.h>

using testlib::task;
task<int> fetch();

boost::mutex table_mutex;
boost::shared_mutex config_mutex;
absl::Mutex stats_mutex;

task<> boost_guard_held() {
  boost::lock_guard<boost::mutex> guard(table_mutex);
  // CHECK-MESSAGES: :[[@LINE-1]]:35: warning: 'guard' may still hold its mutex when the coroutine suspends; unlock it before suspending, or use an async mutex [coroguard-lock-across-suspend]
  co_await fetch();
  // CHECK-MESSAGES: :[[@LINE-1]]:3: note: the coroutine suspends here with 'guard' held
}

task<> boost_scoped_lock_typedef_held() {
  boost::mutex::scoped_lock lock(table_mutex);
  // CHECK-MESSAGES: :[[@LINE-1]]:29: warning: 'lock' may still hold its mutex
  co_await fetch();
  // CHECK-MESSAGES: :[[@LINE-1]]:3: note: the coroutine suspends here with 'lock' held
}

task<> boost_shared_lock_held() {
  boost::shared_lock<boost::shared_mutex> reader(config_mutex);
  // CHECK-MESSAGES: :[[@LINE-1]]:43: warning: 'reader' may still hold its mutex
  co_await fetch();
  // CHECK-MESSAGES: :[[@LINE-1]]:3: note: the coroutine suspends here with 'reader' held
}

task<> absl_lock_held() {
  absl::MutexLock lock(&stats_mutex);
  // CHECK-MESSAGES: :[[@LINE-1]]:19: warning: 'lock' may still hold its mutex
  co_await fetch();
  // CHECK-MESSAGES: :[[@LINE-1]]:3: note: the coroutine suspends here with 'lock' held
}

// Abseil's releasable lock gives its mutex up with Release(): the model's
// lockReleases name it.
task<> absl_releasable_held(bool early) {
  absl::ReleasableMutexLock lock(&stats_mutex);
  // CHECK-MESSAGES: :[[@LINE-1]]:29: warning: 'lock' may still hold its mutex
  if (early)
    lock.Release();
  co_await fetch();
  // CHECK-MESSAGES: :[[@LINE-1]]:3: note: the coroutine suspends here with 'lock' held
}

task<> sleeps() {
  boost::this_thread::sleep_for(boost::chrono::milliseconds(5));
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'boost::this_thread::sleep_for' blocks the thread inside coroutine 'sleeps'; use an awaitable timer instead
  absl::SleepFor(absl::Milliseconds(5));
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'absl::SleepFor' blocks the thread inside coroutine 'sleeps'; use an awaitable timer instead
  co_await fetch();
}

//===----------------------------------------------------------------------===//
// Negative cases.
//===----------------------------------------------------------------------===//

// Unlocked before the suspension point.
task<> boost_unlocked_first() {
  boost::unique_lock<boost::mutex> lock(table_mutex);
  lock.unlock();
  co_await fetch();
}

// Boost's own defer_lock: the lock starts without the mutex.
task<> boost_deferred() {
  boost::unique_lock<boost::mutex> lock(table_mutex, boost::defer_lock);
  co_await fetch();
  lock.lock();
  lock.unlock();
}

// Released on every path before the suspension point.
task<> absl_released_first() {
  absl::ReleasableMutexLock lock(&stats_mutex);
  lock.Release();
  co_await fetch();
}

// The lock's scope ends before the suspension point.
task<> absl_scoped() {
  {
    absl::MutexLock lock(&stats_mutex);
  }
  co_await fetch();
}

// A thread joined outside any coroutine, and a sleep on a worker thread.
void shutdown(boost::thread &worker) { worker.join(); }
task<> offloaded() {
  boost::thread worker([] { absl::SleepFor(absl::Milliseconds(5)); });
  worker.detach();
  co_await fetch();
}
