// Mock <coro/when_all.hpp>.
#pragma once
#include <coro/detail/awaitable.hpp>
#include <coroutine>
#include <vector>

namespace coro {
namespace detail {
template <class return_type> class when_all_task {
public:
  return_type return_value();
};
/// Stands in for std::tuple<when_all_task<...>...> (no mock <tuple>).
template <class... tasks> struct when_all_results {};

template <class result_type> class when_all_ready_awaitable {
public:
  bool await_ready() const noexcept;
  bool await_suspend(std::coroutine_handle<> awaiting_coroutine) noexcept;
  result_type await_resume();
};
} // namespace detail

template <class... awaitables_type>
[[nodiscard]] auto when_all(awaitables_type... awaitables)
    -> detail::when_all_ready_awaitable<detail::when_all_results<
        detail::when_all_task<concepts::awaitable_return_t<awaitables_type>>...>>;
template <class awaitable_type>
[[nodiscard]] auto when_all(std::vector<awaitable_type> awaitables)
    -> detail::when_all_ready_awaitable<
        std::vector<detail::when_all_task<concepts::awaitable_return_t<awaitable_type>>>>;
} // namespace coro
