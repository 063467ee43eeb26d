// Mock <cppcoro/io_service.hpp>: process_events()/process_one_event() run
// the event loop and block the calling thread; schedule() is awaitable.
#pragma once
#include <chrono>
#include <coroutine>

namespace cppcoro {
class io_service {
public:
  class schedule_operation {
  public:
    bool await_ready() const noexcept { return false; }
    void await_suspend(std::coroutine_handle<> awaiter) noexcept;
    void await_resume() const noexcept {}
  };
  class timed_schedule_operation {
  public:
    bool await_ready() const noexcept;
    void await_suspend(std::coroutine_handle<> awaiter);
    void await_resume();
  };

  io_service();
  explicit io_service(unsigned concurrencyHint);
  ~io_service();

  [[nodiscard]] schedule_operation schedule() noexcept;
  template <class REP, class RATIO>
  [[nodiscard]] timed_schedule_operation schedule_after(const std::chrono::duration<REP, RATIO> &delay);

  /// Blocks, processing events until stop() is called.
  unsigned long long process_events();
  /// Does not block: processes the events that are ready.
  unsigned long long process_pending_events();
  /// Blocks until one event has been processed.
  unsigned long long process_one_event();
  unsigned long long process_one_pending_event();
  void stop() noexcept;
  void reset();
  bool is_stop_requested() const noexcept;
};
} // namespace cppcoro
