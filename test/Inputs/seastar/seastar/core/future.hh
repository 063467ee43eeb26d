// Mock <seastar/core/future.hh>.
//
// future<T> is EAGER: the work starts when the future is created; discarding
// it does not lose the work, but loses its exception. get()/wait() block and
// are only valid inside a seastar::thread; a coroutine co_awaits the future
// (operator co_await in <seastar/core/coroutine.hh>).
#pragma once
#include <exception>
#include <utility>

namespace seastar {
template <class T = void> class future;
template <class T = void> class promise;

template <class T> struct futurize { using type = future<T>; };
template <class T> struct futurize<future<T>> { using type = future<T>; };
template <class T> using futurize_t = typename futurize<T>::type;

namespace internal {
struct future_tag {};
template <class Func, class... Args>
using invoke_result_t = decltype(std::declval<Func>()(std::declval<Args>()...));
template <class T> struct future_value { using type = T &&; };
template <> struct future_value<void> { using type = void; };
template <class T, class Func> struct then_result {
  using type = futurize_t<invoke_result_t<Func, T>>;
};
template <class Func> struct then_result<void, Func> {
  using type = futurize_t<invoke_result_t<Func>>;
};
} // namespace internal

template <class T> class [[nodiscard]] future {
public:
  using value_type = T;

  future(future &&x) noexcept;
  future(const future &) = delete;
  future &operator=(future &&x) noexcept;
  ~future();

  bool available() const noexcept;
  bool failed() const noexcept;
  /// Waits for the value; only valid inside a seastar::thread.
  typename internal::future_value<T>::type get();
  /// Waits for the future; only valid inside a seastar::thread.
  void wait() noexcept;
  std::exception_ptr get_exception() noexcept;
  void ignore_ready_future() noexcept;
  future<> discard_result() noexcept;
  void forward_to(promise<T> &&pr) noexcept;

  template <class Func>
  auto then(Func &&func) noexcept -> typename internal::then_result<T, Func>::type {
    return {internal::future_tag{}};
  }
  template <class Func> future<T> finally(Func &&func) noexcept { return {internal::future_tag{}}; }
  template <class Func> future<T> handle_exception(Func &&func) noexcept {
    return {internal::future_tag{}};
  }
  /// The continuation receives this future, resolved.
  template <class Func>
  futurize_t<internal::invoke_result_t<Func, future<T>>> then_wrapped(Func &&func) noexcept {
    return {internal::future_tag{}};
  }

  future(internal::future_tag) noexcept {}

private:
  template <class> friend class future;
  template <class> friend class promise;
};

template <class T> class promise {
public:
  promise() noexcept;
  promise(promise &&x) noexcept;
  ~promise();
  future<T> get_future() noexcept;
  template <class... A> void set_value(A &&...a) noexcept {}
  void set_exception(std::exception_ptr &&ex) noexcept;
};

template <class T = void, class... A> future<T> make_ready_future(A &&...value) noexcept {
  return {internal::future_tag{}};
}
template <class T = void> future<T> make_exception_future(std::exception_ptr &&value) noexcept;
template <class T = void, class Exception> future<T> make_exception_future(Exception &&ex) noexcept {
  return {internal::future_tag{}};
}

template <class Func, class... Args>
auto futurize_invoke(Func &&func, Args &&...args) noexcept
    -> futurize_t<internal::invoke_result_t<Func, Args...>> {
  return {internal::future_tag{}};
}
} // namespace seastar
