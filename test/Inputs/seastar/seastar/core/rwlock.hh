// Mock <seastar/core/rwlock.hh>: an async reader/writer lock.
#pragma once
#include <chrono>
#include <seastar/core/future.hh>

namespace seastar {
template <class Clock = std::chrono::steady_clock> class basic_rwlock {
public:
  class holder {
  public:
    holder(holder &&) noexcept;
    ~holder();
  };
  basic_rwlock() = default;
  future<> read_lock() noexcept;
  void read_unlock();
  future<> write_lock() noexcept;
  void write_unlock();
  bool try_read_lock();
  bool try_write_lock();
  future<holder> hold_read_lock() noexcept;
  future<holder> hold_write_lock() noexcept;
  bool locked() const;
};
using rwlock = basic_rwlock<>;
} // namespace seastar
