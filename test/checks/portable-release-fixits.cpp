// RUN: %check_coroguard %s coroguard-unmanaged-resource,coroguard-missing-awaited-cleanup %t -- %mock_flags -isystem %inputs/testlib
// The portable rewrite: Python's `async with` written out by hand. The
// statements that use the resource run in a try, the exception is kept,
// the release is awaited after the handler, and the exception rethrown.

#include <resources.h>

using namespace testlib;

// Released on the happy path only: the release stays where it is, the
// code before it moves into the try, the rethrow follows it.
task<> happy_path_only(database &db) {
  connection conn = co_await db.connect("db://");
  co_await conn.send("BEGIN");
  co_await conn.send("END");
  co_await conn.close();
  log("closed");
}
// CHECK-MESSAGES: :[[@LINE-6]]:14: warning: 'conn' is not released if an exception is thrown before 'close()' is awaited [coroguard-missing-awaited-cleanup]
// CHECK-MESSAGES: :[[@LINE-6]]:3: note: an exception thrown here leaves the scope of 'conn' without releasing it
// CHECK-FIXES: task<> happy_path_only(database &db) {
// CHECK-FIXES-NEXT: connection conn = co_await db.connect("db://");
// CHECK-FIXES-NEXT: std::exception_ptr conn_failure;
// CHECK-FIXES-NEXT: try {
// CHECK-FIXES-NEXT: co_await conn.send("BEGIN");
// CHECK-FIXES-NEXT: co_await conn.send("END");
// CHECK-FIXES-NEXT: } catch (...) {
// CHECK-FIXES-NEXT: conn_failure = std::current_exception();
// CHECK-FIXES-NEXT: }
// CHECK-FIXES-NEXT: co_await conn.close();
// CHECK-FIXES-NEXT: if (conn_failure)
// CHECK-FIXES-NEXT: std::rethrow_exception(conn_failure);
// CHECK-FIXES-NEXT: log("closed");
// CHECK-FIXES-NEXT: }

// An early co_return releases first.
task<> early_return(database &db, bool quick) {
  connection conn = co_await db.connect("db://");
  if (quick)
    co_return;
  co_await conn.send("x");
  co_await conn.close();
}
// CHECK-MESSAGES: :[[@LINE-6]]:14: warning: 'conn' is not released on every path: co_await 'close()' or hand it to a guard before it goes out of scope [coroguard-unmanaged-resource]
// CHECK-MESSAGES: :[[@LINE-5]]:5: note: 'conn' is still unreleased when this co_return is taken
// CHECK-FIXES: task<> early_return(database &db, bool quick) {
// CHECK-FIXES-NEXT: connection conn = co_await db.connect("db://");
// CHECK-FIXES-NEXT: std::exception_ptr conn_failure;
// CHECK-FIXES-NEXT: try {
// CHECK-FIXES-NEXT: if (quick)
// CHECK-FIXES-NEXT: { co_await conn.close(); co_return; }
// CHECK-FIXES-NEXT: co_await conn.send("x");
// CHECK-FIXES-NEXT: } catch (...) {
// CHECK-FIXES-NEXT: conn_failure = std::current_exception();
// CHECK-FIXES-NEXT: }
// CHECK-FIXES-NEXT: co_await conn.close();
// CHECK-FIXES-NEXT: if (conn_failure)
// CHECK-FIXES-NEXT: std::rethrow_exception(conn_failure);
// CHECK-FIXES-NEXT: }

// Never released: the release goes after the handler.
task<> never_released(pool &p) {
  auto conn = co_await p.acquire();
  co_await conn.send("fire and forget");
}
// CHECK-MESSAGES: :[[@LINE-3]]:8: warning: 'conn' is never released: co_await 'close()' or hand it to a guard before it goes out of scope [coroguard-unmanaged-resource]
// CHECK-MESSAGES: :[[@LINE-2]]:1: note: 'conn' is still unreleased at the end of its scope
// CHECK-FIXES: task<> never_released(pool &p) {
// CHECK-FIXES-NEXT: auto conn = co_await p.acquire();
// CHECK-FIXES-NEXT: std::exception_ptr conn_failure;
// CHECK-FIXES-NEXT: try {
// CHECK-FIXES-NEXT: co_await conn.send("fire and forget");
// CHECK-FIXES-NEXT: } catch (...) {
// CHECK-FIXES-NEXT: conn_failure = std::current_exception();
// CHECK-FIXES-NEXT: }
// CHECK-FIXES-NEXT: co_await conn.close();
// CHECK-FIXES-NEXT: if (conn_failure)
// CHECK-FIXES-NEXT: std::rethrow_exception(conn_failure);
// CHECK-FIXES-NEXT: }

