// Mock <unifex/just.hpp>.
#pragma once
#include <unifex/sender_concepts.hpp>

namespace unifex {
namespace _just {
template <class T> struct _sender : _mock::sender_base<T> {};
struct _fn {
  _sender<void> operator()() const noexcept { return {}; }
  template <class T> _sender<remove_cvref_t<T>> operator()(T &&value) const noexcept { return {}; }
};
} // namespace _just
inline constexpr _just::_fn just{};
} // namespace unifex
