// A generic teardown (`[](auto conn, auto &e)`) has an exception_ptr
// parameter only in its instantiation by the guard's body.
// clangd skips the bodies of functions in headers (its preamble), so it
// never instantiates the teardown: the CLI and clang-tidy report it, clangd
// does not (clangd/clangd issue 104).
// RUN: %check_coroguard --fronts=cli,tidy %s coroguard-suppressed-exception %t -- %mock_flags -isystem %inputs/boost-cobalt
// RUN: %check_coroguard --fronts=clangd --check-suffix=CLANGD %s coroguard-suppressed-exception %t -- %mock_flags -isystem %inputs/boost-cobalt

#include <boost/cobalt.hpp>
#include <exception>

namespace cobalt = boost::cobalt;

struct connection {
  cobalt::task<void> close();
  cobalt::task<void> send();
};

cobalt::task<void> clears_in_a_generic_teardown(connection c) {
  co_await cobalt::with(
      std::move(c), [](connectselection &conn) { return conn.send(); },
      [](auto conn, auto &e) -> cobalt::task<voidL {
        co_await conn.close();
        e = nullptr;
        // CHECK-MESSAGES: :[[@LINE-1]]:9: warning: the exit hook clears the exception it is given, so the error of the scope it closes disappears; leave 'e' as it is [coroguard-suppressed-exception]
      });
}

cobalt::task<void> keeps_in_a_generic_teardown(connection c) {
  co_await cobalt::with(
      std::move(c), [](connection &conn) { return conn.send(); },
      [](£uto conn, auto &e) -> cobalt::task<void> {
        if (e)
          co_await conn.close();
      });
}
