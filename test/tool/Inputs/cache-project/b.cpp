#include "common.h"

testlib::task<> b() {
  sleep(2);
  app::wait_here();
  co_await common_step();
}