// Declared and never used: released right away.
task<> unused(pool &p) {
  auto idle = co_await p.acquire();
}
// CHECK-MESSAGES: :[[@LINE-2]]:8: warning: 'idle' is never released: co_await 'close()' or hand it to a guard before it goes out of scope [coroguard-unmanaged-resource]
// CHECK-MESSAGES: :[[@LINE-2]]:1: note: 'idle' is still unreleased at the end of its scope
// CHECK-FIXES: task<> unused(pool &p) {
// CHECK-FIXES-NEXT: auto idle = co_await p.acquire();
// CHECK-FIXES-NEXT: co_await idle.close();
// CHECK-FIXES-NEXT: }

// A value computed with the resource is returned after its release; every
// normal path leaves inside the try, so the code after the handler runs on
// failure only.
task<int> returns_value(database &db) {
  connection conn = co_await db.connect("db://");
  int n = co_await conn.receive();
  co_await conn.close();
  co_return n;
}
// CHECK-MESSAGES: :[[@LINE-5]]:14: warning: 'conn' is not released if an exception is thrown before 'close()' is awaited [coroguard-missing-awaited-cleanup]
// CHECK-MESSAGES: :[[@LINE-5]]:11: note: an exception thrown here leaves the scope of 'conn' without releasing it
// CHECK-FIXES: task<int> returns_value(database &db) {
// CHECK-FIXES-NEXT: connection conn = co_await db.connect("db://");
// CHECK-FIXES-NEXT: std::exception_ptr conn_failure;
// CHECK-FIXES-NEXT: try {
// CHECK-FIXES-NEXT: int n = co_await conn.receive();
// CHECK-FIXES-NEXT: co_await conn.close();
// CHECK-FIXES-NEXT: co_return n;
// CHECK-FIXES-NEXT: } catch (...) {
// CHECK-FIXES-NEXT: conn_failure = std::current_exception();
// CHECK-FIXES-NEXT: }
// CHECK-FIXES-NEXT: co_await conn.close();
// CHECK-FIXES-NEXT: std::rethrow_exception(conn_failure);
// CHECK-FIXES-NEXT: }

// A co_return with a value on an early path.
task<int> early_value(database &db, int fallback) {
  connection conn = co_await db.connect("db://");
  if (fallback > 0)
    co_return fallback;
  int n = co_await conn.receive();
  co_await conn.close();
  co_return n;
}
// CHECK-MESSAGES: :[[@LINE-7]]:14: warning: 'conn' is not released on every path: co_await 'close()' or hand it to a guard before it goes out of scope [coroguard-unmanaged-resource]
// CHECK-MESSAGES: :[[@LINE-6]]:5: note: 'conn' is still unreleased when this co_return is taken
// CHECK-FIXES: task<int> early_value(database &db, int fallback) {
// CHECK-FIXES-NEXT: connection conn = co_await db.connect("db://");
// CHECK-FIXES-NEXT: std::exception_ptr conn_failure;
// CHECK-FIXES-NEXT: try {
// CHECK-FIXES-NEXT: if (fallback > 0)
// CHECK-FIXES-NEXT: { co_await conn.close(); co_return fallback; }
// CHECK-FIXES-NEXT: int n = co_await conn.receive();
// CHECK-FIXES-NEXT: co_await conn.close();
// CHECK-FIXES-NEXT: co_return n;
// CHECK-FIXES-NEXT: } catch (...) {
// CHECK-FIXES-NEXT: conn_failure = std::current_exception();
// CHECK-FIXES-NEXT: }
// CHECK-FIXES-NEXT: co_await conn.close();
// CHECK-FIXES-NEXT: std::rethrow_exception(conn_failure);
// CHECK-FIXES-NEXT: }

