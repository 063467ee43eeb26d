// RUN: %check_coroguard %s coroguard-blocking-call %t -- %mock_flags -isystem %inputs/testlib

#include <chrono>
#include <condition_variable>
#include <future>
#include <iostream>
#include <latch>
#include <memory>
#include <mutex>
#include <semaphore>
#include <sstream>
#include <string>
#include <thread>
#include <barrier>
#include <netdb.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/select.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>
#include <task.h>

using testlib::task;
using namespace std::chrono;

task<> sleeps() {
  std::this_thread::sleep_for(milliseconds(10));
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'std::this_thread::sleep_for' blocks the thread inside coroutine 'sleeps'; use an awaitable timer instead (e.g. 'co_await timer.async_wait(...)') [coroguard-blocking-call]
  std::this_thread::sleep_until(steady_clock::now());
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'std::this_thread::sleep_until' blocks the thread inside coroutine 'sleeps'
  sleep(1);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'sleep' blocks the thread inside coroutine 'sleeps'
  ::usleep(100);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'usleep' blocks
  timespec ts{0, 100};
  nanosleep(&ts, nullptr);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'nanosleep' blocks
  co_return;
}

// Each wait on a different future: once one wait returned, the result is
// there and a second wait on it returns at once.
task<int> waits_for_results(std::future<int> f, std::future<int> g,
                            std::future<int> h, std::shared_future<int> sf,
                            std::thread &worker) {
  int a = f.get();
  // CHECK-MESSAGES: :[[@LINE-1]]:11: warning: 'std::future::get' blocks the thread inside coroutine 'waits_for_results'; co_await the asynchronous operation instead of blocking on its result [coroguard-blocking-call]
  g.wait();
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'std::future::wait' blocks
  h.wait_for(seconds(1));
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'std::future::wait_for' blocks
  int b = sf.get();
  // CHECK-MESSAGES: :[[@LINE-1]]:11: warning: 'std::shared_future::get' blocks
  worker.join();
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'std::thread::join' blocks
  co_return a + b;
}

task<> synchronises(std::mutex &m, std::condition_variable &cv,
                    std::binary_semaphore &sem, std::latch &done,
                    std::barrier<> &phase) {
  std::unique_lock<std::mutex> lock(m);
  cv.wait(lock);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'std::condition_variable::wait' blocks the thread inside coroutine 'synchronises'; use an awaitable event, semaphore or condition variable instead [coroguard-blocking-call]
  cv.wait(lock, [] { return true; });
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'std::condition_variable::wait' blocks
  sem.acquire();
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'std::counting_semaphore::acquire' blocks
  done.wait();
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'std::latch::wait' blocks
  phase.arrive_and_wait();
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'std::barrier::arrive_and_wait' blocks
  cv.notify_one(); // not blocking
  co_return;
}

task<> posix_io(int fd, const char *host) {
  char buf[64];
  read(fd, buf, sizeof buf);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'read' blocks the thread inside coroutine 'posix_io'; use the asynchronous operation of your I/O library instead [coroguard-blocking-call]
  ::write(fd, buf, 1);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'write' blocks
  recv(fd, buf, 1, 0);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'recv' blocks
  send(fd, buf, 1, 0);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'send' blocks
  int client = accept(fd, nullptr, nullptr);
  // CHECK-MESSAGES: :[[@LINE-1]]:16: warning: 'accept' blocks
  connect(client, nullptr, 0);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'connect' blocks
  pollfd p{fd, 1, 0};
  poll(&p, 1, -1);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'poll' blocks
  select(0, nullptr, nullptr, nullptr, nullptr);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'select' blocks
  addrinfo *res = nullptr;
  getaddrinfo(host, "80", nullptr, &res);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'getaddrinfo' blocks the thread inside coroutine 'posix_io'; use an asynchronous resolver instead (e.g. 'co_await resolver.async_resolve(...)') [coroguard-blocking-call]
  gethostbyname(host);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'gethostbyname' blocks
  co_return;
}

