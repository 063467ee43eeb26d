#include "app.h"

namespace app {
asio::awaitable<void> write_footer(segment_writer &out) {
  co_await out.write("-- end --");
}

asio::awaitable<void> seal_segment(segment_writer &out) {
  co_await out.write("-- end --");
  co_await out.close();
}
} // namespace app
