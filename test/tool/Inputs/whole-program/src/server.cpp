#include "app.h"

namespace app {
asio::awaitable<void> listen(tcp::acceptor acceptor) {
  for (;;) {
    tcp::socket socket = co_await acceptor.async_accept(asio::use_awaitable);
    auto ex = acceptor.get_executor();
    // serve_client lets its errors out: detached drops them.
    asio::co_spawn(ex, serve_client(std::move(socket)), asio::detached);
  }
}

asio::awaitable<void> listen_safely(tcp::acceptor acceptor) {
  for (;;) {
    tcp::socket socket = co_await acceptor.async_accept(asio::use_awaitable);
    // serve_safely catches everything itself: nothing is dropped.
    asio::co_spawn(acceptor.get_executor(), serve_safely(std::move(socket)),
                   asio::detached);
  }
}
} // namespace app
