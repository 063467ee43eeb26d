// Mock <unifex/v2/async_scope.hpp>: must be joined with `co_await
// scope.join()` before destruction.
#pragma once
#include <unifex/sender_concepts.hpp>

namespace unifex::v2 {
namespace _async_scope {
struct _join_sender : _mock::sender_base<void> {};
template <class Sender> struct _nest_sender : _mock::sender_base<_mock::value_of_t<Sender>> {};

struct async_scope {
  async_scope() noexcept = default;
  async_scope(async_scope &&) = delete;
  ~async_scope();

  /// Completes once the scope is ended and every nested operation is done.
  [[nodiscard]] _join_sender join() noexcept;
  bool joined() const noexcept;
  bool join_started() const noexcept;
  std::size_t use_count() const noexcept;
  void end_scope() noexcept;
  template <class Sender> [[nodiscard]] _nest_sender<remove_cvref_t<Sender>> nest(Sender &&sender) {
    return {};
  }
};
} // namespace _async_scope

using _async_scope::async_scope;
} // namespace unifex::v2
