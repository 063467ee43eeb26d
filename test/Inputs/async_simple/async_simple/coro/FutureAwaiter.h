// Mock <async_simple/coro/FutureAwaiter.h>: `co_await std::move(future)`.
#pragma once
#include <async_simple/Future.h>
#include <coroutine>

namespace async_simple {
namespace coro::detail {
template <class T> class FutureAwaiter {
public:
  bool await_ready();
  void await_suspend(std::coroutine_handle<> continuation);
  T await_resume();
};
} // namespace coro::detail

template <class T> coro::detail::FutureAwaiter<T> operator co_await(Future<T> &&future);
} // namespace async_simple
