#include <mutex>
#include <task.h>
#include <unistd.h>

std::mutex m;

testlib::task<> b(testlib::executor ex) {
  sleep(1);
  std::lock_guard<std::mutex> hold(m);
  co_return;
}
