// Mock <cppcoro/static_thread_pool.hpp>.
#pragma once
#include <coroutine>

namespace cppcoro {
class static_thread_pool {
public:
  class schedule_operation {
  public:
    bool await_ready() noexcept { return false; }
    void await_suspend(std::coroutine_handle<> awaitingCoroutine) noexcept;
    void await_resume() noexcept {}
  };
  static_thread_pool();
  explicit static_thread_pool(unsigned threadCount);
  ~static_thread_pool();
  [[nodiscard]] schedule_operation schedule() noexcept;
};
} // namespace cppcoro
