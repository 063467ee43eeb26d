#include <task.h>

testlib::task<int> fetch();

testlib::task<int> handler() { co_return co_await fetch(); }
