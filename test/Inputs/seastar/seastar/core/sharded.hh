// Mock <seastar/core/sharded.hh>: a sharded<Service> that was started must
// be stopped with `co_await s.stop()` before destruction.
#pragma once
#include <seastar/core/future.hh>

namespace seastar {
template <class Service> class sharded {
public:
  sharded() noexcept;
  sharded(sharded &&other) = delete;
  ~sharded();
  template <class... Args> future<> start(Args &&...args) noexcept {
    return {internal::future_tag{}};
  }
  template <class... Args> future<> start_single(Args &&...args) noexcept {
    return {internal::future_tag{}};
  }
  /// Stops all started instances; must be co_awaited before destruction.
  future<> stop() noexcept;
  template <class Func> future<> invoke_on_all(Func func) noexcept {
    return {internal::future_tag{}};
  }
  Service &local() noexcept;
};
} // namespace seastar
