// Mock <boost/cobalt.hpp> (Boost 1.87).
//
// What matters for coroguard, as in the real library:
// - task<T> is lazy, but its promise suspends initially through its own
//   awaitable (task_promise::initial_awaitable), not std::suspend_always;
// - promise<T> and generator<Y, P> are eager; a discarded promise is
//   cancelled on destruction, `+p` and `p.detach()` are the explicit
//   fire-and-forget forms;
// - detached is an eager coroutine type whose unhandled_exception rethrows;
// - with(arg, func, teardown) returns a lazy [[nodiscard]] coroutine; the
//   teardown receives the exception_ptr by reference;
// - channel::close() is synchronous.
//
// With the asio mock on the include path, cobalt::executor is
// boost::asio::any_io_executor as in the real library; alone, it is a
// stand-in class.
#pragma once
#include <coroutine>
#include <exception>
#include <utility>

#if __has_include(<boost/asio.hpp>)
#include <boost/asio.hpp>
namespace boost::cobalt {
using executor = boost::asio::any_io_executor;
} // namespace boost::cobalt
#else
namespace boost::cobalt {
class executor {
public:
  executor() noexcept;
  template <class Executor> executor(const Executor &) noexcept {}
};
} // namespace boost::cobalt
#endif

namespace boost::cobalt {

namespace detail {
template <class T> struct remove_cvref { using type = T; };
template <class T> struct remove_cvref<T &> { using type = T; };
template <class T> struct remove_cvref<T &&> { using type = T; };
template <class T> struct remove_cvref<const T> { using type = T; };
template <class T> struct remove_cvref<const T &> { using type = T; };
template <class T> using decay_t = typename remove_cvref<T>::type;

template <class A> decltype(auto) get_awaiter(A &&a) {
  if constexpr (requires { static_cast<A &&>(a).operator co_await(); })
    return static_cast<A &&>(a).operator co_await();
  else
    return static_cast<A &&>(a);
}
template <class A>
using await_result_t = decltype(detail::get_awaiter(std::declval<A>()).await_resume());
} // namespace detail

namespace this_coro {
struct executor_t {};
constexpr executor_t executor;
/// `co_await this_coro::initial` makes a generator lazy.
struct initial_t {};
constexpr initial_t initial;
} // namespace this_coro

namespace this_thread {
executor &get_executor();
} // namespace this_thread

namespace detail {
/// await_transform of every cobalt promise: awaitables pass through,
/// this_coro::executor yields the executor.
struct enable_awaitables {
  template <class Awaitable> Awaitable &&await_transform(Awaitable &&aw) noexcept {
    return static_cast<Awaitable &&>(aw);
  }
  auto await_transform(this_coro::executor_t) noexcept {
    struct result {
      bool await_ready() const noexcept { return true; }
      void await_suspend(std::coroutine_handle<>) noexcept {}
      cobalt::executor await_resume() const noexcept;
    };
    return result{};
  }
};

template <class T> struct receiver_awaitable {
  bool await_ready() const;
  template <class Promise>
  std::coroutine_handle<void> await_suspend(std::coroutine_handle<Promise> h);
  T await_resume();
};

template <class Return> struct task_promise;
template <class Return> struct cobalt_promise;
template <class Yield, class Push> struct generator_promise;
struct detached_promise;
struct thread_promise;
template <class T> struct with_impl;
} // namespace detail

// ---- task -------------------------------------------------------------------
template <class Return> struct [[nodiscard]] task {
  task(task &&lhs) noexcept;
  task &operator=(task &&) noexcept;
  ~task();
  // enable `co_await`
  detail::receiver_awaitable<Return> operator co_await();
  using promise_type = detail::task_promise<Return>;

private:
  template <class> friend struct detail::task_promise;
  task() noexcept;
};

namespace detail {
template <class Return> struct task_promise_result {
  void return_value(Return &&ret) {}
  void return_value(const Return &ret) {}
};
template <> struct task_promise_result<void> {
  void return_void() {}
};

template <class Return>
struct task_promise : enable_awaitables, task_promise_result<Return> {
  [[nodiscard]] task<Return> get_return_object() { return task<Return>{}; }

