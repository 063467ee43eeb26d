#include <task.h>

testlib::task<int> fetch();

testlib::task<> handler() {
  fetch();
  int x =
  co_return;
}
