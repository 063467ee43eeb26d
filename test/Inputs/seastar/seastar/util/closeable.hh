// Mock <seastar/util/closeable.hh>.
//
// deferred_close/deferred_stop call `close().get()` / `stop().get()` in their
// destructor: valid only inside a seastar::thread. In a C++20 coroutine they
// block; the coroutine guards are with_closeable/with_stoppable or "catch
// into a std::exception_ptr, co_await x.close(), rethrow".
#pragma once
#include <seastar/core/future.hh>

namespace seastar {
template <class Object>
concept closeable = requires(Object o) {
  { o.close() } noexcept;
};
template <class Object>
concept stoppable = requires(Object o) {
  { o.stop() };
};

template <class Object>
  requires closeable<Object>
class deferred_close {
  Object &_obj;
  bool _closed = false;

  void do_close() noexcept {
    if (!_closed) {
      _closed = true;
      _obj.close().get();
    }
  }

public:
  deferred_close(Object &obj) noexcept : _obj(obj) {}
  ~deferred_close() { do_close(); }
  void close_now() noexcept { do_close(); }
};

template <class Closeable, class Func>
  requires closeable<Closeable>
auto with_closeable(Closeable &&obj, Func func) noexcept
    -> futurize_t<internal::invoke_result_t<Func, Closeable &>> {
  return {internal::future_tag{}};
}

template <class Object>
  requires stoppable<Object>
class deferred_stop {
  Object &_obj;
  bool _stopped = false;

  void do_stop() noexcept {
    if (!_stopped) {
      _stopped = true;
      _obj.stop().get();
    }
  }

public:
  deferred_stop(Object &obj) noexcept : _obj(obj) {}
  ~deferred_stop() { do_stop(); }
  void stop_now() noexcept { do_stop(); }
};

template <class Stoppable, class Func>
  requires stoppable<Stoppable>
auto with_stoppable(Stoppable &&obj, Func func) noexcept
    -> futurize_t<internal::invoke_result_t<Func, Stoppable &>> {
  return {internal::future_tag{}};
}
} // namespace seastar
