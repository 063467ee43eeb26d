// RUN: %check_coroguard --compile-fixed %s coroguard-missing-awaited-cleanup,coroguard-unawaited-task %t -- %mock_flags -isystem %inputs/testlib

#include <exception>
#include <resources.h>
#include <stdexcept>
#include <utility>

using namespace testlib;

//===----------------------------------------------------------------------===//
// (a) The release is called but its awaitable is discarded. One finding,
// not a second one from coroguard-unawaited-task.
//===----------------------------------------------------------------------===//

task<> discarded_close(database &db) {
  connection dropped = co_await db.connect("db://");
  dropped.close();
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: the awaitable returned by 'close()' is discarded, so 'dropped' is never released; co_await it [coroguard-missing-awaited-cleanup]
  // CHECK-FIXES: co_await dropped.close();
}

task<> discarded_commit(database &db) {
  transaction pending = co_await db.begin();
  pending.commit();
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: the awaitable returned by 'commit()' is discarded, so 'pending' is never released; co_await it
  // CHECK-FIXES: co_await pending.commit();
}

// In a handler co_await is not allowed: reported without a fix-it.
task<> discarded_in_handler(connection &conn) {
  try {
    co_await conn.send("x");
  } catch (...) {
    conn.close();
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: the awaitable returned by 'close()' is discarded
    // CHECK-FIXES-NOT: co_await conn.close();
  }
}

// The other discarded tasks are still coroguard-unawaited-task's.
task<> other_task(connection &conn) {
  conn.send("other");
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: task returned by 'send' is discarded, so it never runs [coroguard-unawaited-task]
  // CHECK-FIXES: co_await conn.send("other");
  co_return;
}

//===----------------------------------------------------------------------===//
// (b) Released on the normal path only.
//===----------------------------------------------------------------------===//

task<> happy_path_only(database &db) {
  connection conn = co_await db.connect("db://");
  // CHECK-MESSAGES: :[[@LINE-1]]:14: warning: 'conn' is not released if an exception is thrown before 'close()' is awaited [coroguard-missing-awaited-cleanup]
  co_await conn.send("one");
  // CHECK-MESSAGES: :[[@LINE-1]]:3: note: an exception thrown here leaves the scope of 'conn' without releasing it
  co_await conn.send("two");
  co_await conn.close();
}

task<> throwing_call_between(database &db) {
  connection conn = co_await db.connect("db://");
  // CHECK-MESSAGES: :[[@LINE-1]]:14: warning: 'conn' is not released if an exception is thrown before 'close()' is awaited
  log_noexcept("cannot throw");
  log("may throw");
  // CHECK-MESSAGES: :[[@LINE-1]]:3: note: an exception thrown here leaves the scope of 'conn' without releasing it
  co_await conn.close();
}

task<> explicit_throw(database &db, bool bad) {
  transaction tx = co_await db.begin();
  // CHECK-MESSAGES: :[[@LINE-1]]:15: warning: 'tx' is not released if an exception is thrown before 'commit()' or 'rollback()' is awaited
  if (bad)
    throw std::runtime_error("bad input");
  // CHECK-MESSAGES: :[[@LINE-1]]:5: note: an exception thrown here leaves the scope of 'tx' without releasing it
  co_await tx.commit();
}

// The handler is outside the resource's scope: the exception leaves it.
task<> catch_that_swallows(database &db) {
  try {
    connection conn = co_await db.connect("db://");
    // CHECK-MESSAGES: :[[@LINE-1]]:16: warning: 'conn' is not released if an exception is thrown before 'close()' is awaited
    co_await conn.send("x");
    // CHECK-MESSAGES: :[[@LINE-1]]:5: note: an exception thrown here leaves the scope of 'conn' without releasing it
    co_await conn.close();
  } catch (...) {
    log_noexcept("failed");
  }
}

// Released on one path and handed over on the other: the release is the
// function's, and the exception before it skips it.
task<> releases_or_hands_over(database &db, owner &o, bool keep) {
  connection conn = co_await db.connect("db://");
  // CHECK-MESSAGES: :[[@LINE-1]]:14: warning: 'conn' is not released if an exception is thrown before 'close()' is awaited [coroguard-missing-awaited-cleanup]
  co_await conn.send("x");
  // CHECK-MESSAGES: :[[@LINE-1]]:3: note: an exception thrown here leaves the scope of 'conn' without releasing it
  if (keep) {
    o.adopt(std::move(conn));
    co_return;
  }
  co_await conn.close();
}

//===----------------------------------------------------------------------===//
// Negative cases.
//===----------------------------------------------------------------------===//

// Catch into an exception_ptr, release, rethrow: released on every path.
task<> exception_ptr_idiom(database &db) {
  connection conn = co_await db.connect("db://");
  std::exception_ptr error;
  try {
    co_await conn.send("one");
    co_await conn.send("two");
  } catch (...) {
    error = std::current_exception();
  }
  co_await conn.close();
  if (error)
    std::rethrow_exception(error);
}

// Nothing between acquisition and release can throw.
task<> nothing_can_throw(database &db) {
  connection conn = co_await db.connect("db://");
  log_noexcept("connected");
  bool open = conn.is_open();
  (void)open;
  co_await conn.close();
}

// A guard takes care of every path.
task<> guarded(database &db) {
  connection conn = co_await db.connect("db://");
  co_await with_connection(conn, [](connection &c) -> task<> {
    co_await c.send("x");
  });
}

// Handed over before anything can throw.
task<> handed_over(database &db, owner &o) {
  connection conn = co_await db.connect("db://");
  o.adopt(std::move(conn));
  log("done");
}

// A factory hands the resource to its caller: not its to release, also
// when the handshake before the hand-over throws.
task<connection> factory(database &db) {
  connection conn = co_await db.connect("db://");
  co_await conn.send("handshake");
  co_return conn;
}

// Moved into the coroutine that closes it, after work that may throw.
task<> consume(connection &&conn);
task<> hands_over_after_work(database &db) {
  connection conn = co_await db.connect("db://");
  co_await conn.send("hello");
  co_await consume(std::move(conn));
}

// A transaction committed on success and rolled back when anything fails.
task<> transaction_done_right(database &db) {
  transaction tx = co_await db.begin();
  bool ok = false;
  try {
    co_await tx.execute("INSERT INTO t VALUES (1)");
    ok = true;
  } catch (...) {
  }
  if (ok)
    co_await tx.commit();
  else
    co_await tx.rollback();
}

// Also unreleased on a normal path: that is coroguard-unmanaged-resource's
// finding when it runs (one finding a variable); it does not run here, so
// the exceptional path is still reported.
task<> left_open(database &db) {
  connection conn = co_await db.connect("db://");
  // CHECK-MESSAGES: :[[@LINE-1]]:14: warning: 'conn' is not released if an exception is thrown before 'close()' is awaited
  co_await conn.send("x");
  // CHECK-MESSAGES: :[[@LINE-1]]:3: note: an exception thrown here leaves the scope of 'conn' without releasing it
}

// A cast to void discards the release just the same.
task<> void_cast(database &db) {
  connection conn = co_await db.connect("db://");
  (void)conn.close();
  // CHECK-MESSAGES: :[[@LINE-1]]:9: warning: the awaitable returned by 'close()' is discarded, so 'conn' is never released; co_await it
  // CHECK-FIXES: (void)co_await conn.close();
}
