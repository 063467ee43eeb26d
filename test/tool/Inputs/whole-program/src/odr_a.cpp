#include "app.h"

namespace app {
void refresh_cache() {
  std::this_thread::sleep_for(std::chrono::seconds(1));
}
} // namespace app
