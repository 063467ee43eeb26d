// Mock <seastar/core/when_all.hh>: when_all resolves to a tuple of resolved
// futures.
#pragma once
#include <seastar/core/future.hh>
#include <tuple>

namespace seastar {
template <class... F> future<std::tuple<F...>> when_all(F &&...futures) noexcept;
} // namespace seastar