  struct initial_awaitable {
    task_promise *promise;
    bool await_ready() const noexcept { return false; }
    void await_suspend(std::coroutine_handle<>) {}
    void await_resume() { promise->started = true; }
  };
  auto initial_suspend() noexcept { return initial_awaitable{this}; }

  struct final_awaitable {
    task_promise *promise;
    bool await_ready() const noexcept { return false; }
    std::coroutine_handle<void> await_suspend(std::coroutine_handle<task_promise> h) noexcept;
    void await_resume() noexcept {}
  };
  auto final_suspend() noexcept { return final_awaitable{this}; }

  void unhandled_exception() { exception = std::current_exception(); }
  std::exception_ptr exception;
  bool started = false;
};
} // namespace detail

// ---- promise ----------------------------------------------------------------
template <class Return> struct [[nodiscard]] promise {
  promise(promise &&lhs) noexcept;
  promise &operator=(promise &&lhs) noexcept;
  ~promise();

  // enable `co_await`.
  detail::receiver_awaitable<Return> operator co_await();
  // Ignore the return value, i.e. detach it.
  void operator+() &&;
  // Cancel the promise.
  void cancel();
  bool ready() const;
  explicit operator bool() const;
  bool attached() const;
  void detach();
  void attach();
  Return get();

  using promise_type = detail::cobalt_promise<Return>;

private:
  template <class> friend struct detail::cobalt_promise;
  promise() noexcept;
};

namespace detail {
template <class Return> struct cobalt_promise : enable_awaitables, task_promise_result<Return> {
  promise<Return> get_return_object() { return promise<Return>{}; }
  std::suspend_never initial_suspend() noexcept { return {}; }
  std::suspend_always final_suspend() noexcept { return {}; }
  void unhandled_exception() { exception = std::current_exception(); }
  std::exception_ptr exception;
};
} // namespace detail

// ---- generator ----------------------------------------------------------------
template <class Yield, class Push = void> struct [[nodiscard]] generator {
  generator(generator &&lhs) noexcept;
  generator &operator=(generator &&) noexcept;
  ~generator();

  explicit operator bool() const;
  void cancel();
  bool ready() const;
  Yield get();
  // Resume the generator, passing `push` in.
  template <class P = Push>
    requires(!__is_same(P, void))
  detail::receiver_awaitable<Yield> operator()(P &&push) {
    return detail::receiver_awaitable<Yield>{};
  }
  detail::receiver_awaitable<Yield> operator co_await();

  using promise_type = detail::generator_promise<Yield, Push>;

private:
  template <class, class> friend struct detail::generator_promise;
  generator() noexcept;
};

namespace detail {
template <class Yield, class Push> struct generator_promise : enable_awaitables {
  generator<Yield, Push> get_return_object() { return generator<Yield, Push>{}; }
  // Eager: runs until its first co_yield unless it awaits this_coro::initial.
  std::suspend_never initial_suspend() noexcept { return {}; }
  std::suspend_always final_suspend() noexcept { return {}; }
  std::suspend_always yield_value(Yield value) { return {}; }
  void return_value(Yield value) {}
  void unhandled_exception() { exception = std::current_exception(); }
  using enable_awaitables::await_transform;
  std::suspend_always await_transform(this_coro::initial_t) noexcept { return {}; }
  std::exception_ptr exception;
};
} // namespace detail

// ---- detached ---------------------------------------------------------------
/// A coroutine similar to promise, without a handle.
struct detached {
  using promise_type = detail::detached_promise;
};

namespace detail {
struct detached_promise : enable_awaitables {
  [[nodiscard]] detached get_return_object() { return {}; }
  std::suspend_never initial_suspend() noexcept { return {}; }
  std::suspend_never final_suspend() noexcept { return {}; }
  void return_void() {}
  void unhandled_exception() { throw; }
};
} // namespace detail

// ---- thread -------------------------------------------------------------------
/// A coroutine that runs its own event loop on a new std::thread.
struct thread {
  void cancel();
  bool joinable() const;
  void join();
  void detach();
  detail::receiver_awaitable<void> operator co_await() &&;
  executor get_executor();
  using promise_type = detail::thread_promise;

