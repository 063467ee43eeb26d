// Mock <cppcoro/async_generator.hpp>: a lazy asynchronous generator
// (`for co_await` in the TS; `co_await gen.begin()` / `co_await ++it`).
#pragma once
#include <coroutine>
#include <exception>

namespace cppcoro {
template <class T> class async_generator;

namespace detail {
template <class T> class async_generator_promise {
public:
  async_generator<T> get_return_object() noexcept;
  std::suspend_always initial_suspend() const noexcept { return {}; }
  std::suspend_always final_suspend() noexcept { return {}; }
  std::suspend_always yield_value(T &value) noexcept { return {}; }
  std::suspend_always yield_value(T &&value) noexcept { return {}; }
  void unhandled_exception() noexcept { m_exception = std::current_exception(); }
  void return_void() noexcept {}

private:
  std::exception_ptr m_exception;
};

template <class T> class async_generator_iterator;

template <class T> class async_generator_advance_operation {
public:
  bool await_ready() const noexcept { return false; }
  std::coroutine_handle<> await_suspend(std::coroutine_handle<> consumerCoroutine) noexcept;
  async_generator_iterator<T> await_resume();
};

template <class T> class async_generator_iterator final {
public:
  async_generator_advance_operation<T> operator++() noexcept;
  T &operator*() const noexcept;
  bool operator==(const async_generator_iterator &other) const noexcept;
};
} // namespace detail

template <class T> class [[nodiscard]] async_generator {
public:
  using promise_type = detail::async_generator_promise<T>;
  using iterator = detail::async_generator_iterator<T>;

  async_generator() noexcept;
  explicit async_generator(promise_type &promise) noexcept;
  async_generator(async_generator &&other) noexcept;
  async_generator(const async_generator &other) = delete;
  ~async_generator();
  detail::async_generator_advance_operation<T> begin() noexcept;
  iterator end() noexcept;
};

namespace detail {
template <class T> async_generator<T> async_generator_promise<T>::get_return_object() noexcept {
  return async_generator<T>{*this};
}
} // namespace detail
} // namespace cppcoro
