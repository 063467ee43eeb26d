// Mock <boost/beast/ssl.hpp> (Boost 1.87): beast's SSL stream wrapper, an
// async resource like boost::asio::ssl::stream.
#pragma once
#include <boost/asio/ssl.hpp>
#include <boost/beast/core.hpp>

namespace boost::beast {
template <class NextLayer> class ssl_stream : public net::ssl::stream_base {
public:
  using next_layer_type = NextLayer;
  using executor_type = typename next_layer_type::executor_type;

  template <class Arg> ssl_stream(Arg &&arg, net::ssl::context &ctx) {}
  ssl_stream(ssl_stream &&) noexcept;
  ~ssl_stream();

  executor_type get_executor() noexcept;
  next_layer_type &next_layer() noexcept;

  void handshake(handshake_type type);
  template <class HandshakeHandler = net::default_completion_token_t>
  auto async_handshake(handshake_type type, HandshakeHandler &&handler = HandshakeHandler())
      -> net::async_result_t<HandshakeHandler, void(error_code)> {
    return net::async_result_t<HandshakeHandler, void(error_code)>();
  }
  void shutdown();
  template <class ShutdownHandler = net::default_completion_token_t>
  auto async_shutdown(ShutdownHandler &&handler = ShutdownHandler())
      -> net::async_result_t<ShutdownHandler, void(error_code)> {
    return net::async_result_t<ShutdownHandler, void(error_code)>();
  }
};
} // namespace boost::beast
