#include "app.h"

namespace app {
void refresh_cache() {}
} // namespace app
