#define WITH_SLOW_STEP
#include "steps.h"

testlib::task<> slow() {
  co_await slow_step();
  usleep(10);
}
