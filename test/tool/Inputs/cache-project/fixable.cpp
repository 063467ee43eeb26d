#include "common.h"

testlib::task<> c() {
  fetch();
  co_return;
}