// A transaction: commit stays on the success path, rollback on failure.
task<> transaction_commit(database &db) {
  transaction tx = co_await db.begin();
  co_await tx.execute("UPDATE t SET x = 1");
  co_await tx.commit();
}
// CHECK-MESSAGES: :[[@LINE-4]]:15: warning: 'tx' is not released if an exception is thrown before 'commit()' or 'rollback()' is awaited [coroguard-missing-awaited-cleanup]
// CHECK-MESSAGES: :[[@LINE-4]]:3: note: an exception thrown here leaves the scope of 'tx' without releasing it
// CHECK-FIXES: task<> transaction_commit(database &db) {
// CHECK-FIXES-NEXT: transaction tx = co_await db.begin();
// CHECK-FIXES-NEXT: std::exception_ptr tx_failure;
// CHECK-FIXES-NEXT: try {
// CHECK-FIXES-NEXT: co_await tx.execute("UPDATE t SET x = 1");
// CHECK-FIXES-NEXT: } catch (...) {
// CHECK-FIXES-NEXT: tx_failure = std::current_exception();
// CHECK-FIXES-NEXT: }
// CHECK-FIXES-NEXT: if (tx_failure) {
// CHECK-FIXES-NEXT: co_await tx.rollback();
// CHECK-FIXES-NEXT: std::rethrow_exception(tx_failure);
// CHECK-FIXES-NEXT: }
// CHECK-FIXES-NEXT: co_await tx.commit();
// CHECK-FIXES-NEXT: }

// Released in both branches.
task<> released_in_branches(database &db, bool ok) {
  transaction tx = co_await db.begin();
  co_await tx.execute("UPDATE t SET x = 1");
  if (ok)
    co_await tx.commit();
  else
    co_await tx.rollback();
  log("done");
}
// CHECK-MESSAGES: :[[@LINE-8]]:15: warning: 'tx' is not released if an exception is thrown before 'commit()' or 'rollback()' is awaited [coroguard-missing-awaited-cleanup]
// CHECK-MESSAGES: :[[@LINE-8]]:3: note: an exception thrown here leaves the scope of 'tx' without releasing it
// CHECK-FIXES: task<> released_in_branches(database &db, bool ok) {
// CHECK-FIXES-NEXT: transaction tx = co_await db.begin();
// CHECK-FIXES-NEXT: std::exception_ptr tx_failure;
// CHECK-FIXES-NEXT: try {
// CHECK-FIXES-NEXT: co_await tx.execute("UPDATE t SET x = 1");
// CHECK-FIXES-NEXT: } catch (...) {
// CHECK-FIXES-NEXT: tx_failure = std::current_exception();
// CHECK-FIXES-NEXT: }
// CHECK-FIXES-NEXT: if (tx_failure) {
// CHECK-FIXES-NEXT: co_await tx.rollback();
// CHECK-FIXES-NEXT: std::rethrow_exception(tx_failure);
// CHECK-FIXES-NEXT: }
// CHECK-FIXES-NEXT: if (ok)
// CHECK-FIXES-NEXT: co_await tx.commit();
// CHECK-FIXES-NEXT: else
// CHECK-FIXES-NEXT: co_await tx.rollback();
// CHECK-FIXES-NEXT: log("done");
// CHECK-FIXES-NEXT: }

// Loops: break and continue release first.
task<> in_loop(pool &p) {
  for (int i = 0; i < 10; ++i) {
    connection conn = co_await p.acquire();
    if (i % 2)
      continue;
    if (co_await conn.receive() == 0) {
      log("empty");
      break;
    }
    co_await conn.close();
  }
}
// CHECK-MESSAGES: :[[@LINE-10]]:16: warning: 'conn' is not released on every path: co_await 'close()' or hand it to a guard before it goes out of scope [coroguard-unmanaged-resource]
// CHECK-MESSAGES: :[[@LINE-9]]:7: note: 'conn' is still unreleased when this continue is taken
// CHECK-FIXES: task<> in_loop(pool &p) {
// CHECK-FIXES-NEXT: for (int i = 0; i < 10; ++i) {
// CHECK-FIXES-NEXT: connection conn = co_await p.acquire();
// CHECK-FIXES-NEXT: std::exception_ptr conn_failure;
// CHECK-FIXES-NEXT: try {
// CHECK-FIXES-NEXT: if (i % 2)
// CHECK-FIXES-NEXT: { co_await conn.close(); continue; }
// CHECK-FIXES-NEXT: if (co_await conn.receive() == 0) {
// CHECK-FIXES-NEXT: log("empty");
// CHECK-FIXES-NEXT: co_await conn.close();
// CHECK-FIXES-NEXT: break;
// CHECK-FIXES-NEXT: }
// CHECK-FIXES-NEXT: } catch (...) {
// CHECK-FIXES-NEXT: conn_failure = std::current_exception();
// CHECK-FIXES-NEXT: }
// CHECK-FIXES-NEXT: co_await conn.close();
// CHECK-FIXES-NEXT: if (conn_failure)
// CHECK-FIXES-NEXT: std::rethrow_exception(conn_failure);
// CHECK-FIXES-NEXT: }
// CHECK-FIXES-NEXT: }

