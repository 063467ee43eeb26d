#pragma once
#include <task.h>
#include <unistd.h>

testlib::task<int> fetch();
namespace app {
void wait_here();
}

inline testlib::task<> common_step() {
  co_return;
}
