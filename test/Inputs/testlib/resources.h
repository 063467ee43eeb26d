// Async resources of an imaginary database/network library, known to
// coroguard only by inference (an awaitable close()/commit()/rollback()) or
// by annotation.
#pragma once
#include <task.h>
#include <utility>

#if defined(__clang__)
#define TESTLIB_ANNOTATE(x) [[clang::annotate(x)]]
#else
#define TESTLIB_ANNOTATE(x)
#endif

namespace testlib {

class connection {
public:
  connection(connection &&) noexcept;
  connection &operator=(connection &&) noexcept;
  ~connection();
  task<> send(const char *);
  task<int> receive();
  task<> close();
  bool is_open() const noexcept;
};

class transaction {
public:
  transaction(transaction &&) noexcept;
  ~transaction();
  task<> execute(const char *);
  task<> commit();
  task<> rollback();
};

class database {
public:
  task<connection> connect(const char *);
  task<transaction> begin();
};

class pool {
public:
  task<connection> acquire();
  void release(connection c);
};

/// A stream whose close is synchronous: not an async resource.
class sync_socket {
public:
  sync_socket(int);
  void close();
};

/// Known by annotation only: its release is not named like one.
class TESTLIB_ANNOTATE("coroguard::async_resource") session {
public:
  session(int);
  session(session &&) noexcept;
  TESTLIB_ANNOTATE("coroguard::cleanup") task<> finish();
};

/// Takes over a connection and closes it when the work is done.
template <class F>
TESTLIB_ANNOTATE("coroguard::guard") task<> with_connection(connection &c, F f) {
  co_await f(c);
  co_await c.close();
}

/// Runs the awaitable its action returns when the awaiting scope ends, on
/// every path (a scope guard in the style of folly::coro::co_scope_exit).
struct scope_guard {
  template <class F> explicit scope_guard(F &&) {}
  scope_guard(scope_guard &&) noexcept;
  ~scope_guard();
};
template <class F> task<scope_guard> scope_exit(F f) { co_return scope_guard(std::move(f)); }

struct owner {
  connection conn;
  void adopt(connection c);
};

task<> close_it(connection &c);
task<> use_it(connection &c);
void log(const char *);
void log_noexcept(const char *) noexcept;

} // namespace testlib
