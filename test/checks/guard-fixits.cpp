// Where the model gives a resource a guard template, the fix-it puts the
// resource under the guard and removes the now redundant manual release.
// The fixed file compiles and has no finding left.
// RUN: %check_coroguard --compile-fixed --copy=%S/Inputs/guard-model.json --clang-tidy-config="CheckOptions: {coroguard.ModelFiles: guard-model.json}" %s coroguard-unmanaged-resource,coroguard-missing-awaited-cleanup %t -- %mock_flags -isystem %inputs/testlib

#include <resources.h>

using namespace testlib;

task<> happy_path_only(database &db) {
  connection link = co_await db.connect("db://");
  // CHECK-MESSAGES: :[[@LINE-1]]:14: warning: 'link' is not released if an exception is thrown before 'close()' is awaited [coroguard-missing-awaited-cleanup]
  // CHECK-FIXES: connection link = co_await db.connect("db://");
  // CHECK-FIXES-NEXT: auto link_guard = co_await testlib::scope_exit([&] { return link.close(); });
  co_await link.send("one");
  // CHECK-MESSAGES: :[[@LINE-1]]:3: note: an exception thrown here leaves the scope of 'link' without releasing it
  co_await link.send("two");
  co_await link.close();
  // CHECK-FIXES: co_await link.send("two");
  // CHECK-FIXES-NOT: co_await link.close();
  // CHECK-FIXES: task<> early_return(database &db, bool quick) {
}

task<> early_return(database &db, bool quick) {
  connection link = co_await db.connect("db://");
  // CHECK-MESSAGES: :[[@LINE-1]]:14: warning: 'link' is not released on every path: co_await 'close()' or hand it to a guard before it goes out of scope [coroguard-unmanaged-resource]
  // CHECK-FIXES: connection link = co_await db.connect("db://");
  // CHECK-FIXES-NEXT: auto link_guard = co_await testlib::scope_exit([&] { return link.close(); });
  if (quick)
    co_return;
  // CHECK-MESSAGES: :[[@LINE-1]]:5: note: 'link' is still unreleased when this co_return is taken
  co_await link.close();
  // CHECK-FIXES: co_return;
  // CHECK-FIXES-NOT: co_await link.close();
  // CHECK-FIXES: // Already guarded: nothing to report.
}

// Already guarded: nothing to report.
task<> guarded(database &db) {
  connection conn = co_await db.connect("db://");
  auto conn_guard = co_await testlib::scope_exit([&] { return conn.close(); });
  co_await conn.send("x");
}

// A release inside a branch cannot be removed with the guard added: no
// fix-it rather than a double release.
task<> release_in_branch(database &db, bool quick) {
  connection conn = co_await db.connect("db://");
  // CHECK-MESSAGES: :[[@LINE-1]]:14: warning: 'conn' is not released on every path
  if (quick) {
    co_await conn.close();
    co_return;
  }
  co_await conn.send("x");
}
// CHECK-MESSAGES: :[[@LINE-1]]:1: note: 'conn' is still unreleased at the end of its scope
