// A detached spawn outside main (test/tool/fix-options.test).
#include <asio.hpp>

asio::awaitable<void> session() {
  co_await asio::this_coro::executor;
  throw 1;
}

void start(asio::io_context &io) { asio::co_spawn(io, session(), asio::detached); }
