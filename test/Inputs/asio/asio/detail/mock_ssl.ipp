// Mock of asio/ssl (asio 1.32 / Boost 1.87), shared by <asio/ssl.hpp> and
// <boost/asio/ssl.hpp>; the includer opens the namespace. No include guard on
// purpose (see mock_core.ipp).
//
// ssl::stream is an async resource: async_shutdown() must be co_awaited
// before destruction. handshake()/shutdown()/read_some()/write_some() are the
// blocking, synchronous forms.
namespace ssl {
class context_base {
public:
  enum method { tls, tls_client, tls_server, tlsv12, tlsv12_client, tlsv12_server,
                tlsv13, tlsv13_client, tlsv13_server };
};

class context : public context_base {
public:
  explicit context(method m);
  context(context &&other);
  ~context();
};

class stream_base {
public:
  enum handshake_type { client, server };
};

template <class Stream> class stream : public stream_base {
public:
  using next_layer_type = detail::decay_t<Stream>;
  using lowest_layer_type = typename next_layer_type::lowest_layer_type;
  using executor_type = typename next_layer_type::executor_type;

  template <class Arg>
  stream(Arg &&arg, context &ctx) : next_layer_(static_cast<Arg &&>(arg)) {}
  stream(stream &&other);
  ~stream();

  executor_type get_executor() noexcept;
  next_layer_type &next_layer();
  lowest_layer_type &lowest_layer();

  void handshake(handshake_type type);
  void handshake(handshake_type type, error_code &ec);
  template <class HandshakeToken = default_completion_token_t>
  auto async_handshake(handshake_type type, HandshakeToken &&token = HandshakeToken())
      -> async_result_t<HandshakeToken, void(error_code)> {
    return async_result_t<HandshakeToken, void(error_code)>();
  }

  void shutdown();
  void shutdown(error_code &ec);
  template <class ShutdownToken = default_completion_token_t>
  auto async_shutdown(ShutdownToken &&token = ShutdownToken())
      -> async_result_t<ShutdownToken, void(error_code)> {
    return async_result_t<ShutdownToken, void(error_code)>();
  }

  template <class ConstBufferSequence>
  std::size_t write_some(const ConstBufferSequence &buffers);
  template <class MutableBufferSequence>
  std::size_t read_some(const MutableBufferSequence &buffers);
  template <class ConstBufferSequence,
            class WriteToken = default_completion_token_t>
  auto async_write_some(const ConstBufferSequence &buffers,
                        WriteToken &&token = WriteToken())
      -> async_result_t<WriteToken, void(error_code, std::size_t)> {
    return async_result_t<WriteToken, void(error_code, std::size_t)>();
  }
  template <class MutableBufferSequence,
            class ReadToken = default_completion_token_t>
  auto async_read_some(const MutableBufferSequence &buffers,
                       ReadToken &&token = ReadToken())
      -> async_result_t<ReadToken, void(error_code, std::size_t)> {
    return async_result_t<ReadToken, void(error_code, std::size_t)>();
  }

private:
  Stream next_layer_;
};
} // namespace ssl
