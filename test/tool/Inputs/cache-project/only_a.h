#pragma once
#include "common.h"

inline testlib::task<> only_a_step() {
  co_return;
}
