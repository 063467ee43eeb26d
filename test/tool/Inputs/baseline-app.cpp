#include <task.h>
#include <unistd.h>

testlib::task<int> fetch();

testlib::task<> first() {
  sleep(1);
  fetch();
  co_return;
}

testlib::task<> second() {
  sleep(1);
  co_return;
}
