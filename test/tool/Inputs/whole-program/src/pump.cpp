#include "app.h"

#include <sys/socket.h>
#include <unistd.h>

namespace app {
asio::awaitable<void> pump_fast(const char *data, size_t size) {
  int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  make_nonblocking(fd); // net.cpp sets O_NONBLOCK: write does not block
  ::write(fd, data, size);
  co_return;
}

asio::awaitable<void> pump_slow(const char *data, size_t size) {
  int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  tune_socket(fd); // net.cpp leaves it blocking
  ::write(fd, data, size); // blocks
  co_return;
}
} // namespace app
