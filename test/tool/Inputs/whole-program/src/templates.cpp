#include "app.h"

#include <fstream>

namespace app {
std::string load_template(const std::string &name) {
  std::ifstream in(name);
  return name;
}
} // namespace app
