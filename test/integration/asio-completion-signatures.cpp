// REQUIRES: asio
// A dropping token (asio::detached) drops something only when the
// operation's handler receives an error: an error code or an exception_ptr
// among the parameters of its completion signature. The signature is read
// from the token parameter's constraint (asio's own operations, declared
// with ASIO_COMPLETION_TOKEN_FOR) or from the async_initiate call of a
// composed operation. With Debian's real asio.
// RUN: %check_coroguard %s coroguard-suppressed-exception %t -- -std=c++20 -DASIO_HAS_CO_AWAIT -DASIO_HAS_STD_COROUTINE

#include <asio.hpp>
#include <exception>
#include <functional>
#include <system_error>

namespace app {

// Composed operations, written the way asio's examples write them.
template <typename CompletionToken>
auto async_notify(asio::steady_timer &timer, CompletionToken &&token) {
  return asio::async_initiate<CompletionToken, void()>(
      [](auto handler, asio::steady_timer *timer) {
        timer->expires_after(std::chrono::seconds(1));
        timer->async_wait(
            [handler = std::move(handler)](std::error_code) mutable {
              std::move(handler)();
            });
      },
      token, &timer);
}

template <typename CompletionToken>
auto async_probe(asio::steady_timer &timer, CompletionToken &&token) {
  return asio::async_initiate<CompletionToken, void(std::error_code)>(
      [](auto handler, asio::steady_timer *timer) {
        timer->async_wait(std::move(handler));
      },
      token, &timer);
}

// A constrained operation of a library of its own.
template <typename Token, typename Signature>
concept token_for = requires { sizeof(Token); };

template <token_for<void(int)> Token> void async_count(Token &&token);
template <token_for<void(std::exception_ptr, int)> Token>
void async_compute(Token &&token);

asio::awaitable<void> session();

} // namespace app

void start(asio::io_context &io, asio::steady_timer &timer) {
  // Handlers that receive no error: nothing is dropped.
  asio::post(io, asio::detached);
  asio::dispatch(io.get_executor(), asio::detached);
  app::async_notify(timer, asio::detached);
  app::async_count(asio::detached);

  // Handlers that receive one: dropped.
  timer.async_wait(asio::detached);
  // CHECK-MESSAGES: :[[@LINE-1]]:20: warning: 'asio::detached' drops the error of the operation; pass a completion handler that rethrows or reports it [coroguard-suppressed-exception]
  // CHECK-MESSAGES: :[[@LINE-2]]:20: note: no fix-it:
  app::async_probe(timer, asio::detached);
  // CHECK-MESSAGES: :[[@LINE-1]]:27: warning: 'asio::detached' drops the error of the operation; pass a completion handler that rethrows or reports it [coroguard-suppressed-exception]
  // CHECK-MESSAGES: :[[@LINE-2]]:27: note: no fix-it:
  app::async_compute(asio::detached);
  // CHECK-MESSAGES: :[[@LINE-1]]:22: warning: 'asio::detached' drops the error of the operation; pass a completion handler that rethrows or reports it [coroguard-suppressed-exception]
  // CHECK-MESSAGES: :[[@LINE-2]]:22: note: no fix-it:
  asio::co_spawn(io, app::session(), asio::detached);
  // CHECK-MESSAGES: :[[@LINE-1]]:38: warning: 'asio::detached' drops the exception of the spawned coroutine; pass a completion handler that rethrows or reports it [coroguard-suppressed-exception]
  // CHECK-MESSAGES: :[[@LINE-2]]:38: note: no fix-it:
}
