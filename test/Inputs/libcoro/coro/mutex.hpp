// Mock <coro/mutex.hpp> (libcoro v0.17): an async mutex that never blocks
// the thread. `co_await m.lock()` yields nothing (unlock() manually);
// `co_await m.scoped_lock()` yields a coro::scoped_lock.
#pragma once
#include <coroutine>
#include <utility>

namespace coro {
class mutex;
class scoped_lock;

namespace detail {
struct lock_operation_base {
  explicit lock_operation_base(coro::mutex &m) : m_mutex(m) {}
  lock_operation_base(const lock_operation_base &) = delete;
  lock_operation_base(lock_operation_base &&) = delete;
  auto await_ready() const noexcept -> bool;
  auto await_suspend(std::coroutine_handle<> awaiting_coroutine) noexcept -> bool;

protected:
  coro::mutex &m_mutex;
};

template <class return_type> struct lock_operation : public lock_operation_base {
  explicit lock_operation(coro::mutex &m) : lock_operation_base(m) {}
  auto await_resume() noexcept -> return_type;
};
} // namespace detail

/// A scoped RAII lock holder similar to std::unique_lock.
class scoped_lock {
public:
  enum class lock_strategy { adopt };
  explicit scoped_lock(class coro::mutex &m, lock_strategy strategy = lock_strategy::adopt) : m_mutex(&m) {}
  ~scoped_lock();
  scoped_lock(const scoped_lock &) = delete;
  scoped_lock(scoped_lock &&other) noexcept : m_mutex(other.m_mutex) {}
  auto unlock() -> void;

private:
  class coro::mutex *m_mutex{nullptr};
};

class mutex {
public:
  explicit mutex() noexcept;
  ~mutex() = default;
  mutex(const mutex &) = delete;
  mutex(mutex &&) = delete;

  [[nodiscard]] auto scoped_lock() -> detail::lock_operation<coro::scoped_lock> {
    return detail::lock_operation<coro::scoped_lock>{*this};
  }
  [[nodiscard]] auto lock() -> detail::lock_operation<void> { return detail::lock_operation<void>{*this}; }
  [[nodiscard]] auto try_lock() -> bool;
  auto unlock() -> void;
};
} // namespace coro