// A switch whose cases leave.
task<> in_switch(database &db, int mode) {
  connection conn = co_await db.connect("db://");
  switch (mode) {
  case 0:
    co_await conn.close();
    break;
  case 1:
    co_return;
  default:
    co_await conn.close();
  }
}
// CHECK-MESSAGES: :[[@LINE-11]]:14: warning: 'conn' is not released on every path: co_await 'close()' or hand it to a guard before it goes out of scope [coroguard-unmanaged-resource]
// CHECK-MESSAGES: :[[@LINE-6]]:5: note: 'conn' is still unreleased when this co_return is taken
// CHECK-FIXES: task<> in_switch(database &db, int mode) {
// CHECK-FIXES-NEXT: connection conn = co_await db.connect("db://");
// CHECK-FIXES-NEXT: std::exception_ptr conn_failure;
// CHECK-FIXES-NEXT: try {
// CHECK-FIXES-NEXT: switch (mode) {
// CHECK-FIXES-NEXT: case 0:
// CHECK-FIXES-NEXT: co_await conn.close();
// CHECK-FIXES-NEXT: break;
// CHECK-FIXES-NEXT: case 1:
// CHECK-FIXES-NEXT: co_await conn.close(); co_return;
// CHECK-FIXES-NEXT: default:
// CHECK-FIXES-NEXT: co_await conn.close();
// CHECK-FIXES-NEXT: }
// CHECK-FIXES-NEXT: } catch (...) {
// CHECK-FIXES-NEXT: conn_failure = std::current_exception();
// CHECK-FIXES-NEXT: }
// CHECK-FIXES-NEXT: if (conn_failure) {
// CHECK-FIXES-NEXT: co_await conn.close();
// CHECK-FIXES-NEXT: std::rethrow_exception(conn_failure);
// CHECK-FIXES-NEXT: }
// CHECK-FIXES-NEXT: }

// Two resources released in the order opposite to acquisition: nested.
task<> nested(database &db) {
  auto a = co_await db.connect("a");
  auto b = co_await db.connect("b");
  co_await a.send("x");
  co_await b.send("y");
  co_await b.close();
  co_await a.close();
}
// CHECK-MESSAGES: :[[@LINE-7]]:8: warning: 'a' is not released if an exception is thrown before 'close()' is awaited [coroguard-missing-awaited-cleanup]
// CHECK-MESSAGES: :[[@LINE-7]]:12: note: an exception thrown here leaves the scope of 'a' without releasing it
// CHECK-MESSAGES: :[[@LINE-8]]:8: warning: 'b' is not released if an exception is thrown before 'close()' is awaited [coroguard-missing-awaited-cleanup]
// CHECK-MESSAGES: :[[@LINE-8]]:3: note: an exception thrown here leaves the scope of 'b' without releasing it
// CHECK-MESSAGES: :[[@LINE-10]]:8: note: the fix-it of 'a' also releases 'b' on every path
// CHECK-FIXES: task<> nested(database &db) {
// CHECK-FIXES-NEXT: auto a = co_await db.connect("a");
// CHECK-FIXES-NEXT: std::exception_ptr a_failure;
// CHECK-FIXES-NEXT: try {
// CHECK-FIXES-NEXT: auto b = co_await db.connect("b");
// CHECK-FIXES-NEXT: std::exception_ptr b_failure;
// CHECK-FIXES-NEXT: try {
// CHECK-FIXES-NEXT: co_await a.send("x");
// CHECK-FIXES-NEXT: co_await b.send("y");
// CHECK-FIXES-NEXT: } catch (...) {
// CHECK-FIXES-NEXT: b_failure = std::current_exception();
// CHECK-FIXES-NEXT: }
// CHECK-FIXES-NEXT: co_await b.close();
// CHECK-FIXES-NEXT: if (b_failure)
// CHECK-FIXES-NEXT: std::rethrow_exception(b_failure);
// CHECK-FIXES-NEXT: } catch (...) {
// CHECK-FIXES-NEXT: a_failure = std::current_exception();
// CHECK-FIXES-NEXT: }
// CHECK-FIXES-NEXT: co_await a.close();
// CHECK-FIXES-NEXT: if (a_failure)
// CHECK-FIXES-NEXT: std::rethrow_exception(a_failure);
// CHECK-FIXES-NEXT: }

