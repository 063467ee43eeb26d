// Mock <seastar/core/thread.hh>: a seastar::thread runs a function on its own
// stack, where future::get() is allowed; seastar::async(func) runs func in
// one and returns a future of its result.
#pragma once
#include <seastar/core/future.hh>

namespace seastar {
class thread_attributes {
public:
  thread_attributes() = default;
};

class thread {
public:
  thread() = default;
  template <class Func> thread(Func func) {}
  template <class Func> thread(thread_attributes attr, Func func) {}
  thread(thread &&x) noexcept;
  thread &operator=(thread &&x) noexcept;
  ~thread();
  future<> join();
  static void yield();
  static bool should_yield();
};

template <class Func, class... Args>
auto async(thread_attributes attr, Func &&func, Args &&...args) noexcept
    -> futurize_t<internal::invoke_result_t<Func, Args...>> {
  return {internal::future_tag{}};
}
template <class Func, class... Args>
auto async(Func &&func, Args &&...args) noexcept
    -> futurize_t<internal::invoke_result_t<Func, Args...>> {
  return {internal::future_tag{}};
}
} // namespace seastar
