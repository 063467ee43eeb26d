// Mock <seastar/core/shared_mutex.hh>: an async reader/writer mutex; lock()
// returns a future and never blocks the thread, so a std::unique_lock or
// std::shared_lock over it is not a blocking lock.
#pragma once
#include <seastar/core/future.hh>

namespace seastar {
class shared_mutex {
public:
  shared_mutex();
  shared_mutex(shared_mutex &&) = default;
  future<> lock_shared() noexcept;
  bool try_lock_shared() noexcept;
  void unlock_shared() noexcept;
  future<> lock() noexcept;
  bool try_lock() noexcept;
  void unlock() noexcept;
};

template <class Func>
auto with_shared(shared_mutex &sm, Func &&func) noexcept
    -> futurize_t<internal::invoke_result_t<Func>> {
  return {internal::future_tag{}};
}
template <class Func>
auto with_lock(shared_mutex &sm, Func &&func) noexcept
    -> futurize_t<internal::invoke_result_t<Func>> {
  return {internal::future_tag{}};
}
} // namespace seastar
