#include "app.h"

#include <fcntl.h>

namespace app {
void make_nonblocking(int fd) {
  int flags = fcntl(fd, F_GETFL, 0);
  fcntl(fd, F_SETFL, flags | O_NONBLOCK);
}

void tune_socket(int fd) { (void)fd; }
} // namespace app