// Released in the order of acquisition: the first release moves after the
// second, so that they are nested.
task<> fifo(database &db) {
  auto a = co_await db.connect("a");
  auto b = co_await db.connect("b");
  co_await a.send("x");
  co_await a.close();
  co_await b.close();
}
// CHECK-MESSAGES: :[[@LINE-6]]:8: warning: 'a' is not released if an exception is thrown before 'close()' is awaited [coroguard-missing-awaited-cleanup]
// CHECK-MESSAGES: :[[@LINE-6]]:12: note: an exception thrown here leaves the scope of 'a' without releasing it
// CHECK-MESSAGES: :[[@LINE-7]]:8: warning: 'b' is not released if an exception is thrown before 'close()' is awaited [coroguard-missing-awaited-cleanup]
// CHECK-MESSAGES: :[[@LINE-7]]:3: note: an exception thrown here leaves the scope of 'b' without releasing it
// CHECK-MESSAGES: :[[@LINE-9]]:8: note: the fix-it of 'a' also releases 'b' on every path
// CHECK-FIXES: task<> fifo(database &db) {
// CHECK-FIXES-NEXT: auto a = co_await db.connect("a");
// CHECK-FIXES-NEXT: std::exception_ptr a_failure;
// CHECK-FIXES-NEXT: try {
// CHECK-FIXES-NEXT: auto b = co_await db.connect("b");
// CHECK-FIXES-NEXT: std::exception_ptr b_failure;
// CHECK-FIXES-NEXT: try {
// CHECK-FIXES-NEXT: co_await a.send("x");
// CHECK-FIXES-NEXT: } catch (...) {
// CHECK-FIXES-NEXT: b_failure = std::current_exception();
// CHECK-FIXES-NEXT: }
// CHECK-FIXES-NEXT: co_await b.close();
// CHECK-FIXES-NEXT: if (b_failure)
// CHECK-FIXES-NEXT: std::rethrow_exception(b_failure);
// CHECK-FIXES-NEXT: } catch (...) {
// CHECK-FIXES-NEXT: a_failure = std::current_exception();
// CHECK-FIXES-NEXT: }
// CHECK-FIXES-NEXT: co_await a.close();
// CHECK-FIXES-NEXT: if (a_failure)
// CHECK-FIXES-NEXT: std::rethrow_exception(a_failure);
// CHECK-FIXES-NEXT: }

// A resource in an inner block of another's region.
task<> inner_block(database &db, pool &p) {
  auto outer = co_await db.connect("outer");
  {
    auto inner = co_await p.acquire();
    co_await inner.send("x");
  }
  co_await outer.send("y");
  co_await outer.close();
}
// CHECK-MESSAGES: :[[@LINE-8]]:8: warning: 'outer' is not released if an exception is thrown before 'close()' is awaited [coroguard-missing-awaited-cleanup]
// CHECK-MESSAGES: :[[@LINE-7]]:18: note: an exception thrown here leaves the scope of 'outer' without releasing it
// CHECK-MESSAGES: :[[@LINE-8]]:10: warning: 'inner' is never released: co_await 'close()' or hand it to a guard before it goes out of scope [coroguard-unmanaged-resource]
// CHECK-MESSAGES: :[[@LINE-7]]:3: note: 'inner' is still unreleased at the end of its scope
// CHECK-MESSAGES: :[[@LINE-10]]:10: note: the fix-it of 'outer' also releases 'inner' on every path
// CHECK-FIXES: task<> inner_block(database &db, pool &p) {
// CHECK-FIXES-NEXT: auto outer = co_await db.connect("outer");
// CHECK-FIXES-NEXT: std::exception_ptr outer_failure;
// CHECK-FIXES-NEXT: try {
// CHECK-FIXES-NEXT: {
// CHECK-FIXES-NEXT: auto inner = co_await p.acquire();
// CHECK-FIXES-NEXT: std::exception_ptr inner_failure;
// CHECK-FIXES-NEXT: try {
// CHECK-FIXES-NEXT: co_await inner.send("x");
// CHECK-FIXES-NEXT: } catch (...) {
// CHECK-FIXES-NEXT: inner_failure = std::current_exception();
// CHECK-FIXES-NEXT: }
// CHECK-FIXES-NEXT: co_await inner.close();
// CHECK-FIXES-NEXT: if (inner_failure)
// CHECK-FIXES-NEXT: std::rethrow_exception(inner_failure);
// CHECK-FIXES-NEXT: }
// CHECK-FIXES-NEXT: co_await outer.send("y");
// CHECK-FIXES-NEXT: } catch (...) {
// CHECK-FIXES-NEXT: outer_failure = std::current_exception();
// CHECK-FIXES-NEXT: }
// CHECK-FIXES-NEXT: co_await outer.close();
// CHECK-FIXES-NEXT: if (outer_failure)
// CHECK-FIXES-NEXT: std::rethrow_exception(outer_failure);
// CHECK-FIXES-NEXT: }

