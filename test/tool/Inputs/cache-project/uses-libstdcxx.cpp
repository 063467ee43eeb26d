// Reads the real C++ library, which the driver reaches through a path
// with `..` after a symbolic link on merged-/usr systems.
#include <string>
#include <vector>

std::vector<std::string> names() { return {"a", "b"}; }
