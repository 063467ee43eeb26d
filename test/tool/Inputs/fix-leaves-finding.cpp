// A check test whose fix-it compiles but leaves its finding: the harness
// refuses it (test/tool/harness-rules.test).
#include <resources.h>
testlib::task<> guarded(testlib::database &db) {
  testlib::transaction tx = co_await db.begin();
  co_await tx.execute("x");
  co_await tx.commit();
}
// CHECK-MESSAGES: :[[@LINE-4]]:24: warning: 'tx' is not released if an exception is thrown
