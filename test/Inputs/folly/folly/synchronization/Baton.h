// Mock <folly/synchronization/Baton.h>: the thread-blocking baton (the
// coroutine one is folly::coro::Baton in <folly/coro/Baton.h>).
#pragma once
#include <chrono>

namespace folly {
namespace detail {
// Stands in for std::atomic (no mock <atomic>).
template <class T> struct BatonAtomic {};
} // namespace detail

template <bool MayBlock = true, template <typename> class Atom = detail::BatonAtomic>
class Baton {
public:
  constexpr Baton() noexcept = default;
  Baton(const Baton &) = delete;
  ~Baton() noexcept;
  bool ready() const noexcept;
  void reset() noexcept;
  void post() noexcept;
  /// Blocks the calling thread until post() is called.
  void wait() noexcept;
  bool try_wait() const noexcept;
  template <class Rep, class Period>
  bool try_wait_for(const std::chrono::duration<Rep, Period> &timeout) noexcept;
};
} // namespace folly
