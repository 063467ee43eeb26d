// Mock <stdexec/execution.hpp> (NVIDIA stdexec main, 2026): the P2300 core
// in namespace stdexec. sync_wait / sync_wait_with_variant are function
// OBJECTS that block the calling thread. Senders are awaitable inside
// coroutines whose promise derives from with_awaitable_senders (exec::task).
//
// This header also declares what C++26 <execution> adds to namespace std
// (std::this_thread::sync_wait, std::execution::counting_scope...), since
// there is no mock <execution>.
#pragma once
#include <coroutine>
#include <exception>
#include <utility>

namespace stdexec {
template <class T> struct __remove_cvref { using type = T; };
template <class T> struct __remove_cvref<T &> { using type = T; };
template <class T> struct __remove_cvref<T &&> { using type = T; };
template <class T> struct __remove_cvref<const T> { using type = T; };
template <class T> struct __remove_cvref<const T &> { using type = T; };
template <class T> using __decay_t = typename __remove_cvref<T>::type;

struct sender_t {};
template <class S>
concept sender = requires { typename __decay_t<S>::sender_concept; };
/// The single value a (mock) sender completes with; void for none.
template <class S> using __value_of_t = typename __decay_t<S>::__value_t;

template <class T> struct __sender_base {
  using sender_concept = sender_t;
  using __value_t = T;
};

/// What a sender becomes when it is co_awaited.
template <class T> struct __sender_awaitable {
  bool await_ready() const noexcept { return false; }
  void await_suspend(std::coroutine_handle<>) noexcept {}
  T await_resume();
};

template <class Promise> struct with_awaitable_senders {
  template <class Value> decltype(auto) await_transform(Value &&value) {
    if constexpr (sender<Value> && !requires { static_cast<Value &&>(value).operator co_await(); } &&
                  !requires { operator co_await(static_cast<Value &&>(value)); })
      return __sender_awaitable<__value_of_t<Value>>{};
    else
      return static_cast<Value &&>(value);
  }
  std::coroutine_handle<> unhandled_stopped() noexcept;
};

// ---- schedule, just, then -------------------------------------------------------------
struct schedule_t {
  template <class Scheduler> auto operator()(const Scheduler &sched) const noexcept {
    return sched.schedule();
  }
};
inline constexpr schedule_t schedule{};

namespace __just {
template <class T> struct __sender : __sender_base<T> {};
} // namespace __just
struct just_t {
  __just::__sender<void> operator()() const noexcept { return {}; }
  template <class T> __just::__sender<__decay_t<T>> operator()(T &&value) const noexcept {
    return {};
  }
};
inline constexpr just_t just{};

namespace __then {
template <class V, class F> struct __result {
  using type = decltype(std::declval<F>()(std::declval<V>()));
};
template <class F> struct __result<void, F> {
  using type = decltype(std::declval<F>()());
};
template <class S, class F>
struct __sender : __sender_base<typename __result<__value_of_t<S>, F>::type> {};
template <class F> struct __closure {
  template <class S> friend __sender<__decay_t<S>, F> operator|(S &&s, __closure) { return {}; }
};
} // namespace __then
struct then_t {
  template <class S, class F> __then::__sender<__decay_t<S>, __decay_t<F>> operator()(S &&s, F &&f) const {
    return {};
  }
  template <class F> __then::__closure<__decay_t<F>> operator()(F &&f) const { return {}; }
};
inline constexpr then_t then{};

// ---- sync_wait --------------------------------------------------------------
/// Stands in for std::optional<std::tuple<Values...>> (no mock <optional>).
template <class... Ts> struct __values {};
template <class T> struct __values<T> {
  T __v0;
};
template <class T> struct __sync_wait_result {
  explicit operator bool() const noexcept;
  bool has_value() const noexcept;
  __values<T> &value() &;
  __values<T> &&value() &&;
};
template <> struct __sync_wait_result<void> {
  explicit operator bool() const noexcept;
  bool has_value() const noexcept;
  __values<> value() const;
};

namespace __sync_wait {
struct sync_wait_t {
  /// Blocks the calling thread until the sender completes.
  template <class Sender> __sync_wait_result<__value_of_t<Sender>> operator()(Sender &&sndr) const {
    return {};
  }
};
struct sync_wait_with_variant_t {
  template <class Sender> __sync_wait_result<__value_of_t<Sender>> operator()(Sender &&sndr) const {
    return {};
  }
};
} // namespace __sync_wait
using __sync_wait::sync_wait_t;
using __sync_wait::sync_wait_with_variant_t;
inline constexpr sync_wait_t sync_wait{};
inline constexpr sync_wait_with_variant_t sync_wait_with_variant{};

// ---- counting scopes (P3149) --------------------------------------------------
namespace __counting_scopes {
struct __join_sender : __sender_base<void> {};
template <class Scope> struct __token {
  template <class S> S &&wrap(S &&s) const noexcept { return static_cast<S &&>(s); }
  bool try_associate() const noexcept;
  void disassociate() const noexcept;
};
} // namespace __counting_scopes

class simple_counting_scope {
public:
  using token = __counting_scopes::__token<simple_counting_scope>;
  simple_counting_scope() noexcept;
  simple_counting_scope(simple_counting_scope &&) = delete;
  /// Terminates unless the scope was joined (or never used).
  ~simple_counting_scope();
  token get_token() noexcept;
  void close() noexcept;
  /// Completes when every associated operation completed; must be awaited.
  [[nodiscard]] __counting_scopes::__join_sender join() noexcept;
};

class counting_scope {
public:
  using token = __counting_scopes::__token<counting_scope>;
  counting_scope() noexcept;
  counting_scope(counting_scope &&) = delete;
  ~counting_scope();
  token get_token() noexcept;
  void close() noexcept;
  void request_stop() noexcept;
  [[nodiscard]] __counting_scopes::__join_sender join() noexcept;
};

struct spawn_t {
  template <class Sender, class Token> void operator()(Sender &&sndr, Token &&token) const {}
};
inline constexpr spawn_t spawn{};
} // namespace stdexec

// ---- C++26 <execution> ----------------------------------------------------------
namespace std::this_thread {
struct sync_wait_t {
  template <class Sender>
  stdexec::__sync_wait_result<stdexec::__value_of_t<Sender>> operator()(Sender &&sndr) const {
    return {};
  }
};
struct sync_wait_with_variant_t {
  template <class Sender>
  stdexec::__sync_wait_result<stdexec::__value_of_t<Sender>> operator()(Sender &&sndr) const {
    return {};
  }
};
inline constexpr sync_wait_t sync_wait{};
inline constexpr sync_wait_with_variant_t sync_wait_with_variant{};
} // namespace std::this_thread

namespace std::execution {
class simple_counting_scope {
public:
  simple_counting_scope() noexcept;
  simple_counting_scope(simple_counting_scope &&) = delete;
  ~simple_counting_scope();
  void close() noexcept;
  [[nodiscard]] stdexec::__counting_scopes::__join_sender join() noexcept;
};
class counting_scope {
public:
  counting_scope() noexcept;
  counting_scope(counting_scope &&) = delete;
  ~counting_scope();
  void close() noexcept;
  void request_stop() noexcept;
  [[nodiscard]] stdexec::__counting_scopes::__join_sender join() noexcept;
};
using stdexec::just;
using stdexec::then;
} // namespace std::execution
