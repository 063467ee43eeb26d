// Mock <concurrencpp/concurrencpp.h> (concurrencpp 0.1.7).
//
// result<T> coroutines are EAGER (they start at once); lazy_result<T> ones are
// lazy. null_result is the fire-and-forget coroutine type: its promise
// swallows exceptions, and executor::post() runs the callable through one.
// result::get()/wait()/wait_for() block the calling thread; a coroutine
// co_awaits the result instead.
#pragma once
#include <chrono>
#include <coroutine>
#include <exception>
#include <functional>
#include <memory>
#include <string>
#include <utility>

namespace concurrencpp {
enum class result_status { idle, value, exception };

template <class type> class result;
template <class type> class lazy_result;
template <class type> class shared_result;
class null_result {};

namespace details {
template <class A>
using invoke_result_t = decltype(std::declval<A>()());
template <class F, class... Args>
using invoke_result_args_t = decltype(std::declval<F>()(std::declval<Args>()...));

template <class type> struct return_value_struct {
  template <class return_type> void return_value(return_type &&value) {}
};
template <> struct return_value_struct<void> {
  void return_void() noexcept {}
};

template <class type> struct awaitable {
  bool await_ready() const noexcept;
  void await_suspend(std::coroutine_handle<> caller_handle);
  type await_resume();
};

template <class type> struct result_promise : return_value_struct<type> {
  result<type> get_return_object() noexcept;
  std::suspend_never initial_suspend() const noexcept { return {}; }
  std::suspend_always final_suspend() const noexcept { return {}; }
  void unhandled_exception() noexcept;
};

template <class type> struct lazy_promise : return_value_struct<type> {
  lazy_result<type> get_return_object() noexcept;
  std::suspend_always initial_suspend() const noexcept { return {}; }
  std::suspend_always final_suspend() const noexcept { return {}; }
  void unhandled_exception() noexcept;
};

struct null_result_promise {
  null_result get_return_object() const noexcept { return {}; }
  std::suspend_never initial_suspend() const noexcept { return {}; }
  std::suspend_never final_suspend() const noexcept { return {}; }
  void unhandled_exception() const noexcept {}
  void return_void() const noexcept {}
};
} // namespace details

template <class type> class result {
public:
  result() noexcept = default;
  result(result &&rhs) noexcept = default;
  result(const result &) = delete;
  ~result();
  result &operator=(result &&rhs) noexcept;
  explicit operator bool() const noexcept;

  result_status status() const;
  /// Blocks until the result is ready.
  void wait();
  template <class duration_unit, class ratio>
  result_status wait_for(std::chrono::duration<duration_unit, ratio> duration);
  template <class clock, class duration>
  result_status wait_until(std::chrono::time_point<clock, duration> timeout_time);
  /// Blocks until the result is ready, then returns it (or throws).
  type get();
  /// co_await gives the value (or throws).
  details::awaitable<type> operator co_await();
  /// co_await gives the result itself, without throwing.
  details::awaitable<result> resolve();
};

template <class type> class [[nodiscard]] lazy_result {
public:
  lazy_result() noexcept = default;
  lazy_result(lazy_result &&rhs) noexcept;
  ~lazy_result();
  explicit operator bool() const noexcept;
  result_status status() const;
  details::awaitable<type> operator co_await();
  details::awaitable<lazy_result> resolve();
  /// Starts the lazy coroutine and returns an eager result.
  result<type> run();
};

template <class type> class shared_result {
public:
  shared_result() noexcept = default;
  shared_result(result<type> rhs);
  shared_result(const shared_result &rhs) noexcept = default;
  ~shared_result();
  explicit operator bool() const noexcept;
  result_status status() const;
  void wait();
  template <class duration_type, class ratio_type>
  result_status wait_for(std::chrono::duration<duration_type, ratio_type> duration);
  template <class clock_type, class duration_type>
  result_status wait_until(const std::chrono::time_point<clock_type, duration_type> &timeout_time);
  const type &get();
  details::awaitable<const type &> operator co_await();
  details::awaitable<shared_result> resolve();
};

template <class type> class result_promise {
public:
  result_promise();
  result_promise(result_promise &&) noexcept;
  ~result_promise();
  template <class... argument_types> void set_result(argument_types &&...arguments) {}
  void set_exception(std::exception_ptr exception_ptr);
  result<type> get_result();
};

template <class type, class... argument_types>
result<type> make_ready_result(argument_types &&...arguments);
template <class type> result<type> make_exceptional_result(std::exception_ptr exception_ptr);

// ---- executors ----------------------------------------------------------------
class executor {
public:
  explicit executor(std::string name);
  virtual ~executor() noexcept = default;
  virtual int max_concurrency_level() const noexcept = 0;
  virtual bool shutdown_requested() const = 0;
  virtual void shutdown() = 0;

