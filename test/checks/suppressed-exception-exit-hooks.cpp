// Exit hooks receive the exception by reference (Boost.Cobalt's with()
// teardown, await_exit members): clearing it swallows the error.
// RUN: %check_coroguard %s coroguard-suppressed-exception %t -- %mock_flags -isystem %inputs/boost-cobalt

#include <boost/cobalt.hpp>
#include <exception>

namespace cobalt = boost::cobalt;

struct connection {
  cobalt::task<void> close();
  cobalt::task<void> send();
};

cobalt::task<void> clears(connection c) {
  co_await cobalt::with(
      std::move(c), [](connection &conn) { return conn.send(); },
      [](connection conn, std::exception_ptr &e) -> cobalt::task<void> {
        e = nullptr;
        // CHECK-MESSAGES: :[[@LINE-1]]:9: warning: the exit hook clears the exception it is given, so the error of the scope it closes disappears; leave 'e' as it is [coroguard-suppressed-exception]
        co_await conn.close();
      });
}

// Hooks that are coroutines themselves: the exception is cleared after a
// co_await. (A generic teardown is in exit-hooks-generic.cpp.)
struct async_scope {
  connection conn;
  cobalt::task<void> await_exit(std::exception_ptr &e) {
    co_await conn.close();
    e = std::exception_ptr();
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: the exit hook clears the exception it is given
  }
};

template <class Resource> struct generic_scope {
  Resource res;
  cobalt::task<void> await_exit(std::exception_ptr &e) {
    co_await res.close();
    e = {};
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: the exit hook clears the exception it is given
  }
};
template struct generic_scope<connection>;

struct scope {
  void await_exit(std::exception_ptr &e) {
    e = {};
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: the exit hook clears the exception it is given
  }
};

// Negative: the hook looks at the exception and leaves it to propagate.
cobalt::task<void> keeps(connection c) {
  co_await cobalt::with(
      std::move(c), [](connection &conn) { return conn.send(); },
      [](connection conn, std::exception_ptr &e) -> cobalt::task<void> {
        if (e)
          co_await conn.close();
      });
}
// A function that only takes the exception by value cannot clear it.
void inspect(std::exception_ptr e) { e = nullptr; }
