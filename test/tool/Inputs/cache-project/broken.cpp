#include "common.h"

testlib::task<> d() {
  sleep(1)
  co_return;
}
