#include <resources.h>
#include <task.h>

#include "session.h"

using namespace testlib;

task<int> fetch();

// Markup in a string literal must arrive as text.
const char *banner = "</script><script>alert(1)</script>";

task<> handler() {
  settle();
  fetch();
  co_return;
}

task<> transfer(database &db, bool quick, bool retry) {
  connection conn = co_await db.connect("db://");
  if (quick)
    co_return;
  if (retry)
    co_return;
  co_await conn.send("hello");
  co_await conn.close();
}
