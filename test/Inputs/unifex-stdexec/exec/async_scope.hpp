// Mock <exec/async_scope.hpp> (stdexec main, 2026): an async_scope with work
// spawned in it must be drained with `co_await scope.on_empty()` before
// destruction. on_empty() and nest() are [[nodiscard]] senders.
#pragma once
#include <stdexec/execution.hpp>

namespace experimental::execution {
namespace __scope {
struct __when_empty_sender : stdexec::__sender_base<void> {};
template <class _Sender> struct __nest_sender : stdexec::__sender_base<stdexec::__value_of_t<_Sender>> {};
template <class _Sender> struct __future : stdexec::__sender_base<stdexec::__value_of_t<_Sender>> {};

struct async_scope {
  async_scope() noexcept;
  async_scope(async_scope &&) = delete;
  ~async_scope();

  /// Completes when the scope has no outstanding work.
  [[nodiscard]] __when_empty_sender on_empty() const noexcept;
  template <class _Constrained> [[nodiscard]] auto when_empty(_Constrained &&__c) const {
    return __nest_sender<stdexec::__decay_t<_Constrained>>{};
  }
  template <class _Constrained>
  [[nodiscard]] __nest_sender<stdexec::__decay_t<_Constrained>> nest(_Constrained &&__c) {
    return {};
  }
  /// Starts the sender; terminates if it completes with an error.
  template <class _Sender> void spawn(_Sender &&__sndr) {}
  template <class _Sender> __future<stdexec::__decay_t<_Sender>> spawn_future(_Sender &&__sndr) {
    return {};
  }
  bool request_stop() noexcept;
};
} // namespace __scope

using __scope::async_scope;
} // namespace experimental::execution

namespace exec = experimental::execution;
