#include "steps.h"

testlib::task<> fast() { co_return; }
