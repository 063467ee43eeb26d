#include "shared.h"
#include <unistd.h>

testlib::task<> a() {
  sleep(1);
  co_await shared_step();
}
