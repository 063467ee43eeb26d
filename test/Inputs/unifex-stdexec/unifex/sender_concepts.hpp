// Mock <unifex/sender_concepts.hpp>: just enough of a sender for the mock
// algorithms (a sender completes with one value, or none).
#pragma once
#include <coroutine>
#include <utility>

namespace unifex {
template <class T> struct remove_cvref { using type = T; };
template <class T> struct remove_cvref<T &> { using type = T; };
template <class T> struct remove_cvref<T &&> { using type = T; };
template <class T> struct remove_cvref<const T> { using type = T; };
template <class T> struct remove_cvref<const T &> { using type = T; };
template <class T> using remove_cvref_t = typename remove_cvref<T>::type;

namespace _mock {
template <class T> struct sender_base {
  static constexpr bool sends_done = true;
  using _value_t = T;
};
template <class S> using value_of_t = typename remove_cvref_t<S>::_value_t;
/// What a sender becomes when a unifex::task co_awaits it.
template <class T> struct sender_awaiter {
  bool await_ready() const noexcept { return false; }
  void await_suspend(std::coroutine_handle<>) noexcept {}
  T await_resume();
};
} // namespace _mock

template <class S>
concept sender = requires { remove_cvref_t<S>::sends_done; };
} // namespace unifex
