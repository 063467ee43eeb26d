// Mock <cppcoro/generator.hpp>: a lazy synchronous generator.
#pragma once
#include <coroutine>
#include <exception>

namespace cppcoro {
template <class T> class generator;

namespace detail {
template <class T> class generator_promise {
public:
  generator<T> get_return_object() noexcept;
  constexpr std::suspend_always initial_suspend() const noexcept { return {}; }
  constexpr std::suspend_always final_suspend() const noexcept { return {}; }
  std::suspend_always yield_value(const T &value) noexcept { return {}; }
  std::suspend_always yield_value(T &&value) noexcept { return {}; }
  void unhandled_exception() { m_exception = std::current_exception(); }
  void return_void() {}
  // Don't allow any use of 'co_await' inside the generator coroutine.
  template <class U> std::suspend_never await_transform(U &&value) = delete;

private:
  std::exception_ptr m_exception;
};
} // namespace detail

template <class T> class [[nodiscard]] generator {
public:
  using promise_type = detail::generator_promise<T>;
  class iterator {
  public:
    iterator &operator++();
    T &operator*() const noexcept;
    bool operator==(const iterator &) const noexcept;
  };

  generator() noexcept;
  explicit generator(std::coroutine_handle<promise_type> coroutine) noexcept;
  generator(generator &&other) noexcept;
  generator(const generator &other) = delete;
  ~generator();
  iterator begin();
  iterator end() noexcept;
};

namespace detail {
template <class T> generator<T> generator_promise<T>::get_return_object() noexcept {
  return generator<T>{std::coroutine_handle<generator_promise<T>>::from_promise(*this)};
}
} // namespace detail
} // namespace cppcoro
