// Mock <unifex/sync_wait.hpp>: sync_wait is a function object that blocks
// the calling thread until the sender completes.
#pragma once
#include <unifex/sender_concepts.hpp>

namespace unifex {
namespace _sync_wait {
/// Stands in for std::optional<T> (no mock <optional>).
template <class T> struct _result {
  explicit operator bool() const noexcept;
  bool has_value() const noexcept;
  T &value() &;
  T &operator*() &;
};
template <> struct _result<void> {
  explicit operator bool() const noexcept;
  bool has_value() const noexcept;
};
} // namespace _sync_wait

namespace _sync_wait_cpo {
struct _fn {
  template <class Sender>
  _sync_wait::_result<_mock::value_of_t<Sender>> operator()(Sender &&sender) const {
    return {};
  }
};
} // namespace _sync_wait_cpo
inline constexpr _sync_wait_cpo::_fn sync_wait{};
} // namespace unifex
