// RUN: %check_coroguard --fronts=cli,tidy %s coroguard-unmanaged-resource,coroguard-missing-awaited-cleanup %t -- %mock_flags -isystem %inputs/testlib
// clangd shows no note inside a macro expansion; the findings are the same.
// RUN: %check_coroguard --fronts=clangd --check-suffix=CLANGD %s coroguard-unmanaged-resource,coroguard-missing-awaited-cleanup %t -- %mock_flags -isystem %inputs/testlib
// Code written in macros is not rewritten: a note says so.

#include <resources.h>

using namespace testlib;

#define LEAVE_IF(c)                                                            \
  if (c)                                                                       \
  co_return

// An exit written in a macro.
task<> exit_in_macro(database &db, bool bad) {
  connection conn = co_await db.connect("db://");
  LEAVE_IF(bad);
  co_await conn.close();
}
// CHECK-MESSAGES: :[[@LINE-4]]:14: warning: 'conn' is not released on every path: co_await 'close()' or hand it to a guard before it goes out of scope [coroguard-unmanaged-resource]
// CHECK-MESSAGES: :[[@LINE-4]]:3: note: 'conn' is still unreleased when this co_return is taken
// CHECK-MESSAGES: :[[@LINE-5]]:3: note: no fix-it: this co_return is written in a macro
// CHECK-MESSAGES-CLANGD: :[[@LINE-7]]:14: warning: 'conn' is not released on every path

#define CONNECT(name) connection name = co_await db.connect("db://")

// The declaration comes from a macro.
task<> declared_in_macro(database &db) {
  CONNECT(conn);
  co_await conn.send("x");
  co_await conn.close();
}
// CHECK-MESSAGES: :[[@LINE-4]]:11: warning: 'conn' is not released if an exception is thrown before 'close()' is awaited [coroguard-missing-awaited-cleanup]
// CHECK-MESSAGES: :[[@LINE-4]]:3: note: an exception thrown here leaves the scope of 'conn' without releasing it
// CHECK-MESSAGES: :[[@LINE-6]]:11: note: no fix-it: the declaration of 'conn' is written in a macro
// CHECK-MESSAGES-CLANGD: :[[@LINE-7]]:11: warning: 'conn' is not released if an exception is thrown before 'close()' is awaited
