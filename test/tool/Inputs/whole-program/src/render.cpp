#include "app.h"

#include <future>

namespace app {
std::string render_pdf(const std::vector<std::string> &rows) {
  std::this_thread::sleep_for(std::chrono::milliseconds(rows.size()));
  std::future<std::string> pages =
      std::async(std::launch::async, [] { return std::string("pdf"); });
  return pages.get();
}

std::string format_row(const std::string &row) { return row; }

int pong(int n) { return n <= 0 ? 0 : ping(n - 1); }
} // namespace app
