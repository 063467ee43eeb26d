// Mock <exec/start_detached.hpp>: starts a sender and forgets it; an error
// completion calls std::terminate (it is not swallowed).
#pragma once
#include <stdexec/execution.hpp>

namespace experimental::execution {
struct start_detached_t {
  template <class _Sender> void operator()(_Sender &&__sndr) const {}
};
inline constexpr start_detached_t start_detached{};
} // namespace experimental::execution

namespace exec = experimental::execution;
