#include <task.h>
#include <unistd.h>

testlib::task<int> fetch();

testlib::task<> handler() {
  sleep(1);
  fetch();
  co_return;
}