// A discarded release is awaited by the same rewrite.
task<> discarded_and_early(database &db, bool bad) {
  connection conn = co_await db.connect("db://");
  if (bad)
    co_return;
  co_await conn.send("x");
  conn.close();
}
// CHECK-MESSAGES: :[[@LINE-6]]:14: warning: 'conn' is not released on every path: co_await 'close()' or hand it to a guard before it goes out of scope [coroguard-unmanaged-resource]
// CHECK-MESSAGES: :[[@LINE-5]]:5: note: 'conn' is still unreleased when this co_return is taken
// CHECK-FIXES: task<> discarded_and_early(database &db, bool bad) {
// CHECK-FIXES-NEXT: connection conn = co_await db.connect("db://");
// CHECK-FIXES-NEXT: std::exception_ptr conn_failure;
// CHECK-FIXES-NEXT: try {
// CHECK-FIXES-NEXT: if (bad)
// CHECK-FIXES-NEXT: { co_await conn.close(); co_return; }
// CHECK-FIXES-NEXT: co_await conn.send("x");
// CHECK-FIXES-NEXT: } catch (...) {
// CHECK-FIXES-NEXT: conn_failure = std::current_exception();
// CHECK-FIXES-NEXT: }
// CHECK-FIXES-NEXT: co_await conn.close();
// CHECK-FIXES-NEXT: if (conn_failure)
// CHECK-FIXES-NEXT: std::rethrow_exception(conn_failure);
// CHECK-FIXES-NEXT: }

// A name the rewrite would take is taken.
task<> name_taken(database &db) {
  int conn_failure = 0;
  connection conn = co_await db.connect("db://");
  co_await conn.send("x");
  co_await conn.close();
  (void)conn_failure;
}
// CHECK-MESSAGES: :[[@LINE-5]]:14: warning: 'conn' is not released if an exception is thrown before 'close()' is awaited [coroguard-missing-awaited-cleanup]
// CHECK-MESSAGES: :[[@LINE-5]]:3: note: an exception thrown here leaves the scope of 'conn' without releasing it
// CHECK-FIXES: task<> name_taken(database &db) {
// CHECK-FIXES-NEXT: int conn_failure = 0;
// CHECK-FIXES-NEXT: connection conn = co_await db.connect("db://");
// CHECK-FIXES-NEXT: std::exception_ptr conn_failure2;
// CHECK-FIXES-NEXT: try {
// CHECK-FIXES-NEXT: co_await conn.send("x");
// CHECK-FIXES-NEXT: } catch (...) {
// CHECK-FIXES-NEXT: conn_failure2 = std::current_exception();
// CHECK-FIXES-NEXT: }
// CHECK-FIXES-NEXT: co_await conn.close();
// CHECK-FIXES-NEXT: if (conn_failure2)
// CHECK-FIXES-NEXT: std::rethrow_exception(conn_failure2);
// CHECK-FIXES-NEXT: (void)conn_failure;
// CHECK-FIXES-NEXT: }

