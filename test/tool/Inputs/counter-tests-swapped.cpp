#include <task.h>
#include <unistd.h>

// Test functions named by the preprocessor, as Catch2 and doctest name
// them: adding a test above renumbers every one below.
#define CAT2(a, b) a##b
#define CAT(a, b) CAT2(a, b)
#define TEST_CASE(name) static testlib::task<> CAT(test_, __COUNTER__)()
#define LINE_TEST static testlib::task<> CAT(line_test_, __LINE__)()

TEST_CASE("sleeps twice") {
  sleep(1);
  sleep(2);
  co_return;
}

TEST_CASE("sleeps") {
  sleep(1);
  co_return;
}

LINE_TEST { sleep(3); co_return; }