  /// Runs the callable through a null_result coroutine: exceptions it throws
  /// are swallowed.
  template <class callable_type, class... argument_types>
  void post(callable_type &&callable, argument_types &&...arguments) {}
  template <class callable_type, class... argument_types>
  auto submit(callable_type &&callable, argument_types &&...arguments)
      -> result<details::invoke_result_args_t<callable_type, argument_types...>> {
    return {};
  }
};

template <class concrete_executor_type> class derivable_executor : public executor {
public:
  derivable_executor(std::string name) : executor(name) {}
  template <class callable_type, class... argument_types>
  void post(callable_type &&callable, argument_types &&...arguments) {}
  template <class callable_type, class... argument_types>
  auto submit(callable_type &&callable, argument_types &&...arguments)
      -> result<details::invoke_result_args_t<callable_type, argument_types...>> {
    return {};
  }
};

class thread_pool_executor final : public derivable_executor<thread_pool_executor> {
public:
  thread_pool_executor(std::string pool_name, std::size_t pool_size,
                       std::chrono::milliseconds max_idle_time);
  int max_concurrency_level() const noexcept override;
  bool shutdown_requested() const override;
  void shutdown() override;
};

class thread_executor final : public derivable_executor<thread_executor> {
public:
  thread_executor();
  int max_concurrency_level() const noexcept override;
  bool shutdown_requested() const override;
  void shutdown() override;
};

class inline_executor final : public executor {
public:
  inline_executor() noexcept;
  int max_concurrency_level() const noexcept override;
  bool shutdown_requested() const override;
  void shutdown() override;
};

class worker_thread_executor final : public derivable_executor<worker_thread_executor> {
public:
  worker_thread_executor();
  int max_concurrency_level() const noexcept override;
  bool shutdown_requested() const override;
  void shutdown() override;
};

struct runtime_options {
  std::size_t max_cpu_threads = 8;
};

class runtime {
public:
  runtime();
  runtime(const runtime_options &options);
  ~runtime() noexcept;
  std::shared_ptr<concurrencpp::inline_executor> inline_executor() const noexcept;
  std::shared_ptr<concurrencpp::thread_pool_executor> thread_pool_executor() const noexcept;
  std::shared_ptr<concurrencpp::thread_pool_executor> background_executor() const noexcept;
  std::shared_ptr<concurrencpp::thread_executor> thread_executor() const noexcept;
  std::shared_ptr<concurrencpp::worker_thread_executor> make_worker_thread_executor();
};

// ---- async_lock ---------------------------------------------------------------
class async_lock;

class scoped_async_lock {
public:
  scoped_async_lock() noexcept = default;
  scoped_async_lock(scoped_async_lock &&rhs) noexcept;
  ~scoped_async_lock() noexcept;
  template <class executor_type>
  lazy_result<void> lock(std::shared_ptr<executor_type> resume_executor);
  lazy_result<bool> try_lock();
  void unlock();
  bool owns_lock() const noexcept;
  explicit operator bool() const noexcept;
};

/// An async mutex: lock() yields a scoped_async_lock and never blocks the
/// thread.
class async_lock {
public:
  async_lock() noexcept;
  ~async_lock() noexcept;
  // Real concurrencpp takes std::shared_ptr<executor>; the mock shared_ptr
  // has no derived-to-base conversion.
  template <class executor_type>
  lazy_result<scoped_async_lock> lock(std::shared_ptr<executor_type> resume_executor);
  lazy_result<bool> try_lock();
  void unlock();
};
} // namespace concurrencpp

namespace std {
template <class type, class... arguments>
struct coroutine_traits<::concurrencpp::result<type>, arguments...> {
  using promise_type = concurrencpp::details::result_promise<type>;
};
template <class type, class... arguments>
struct coroutine_traits<::concurrencpp::lazy_result<type>, arguments...> {
  using promise_type = concurrencpp::details::lazy_promise<type>;
};
template <class... arguments> struct coroutine_traits<::concurrencpp::null_result, arguments...> {
  using promise_type = concurrencpp::details::null_result_promise;
};
} // namespace std