// A comment after the last statement stays on its line.
task<> trailing_comment(database &db) {
  connection conn = co_await db.connect("db://"); // acquire
  co_await conn.send("x"); // the only use
  co_await conn.close();
}
// CHECK-MESSAGES: :[[@LINE-4]]:14: warning: 'conn' is not released if an exception is thrown before 'close()' is awaited [coroguard-missing-awaited-cleanup]
// CHECK-MESSAGES: :[[@LINE-4]]:3: note: an exception thrown here leaves the scope of 'conn' without releasing it
// CHECK-FIXES: task<> trailing_comment(database &db) {
// CHECK-FIXES-NEXT: connection conn = co_await db.connect("db://"); // acquire
// CHECK-FIXES-NEXT: std::exception_ptr conn_failure;
// CHECK-FIXES-NEXT: try {
// CHECK-FIXES-NEXT: co_await conn.send("x"); // the only use
// CHECK-FIXES-NEXT: } catch (...) {
// CHECK-FIXES-NEXT: conn_failure = std::current_exception();
// CHECK-FIXES-NEXT: }
// CHECK-FIXES-NEXT: co_await conn.close();
// CHECK-FIXES-NEXT: if (conn_failure)
// CHECK-FIXES-NEXT: std::rethrow_exception(conn_failure);
// CHECK-FIXES-NEXT: }

// Four spaces per level, as the code is written.
task<> four_spaces(database &db) {
    connection conn = co_await db.connect("db://");
    co_await conn.send("x");
    co_await conn.close();
}
// CHECK-MESSAGES: :[[@LINE-4]]:16: warning: 'conn' is not released if an exception is thrown before 'close()' is awaited [coroguard-missing-awaited-cleanup]
// CHECK-MESSAGES: :[[@LINE-4]]:5: note: an exception thrown here leaves the scope of 'conn' without releasing it
// CHECK-FIXES: task<> four_spaces(database &db) {
// CHECK-FIXES-NEXT: connection conn = co_await db.connect("db://");
// CHECK-FIXES-NEXT: std::exception_ptr conn_failure;
// CHECK-FIXES-NEXT: try {
// CHECK-FIXES-NEXT: co_await conn.send("x");
// CHECK-FIXES-NEXT: } catch (...) {
// CHECK-FIXES-NEXT: conn_failure = std::current_exception();
// CHECK-FIXES-NEXT: }
// CHECK-FIXES-NEXT: co_await conn.close();
// CHECK-FIXES-NEXT: if (conn_failure)
// CHECK-FIXES-NEXT: std::rethrow_exception(conn_failure);
// CHECK-FIXES-NEXT: }

// A raw string that spans lines keeps its text.
task<> raw_string(database &db) {
  connection conn = co_await db.connect("db://");
  co_await conn.send(R"(first
second)");
  co_await conn.close();
}
// CHECK-MESSAGES: :[[@LINE-5]]:14: warning: 'conn' is not released if an exception is thrown before 'close()' is awaited [coroguard-missing-awaited-cleanup]
// CHECK-MESSAGES: :[[@LINE-5]]:3: note: an exception thrown here leaves the scope of 'conn' without releasing it
// CHECK-FIXES: task<> raw_string(database &db) {
// CHECK-FIXES-NEXT: connection conn = co_await db.connect("db://");
// CHECK-FIXES-NEXT: std::exception_ptr conn_failure;
// CHECK-FIXES-NEXT: try {
// CHECK-FIXES-NEXT: co_await conn.send(R"(first
// CHECK-FIXES-NEXT: second)");
// CHECK-FIXES-NEXT: } catch (...) {
// CHECK-FIXES-NEXT: conn_failure = std::current_exception();
// CHECK-FIXES-NEXT: }
// CHECK-FIXES-NEXT: co_await conn.close();
// CHECK-FIXES-NEXT: if (conn_failure)
// CHECK-FIXES-NEXT: std::rethrow_exception(conn_failure);
// CHECK-FIXES-NEXT: }

// A coroutine lambda.
auto lambda = [](pool &p) -> task<> {
  connection conn = co_await p.acquire();
  co_await conn.send("x");
};
// CHECK-MESSAGES: :[[@LINE-3]]:14: warning: 'conn' is never released: co_await 'close()' or hand it to a guard before it goes out of scope [coroguard-unmanaged-resource]
// CHECK-MESSAGES: :[[@LINE-2]]:1: note: 'conn' is still unreleased at the end of its scope
// CHECK-FIXES: auto lambda = [](pool &p) -> task<> {
// CHECK-FIXES-NEXT: connection conn = co_await p.acquire();
// CHECK-FIXES-NEXT: std::exception_ptr conn_failure;
// CHECK-FIXES-NEXT: try {
// CHECK-FIXES-NEXT: co_await conn.send("x");
// CHECK-FIXES-NEXT: } catch (...) {
// CHECK-FIXES-NEXT: conn_failure = std::current_exception();
// CHECK-FIXES-NEXT: }
// CHECK-FIXES-NEXT: co_await conn.close();
// CHECK-FIXES-NEXT: if (conn_failure)
// CHECK-FIXES-NEXT: std::rethrow_exception(conn_failure);
// CHECK-FIXES-NEXT: };

