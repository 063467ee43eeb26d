#include <task.h>

testlib::task<> handler() {
  int x = 
  co_return;
}