task<> files_and_processes() {
  FILE *f = fopen("/etc/hosts", "r");
  // CHECK-MESSAGES: :[[@LINE-1]]:13: warning: 'fopen' blocks the thread inside coroutine 'files_and_processes'; use asynchronous file I/O, or move the file access to a thread pool [coroguard-blocking-call]
  char line[128];
  fgets(line, sizeof line, f);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'fgets' blocks
  fread(line, 1, 1, f);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'fread' blocks
  fwrite(line, 1, 1, f);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'fwrite' blocks
  fclose(f); // not in the list: closing a FILE does not wait for a peer
  system("true");
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'system' blocks the thread inside coroutine 'files_and_processes'; use an asynchronous process API, or move the call to a thread pool [coroguard-blocking-call]
  FILE *pipe = popen("ls", "r");
  // CHECK-MESSAGES: :[[@LINE-1]]:16: warning: 'popen' blocks
  int status;
  waitpid(0, &status, 0);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'waitpid' blocks
  (void)pipe;
  co_return;
}

task<std::string> reads_stdin() {
  std::string line;
  std::getline(std::cin, line);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'std::getline' blocks
  // An in-memory stream does not block.
  std::istringstream in(line);
  std::getline(in, line);
  co_return line;
}

// Coroutine lambdas are coroutines too.
auto make_handler() {
  return [](int fd) -> task<> {
    char c;
    read(fd, &c, 1);
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'read' blocks the thread inside coroutine 'operator()'
    co_return;
  };
}

// A lambda invoked where it is written runs on the coroutine's thread.
task<> immediately_invoked() {
  [] { sleep(1); }();
  // CHECK-MESSAGES: :[[@LINE-1]]:8: warning: 'sleep' blocks
  co_return;
}

// Templates are reported once, for the code as written.
template <class T> task<T> templated(std::future<T> f) {
  co_return f.get();
  // CHECK-MESSAGES: :[[@LINE-1]]:13: warning: 'std::future::get' blocks
}
template task<int> templated(std::future<int>);
template task<long> templated(std::future<long>);

// Blocking calls written in a macro are reported at the expansion.
#define BACKOFF() std::this_thread::sleep_for(milliseconds(100))
task<> retries() {
  BACKOFF();
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'std::this_thread::sleep_for' blocks
  co_return;
}

//===----------------------------------------------------------------------===//
// Negative cases.
//===----------------------------------------------------------------------===//

// Plain functions may block: they are not coroutines.
void plain_function(std::future<int> f) {
  std::this_thread::sleep_for(milliseconds(1));
  f.get();
  sleep(1);
}

int main() {
  std::this_thread::sleep_for(seconds(1));
  return 0;
}

// Work handed to another thread does not block the coroutine's thread.
task<> offloads(testlib::thread_pool &pool, std::future<int> f) {
  pool.post([] { std::this_thread::sleep_for(seconds(1)); });
  testlib::post(pool, [] { sleep(1); });
  std::thread worker([] { sleep(1); });
  worker.detach();
  auto later = std::async(std::launch::async, [] {
    std::this_thread::sleep_for(seconds(1));
    return 1;
  });
  // A lambda only stored is not run here.
  auto stored = [] { sleep(1); };
  (void)stored;
  co_return;
}

// A local class's methods are their own functions.
task<> local_class() {
  struct Helper {
    void wait() { sleep(1); }
  };
  co_return;
}

// Members that share a name with a blocking function are not it.
struct Connection {
  int read(char *, int);
  void get();
  void join();
};
task<> same_names(Connection &c, std::unique_ptr<int> p) {
  char buf[4];
  c.read(buf, 4);
  c.get();
  c.join();
  int *raw = p.get();
  (void)raw;
  co_return;
}

// A user's own global function named like a POSIX one is not POSIX's.
namespace app {
int sleep(int);
}
int poll(const char *queue_name);
task<> user_functions() {
  app::sleep(1);
  poll("jobs");
  co_return;
}
