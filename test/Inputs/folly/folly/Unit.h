// Mock <folly/Unit.h>.
#pragma once

namespace folly {
struct Unit {
  constexpr bool operator==(const Unit &) const { return true; }
};
constexpr Unit unit{};
} // namespace folly
