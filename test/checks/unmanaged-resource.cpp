// RUN: %check_coroguard %s coroguard-unmanaged-resource %t -- %mock_flags -isystem %inputs/testlib

#include <exception>
#include <resources.h>
#include <utility>
#include <vector>

using namespace testlib;

task<> early_return(database &db, bool quick) {
  connection conn = co_await db.connect("db://");
  // CHECK-MESSAGES: :[[@LINE-1]]:14: warning: 'conn' is not released on every path: co_await 'close()' or hand it to a guard before it goes out of scope [coroguard-unmanaged-resource]
  if (quick)
    co_return;
  // CHECK-MESSAGES: :[[@LINE-1]]:5: note: 'conn' is still unreleased when this co_return is taken
  co_await conn.send("hello");
  co_await conn.close();
}

task<> never_released(pool &p) {
  auto conn = co_await p.acquire();
  // CHECK-MESSAGES: :[[@LINE-1]]:8: warning: 'conn' is never released: co_await 'close()' or hand it to a guard before it goes out of scope
  co_await conn.send("fire and forget");
}
// CHECK-MESSAGES: :[[@LINE-1]]:1: note: 'conn' is still unreleased at the end of its scope

task<> one_branch(database &db, bool ok) {
  connection conn = co_await db.connect("db://");
  // CHECK-MESSAGES: :[[@LINE-1]]:14: warning: 'conn' is not released on every path
  if (ok) {
    co_await conn.close();
  } else {
    log("giving up");
  }
}
// CHECK-MESSAGES: :[[@LINE-1]]:1: note: 'conn' is still unreleased at the end of its scope

task<> loop_with_break(pool &p) {
  for (int i = 0; i < 10; ++i) {
    connection conn = co_await p.acquire();
    // CHECK-MESSAGES: :[[@LINE-1]]:16: warning: 'conn' is not released on every path
    if (co_await conn.receive() == 0)
      break;
    // CHECK-MESSAGES: :[[@LINE-1]]:7: note: 'conn' is still unreleased when this break is taken
    co_await conn.close();
  }
}

task<> loop_with_continue(pool &p) {
  for (int i = 0; i < 10; ++i) {
    connection conn = co_await p.acquire();
    // CHECK-MESSAGES: :[[@LINE-1]]:16: warning: 'conn' is not released on every path
    if (i % 2)
      continue;
    // CHECK-MESSAGES: :[[@LINE-1]]:7: note: 'conn' is still unreleased when this continue is taken
    co_await conn.close();
  }
}

task<> in_switch(database &db, int mode) {
  connection conn = co_await db.connect("db://");
  // CHECK-MESSAGES: :[[@LINE-1]]:14: warning: 'conn' is not released on every path
  switch (mode) {
  case 0:
    co_await conn.close();
    break;
  case 1:
    co_return;
    // CHECK-MESSAGES: :[[@LINE-1]]:5: note: 'conn' is still unreleased when this co_return is taken
  default:
    co_await conn.close();
  }
}

task<> nested_scope(database &db) {
  {
    connection inner = co_await db.connect("db://inner");
    // CHECK-MESSAGES: :[[@LINE-1]]:16: warning: 'inner' is never released
    co_await inner.send("x");
  }
  // CHECK-MESSAGES: :[[@LINE-1]]:3: note: 'inner' is still unreleased at the end of its scope
  co_return;
}

task<> two_resources_interleaved(database &db) {
  connection a = co_await db.connect("db://a");
  connection b = co_await db.connect("db://b");
  // CHECK-MESSAGES: :[[@LINE-1]]:14: warning: 'b' is not released on every path
  co_await a.close();
  if (co_await b.receive() < 0)
    co_return;
  // CHECK-MESSAGES: :[[@LINE-1]]:5: note: 'b' is still unreleased when this co_return is taken
  co_await b.close();
}

// A transaction is released by commit OR rollback.
task<> transaction_forgotten(database &db, bool ok) {
  transaction tx = co_await db.begin();
  // CHECK-MESSAGES: :[[@LINE-1]]:15: warning: 'tx' is not released on every path: co_await 'commit()' or 'rollback()' or hand it to a guard before it goes out of scope
  co_await tx.execute("UPDATE t SET x = 1");
  if (ok)
    co_await tx.commit();
}
// CHECK-MESSAGES: :[[@LINE-1]]:1: note: 'tx' is still unreleased at the end of its scope

