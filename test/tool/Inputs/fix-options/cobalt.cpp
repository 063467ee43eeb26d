// A resource in a Boost.Cobalt coroutine (test/tool/fix-options.test).
#include <boost/cobalt.hpp>

struct connection {
  explicit connection(int fd);
  connection(connection &&) noexcept;
  boost::cobalt::promise<void> send(const char *);
  boost::cobalt::promise<void> close();
};

boost::cobalt::task<void> happy_path_only(int fd) {
  connection conn(fd);
  co_await conn.send("one");
  co_await conn.close();
}
