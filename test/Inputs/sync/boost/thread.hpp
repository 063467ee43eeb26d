#pragma once
// Boost.Thread (the umbrella header), declarations only: the shapes coroguard's model names.
#include <chrono>
namespace boost {
template <class M> class unique_lock;
class mutex {
public:
  void lock();
  bool try_lock();
  void unlock();
  typedef unique_lock<mutex> scoped_lock;
};
class shared_mutex {
public:
  void lock();
  void unlock();
  void lock_shared();
  void unlock_shared();
};
struct defer_lock_t {};
inline constexpr defer_lock_t defer_lock{};
template <class M> class lock_guard {
public:
  explicit lock_guard(M &m);
  ~lock_guard();
};
template <class M> class unique_lock {
public:
  unique_lock() noexcept;
  explicit unique_lock(M &m);
  unique_lock(M &m, defer_lock_t) noexcept;
  unique_lock(unique_lock &&) noexcept;
  ~unique_lock();
  void lock();
  void unlock();
  M *release() noexcept;
};
template <class M> class shared_lock {
public:
  explicit shared_lock(M &m);
  ~shared_lock();
  void unlock();
};
class thread {
public:
  template <class F> explicit thread(F f) {}
  void join();
  void detach();
};
// Boost.Thread's sleeps take Boost.Chrono durations, not std::chrono's.
namespace chrono {
template <class R, class P> class duration {
public:
  explicit duration(const R &r);
};
struct milli;
typedef duration<long long, milli> milliseconds;
} // namespace chrono
namespace this_thread {
template <class R, class P> void sleep_for(const chrono::duration<R, P> &d);
} // namespace this_thread
} // namespace boost
