// Mock <cppcoro/async_mutex.hpp>: an async mutex that never blocks the
// thread; scoped_lock_async() yields an async_mutex_lock.
#pragma once
#include <coroutine>

namespace cppcoro {
class async_mutex_lock;
class async_mutex_lock_operation;
class async_mutex_scoped_lock_operation;

class async_mutex {
public:
  async_mutex() noexcept;
  ~async_mutex();
  bool try_lock() noexcept;
  async_mutex_lock_operation lock_async() noexcept;
  async_mutex_scoped_lock_operation scoped_lock_async() noexcept;
  void unlock();
};

class async_mutex_lock {
public:
  explicit async_mutex_lock(async_mutex &mutex, decltype(nullptr) = nullptr) noexcept;
  async_mutex_lock(async_mutex_lock &&other) noexcept;
  async_mutex_lock(const async_mutex_lock &other) = delete;
  ~async_mutex_lock();
};

class async_mutex_lock_operation {
public:
  explicit async_mutex_lock_operation(async_mutex &mutex) noexcept;
  bool await_ready() const noexcept { return false; }
  bool await_suspend(std::coroutine_handle<> awaiter) noexcept;
  void await_resume() const noexcept {}
};

class async_mutex_scoped_lock_operation : public async_mutex_lock_operation {
public:
  using async_mutex_lock_operation::async_mutex_lock_operation;
  async_mutex_lock await_resume() const noexcept;
};
} // namespace cppcoro
