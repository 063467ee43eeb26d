#include <task.h>

testlib::task<int> fetch();

testlib::task<> odd_name() {
  fetch();
  co_return;
}
