// REQUIRES: asio
// RUN: %check_coroguard %s coroguard-blocking-call %t -- -std=c++20 -DASIO_HAS_CO_AWAIT -DASIO_HAS_STD_COROUTINE
// Blocking calls in an asio coroutine become their awaitable forms, with
// Debian's real asio: the fixed file is compiled against it.

#include <asio.hpp>
#include <chrono>
#include <memory>
#include <thread>

using namespace std::chrono_literals;
using asio::ip::tcp;

asio::awaitable<void> sleeps() {
  std::this_thread::sleep_for(10ms);
  co_return;
}
// CHECK-MESSAGES: :[[@LINE-3]]:3: warning: 'std::this_thread::sleep_for' blocks the thread inside coroutine 'sleeps'; use an awaitable timer instead (e.g. 'co_await timer.async_wait(...)') [coroguard-blocking-call]
// CHECK-FIXES: asio::awaitable<void> sleeps() {
// CHECK-FIXES-NEXT: co_await asio::steady_timer(co_await asio::this_coro::executor, 10ms).async_wait(asio::use_awaitable);
// CHECK-FIXES-NEXT: co_return;
// CHECK-FIXES-NEXT: }

asio::awaitable<std::size_t> reads(tcp::socket &socket, char (&data)[64]) {
  std::size_t n = socket.read_some(asio::buffer(data));
  co_return n;
}
// CHECK-MESSAGES: :[[@LINE-3]]:19: warning: 'asio::basic_stream_socket::read_some' blocks the thread inside coroutine 'reads'; use 'co_await socket.async_read_some(buffers, asio::use_awaitable)' instead [coroguard-blocking-call]
// CHECK-FIXES: asio::awaitable<std::size_t> reads(tcp::socket &socket, char (&data)[64]) {
// CHECK-FIXES-NEXT: std::size_t n = co_await socket.async_read_some(asio::buffer(data), asio::use_awaitable);
// CHECK-FIXES-NEXT: co_return n;
// CHECK-FIXES-NEXT: }

asio::awaitable<void> writes(tcp::socket &socket) {
  asio::write(socket, asio::buffer("hello", 5));
  co_return;
}
// CHECK-MESSAGES: :[[@LINE-3]]:3: warning: 'asio::write' blocks the thread inside coroutine 'writes'; use 'co_await asio::async_write(stream, buffers, asio::use_awaitable)' instead [coroguard-blocking-call]
// CHECK-FIXES: asio::awaitable<void> writes(tcp::socket &socket) {
// CHECK-FIXES-NEXT: co_await asio::async_write(socket, asio::buffer("hello", 5), asio::use_awaitable);
// CHECK-FIXES-NEXT: co_return;
// CHECK-FIXES-NEXT: }

asio::awaitable<void> accepts(tcp::acceptor &acceptor) {
  tcp::socket socket = acceptor.accept();
  (void)socket;
  co_return;
}
// CHECK-MESSAGES: :[[@LINE-4]]:24: warning: 'asio::basic_socket_acceptor::accept' blocks the thread inside coroutine 'accepts'; use 'co_await acceptor.async_accept(asio::use_awaitable)' instead [coroguard-blocking-call]
// CHECK-FIXES: asio::awaitable<void> accepts(tcp::acceptor &acceptor) {
// CHECK-FIXES-NEXT: tcp::socket socket = co_await acceptor.async_accept(asio::use_awaitable);
// CHECK-FIXES-NEXT: (void)socket;
// CHECK-FIXES-NEXT: co_return;
// CHECK-FIXES-NEXT: }

asio::awaitable<void> resolves(tcp::resolver &resolver) {
  auto endpoints = resolver.resolve("localhost", "80");
  (void)endpoints;
  co_return;
}
// CHECK-MESSAGES: :[[@LINE-4]]:20: warning: 'asio::ip::basic_resolver::resolve' blocks the thread inside coroutine 'resolves'; use 'co_await resolver.async_resolve(host, service, asio::use_awaitable)' instead [coroguard-blocking-call]
// CHECK-FIXES: asio::awaitable<void> resolves(tcp::resolver &resolver) {
// CHECK-FIXES-NEXT: auto endpoints = co_await resolver.async_resolve("localhost", "80", asio::use_awaitable);
// CHECK-FIXES-NEXT: (void)endpoints;
// CHECK-FIXES-NEXT: co_return;
// CHECK-FIXES-NEXT: }

