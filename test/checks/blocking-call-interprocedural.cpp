// A coroutine that calls a plain function of the translation unit that
// blocks, directly or a few calls deep, is reported at the call, with the
// chain as notes.
// RUN: %check_coroguard %s coroguard-blocking-call %t -- %mock_flags -isystem %inputs/testlib
// A shorter depth bound cuts long chains:
// RUN: %expect_exit 1 %coroguard --quiet --checks=-*,coroguard-blocking-call "--config={CheckOptions: {coroguard-blocking-call.MaxDepth: 2}}" %s -- %mock_flags -isystem %inputs/testlib | FileCheck %s --check-prefix=DEPTH --implicit-check-not=warning:
// User blocking functions by name:
// RUN: %expect_exit 1 %coroguard --quiet --checks=-*,coroguard-blocking-call "--config={CheckOptions: {coroguard-blocking-call.BlockingFunctions: 'app::wait_for_disk;app::Queue::pop'}}" %s -- %mock_flags -isystem %inputs/testlib > %t.user
// RUN: FileCheck %s --check-prefix=USER < %t.user
// RUN: grep -c "warning:" %t.user | FileCheck %s --check-prefix=USER-COUNT
// USER-COUNT: {{^7$}}

#include <fstream>
#include <future>
#include <sstream>
#include <stdio.h>
#include <string>
#include <task.h>
#include <thread>
#include <unistd.h>

using testlib::task;

std::string read_file(const char *path) {
  FILE *f = fopen(path, "r");
  char buf[256];
  fread(buf, 1, sizeof buf, f);
  return buf;
}

std::string load_config() { return read_file("/etc/app.conf"); }

int parse_port(const std::string &text) {
  std::string copy = text;
  return copy.empty() ? 0 : 8080;
}

std::string level3() { return load_config(); }

task<> serve() {
  std::string config = load_config();
  // CHECK-MESSAGES: :[[@LINE-1]]:24: warning: 'load_config' blocks the thread inside coroutine 'serve': it calls 'fopen'; use asynchronous file I/O, or move the file access to a thread pool [coroguard-blocking-call]
  // CHECK-MESSAGES: :[[@LINE-12]]:36: note: 'load_config' calls 'read_file' here
  // CHECK-MESSAGES: :[[@LINE-19]]:13: note: 'read_file' calls 'fopen' here, which blocks
  int port = parse_port(config); // does not block
  (void)port;
  std::string deep = level3();
  // CHECK-MESSAGES: :[[@LINE-1]]:22: warning: 'level3' blocks the thread inside coroutine 'serve': it calls 'fopen'
  // CHECK-MESSAGES: :[[@LINE-11]]:31: note: 'level3' calls 'load_config' here
  // CHECK-MESSAGES: :[[@LINE-19]]:36: note: 'load_config' calls 'read_file' here
  // CHECK-MESSAGES: :[[@LINE-26]]:13: note: 'read_file' calls 'fopen' here, which blocks
  co_return;
}
// DEPTH: :[[@LINE-13]]:24: warning: 'load_config' blocks the thread inside coroutine 'serve': it calls 'fopen'
// DEPTH-NOT: 'level3' blocks
// DEPTH: warning: 'std::basic_ifstream::basic_ifstream' blocks

// File streams block when they open a file; an in-memory stream does not.
task<std::string> read_settings(const std::string &path) {
  std::ifstream in(path);
  // CHECK-MESSAGES: :[[@LINE-1]]:17: warning: 'std::basic_ifstream::basic_ifstream' blocks the thread inside coroutine 'read_settings'
  std::istringstream memory(path);
  std::string line;
  std::getline(memory, line);
  std::ifstream later; // opens nothing
  co_return line;
}

// Recursion terminates.
int countdown(int n) { return n ? countdown(n - 1) : (sleep(1), 0); }
task<> recursive() {
  countdown(3);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'countdown' blocks the thread inside coroutine 'recursive': it calls 'sleep'
  // CHECK-MESSAGES: :[[@LINE-4]]:55: note: 'countdown' calls 'sleep' here, which blocks
  // DEPTH: :[[@LINE-3]]:3: warning: 'countdown' blocks the thread inside coroutine 'recursive'
  co_return;
}

// A future resolved by a co_await is not waited on.
task<std::future<int>> ready_future();
task<int> resolved() {
  auto f = co_await ready_future();
  co_return f.get();
}

// User-listed blocking functions.
namespace app {
void wait_for_disk();
struct Queue { int pop(); };
} // namespace app
task<> user_listed(app::Queue &q) {
  app::wait_for_disk();
  // USER: :[[@LINE-1]]:3: warning: 'app::wait_for_disk' blocks the thread inside coroutine 'user_listed'
  q.pop();
  // USER: :[[@LINE-1]]:3: warning: 'app::Queue::pop' blocks the thread inside coroutine 'user_listed'
  co_return;
}

//===----------------------------------------------------------------------===//
// Negative cases.
//===----------------------------------------------------------------------===//

// Work handed to another thread: the function is only passed, not called.
void background_job() { sleep(10); }
task<> offloaded(testlib::thread_pool &pool) {
  std::thread worker(background_job);
  worker.detach();
  pool.post([] { background_job(); });
  auto result = std::async(std::launch::async, background_job);
  (void)result;
  co_return;
}

// A coroutine callee is its own scope: it is reported where it blocks.
task<> child_coroutine() {
  sleep(1);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'sleep' blocks the thread inside coroutine 'child_coroutine'
  // DEPTH: :[[@LINE-2]]:3: warning: 'sleep' blocks the thread inside coroutine 'child_coroutine'
  co_return;
}
task<> parent_coroutine() { co_await child_coroutine(); }

// Blocking code that no coroutine reaches.
int main() { return load_config().empty(); }
