// Mock <folly/coro/ScopeExit.h>: co_scope_exit(action, args...) attaches an
// async cleanup that runs when the parent Task completes, on every path.
// `auto&& [a] = co_await co_scope_exit(fn, a0);` gives back references to
// the captured state (a std::tuple in real folly; an aggregate here, since
// there is no mock <tuple>).
#pragma once
#include <folly/coro/Task.h>
#include <folly/coro/ViaIfAsync.h>

namespace folly::coro {
namespace detail {
template <class T> struct decay { using type = T; };
template <class T> struct decay<T &> { using type = T; };
template <class T> struct decay<T &&> { using type = T; };
template <class T> struct decay<const T &> { using type = T; };

template <class... Args> struct ScopeExitArgs;
template <> struct ScopeExitArgs<> {};
template <class A> struct ScopeExitArgs<A> { A &a; };
template <class A, class B> struct ScopeExitArgs<A, B> { A &a; B &b; };
template <class A, class B, class C> struct ScopeExitArgs<A, B, C> { A &a; B &b; C &c; };

template <class... Args> class ScopeExitTask;

class ScopeExitTaskPromiseBase {
public:
  suspend_always initial_suspend() noexcept { return {}; }
  suspend_always final_suspend() noexcept { return {}; }
  template <class Awaitable> decltype(auto) await_transform(Awaitable &&awaitable) {
    return co_viaIfAsync(executor_.copy(), static_cast<Awaitable &&>(awaitable));
  }
  [[noreturn]] void unhandled_exception() noexcept;
  void return_void() noexcept {}

protected:
  Executor::KeepAlive<> executor_;
};

template <class... Args> class ScopeExitTaskPromise : public ScopeExitTaskPromiseBase {
public:
  ScopeExitTask<Args...> get_return_object() noexcept;
};

template <class... Args> class [[nodiscard]] ScopeExitTask {
public:
  using promise_type = ScopeExitTaskPromise<Args...>;

  ScopeExitTask(ScopeExitTask &&t) noexcept;
  ~ScopeExitTask();

  struct Awaiter {
    bool await_ready() const noexcept { return false; }
    template <class Promise> bool await_suspend(coroutine_handle<Promise> parent) noexcept;
    ScopeExitArgs<Args...> await_resume() noexcept;
  };
  friend Awaiter co_viaIfAsync(Executor::KeepAlive<>, ScopeExitTask &&t) noexcept { return {}; }

private:
  friend class ScopeExitTaskPromise<Args...>;
  ScopeExitTask() noexcept;
};

template <class... Args>
ScopeExitTask<Args...> ScopeExitTaskPromise<Args...>::get_return_object() noexcept {
  return ScopeExitTask<Args...>{};
}
} // namespace detail

class co_scope_exit_fn {
  template <class Action, class... Args>
  static detail::ScopeExitTask<Args...> coScopeExitImpl(Action action, Args... args) {
    co_await static_cast<Action &&>(action)(static_cast<Args &&>(args)...);
  }

public:
  template <class Action, class... Args>
  detail::ScopeExitTask<typename detail::decay<Args>::type...> operator()(Action &&action,
                                                                          Args &&...args) const {
    return coScopeExitImpl<typename detail::decay<Action>::type,
                           typename detail::decay<Args>::type...>(static_cast<Action &&>(action),
                                                                  static_cast<Args &&>(args)...);
  }
};
inline constexpr co_scope_exit_fn co_scope_exit{};
} // namespace folly::coro
