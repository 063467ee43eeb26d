#include "app.h"

namespace app {
std::string render_report(int id) {
  std::vector<std::string> rows;
  return render_pdf(rows);
}

int ping(int n) { return n <= 0 ? 0 : pong(n - 1); }
} // namespace app
