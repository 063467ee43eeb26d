#include "app.h"

namespace app {
asio::awaitable<void> export_pdf(std::vector<std::string> rows) {
  std::string pdf = render_pdf(rows); // blocks, in render.cpp
  std::string page = load_template("invoice.html"); // blocks, in templates.cpp
  std::string row = format_row(rows[0]); // does not block
  int turns = ping(3); // ping and pong call each other; neither blocks
  (void)pdf, (void)page, (void)row, (void)turns;
  co_return;
}

asio::awaitable<void> export_report(int id) {
  std::string report = render_report(id); // util.cpp -> render.cpp
  throttle(id); // the header's template blocks
  refresh_cache(); // one of its two definitions does not block
  (void)report;
  co_return;
}

// A helper of this file that calls another file's blocking function.
static std::string summary_of(int id) { return render_report(id); }

asio::awaitable<void> export_summary(int id) {
  std::string s = summary_of(id); // blocks through render_report
  (void)s;
  co_return;
}

std::string offloaded(int id) { return render_report(id); } // not a coroutine
} // namespace app
