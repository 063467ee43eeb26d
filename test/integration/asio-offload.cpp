// REQUIRES: asio
// RUN: %check_coroguard %s coroguard-blocking-call %t -- -std=c++20 -DASIO_HAS_CO_AWAIT -DASIO_HAS_STD_COROUTINE
// Offloading to a thread pool, asio's way: a coroutine lambda that
// co_spawn runs on an asio::thread_pool (or its executor) is there to
// block, and is not reported. The same lambda spawned onto the event loop
// blocks it, and is. With Debian's real asio.

#include <asio.hpp>
#include <chrono>
#include <thread>

using namespace std::chrono_literals;

int hash_file(const char *path);

asio::awaitable<int> offloads(asio::thread_pool &pool) {
  int a = co_await asio::co_spawn(pool, []() -> asio::awaitable<int> {
    std::this_thread::sleep_for(10ms);
    co_return 1;
  }, asio::use_awaitable);
  int b = co_await asio::co_spawn(pool.get_executor(), []() -> asio::awaitable<int> {
    std::this_thread::sleep_for(10ms);
    co_return 2;
  }, asio::use_awaitable);
  co_return a + b;
}

asio::awaitable<int> blocks_the_loop(asio::io_context &io) {
  int a = co_await asio::co_spawn(io, []() -> asio::awaitable<int> {
    std::this_thread::sleep_for(10ms);
    co_return 1;
  }, asio::use_awaitable);
  co_return a;
}
// CHECK-MESSAGES: :[[@LINE-5]]:5: warning: 'std::this_thread::sleep_for' blocks the thread inside coroutine 'operator()'; use an awaitable timer instead (e.g. 'co_await timer.async_wait(...)') [coroguard-blocking-call]
// CHECK-FIXES: asio::awaitable<int> blocks_the_loop(asio::io_context &io) {
// CHECK-FIXES-NEXT: int a = co_await asio::co_spawn(io, []() -> asio::awaitable<int> {
// CHECK-FIXES-NEXT: co_await asio::steady_timer(co_await asio::this_coro::executor, 10ms).async_wait(asio::use_awaitable);
// CHECK-FIXES-NEXT: co_return 1;
// CHECK-FIXES-NEXT: }, asio::use_awaitable);
// CHECK-FIXES-NEXT: co_return a;
// CHECK-FIXES-NEXT: }

asio::awaitable<int> blocks_its_own_strand() {
  auto ex = co_await asio::this_coro::executor;
  int a = co_await asio::co_spawn(asio::make_strand(ex), []() -> asio::awaitable<int> {
    std::this_thread::sleep_for(10ms);
    co_return 1;
  }, asio::use_awaitable);
  co_return a;
}
// CHECK-MESSAGES: :[[@LINE-5]]:5: warning: 'std::this_thread::sleep_for' blocks the thread inside coroutine 'operator()'; use an awaitable timer instead (e.g. 'co_await timer.async_wait(...)') [coroguard-blocking-call]
// CHECK-FIXES: asio::awaitable<int> blocks_its_own_strand() {
// CHECK-FIXES-NEXT: auto ex = co_await asio::this_coro::executor;
// CHECK-FIXES-NEXT: int a = co_await asio::co_spawn(asio::make_strand(ex), []() -> asio::awaitable<int> {
// CHECK-FIXES-NEXT: co_await asio::steady_timer(co_await asio::this_coro::executor, 10ms).async_wait(asio::use_awaitable);
// CHECK-FIXES-NEXT: co_return 1;
// CHECK-FIXES-NEXT: }, asio::use_awaitable);
// CHECK-FIXES-NEXT: co_return a;
// CHECK-FIXES-NEXT: }
