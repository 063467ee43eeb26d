// Mock <coro/io_scheduler.hpp> (libcoro before the rename to
// coro::scheduler): shutdown() is synchronous and joins the threads.
#pragma once
#include <chrono>
#include <coro/task.hpp>
#include <coro/thread_pool.hpp>
#include <coroutine>
#include <memory>

namespace coro {
class io_scheduler {
public:
  struct options {
    thread_pool::options pool;
  };

  class schedule_operation {
  public:
    bool await_ready() noexcept { return false; }
    void await_suspend(std::coroutine_handle<> awaiting_coroutine) noexcept;
    void await_resume() noexcept {}
  };

  explicit io_scheduler(options opts = options{});
  static auto make_shared(options opts = options{}) -> std::shared_ptr<io_scheduler>;
  io_scheduler(const io_scheduler &) = delete;
  virtual ~io_scheduler();

  auto process_events(std::chrono::milliseconds timeout = std::chrono::milliseconds{0}) -> std::size_t;
  [[nodiscard]] auto schedule() -> schedule_operation;
  template <class return_type>
  [[nodiscard]] auto schedule(coro::task<return_type> task) -> coro::task<return_type> {
    co_await schedule();
    co_return co_await task;
  }
  template <class rep_type, class period_type>
  [[nodiscard]] auto schedule_after(std::chrono::duration<rep_type, period_type> amount)
      -> coro::task<void>;
  template <class rep_type, class period_type>
  [[nodiscard]] auto yield_for(std::chrono::duration<rep_type, period_type> amount)
      -> coro::task<void>;
  [[nodiscard]] auto yield() -> schedule_operation;
  auto spawn_detached(coro::task<void> &&task) -> bool;
  auto spawn_joinable(coro::task<void> &&task) -> coro::task<void>;
  auto resume(std::coroutine_handle<> handle) -> bool;
  auto size() const noexcept -> std::size_t;
  auto empty() const noexcept -> bool;
  /// Stops the event loop and joins its threads (blocking).
  auto shutdown() noexcept -> void;
};
} // namespace coro
