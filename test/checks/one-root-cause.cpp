// One root cause, one finding.
// RUN: %check_coroguard %s coroguard-unmanaged-resource,coroguard-missing-awaited-cleanup %t -- %mock_flags -isystem %inputs/testlib

#include <resources.h>

using namespace testlib;

// A guard of the user's own: its destructor releases the resource (here by
// waiting for it the wrong way). It is still a guard: the resource is not
// reported as never released.
template <class Resource> class closing_guard {
public:
  explicit closing_guard(Resource &r) : r_(r) {}
  ~closing_guard() { finish(); }

private:
  void finish() { wait_for(r_.close()); }
  template <class T> static void wait_for(T &&);
  Resource &r_;
};

task<> guarded_by_own_class(database &db) {
  connection conn = co_await db.connect("db://");
  closing_guard<connection> guard(conn);
  co_await conn.send("x");
}

// An object that only refers to the resource is no guard.
class reader {
public:
  explicit reader(connection &c);
  ~reader();
  task<int> next();
};

task<> not_a_guard(database &db) {
  connection conn = co_await db.connect("db://");
  // CHECK-MESSAGES: :[[@LINE-1]]:14: warning: 'conn' is never released: co_await 'close()' or hand it to a guard before it goes out of scope [coroguard-unmanaged-resource]
  reader r(conn);
  co_await r.next();
}
// CHECK-MESSAGES: :[[@LINE-1]]:1: note: 'conn' is still unreleased at the end of its scope

// Left unreleased on a normal path: reported by unmanaged-resource only,
// not also for the release it discards on another path.
task<> early_return_and_discarded_close(database &db, bool bad) {
  connection conn = co_await db.connect("db://");
  // CHECK-MESSAGES: :[[@LINE-1]]:14: warning: 'conn' is not released on every path: co_await 'close()' or hand it to a guard before it goes out of scope [coroguard-unmanaged-resource]
  if (bad)
    co_return;
  // CHECK-MESSAGES: :[[@LINE-1]]:5: note: 'conn' is still unreleased when this co_return is taken
  co_await conn.send("x");
  conn.close();
}

// Released (though not awaited) on every path: the discarded release is
// missing-awaited-cleanup's.
task<> discarded_close_only(database &db) {
  connection conn = co_await db.connect("db://");
  conn.close();
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: the awaitable returned by 'close()' is discarded, so 'conn' is never released; co_await it [coroguard-missing-awaited-cleanup]
  // CHECK-FIXES: co_await conn.close();
}