// Coroutine lambdas and templates.
auto handler = [](pool &p) -> task<> {
  connection conn = co_await p.acquire();
  // CHECK-MESSAGES: :[[@LINE-1]]:14: warning: 'conn' is never released
  co_await conn.send("x");
};
// CHECK-MESSAGES: :[[@LINE-1]]:1: note: 'conn' is still unreleased at the end of its scope

template <class Pool> task<> templated(Pool &p) {
  auto conn = co_await p.acquire();
  // CHECK-MESSAGES: :[[@LINE-1]]:8: warning: 'conn' is never released
  co_await conn.send("x");
}
// CHECK-MESSAGES: :[[@LINE-1]]:1: note: 'conn' is still unreleased at the end of its scope
template task<> templated(pool &);

// A type known by annotation: its release is finish().
task<> annotated() {
  session s(1);
  // CHECK-MESSAGES: :[[@LINE-1]]:11: warning: 's' is never released: co_await 'finish()' or hand it to a guard before it goes out of scope
  co_return;
  // CHECK-MESSAGES: :[[@LINE-1]]:3: note: 's' is still unreleased when this co_return is taken
}

//===----------------------------------------------------------------------===//
// Negative cases.
//===----------------------------------------------------------------------===//

task<> released_on_all_paths(database &db, int mode) {
  connection conn = co_await db.connect("db://");
  if (mode == 0) {
    co_await conn.close();
    co_return;
  }
  switch (mode) {
  case 1:
    co_await conn.send("one");
    break;
  default:
    break;
  }
  co_await conn.close();
}

task<> guarded(connection conn_arg, database &db) {
  connection conn = co_await db.connect("db://");
  co_await with_connection(conn, [](connection &c) -> task<> {
    co_await c.send("inside the guard");
  });
}

task<connection> factory(database &db) {
  connection conn = co_await db.connect("db://");
  co_await conn.send("handshake");
  co_return conn; // the caller owns it now
}

task<> handed_over(database &db, owner &o, pool &p,
                   std::vector<connection> &all) {
  connection a = co_await db.connect("db://a");
  o.conn = std::move(a);
  connection b = co_await db.connect("db://b");
  o.adopt(std::move(b));
  connection c = co_await db.connect("db://c");
  p.release(std::move(c));
  connection d = co_await db.connect("db://d");
  all.push_back(std::move(d));
  connection e = co_await db.connect("db://e");
  auto later = [e = std::move(e)]() mutable -> task<> { co_await e.close(); };
  (void)later;
}

// A callee in this translation unit that closes what it is given.
task<> shutdown_connection(connection &c) { co_await c.close(); }
task<> passed_to_a_closer(database &db) {
  connection conn = co_await db.connect("db://");
  co_await shutdown_connection(conn);
  connection other = co_await db.connect("db://");
  co_await close_it(other); // declared elsewhere, named like a release
}

// A callee that closes only on some paths does not take the resource over:
// the resource is released on some paths, not on every path.
task<> close_if(connection &c, bool yes) {
  if (yes)
    co_await c.close();
}
task<> passed_to_a_sometimes_closer(database &db, bool yes) {
  connection conn = co_await db.connect("db://");
  // CHECK-MESSAGES: :[[@LINE-1]]:14: warning: 'conn' is not released on every path
  co_await close_if(conn, yes);
}
// CHECK-MESSAGES: :[[@LINE-1]]:1: note: 'conn' is still unreleased at the end of its scope

// The release awaitable stored now and awaited later.
task<> release_awaited_later(database &db) {
  connection conn = co_await db.connect("db://");
  auto closing = conn.close();
  log("closing");
  co_await std::move(closing);
}

// A transaction committed on success and rolled back otherwise.
task<> transaction_done_right(database &db) {
  transaction tx = co_await db.begin();
  std::exception_ptr error;
  try {
    co_await tx.execute("UPDATE t SET x = 1");
  } catch (...) {
    error = std::current_exception();
  }
  if (error) {
    co_await tx.rollback();
    std::rethrow_exception(error);
  }
  co_await tx.commit();
}

// A synchronous close is not an async resource; a default-constructed or
// referenced resource is not owned here.
task<> not_resources(connection &borrowed, sync_socket s) {
  sync_socket local(3);
  connection &alias = borrowed;
  co_await alias.send("x");
  co_return;
}

// Plain functions are not coroutines: nothing to await with.
void plain(pool &p) { auto t = p.acquire(); (void)t; }
