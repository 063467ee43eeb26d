#pragma once
#include <task.h>
#include <unistd.h>

// Only the units that ask for it compile the slow step.
#ifdef WITH_SLOW_STEP
inline testlib::task<> slow_step() {
  sleep(1);
  co_return;
}
#endif
