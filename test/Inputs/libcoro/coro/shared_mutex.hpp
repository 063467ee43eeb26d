// Mock <coro/shared_mutex.hpp>: an async shared mutex over an executor;
// lock()/lock_shared() yield a shared_scoped_lock and never block the thread.
#pragma once
#include <coroutine>
#include <memory>

namespace coro {
template <class executor_type> class shared_mutex;

template <class executor_type> class shared_scoped_lock {
public:
  shared_scoped_lock(shared_mutex<executor_type> &sm, bool exclusive) : m_shared_mutex(&sm) {}
  ~shared_scoped_lock();
  shared_scoped_lock(const shared_scoped_lock &) = delete;
  shared_scoped_lock(shared_scoped_lock &&other) : m_shared_mutex(other.m_shared_mutex) {}
  auto unlock() -> void;

private:
  shared_mutex<executor_type> *m_shared_mutex{nullptr};
};

template <class executor_type> class shared_mutex {
public:
  explicit shared_mutex(std::shared_ptr<executor_type> e);
  ~shared_mutex() = default;
  shared_mutex(const shared_mutex &) = delete;

  struct lock_operation {
    lock_operation(shared_mutex &sm, bool exclusive) : m_shared_mutex(sm), m_exclusive(exclusive) {}
    auto await_ready() const noexcept -> bool;
    auto await_suspend(std::coroutine_handle<> awaiting_coroutine) noexcept -> bool;
    auto await_resume() noexcept -> shared_scoped_lock<executor_type>;

  private:
    shared_mutex &m_shared_mutex;
    bool m_exclusive{false};
  };

  [[nodiscard]] auto lock_shared() -> lock_operation { return lock_operation{*this, false}; }
  [[nodiscard]] auto lock() -> lock_operation { return lock_operation{*this, true}; }
  auto try_lock_shared() -> bool;
  auto try_lock() -> bool;
  auto unlock_shared() -> void;
  auto unlock() -> void;
};
} // namespace coro
