// Mock <exec/static_thread_pool.hpp>.
#pragma once
#include <stdexec/execution.hpp>

namespace experimental::execution {
class static_thread_pool {
public:
  struct __schedule_sender : stdexec::__sender_base<void> {};
  class scheduler {
  public:
    __schedule_sender schedule() const noexcept;
  };
  static_thread_pool();
  explicit static_thread_pool(unsigned threadCount);
  ~static_thread_pool();
  scheduler get_scheduler() noexcept;
  void request_stop() noexcept;
};
} // namespace experimental::execution

namespace exec = experimental::execution;
