// Mock <async_simple/coro/SyncAwait.h>: blocks the calling thread until the
// lazy completes.
#pragma once
#include <async_simple/Executor.h>
#include <async_simple/coro/Lazy.h>

namespace async_simple::coro {
namespace detail {
template <class T> struct remove_cvref { using type = T; };
template <class T> struct remove_cvref<T &> { using type = T; };
template <class T> struct remove_cvref<T &&> { using type = T; };
} // namespace detail

template <class LazyType>
auto syncAwait(LazyType &&lazy) -> typename detail::remove_cvref<LazyType>::type::ValueType;
template <class LazyType>
auto syncAwait(LazyType &&lazy, Executor *ex) -> typename detail::remove_cvref<LazyType>::type::ValueType;
} // namespace async_simple::coro
