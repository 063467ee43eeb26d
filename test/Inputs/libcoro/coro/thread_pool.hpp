// Mock <coro/thread_pool.hpp>: shutdown() is synchronous and joins the
// worker threads.
#pragma once
#include <coro/task.hpp>
#include <coroutine>
#include <functional>
#include <memory>

namespace coro {
class thread_pool {
public:
  // No default member initializers: options{} is used as a default argument
  // inside the class (real libcoro spells the defaults out in make_unique).
  struct options {
    unsigned thread_count;
    std::function<void(std::size_t)> on_thread_start_functor;
    std::function<void(std::size_t)> on_thread_stop_functor;
  };

  class operation {
  public:
    bool await_ready() noexcept { return false; }
    void await_suspend(std::coroutine_handle<> awaiting_coroutine) noexcept;
    void await_resume() noexcept {}
  };

  explicit thread_pool(options opts = options{});
  static auto make_unique(options opts = options{}) -> std::unique_ptr<thread_pool>;
  thread_pool(const thread_pool &) = delete;
  ~thread_pool();

  [[nodiscard]] auto schedule() -> operation;
  template <class return_type>
  [[nodiscard]] auto schedule(coro::task<return_type> task) -> coro::task<return_type> {
    co_await schedule();
    co_return co_await task;
  }
  auto spawn_detached(coro::task<void> &&task) noexcept -> bool;
  // Its name in libcoro before 0.12.
  auto spawn(coro::task<void> &&task) noexcept -> bool;
  [[nodiscard]] auto yield() -> operation;
  auto resume(std::coroutine_handle<> handle) noexcept -> bool;
  /// Stops accepting work and joins every worker thread (blocking).
  auto shutdown() noexcept -> void;
  auto size() const noexcept -> std::size_t;
};
} // namespace coro
