#include <task.h>
#include <unistd.h>

testlib::task<int> fetch();

testlib::task<> handler() {
  sleep(1); // NOLINT(coroguard-blocking-call)
  // NOLINTNEXTLINE(coroguard-unawaited-task)
  fetch();
  // NOLINTBEGIN
  sleep(2);
  fetch();
  // NOLINTEND
  sleep(3); // NOLINT(coroguard-unawaited-task): suppresses another check only
  co_return;
}
