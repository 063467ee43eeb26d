// RUN: %check_coroguard %s coroguard-unmanaged-resource,coroguard-missing-awaited-cleanup %t -- %mock_flags -isystem %inputs/testlib
// Where the portable rewrite cannot keep the meaning of the code, the
// finding has no fix-it and a note says why.

#include <exception>
#include <resources.h>

using namespace testlib;

task<> other();
void may_throw(int);

// Code that differs between configurations is not rewritten.
task<> preprocessor(database &db) {
  connection conn = co_await db.connect("db://");
#ifdef VERBOSE
  co_await conn.send("verbose");
#endif
  co_await conn.send("x");
  co_await conn.close();
}
// CHECK-MESSAGES: :[[@LINE-7]]:14: warning: 'conn' is not released if an exception is thrown before 'close()' is awaited [coroguard-missing-awaited-cleanup]
// CHECK-MESSAGES: :[[@LINE-4]]:3: note: an exception thrown here leaves the scope of 'conn' without releasing it
// CHECK-MESSAGES: :[[@LINE-9]]:14: note: no fix-it: a preprocessor directive lies in the code that uses 'conn'; rewrite it by hand for each configuration

// The value returned uses the resource, which would be released first.
task<bool> returns_with_resource(database &db) {
  connection conn = co_await db.connect("db://");
  co_await conn.send("x");
  co_return conn.is_open();
}
// CHECK-MESSAGES: :[[@LINE-4]]:14: warning: 'conn' is never released: co_await 'close()' or hand it to a guard before it goes out of scope [coroguard-unmanaged-resource]
// CHECK-MESSAGES: :[[@LINE-3]]:3: note: 'conn' is still unreleased when this co_return is taken
// CHECK-MESSAGES: :[[@LINE-4]]:3: note: no fix-it: the value of this co_return uses 'conn', which would be released before it

// Released on some paths only, at the end.
task<> released_in_one_branch(database &db, bool ok) {
  connection conn = co_await db.connect("db://");
  co_await conn.send("x");
  if (ok)
    co_await conn.close();
}
// CHECK-MESSAGES: :[[@LINE-5]]:14: warning: 'conn' is not released on every path: co_await 'close()' or hand it to a guard before it goes out of scope [coroguard-unmanaged-resource]
// CHECK-MESSAGES: :[[@LINE-2]]:1: note: 'conn' is still unreleased at the end of its scope
// CHECK-MESSAGES: :[[@LINE-7]]:14: note: no fix-it: 'conn' is released on some paths only before the end of its scope; release it on every path by hand

// co_await is not allowed in a handler.
task<> exit_in_handler(database &db) {
  connection conn = co_await db.connect("db://");
  try {
    co_await conn.send("x");
  } catch (...) {
    co_return;
  }
  co_await conn.close();
}
// CHECK-MESSAGES: :[[@LINE-8]]:14: warning: 'conn' is not released on every path: co_await 'close()' or hand it to a guard before it goes out of scope [coroguard-unmanaged-resource]
// CHECK-MESSAGES: :[[@LINE-5]]:5: note: 'conn' is still unreleased when this co_return is taken
// CHECK-MESSAGES: :[[@LINE-6]]:5: note: no fix-it: this co_return is in a catch handler, where co_await is not allowed

// Declared in the header of a statement.
task<> in_condition(database &db) {
  if (connection conn = co_await db.connect("db://"); conn.is_open())
    co_await conn.send("x");
}
// CHECK-MESSAGES: :[[@LINE-3]]:18: warning: 'conn' is never released: co_await 'close()' or hand it to a guard before it goes out of scope [coroguard-unmanaged-resource]
// CHECK-MESSAGES: :[[@LINE-3]]:27: note: 'conn' is still unreleased at the end of its scope
// CHECK-MESSAGES: :[[@LINE-5]]:18: note: no fix-it: 'conn' is declared in the header of a statement

// Released on some paths before an exit.
task<> maybe_released_at_exit(database &db, bool a, bool b) {
  connection conn = co_await db.connect("db://");
  if (a)
    co_await conn.close();
  if (b)
    co_return;
  co_await conn.send("x");
  co_await conn.close();
}
// CHECK-MESSAGES: :[[@LINE-8]]:14: warning: 'conn' is not released on every path: co_await 'close()' or hand it to a guard before it goes out of scope [coroguard-unmanaged-resource]
// CHECK-MESSAGES: :[[@LINE-5]]:5: note: 'conn' is still unreleased when this co_return is taken
// CHECK-MESSAGES: :[[@LINE-6]]:5: note: no fix-it: 'conn' may or may not be released when this co_return is taken

// Released, then code that throws: the rewrite would release twice.
task<> throws_after_release(database &db, bool quick) {
  connection conn = co_await db.connect("db://");
  if (quick) {
    co_await conn.close();
  }
  co_await other();
  co_await conn.close();
}
// CHECK-MESSAGES: :[[@LINE-7]]:14: warning: 'conn' is not released if an exception is thrown before 'close()' is awaited [coroguard-missing-awaited-cleanup]
// CHECK-MESSAGES: :[[@LINE-4]]:3: note: an exception thrown here leaves the scope of 'conn' without releasing it
// CHECK-MESSAGES: :[[@LINE-5]]:12: note: no fix-it: 'conn' may already be released when this throws; the rewrite would release it twice

// A value read before the release is used after it by code that throws.
task<> used_after_release(database &db) {
  connection conn = co_await db.connect("db://");
  int n = co_await conn.receive();
  co_await conn.close();
  may_throw(n);
}
// CHECK-MESSAGES: :[[@LINE-5]]:14: warning: 'conn' is not released if an exception is thrown before 'close()' is awaited [coroguard-missing-awaited-cleanup]
// CHECK-MESSAGES: :[[@LINE-5]]:11: note: an exception thrown here leaves the scope of 'conn' without releasing it
// CHECK-MESSAGES: :[[@LINE-6]]:7: note: no fix-it: 'n', declared between the acquisition and the release of 'conn', is used after the release

// A goto into the code that would be in the try block.
task<> jump_in(database &db, int tries) {
  connection conn = co_await db.connect("db://");
again:
  co_await conn.send("x");
  co_await conn.close();
  if (--tries > 0)
    goto again;
}
// CHECK-MESSAGES: :[[@LINE-7]]:14: warning: 'conn' is not released if an exception is thrown before 'close()' is awaited [coroguard-missing-awaited-cleanup]
// CHECK-MESSAGES: :[[@LINE-6]]:3: note: an exception thrown here leaves the scope of 'conn' without releasing it
// CHECK-MESSAGES: :[[@LINE-7]]:12: note: no fix-it: 'conn' may already be released when this throws; the rewrite would release it twice

// A release that needs an argument, and no call of it to copy.
struct [[clang::annotate("coroguard::async_resource")]] channel {
  channel(int);
  channel(channel &&) noexcept;
  [[clang::annotate("coroguard::cleanup")]] task<> close(int code);
  task<> send(const char *);
};

task<> no_release_to_write() {
  channel ch(1);
  co_await ch.send("x");
}
// CHECK-MESSAGES: :[[@LINE-3]]:11: warning: 'ch' is never released: co_await 'close()' or hand it to a guard before it goes out of scope [coroguard-unmanaged-resource]
// CHECK-MESSAGES: :[[@LINE-2]]:1: note: 'ch' is still unreleased at the end of its scope
// CHECK-MESSAGES: :[[@LINE-5]]:11: note: no fix-it: no release of 'ch' to write: 'close()' needs arguments, and the code has no call of it to copy; give the model entry a 'releaseCall'