asio::awaitable<void> through_pointer(std::shared_ptr<tcp::socket> socket) {
  char data[16];
  socket->read_some(asio::buffer(data));
  co_return;
}
// CHECK-MESSAGES: :[[@LINE-3]]:3: warning: 'asio::basic_stream_socket::read_some' blocks the thread inside coroutine 'through_pointer'; use 'co_await socket.async_read_some(buffers, asio::use_awaitable)' instead [coroguard-blocking-call]
// CHECK-FIXES: asio::awaitable<void> through_pointer(std::shared_ptr<tcp::socket> socket) {
// CHECK-FIXES-NEXT: char data[16];
// CHECK-FIXES-NEXT: co_await socket->async_read_some(asio::buffer(data), asio::use_awaitable);
// CHECK-FIXES-NEXT: co_return;
// CHECK-FIXES-NEXT: }

asio::awaitable<void> waits(asio::steady_timer &timer) {
  timer.wait();
  co_return;
}
// CHECK-MESSAGES: :[[@LINE-3]]:3: warning: 'asio::basic_waitable_timer::wait' blocks the thread inside coroutine 'waits'; use 'co_await timer.async_wait(asio::use_awaitable)' instead [coroguard-blocking-call]
// CHECK-FIXES: asio::awaitable<void> waits(asio::steady_timer &timer) {
// CHECK-FIXES-NEXT: co_await timer.async_wait(asio::use_awaitable);
// CHECK-FIXES-NEXT: co_return;
// CHECK-FIXES-NEXT: }

// With an error_code the call does not throw; its awaitable form would.
asio::awaitable<void> error_code(tcp::socket &socket) {
  asio::error_code ec;
  char data[16];
  socket.read_some(asio::buffer(data), ec);
  co_return;
}
// CHECK-MESSAGES: :[[@LINE-3]]:3: warning: 'asio::basic_stream_socket::read_some' blocks the thread inside coroutine 'error_code'; use 'co_await socket.async_read_some(buffers, asio::use_awaitable)' instead [coroguard-blocking-call]
// CHECK-MESSAGES: :[[@LINE-4]]:3: note: no fix-it: its awaitable form is known for other coroutine types or argument lists only

// In a lambda called where it is written, co_await cannot be written.
asio::awaitable<void> in_lambda() {
  [] { std::this_thread::sleep_for(1ms); }();
  co_return;
}
// CHECK-MESSAGES: :[[@LINE-3]]:8: warning: 'std::this_thread::sleep_for' blocks the thread inside coroutine 'in_lambda'; use an awaitable timer instead (e.g. 'co_await timer.async_wait(...)') [coroguard-blocking-call]
// CHECK-MESSAGES: :[[@LINE-4]]:8: note: no fix-it: the call is in a lambda, where co_await cannot be written

// The result of the awaitable form is used as an object: parenthesised.
asio::awaitable<std::size_t> as_object(tcp::resolver &resolver) {
  co_return resolver.resolve("localhost", "80").size();
}
// CHECK-MESSAGES: :[[@LINE-2]]:13: warning: 'asio::ip::basic_resolver::resolve' blocks the thread inside coroutine 'as_object'; use 'co_await resolver.async_resolve(host, service, asio::use_awaitable)' instead [coroguard-blocking-call]
// CHECK-FIXES: asio::awaitable<std::size_t> as_object(tcp::resolver &resolver) {
// CHECK-FIXES-NEXT: co_return (co_await resolver.async_resolve("localhost", "80", asio::use_awaitable)).size();
// CHECK-FIXES-NEXT: }

// A call that a macro writes whole has no text of its own to replace.
#define PAUSE() std::this_thread::sleep_for(10ms)
asio::awaitable<void> pauses() {
  PAUSE();
  co_return;
}
// CHECK-MESSAGES: :[[@LINE-3]]:3: warning: 'std::this_thread::sleep_for' blocks the thread inside coroutine 'pauses'; use an awaitable timer instead (e.g. 'co_await timer.async_wait(...)') [coroguard-blocking-call]
// CHECK-MESSAGES: :[[@LINE-4]]:3: note: no fix-it: the call is written in a macro
