// REQUIRES: boost
// RUN: %check_coroguard %s coroguard-unmanaged-resource,coroguard-blocking-call %t -- -std=c++20
// The model's releases and awaitable forms use Boost.Asio's use_awaitable
// token, which suits an awaitable<T> with the default executor only. A
// coroutine on another executor gets no fix-it from them, and a note; a
// release the code already has is copied whatever its token. With Debian's
// real Boost: the fixed file is compiled against it.

#include <boost/asio.hpp>
#include <boost/asio/ssl.hpp>

namespace net = boost::asio;
using tcp = net::ip::tcp;

net::awaitable<void> serve(tcp::socket socket, net::ssl::context &ctx) {
  net::ssl::stream<tcp::socket> stream(std::move(socket), ctx);
  co_await stream.async_handshake(net::ssl::stream_base::server, net::use_awaitable);
  char data[64];
  co_await stream.async_read_some(net::buffer(data), net::use_awaitable);
}
// CHECK-MESSAGES: :[[@LINE-5]]:33: warning: 'stream' is never released: co_await 'async_shutdown()' or hand it to a guard before it goes out of scope [coroguard-unmanaged-resource]
// CHECK-MESSAGES: :[[@LINE-2]]:1: note: 'stream' is still unreleased at the end of its scope
// CHECK-MESSAGES: :[[@LINE-7]]:33: note: catch into a std::exception_ptr, co_await stream.async_shutdown(boost::asio::use_awaitable), then rethrow
// CHECK-FIXES: net::awaitable<void> serve(tcp::socket socket, net::ssl::context &ctx) {
// CHECK-FIXES-NEXT: net::ssl::stream<tcp::socket> stream(std::move(socket), ctx);
// CHECK-FIXES-NEXT: std::exception_ptr stream_failure;
// CHECK-FIXES-NEXT: try {
// CHECK-FIXES-NEXT: co_await stream.async_handshake(net::ssl::stream_base::server, net::use_awaitable);
// CHECK-FIXES-NEXT: char data[64];
// CHECK-FIXES-NEXT: co_await stream.async_read_some(net::buffer(data), net::use_awaitable);
// CHECK-FIXES-NEXT: } catch (...) {
// CHECK-FIXES-NEXT: stream_failure = std::current_exception();
// CHECK-FIXES-NEXT: }
// CHECK-FIXES-NEXT: co_await stream.async_shutdown(boost::asio::use_awaitable);
// CHECK-FIXES-NEXT: if (stream_failure)
// CHECK-FIXES-NEXT: std::rethrow_exception(stream_failure);
// CHECK-FIXES-NEXT: }

using executor_type = net::io_context::executor_type;
using token = net::use_awaitable_t<executor_type>;
using socket_type = token::as_default_on_t<tcp::socket>;

net::awaitable<void, executor_type> serve_on(socket_type socket, net::ssl::context &ctx) {
  net::ssl::stream<socket_type> stream(std::move(socket), ctx);
  co_await stream.async_handshake(net::ssl::stream_base::server);
  char data[64];
  co_await stream.async_read_some(net::buffer(data));
}
// CHECK-MESSAGES: :[[@LINE-5]]:33: warning: 'stream' is never released: co_await 'async_shutdown()' or hand it to a guard before it goes out of scope [coroguard-unmanaged-resource]
// CHECK-MESSAGES: :[[@LINE-2]]:1: note: 'stream' is still unreleased at the end of its scope
// CHECK-MESSAGES: :[[@LINE-7]]:33: note: catch into a std::exception_ptr, co_await stream.async_shutdown(boost::asio::use_awaitable), then rethrow
// CHECK-MESSAGES: :[[@LINE-8]]:33: note: no fix-it: no release of 'stream' to write: the model's 'stream.async_shutdown(boost::asio::use_awaitable)' is for coroutines returning 'boost::asio::awaitable' with its default arguments, and the code has no call of it to copy

net::awaitable<void, executor_type> serve_on_once(socket_type socket, net::ssl::context &ctx, bool quit) {
  net::ssl::stream<socket_type> stream(std::move(socket), ctx);
  co_await stream.async_handshake(net::ssl::stream_base::server);
  if (quit)
    co_return;
  char data[64];
  co_await stream.async_read_some(net::buffer(data));
  co_await stream.async_shutdown();
}
// CHECK-MESSAGES: :[[@LINE-8]]:33: warning: 'stream' is not released on every path: co_await 'async_shutdown()' or hand it to a guard before it goes out of scope [coroguard-unmanaged-resource]
// CHECK-MESSAGES: :[[@LINE-6]]:5: note: 'stream' is still unreleased when this co_return is taken
// CHECK-MESSAGES: :[[@LINE-10]]:33: note: catch into a std::exception_ptr, co_await stream.async_shutdown(boost::asio::use_awaitable), then rethrow
// CHECK-FIXES: net::awaitable<void, executor_type> serve_on_once(socket_type socket, net::ssl::context &ctx, bool quit) {
// CHECK-FIXES-NEXT: net::ssl::stream<socket_type> stream(std::move(socket), ctx);
// CHECK-FIXES-NEXT: std::exception_ptr stream_failure;
// CHECK-FIXES-NEXT: try {
// CHECK-FIXES-NEXT: co_await stream.async_handshake(net::ssl::stream_base::server);
// CHECK-FIXES-NEXT: if (quit)
// CHECK-FIXES-NEXT: { co_await stream.async_shutdown(); co_return; }
// CHECK-FIXES-NEXT: char data[64];
// CHECK-FIXES-NEXT: co_await stream.async_read_some(net::buffer(data));
// CHECK-FIXES-NEXT: } catch (...) {
// CHECK-FIXES-NEXT: stream_failure = std::current_exception();
// CHECK-FIXES-NEXT: }
// CHECK-FIXES-NEXT: co_await stream.async_shutdown();
// CHECK-FIXES-NEXT: if (stream_failure)
// CHECK-FIXES-NEXT: std::rethrow_exception(stream_failure);
// CHECK-FIXES-NEXT: }

net::awaitable<std::size_t> reads(tcp::socket &socket) {
  char data[64];
  std::size_t n = socket.read_some(net::buffer(data));
  co_return n;
}
// CHECK-MESSAGES: :[[@LINE-3]]:19: warning: 'boost::asio::basic_stream_socket::read_some' blocks the thread inside coroutine 'reads'; use 'co_await socket.async_read_some(buffers, boost::asio::use_awaitable)' instead [coroguard-blocking-call]
// CHECK-FIXES: net::awaitable<std::size_t> reads(tcp::socket &socket) {
// CHECK-FIXES-NEXT: char data[64];
// CHECK-FIXES-NEXT: std::size_t n = co_await socket.async_read_some(net::buffer(data), boost::asio::use_awaitable);
// CHECK-FIXES-NEXT: co_return n;
// CHECK-FIXES-NEXT: }

net::awaitable<std::size_t, executor_type> reads_on(socket_type &socket) {
  char data[64];
  std::size_t n = socket.read_some(net::buffer(data));
  co_return n;
}
// CHECK-MESSAGES: :[[@LINE-3]]:19: warning: 'boost::asio::basic_stream_socket::read_some' blocks the thread inside coroutine 'reads_on'; use 'co_await socket.async_read_some(buffers, boost::asio::use_awaitable)' instead [coroguard-blocking-call]
// CHECK-MESSAGES: :[[@LINE-4]]:19: note: no fix-it: its awaitable form is known for other coroutine types or argument lists only
