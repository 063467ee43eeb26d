#include "app.h"

namespace app {
void log_failure(const char *what);

asio::awaitable<void> serve_client(tcp::socket socket) {
  char data[512];
  for (;;) {
    std::size_t n = co_await socket.async_read_some(asio::buffer(data),
                                                    asio::use_awaitable);
    co_await asio::async_write(socket, asio::buffer(data, n),
                               asio::use_awaitable);
  }
}

asio::awaitable<void> serve_safely(tcp::socket socket) {
  try {
    char data[512];
    co_await socket.async_read_some(asio::buffer(data), asio::use_awaitable);
  } catch (const std::exception &e) {
    log_failure(e.what());
  }
}
} // namespace app