  thread(thread &&) noexcept;
  ~thread();

private:
  friend struct detail::thread_promise;
  thread() noexcept;
};

namespace detail {
struct thread_promise : enable_awaitables {
  thread get_return_object() { return thread{}; }
  std::suspend_never initial_suspend() noexcept { return {}; }
  std::suspend_always final_suspend() noexcept { return {}; }
  void return_void() {}
  void unhandled_exception() { throw; }
};
} // namespace detail

// ---- with -------------------------------------------------------------------
namespace detail {
template <class T> struct [[nodiscard]] with_impl {
  struct promise_type;

  bool await_ready() const { return false; }
  template <class Promise>
  std::coroutine_handle<promise_type> await_suspend(std::coroutine_handle<Promise> h);
  T await_resume();

private:
  with_impl(promise_type &promise) : promise(promise) {}
  promise_type &promise;
};

template <class T> struct with_promise_value {
  template <class U> void return_value(U &&value) {}
};
template <> struct with_promise_value<void> {
  void return_void() {}
};

template <class T>
struct with_impl<T>::promise_type : with_promise_value<T>, enable_awaitables {
  with_impl get_return_object() { return with_impl{*this}; }
  std::exception_ptr e;
  void unhandled_exception() { e = std::current_exception(); }
  std::suspend_always initial_suspend() noexcept { return {}; }
  std::suspend_always final_suspend() noexcept { return {}; }
};
} // namespace detail

/// Runs `func(arg)`, then `teardown(std::move(arg), e)` with the exception
/// (if any) by reference, then rethrows it. The result must be co_awaited.
template <class Arg, class Func, class Teardown>
auto with(Arg arg, Func func, Teardown teardown)
    -> detail::with_impl<detail::await_result_t<decltype(func(arg))>> {
  std::exception_ptr e;
  if constexpr (__is_same(detail::await_result_t<decltype(func(arg))>, void)) {
    try {
      co_await func(arg);
    } catch (...) {
      e = std::current_exception();
    }
    co_await teardown(std::move(arg), e);
    if (e)
      std::rethrow_exception(e);
  } else {
    try {
      auto result = co_await func(arg);
      co_await teardown(std::move(arg), e);
      co_return result;
    } catch (...) {
      e = std::current_exception();
    }
    co_await teardown(std::move(arg), e);
    std::rethrow_exception(e);
  }
}

// ---- run, spawn ---------------------------------------------------------------
/// Runs the task on a new event loop, blocking the calling thread; only
/// meant for main() or a plain thread.
template <class T> T run(task<T> t);

/// Completion token that makes spawn() awaitable.
struct use_op_t {};
constexpr use_op_t use_op{};

namespace detail {
template <class CompletionToken, class T> struct spawn_result { using type = void; };
template <class T> struct spawn_result<use_op_t, T> { using type = receiver_awaitable<T>; };
template <class CompletionToken, class T>
using spawn_result_t = typename spawn_result<decay_t<CompletionToken>, T>::type;
} // namespace detail

template <class Context, class T, class CompletionToken>
  requires requires(Context &c) { c.get_executor(); }
auto spawn(Context &context, task<T> &&t, CompletionToken &&token)
    -> detail::spawn_result_t<CompletionToken, T> {
  return detail::spawn_result_t<CompletionToken, T>();
}
template <class Executor, class T, class CompletionToken>
  requires(!requires(Executor &c) { c.get_executor(); })
auto spawn(Executor executor, task<T> &&t, CompletionToken &&token)
    -> detail::spawn_result_t<CompletionToken, T> {
  return detail::spawn_result_t<CompletionToken, T>();
}

// ---- channel ------------------------------------------------------------------
template <class T> struct channel {
  explicit channel(std::size_t limit = 0, executor executor = this_thread::get_executor());
  ~channel();
  bool is_open() const;
  /// Synchronous: closes the channel and cancels pending operations.
  void close();
  [[nodiscard]] detail::receiver_awaitable<T> read();
  [[nodiscard]] detail::receiver_awaitable<void> write(const T &value);
  [[nodiscard]] detail::receiver_awaitable<void> write(T &&value);
};

} // namespace boost::cobalt
