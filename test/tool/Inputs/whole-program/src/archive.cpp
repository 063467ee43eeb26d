#include "app.h"

namespace app {
asio::awaitable<void> archive_leaky(std::string name) {
  segment_writer out = co_await open_segment(name); // leaks: write_footer does not close it
  co_await out.write(name);
  co_await write_footer(out);
}

asio::awaitable<void> archive_sealed(std::string name) {
  segment_writer out = co_await open_segment(name); // closed by seal_segment
  co_await out.write(name);
  co_await seal_segment(out);
}
} // namespace app
