// Mock <cppcoro/when_all.hpp>: when_all returns an awaitable (not a task).
#pragma once
#include <coroutine>
#include <cppcoro/detail/awaitable_traits.hpp>
#include <vector>

namespace cppcoro {
namespace detail {
/// Stands in for the std::tuple of results (no mock <tuple>).
template <class... RESULTS> struct when_all_results {};

template <class RESULT> class when_all_ready_awaitable {
public:
  bool await_ready() const noexcept;
  bool await_suspend(std::coroutine_handle<> awaitingCoroutine) noexcept;
  RESULT await_resume();
};
} // namespace detail

template <class... AWAITABLES>
[[nodiscard]] auto when_all(AWAITABLES &&...awaitables)
    -> detail::when_all_ready_awaitable<detail::when_all_results<detail::await_result_t<AWAITABLES>...>>;
template <class AWAITABLE>
[[nodiscard]] auto when_all(std::vector<AWAITABLE> awaitables)
    -> detail::when_all_ready_awaitable<std::vector<detail::await_result_t<AWAITABLE>>>;
template <class... AWAITABLES>
[[nodiscard]] auto when_all_ready(AWAITABLES &&...awaitables)
    -> detail::when_all_ready_awaitable<detail::when_all_results<AWAITABLES...>>;
} // namespace cppcoro
