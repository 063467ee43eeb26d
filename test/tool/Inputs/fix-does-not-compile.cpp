// A check test whose fix-it makes a file that does not compile: the
// harness refuses it (test/tool/harness-rules.test).
#include <resources.h>
testlib::task<> guarded(testlib::database &db) {
  testlib::connection conn = co_await db.connect("db://");
  co_await conn.send("x");
  co_await conn.close();
}
// CHECK-MESSAGES: :[[@LINE-4]]:23: warning: 'conn' is not released if an exception is thrown
