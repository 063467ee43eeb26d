#pragma once
#include <task.h>

inline testlib::task<> shared_step() { co_return; }
