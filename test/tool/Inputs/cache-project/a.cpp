#include "only_a.h"

testlib::task<> a() {
  fetch();
  co_await only_a_step();
}
