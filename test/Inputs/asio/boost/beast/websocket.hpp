// Mock <boost/beast/websocket.hpp> (Boost 1.87).
//
// websocket::stream is an async resource: async_close() must be co_awaited
// before destruction. accept()/handshake()/read()/write()/close() are the
// blocking, synchronous forms.
#pragma once
#include <boost/beast/core.hpp>

namespace boost::beast::websocket {
enum close_code : unsigned short {
  normal = 1000,
  going_away = 1001,
  protocol_error = 1002,
  internal_error = 1011,
};

struct close_reason {
  close_reason() = default;
  close_reason(close_code code_) : code(code_) {}
  close_code code = normal;
};

template <class NextLayer, bool deflateSupported = true> class stream {
public:
  using next_layer_type = net::detail::decay_t<NextLayer>;
  using executor_type = typename next_layer_type::executor_type;

  template <class... Args> explicit stream(Args &&...args) {}
  stream(stream &&) noexcept;
  ~stream();

  executor_type get_executor() noexcept;
  next_layer_type &next_layer() noexcept;
  bool is_open() const noexcept;

  void accept();
  template <class AcceptHandler = net::default_completion_token_t>
  auto async_accept(AcceptHandler &&handler = AcceptHandler())
      -> net::async_result_t<AcceptHandler, void(error_code)> {
    return net::async_result_t<AcceptHandler, void(error_code)>();
  }

  void handshake(const std::string &host, const std::string &target);
  template <class HandshakeHandler = net::default_completion_token_t>
  auto async_handshake(const std::string &host, const std::string &target,
                       HandshakeHandler &&handler = HandshakeHandler())
      -> net::async_result_t<HandshakeHandler, void(error_code)> {
    return net::async_result_t<HandshakeHandler, void(error_code)>();
  }

  template <class DynamicBuffer> std::size_t read(DynamicBuffer &buffer);
  template <class DynamicBuffer, class ReadHandler = net::default_completion_token_t>
  auto async_read(DynamicBuffer &buffer, ReadHandler &&handler = ReadHandler())
      -> net::async_result_t<ReadHandler, void(error_code, std::size_t)> {
    return net::async_result_t<ReadHandler, void(error_code, std::size_t)>();
  }

  template <class ConstBufferSequence>
  std::size_t write(const ConstBufferSequence &buffers);
  template <class ConstBufferSequence,
            class WriteHandler = net::default_completion_token_t>
  auto async_write(const ConstBufferSequence &buffers,
                   WriteHandler &&handler = WriteHandler())
      -> net::async_result_t<WriteHandler, void(error_code, std::size_t)> {
    return net::async_result_t<WriteHandler, void(error_code, std::size_t)>();
  }

  void close(const close_reason &cr);
  template <class CloseHandler = net::default_completion_token_t>
  auto async_close(const close_reason &cr, CloseHandler &&handler = CloseHandler())
      -> net::async_result_t<CloseHandler, void(error_code)> {
    return net::async_result_t<CloseHandler, void(error_code)>();
  }
};
} // namespace boost::beast::websocket
