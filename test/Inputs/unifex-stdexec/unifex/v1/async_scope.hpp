// Mock <unifex/v1/async_scope.hpp>: unifex::async_scope (inline namespace
// v1) must be drained with `co_await scope.cleanup()` or `co_await
// scope.complete()` before destruction. detached_spawn() terminates if the
// sender fails.
#pragma once
#include <unifex/sender_concepts.hpp>
#include <unifex/v2/async_scope.hpp>

namespace unifex {
inline namespace v1 {
namespace _async_scope {
template <class Sender> struct _future : _mock::sender_base<_mock::value_of_t<Sender>> {};
template <class Sender> struct _attach_sender : _mock::sender_base<_mock::value_of_t<Sender>> {};
struct _cleanup_sender : _mock::sender_base<void> {};

struct async_scope {
  template <class Sender> _future<remove_cvref_t<Sender>> spawn(Sender &&sender) { return {}; }
  template <class Sender> void detached_spawn(Sender &&sender) {}
  template <class Sender>
  [[nodiscard]] _attach_sender<remove_cvref_t<Sender>> attach(Sender &&sender) noexcept {
    return {};
  }
  /// Ends the scope and completes once all spawned work is done.
  [[nodiscard]] _cleanup_sender complete() noexcept;
  /// Ends the scope, requests stop and completes once all work is done.
  [[nodiscard]] _cleanup_sender cleanup() noexcept;
  void request_stop() noexcept;
};
} // namespace _async_scope

using v1::_async_scope::async_scope;
} // namespace v1
} // namespace unifex