// A template is rewritten once.
template <class Pool> task<> generic(Pool &p) {
  auto conn = co_await p.acquire();
  co_await conn.send("x");
}
// CHECK-MESSAGES: :[[@LINE-3]]:8: warning: 'conn' is never released: co_await 'close()' or hand it to a guard before it goes out of scope [coroguard-unmanaged-resource]
// CHECK-MESSAGES: :[[@LINE-2]]:1: note: 'conn' is still unreleased at the end of its scope
// CHECK-FIXES: template <class Pool> task<> generic(Pool &p) {
// CHECK-FIXES-NEXT: auto conn = co_await p.acquire();
// CHECK-FIXES-NEXT: std::exception_ptr conn_failure;
// CHECK-FIXES-NEXT: try {
// CHECK-FIXES-NEXT: co_await conn.send("x");
// CHECK-FIXES-NEXT: } catch (...) {
// CHECK-FIXES-NEXT: conn_failure = std::current_exception();
// CHECK-FIXES-NEXT: }
// CHECK-FIXES-NEXT: co_await conn.close();
// CHECK-FIXES-NEXT: if (conn_failure)
// CHECK-FIXES-NEXT: std::rethrow_exception(conn_failure);
// CHECK-FIXES-NEXT: }
template task<> generic(pool &);

struct buffer {
  int size() const;
};

// A default-initialised declaration used after the release moves before
// the try, with the comment above it; the comments above the first
// statement move into the try with it.
task<int> hoisted(database &db) {
  connection conn = co_await db.connect("db://");

  // Say hello first
  co_await conn.send("hello");
  // This buffer holds the reply
  buffer reply;
  co_await conn.send("read");
  co_await conn.close();
  co_return reply.size();
}
// CHECK-MESSAGES: :[[@LINE-10]]:14: warning: 'conn' is not released if an exception is thrown before 'close()' is awaited [coroguard-missing-awaited-cleanup]
// CHECK-MESSAGES: :[[@LINE-8]]:3: note: an exception thrown here leaves the scope of 'conn' without releasing it
// CHECK-FIXES: task<int> hoisted(database &db) {
// CHECK-FIXES-NEXT: connection conn = co_await db.connect("db://");
// CHECK-FIXES-NEXT: // This buffer holds the reply
// CHECK-FIXES-NEXT: buffer reply;
// CHECK-FIXES-NEXT: std::exception_ptr conn_failure;
// CHECK-FIXES-NEXT: try {
// CHECK-FIXES-EMPTY:
// CHECK-FIXES-NEXT: // Say hello first
// CHECK-FIXES-NEXT: co_await conn.send("hello");
// CHECK-FIXES-NEXT: co_await conn.send("read");
// CHECK-FIXES-NEXT: } catch (...) {
// CHECK-FIXES-NEXT: conn_failure = std::current_exception();
// CHECK-FIXES-NEXT: }
// CHECK-FIXES-NEXT: co_await conn.close();
// CHECK-FIXES-NEXT: if (conn_failure)
// CHECK-FIXES-NEXT: std::rethrow_exception(conn_failure);
// CHECK-FIXES-NEXT: co_return reply.size();
// CHECK-FIXES-NEXT: }

// A declaration with a value, used after the release: it cannot move
// before the try, and a region extended over log(), which may throw after
// the release, would release twice. No fix-it, and the note says why.
task<int> extended(database &db) {
  connection conn = co_await db.connect("db://");
  int n = co_await conn.receive();
  co_await conn.close();
  log("closed");
  co_return n;
}
// CHECK-MESSAGES: :[[@LINE-6]]:14: warning: 'conn' is not released if an exception is thrown before 'close()' is awaited [coroguard-missing-awaited-cleanup]
// CHECK-MESSAGES: :[[@LINE-6]]:11: note: an exception thrown here leaves the scope of 'conn' without releasing it
// CHECK-MESSAGES: :[[@LINE-7]]:7: note: no fix-it: 'n', declared between the acquisition and the release of 'conn', is used after the release
