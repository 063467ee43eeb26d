// The std-posix profile: what test/checks/blocking-call.cpp and
// lock-across-suspend.cpp do not cover, with the project's own coroutine
// types (found by inference, no library profile).
// RUN: %check_coroguard --compile-fixed %s coroguard-* %t -- %mock_flags

#include <barrier>
#include <chrono>
#include <condition_variable>
#include <coroutine>
#include <exception>
#include <fstream>
#include <future>
#include <latch>
#include <mutex>
#include <sstream>
#include <stdio.h>
#include <string>
#include <thread>
#include <unistd.h>
#include <utility>

using namespace std::chrono;

// A project's own lazy task: it starts suspended (std::suspend_always), so
// inference knows it is lazy.
template <class T = void> struct lazy {
  struct promise_type {
    lazy get_return_object() noexcept;
    std::suspend_always initial_suspend() noexcept { return {}; }
    std::suspend_always final_suspend() noexcept { return {}; }
    template <class U> void return_value(U &&) {}
    void unhandled_exception() { error = std::current_exception(); }
    std::exception_ptr error;
  };
  lazy(lazy &&) noexcept;
  ~lazy();
  bool await_ready() const noexcept;
  void await_suspend(std::coroutine_handle<>) noexcept;
  T await_resume();
};
template <> struct lazy<void> {
  struct promise_type {
    lazy get_return_object() noexcept;
    std::suspend_always initial_suspend() noexcept { return {}; }
    std::suspend_always final_suspend() noexcept { return {}; }
    void return_void() {}
    void unhandled_exception() { error = std::current_exception(); }
    std::exception_ptr error;
  };
  lazy(lazy &&) noexcept;
  ~lazy();
  bool await_ready() const noexcept;
  void await_suspend(std::coroutine_handle<>) noexcept;
  void await_resume();
};

// A fire-and-forget type whose promise drops the exception.
struct fire_and_forget {
  struct promise_type {
    fire_and_forget get_return_object() noexcept { return {}; }
    std::suspend_never initial_suspend() noexcept { return {}; }
    std::suspend_never final_suspend() noexcept { return {}; }
    void return_void() noexcept {}
    void unhandled_exception() noexcept {}
    // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: 'unhandled_exception' drops the exception of every coroutine of this type; store std::current_exception(), rethrow it, or terminate [coroguard-suppressed-exception]
  };
};

lazy<int> fetch(int key);
lazy<> store(int key, int value);
fire_and_forget notify(const char *what); // eager

//===----------------------------------------------------------------------===//
// coroguard-unawaited-task with inferred task types.
//===----------------------------------------------------------------------===//

lazy<> discards() {
  fetch(1);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: task returned by 'fetch' is discarded, so it never runs [coroguard-unawaited-task]
  // CHECK-FIXES: co_await fetch(1);
  notify("eager: already running");
  co_await store(1, 2);
}

//===----------------------------------------------------------------------===//
// coroguard-blocking-call.
//===----------------------------------------------------------------------===//

lazy<> blocks(std::mutex &m, std::condition_variable &cv,
              std::condition_variable_any &cva, std::latch &done,
              std::barrier<> &phase, std::jthread &worker) {
  {
    std::unique_lock<std::mutex> lock(m);
    cv.wait_for(lock, milliseconds(10));
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'std::condition_variable::wait_for' blocks the thread inside coroutine 'blocks'; use an awaitable event, semaphore or condition variable instead [coroguard-blocking-call]
    cva.wait(lock);
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'std::condition_variable_any::wait' blocks the thread inside coroutine 'blocks'
  }
  done.arrive_and_wait();
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'std::latch::arrive_and_wait' blocks the thread inside coroutine 'blocks'
  phase.wait(phase.arrive());
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'std::barrier::wait' blocks the thread inside coroutine 'blocks'
  worker.join();
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'std::jthread::join' blocks the thread inside coroutine 'blocks'; co_await the asynchronous operation instead of blocking on its result [coroguard-blocking-call]
  std::ofstream out("/tmp/out.txt");
  // CHECK-MESSAGES: :[[@LINE-1]]:17: warning: 'std::basic_ofstream::basic_ofstream' blocks the thread inside coroutine 'blocks'; use asynchronous file I/O, or move the file access to a thread pool [coroguard-blocking-call]
  std::ifstream in;
  in.open("/etc/hosts");
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'std::basic_ifstream::open' blocks the thread inside coroutine 'blocks'
  co_return;
}

// Through a plain helper of this file: reported at the call, with the chain.
std::string read_config() {
  char buf[64];
  FILE *f = fopen("/etc/app.conf", "r");
  fgets(buf, sizeof buf, f);
  return buf;
}
lazy<int> starts_up() {
  std::string config = read_config();
  // CHECK-MESSAGES: :[[@LINE-1]]:24: warning: 'read_config' blocks the thread inside coroutine 'starts_up': it calls 'fopen'; use asynchronous file I/O, or move the file access to a thread pool [coroguard-blocking-call]
  // CHECK-MESSAGES: :[[@LINE-7]]:13: note: 'read_config' calls 'fopen' here, which blocks
  co_return config.empty() ? 0 : 1;
}

// Negative: in-memory streams, offloaded work, a future already resolved by
// a co_await, and blocking in main.
lazy<std::future<int>> ready_future();
lazy<int> does_not_block() {
  std::istringstream memory("a b c");
  std::string word;
  std::getline(memory, word);
  std::thread worker([] { std::this_thread::sleep_for(seconds(1)); });
  worker.detach();
  std::jthread joined([] { sleep(1); });
  auto later = std::async(std::launch::async, [] { return read_config(); });
  (void)later;
  auto f = co_await ready_future();
  co_return f.get();
}

int main() {
  std::this_thread::sleep_for(milliseconds(1));
  return read_config().empty();
}

//===----------------------------------------------------------------------===//
// coroguard-lock-across-suspend and coroguard-suppressed-exception.
//===----------------------------------------------------------------------===//

std::mutex table_mutex;

lazy<> holds_lock_across_await() {
  std::lock_guard<std::mutex> guard(table_mutex);
  // CHECK-MESSAGES: :[[@LINE-1]]:31: warning: 'guard' may still hold its mutex when the coroutine suspends; unlock it before suspending, or use an async mutex [coroguard-lock-across-suspend]
  co_await store(1, 1);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: note: the coroutine suspends here with 'guard' held
}

lazy<> releases_lock_first() {
  int value;
  {
    std::lock_guard<std::mutex> guard(table_mutex);
    value = 1;
  }
  co_await store(1, value);
  std::unique_lock<std::mutex> lock(table_mutex);
  lock.unlock();
  co_await store(2, value);
}

lazy<> swallows() {
  try {
    co_await store(1, 1);
  } catch (...) {
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: empty handler in coroutine 'swallows' swallows every exception, cancellation included; rethrow it, or catch the specific type you mean to ignore [coroguard-suppressed-exception]
  }
}
