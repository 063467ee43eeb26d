#include "app.h"

#include <sys/socket.h>
#include <unistd.h>

namespace app {
// Its first statement writes: what net.cpp does is known before then.
struct pipe_end {
  int fd_;
  explicit pipe_end(int fd) : fd_(fd) { make_nonblocking(fd_); }
  asio::awaitable<void> send(const char *data, size_t size) {
    ::write(fd_, data, size); // net.cpp made fd_ non-blocking
    co_return;
  }
};

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
