// A check test whose CHECK-FIXES line passes without the fix: the harness
// refuses it (test/tool/harness-rules.test).
#include <task.h>
testlib::task<int> fetch();
testlib::task<> awaited() {
  co_await fetch();
}
testlib::task<> discarded() {
  fetch();
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: task returned by 'fetch' is discarded
  // CHECK-FIXES: co_await fetch();
  co_return;
}
