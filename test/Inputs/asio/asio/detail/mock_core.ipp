// Mock of the asio core, shared by standalone asio (<asio.hpp>) and
// Boost.Asio (<boost/asio.hpp>). The includer opens the namespace (asio or
// boost::asio) and declares `error_code` in it first; this file has no include
// guard on purpose so that both spellings can live in one translation unit.
//
// Mirrors asio 1.32 / Boost 1.87: awaitable<T, Executor> is [[nodiscard]], its
// promise is detail::awaitable_frame (chosen by a std::coroutine_traits
// specialisation, as in asio/impl/awaitable.hpp) and its await_transform only
// accepts awaitables, async operations and this_coro tokens. Sockets and
// timers release synchronously (close()/cancel() return void).

// ---- helpers (asio/detail/type_traits.hpp) --------------------------------
namespace detail {
template <class T> struct remove_cvref { using type = T; };
template <class T> struct remove_cvref<T &> { using type = T; };
template <class T> struct remove_cvref<T &&> { using type = T; };
template <class T> struct remove_cvref<const T> { using type = T; };
template <class T> struct remove_cvref<const T &> { using type = T; };
template <class T> struct remove_cvref<const T &&> { using type = T; };
template <class T> using decay_t = typename remove_cvref<T>::type;

template <class E>
concept is_executor_like = requires(const E &e) { e.context(); };
template <class C>
concept is_context_like = requires(C &c) { c.get_executor(); } && !is_executor_like<C>;

// The value an async operation with this completion signature produces when
// it is co_awaited (the error_code / exception_ptr becomes an exception).
template <class Signature> struct completion_value;
template <class R> struct completion_value<R()> { using type = void; };
template <class R> struct completion_value<R(error_code)> { using type = void; };
template <class R, class T> struct completion_value<R(error_code, T)> { using type = T; };
template <class R> struct completion_value<R(std::exception_ptr)> { using type = void; };
template <class R, class T> struct completion_value<R(std::exception_ptr, T)> { using type = T; };

template <class T, class Executor> class awaitable_frame;
} // namespace detail

// ---- executors and execution contexts -------------------------------------
class execution_context {
public:
  execution_context();
  ~execution_context();
};

class any_io_executor {
public:
  any_io_executor() noexcept;
  template <class Executor> any_io_executor(const Executor &e) noexcept {}
  execution_context &context() const noexcept;
};

class io_context : public execution_context {
public:
  template <class Allocator, unsigned Bits> class basic_executor_type {
  public:
    io_context &context() const noexcept;
    bool running_in_this_thread() const noexcept;
  };
  using executor_type = basic_executor_type<std::allocator<void>, 0>;
  using count_type = std::size_t;

  io_context();
  explicit io_context(int concurrency_hint);
  ~io_context();
  executor_type get_executor() noexcept;
  count_type run();
  count_type run_one();
  template <class Rep, class Period>
  std::size_t run_for(const std::chrono::duration<Rep, Period> &rel_time);
  template <class Clock, class Duration>
  std::size_t run_until(const std::chrono::time_point<Clock, Duration> &abs_time);
  template <class Rep, class Period>
  std::size_t run_one_for(const std::chrono::duration<Rep, Period> &rel_time);
  template <class Clock, class Duration>
  std::size_t run_one_until(const std::chrono::time_point<Clock, Duration> &abs_time);
  count_type poll();
  count_type poll_one();
  void stop();
  bool stopped() const;
  void restart();
};

class thread_pool : public execution_context {
public:
  class executor_type {
  public:
    thread_pool &context() const noexcept;
  };
  thread_pool();
  explicit thread_pool(std::size_t num_threads);
  ~thread_pool();
  executor_type get_executor() noexcept;
  void stop();
  void attach();
  void join();
  void wait();
};

// ---- completion tokens and async_result -----------------------------------
template <class Executor = any_io_executor> class use_awaitable_t {
public:
  constexpr use_awaitable_t() {}
};
inline constexpr use_awaitable_t<> use_awaitable;

class detached_t {
public:
  constexpr detached_t() {}
};
inline constexpr detached_t detached;

class deferred_t {
public:
  constexpr deferred_t() {}
};
inline constexpr deferred_t deferred;

/// The default completion token (asio 1.32: deferred).
using default_completion_token_t = deferred_t;

template <class T, class Executor = any_io_executor> class awaitable;

namespace detail {
/// What an async operation called with the default (deferred) token returns;
/// it is awaitable only inside an awaitable<> coroutine.
template <class Signature> class deferred_async_operation {
public:
  using value_type = typename completion_value<Signature>::type;
  deferred_async_operation() noexcept;
  deferred_async_operation(deferred_async_operation &&) noexcept;
};
} // namespace detail

/// Completion handlers (lambdas, detached, ...) make the initiating function
/// return void.
template <class CompletionToken, class Signature> class async_result {
public:
  using return_type = void;
};
template <class Executor, class Signature>
class async_result<use_awaitable_t<Executor>, Signature> {
public:
  using return_type =
      awaitable<typename detail::completion_value<Signature>::type, Executor>;
};
template <class Signature> class async_result<deferred_t, Signature> {
public:
  using return_type = detail::deferred_async_operation<Signature>;
};
template <class CompletionToken, class Signature>
using async_result_t =
    typename async_result<detail::decay_t<CompletionToken>, Signature>::return_type;

// ---- this_coro ------------------------------------------------------------
namespace this_coro {
struct executor_t {
  constexpr executor_t() {}
};
inline constexpr executor_t executor;
} // namespace this_coro

// ---- awaitable ------------------------------------------------------------
template <class T, class Executor> class [[nodiscard]] awaitable {
public:
  using value_type = T;
  using executor_type = Executor;

  constexpr awaitable() noexcept : frame_(nullptr) {}
  awaitable(awaitable &&other) noexcept;
  ~awaitable();
  awaitable &operator=(awaitable &&other) noexcept;
  bool valid() const noexcept;

  // Support for co_await keyword.
  bool await_ready() const noexcept { return false; }
  template <class U>
  void await_suspend(std::coroutine_handle<detail::awaitable_frame<U, Executor>> h) {}
  T await_resume();

private:
  template <class, class> friend class detail::awaitable_frame;
  awaitable(const awaitable &) = delete;
  awaitable &operator=(const awaitable &) = delete;
  explicit awaitable(detail::awaitable_frame<T, Executor> *a) : frame_(a) {}
  detail::awaitable_frame<T, Executor> *frame_;
};

namespace detail {
/// The frame starts suspended until the awaitable_thread pumps the stack.
/// Real asio returns asio::detail::suspend_always (a using-declaration of
/// std::suspend_always); the mock returns an awaitable of its own so that
/// tests cannot lean on initial_suspend inference: the profile names
/// awaitable as a lazy task type.
struct awaitable_initial_suspend {
  bool await_ready() const noexcept { return false; }
  void await_suspend(std::coroutine_handle<>) const noexcept {}
  void await_resume() const noexcept {}
};

template <class Value> struct async_op_awaiter {
  bool await_ready() const noexcept { return false; }
  void await_suspend(std::coroutine_handle<>) noexcept {}
  Value await_resume();
};

template <class Executor> class awaitable_frame_base {
public:
  auto initial_suspend() noexcept { return awaitable_initial_suspend{}; }
  auto final_suspend() noexcept {
    struct result {
      bool await_ready() const noexcept { return false; }
      void await_suspend(std::coroutine_handle<>) noexcept {}
      void await_resume() const noexcept {}
    };
    return result{};
  }
  void unhandled_exception() { pending_exception_ = std::current_exception(); }

  template <class T> auto await_transform(awaitable<T, Executor> a) const {
    return a;
  }
  template <class Signature>
  auto await_transform(deferred_async_operation<Signature> op) {
    return async_op_awaiter<typename deferred_async_operation<Signature>::value_type>{};
  }
  auto await_transform(this_coro::executor_t) noexcept {
    struct result {
      bool await_ready() const noexcept { return true; }
      void await_suspend(std::coroutine_handle<>) noexcept {}
      Executor await_resume() const noexcept;
    };
    return result{};
  }

protected:
  std::exception_ptr pending_exception_;
};

template <class T, class Executor>
class awaitable_frame : public awaitable_frame_base<Executor> {
public:
  awaitable<T, Executor> get_return_object() noexcept {
    return awaitable<T, Executor>(this);
  }
  template <class U> void return_value(U &&u) {}
  T get();
};

template <class Executor>
class awaitable_frame<void, Executor> : public awaitable_frame_base<Executor> {
public:
  awaitable<void, Executor> get_return_object() {
    return awaitable<void, Executor>(this);
  }
  void return_void() {}
  void get();
};
} // namespace detail

// ---- co_spawn, post, dispatch, defer ---------------------------------------
template <class Executor, class T, class AwaitableExecutor,
          class CompletionToken = default_completion_token_t>
  requires detail::is_executor_like<Executor>
auto co_spawn(const Executor &ex, awaitable<T, AwaitableExecutor> a,
              CompletionToken &&token = CompletionToken())
    -> async_result_t<CompletionToken, void(std::exception_ptr, T)> {
  return async_result_t<CompletionToken, void(std::exception_ptr, T)>();
}
template <class Executor, class AwaitableExecutor,
          class CompletionToken = default_completion_token_t>
  requires detail::is_executor_like<Executor>
auto co_spawn(const Executor &ex, awaitable<void, AwaitableExecutor> a,
              CompletionToken &&token = CompletionToken())
    -> async_result_t<CompletionToken, void(std::exception_ptr)> {
  return async_result_t<CompletionToken, void(std::exception_ptr)>();
}
template <class ExecutionContext, class T, class AwaitableExecutor,
          class CompletionToken = default_completion_token_t>
  requires detail::is_context_like<ExecutionContext>
auto co_spawn(ExecutionContext &ctx, awaitable<T, AwaitableExecutor> a,
              CompletionToken &&token = CompletionToken())
    -> async_result_t<CompletionToken, void(std::exception_ptr, T)> {
  return async_result_t<CompletionToken, void(std::exception_ptr, T)>();
}
template <class ExecutionContext, class AwaitableExecutor,
          class CompletionToken = default_completion_token_t>
  requires detail::is_context_like<ExecutionContext>
auto co_spawn(ExecutionContext &ctx, awaitable<void, AwaitableExecutor> a,
              CompletionToken &&token = CompletionToken())
    -> async_result_t<CompletionToken, void(std::exception_ptr)> {
  return async_result_t<CompletionToken, void(std::exception_ptr)>();
}
/// co_spawn(ctx, function object returning an awaitable, token).
template <class ExecutionContext, class F,
          class CompletionToken = default_completion_token_t>
  requires detail::is_context_like<ExecutionContext> &&
           requires(F f) { f().await_ready(); }
auto co_spawn(ExecutionContext &ctx, F &&f,
              CompletionToken &&token = CompletionToken())
    -> async_result_t<CompletionToken, void(std::exception_ptr)> {
  return async_result_t<CompletionToken, void(std::exception_ptr)>();
}

template <class Executor, class CompletionToken>
  requires detail::is_executor_like<Executor>
auto post(const Executor &ex, CompletionToken &&token)
    -> async_result_t<CompletionToken, void()> {
  return async_result_t<CompletionToken, void()>();
}
template <class ExecutionContext, class CompletionToken>
  requires detail::is_context_like<ExecutionContext>
auto post(ExecutionContext &ctx, CompletionToken &&token)
    -> async_result_t<CompletionToken, void()> {
  return async_result_t<CompletionToken, void()>();
}
template <class Executor, class CompletionToken>
  requires detail::is_executor_like<Executor>
auto dispatch(const Executor &ex, CompletionToken &&token)
    -> async_result_t<CompletionToken, void()> {
  return async_result_t<CompletionToken, void()>();
}
template <class ExecutionContext, class CompletionToken>
  requires detail::is_context_like<ExecutionContext>
auto dispatch(ExecutionContext &ctx, CompletionToken &&token)
    -> async_result_t<CompletionToken, void()> {
  return async_result_t<CompletionToken, void()>();
}
template <class Executor, class CompletionToken>
  requires detail::is_executor_like<Executor>
auto defer(const Executor &ex, CompletionToken &&token)
    -> async_result_t<CompletionToken, void()> {
  return async_result_t<CompletionToken, void()>();
}
template <class ExecutionContext, class CompletionToken>
  requires detail::is_context_like<ExecutionContext>
auto defer(ExecutionContext &ctx, CompletionToken &&token)
    -> async_result_t<CompletionToken, void()> {
  return async_result_t<CompletionToken, void()>();
}

// ---- buffers ---------------------------------------------------------------
class mutable_buffer {
public:
  mutable_buffer() noexcept;
  mutable_buffer(void *data, std::size_t size) noexcept;
  void *data() const noexcept;
  std::size_t size() const noexcept;
};
class const_buffer {
public:
  const_buffer() noexcept;
  const_buffer(const void *data, std::size_t size) noexcept;
  const_buffer(const mutable_buffer &b) noexcept;
  const void *data() const noexcept;
  std::size_t size() const noexcept;
};
mutable_buffer buffer(void *data, std::size_t size_in_bytes) noexcept;
const_buffer buffer(const void *data, std::size_t size_in_bytes) noexcept;
template <class PodType, std::size_t N> mutable_buffer buffer(PodType (&data)[N]) noexcept;
template <class PodType, std::size_t N>
const_buffer buffer(const PodType (&data)[N]) noexcept;
template <class Elem, class Traits, class Allocator>
mutable_buffer buffer(std::basic_string<Elem, Traits, Allocator> &data) noexcept;
template <class Elem, class Traits, class Allocator>
const_buffer buffer(const std::basic_string<Elem, Traits, Allocator> &data) noexcept;
template <class PodType> mutable_buffer buffer(std::vector<PodType> &data) noexcept;

template <class Elem, class Traits, class Allocator> class dynamic_string_buffer {
public:
  explicit dynamic_string_buffer(std::basic_string<Elem, Traits, Allocator> &s) noexcept;
  std::size_t size() const noexcept;
};
template <class Elem, class Traits, class Allocator>
dynamic_string_buffer<Elem, Traits, Allocator>
dynamic_buffer(std::basic_string<Elem, Traits, Allocator> &data) noexcept;

// ---- sockets ---------------------------------------------------------------
class socket_base {
public:
  enum shutdown_type { shutdown_receive, shutdown_send, shutdown_both };
  static constexpr int max_listen_connections = 4096;
};

template <class Protocol, class Executor = any_io_executor>
class basic_socket : public socket_base {
public:
  using executor_type = Executor;
  using protocol_type = Protocol;
  using endpoint_type = typename Protocol::endpoint;
  using lowest_layer_type = basic_socket;

  executor_type get_executor() noexcept;
  lowest_layer_type &lowest_layer();
  void open(const protocol_type &protocol = protocol_type());
  bool is_open() const;
  /// Synchronous: a socket is not an async resource.
  void close();
  void close(error_code &ec);
  void cancel();
  void shutdown(shutdown_type what);
  void shutdown(shutdown_type what, error_code &ec);
  void connect(const endpoint_type &peer_endpoint);
  void connect(const endpoint_type &peer_endpoint, error_code &ec);
  template <class ConnectToken = default_completion_token_t>
  auto async_connect(const endpoint_type &peer_endpoint,
                     ConnectToken &&token = ConnectToken())
      -> async_result_t<ConnectToken, void(error_code)> {
    return async_result_t<ConnectToken, void(error_code)>();
  }
  endpoint_type local_endpoint() const;
  endpoint_type remote_endpoint() const;

protected:
  explicit basic_socket(const executor_type &ex);
  basic_socket(basic_socket &&other) noexcept;
  ~basic_socket();
};

template <class Protocol, class Executor = any_io_executor>
class basic_stream_socket : public basic_socket<Protocol, Executor> {
public:
  using executor_type = Executor;
  using endpoint_type = typename Protocol::endpoint;

  explicit basic_stream_socket(const executor_type &ex);
  template <class ExecutionContext>
    requires detail::is_context_like<ExecutionContext>
  explicit basic_stream_socket(ExecutionContext &context)
      : basic_socket<Protocol, Executor>(context.get_executor()) {}
  basic_stream_socket(basic_stream_socket &&other) noexcept;
  ~basic_stream_socket();

  template <class ConstBufferSequence>
  std::size_t send(const ConstBufferSequence &buffers);
  template <class MutableBufferSequence>
  std::size_t receive(const MutableBufferSequence &buffers);
  template <class ConstBufferSequence>
  std::size_t write_some(const ConstBufferSequence &buffers);
  template <class ConstBufferSequence>
  std::size_t write_some(const ConstBufferSequence &buffers, error_code &ec);
  template <class MutableBufferSequence>
  std::size_t read_some(const MutableBufferSequence &buffers);
  template <class MutableBufferSequence>
  std::size_t read_some(const MutableBufferSequence &buffers, error_code &ec);

  template <class ConstBufferSequence,
            class WriteToken = default_completion_token_t>
  auto async_send(const ConstBufferSequence &buffers, WriteToken &&token = WriteToken())
      -> async_result_t<WriteToken, void(error_code, std::size_t)> {
    return async_result_t<WriteToken, void(error_code, std::size_t)>();
  }
  template <class MutableBufferSequence,
            class ReadToken = default_completion_token_t>
  auto async_receive(const MutableBufferSequence &buffers, ReadToken &&token = ReadToken())
      -> async_result_t<ReadToken, void(error_code, std::size_t)> {
    return async_result_t<ReadToken, void(error_code, std::size_t)>();
  }
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
};

template <class Protocol, class Executor = any_io_executor>
class basic_socket_acceptor : public socket_base {
public:
  using executor_type = Executor;
  using protocol_type = Protocol;
  using endpoint_type = typename Protocol::endpoint;

  explicit basic_socket_acceptor(const executor_type &ex);
  basic_socket_acceptor(const executor_type &ex, const endpoint_type &endpoint,
                        bool reuse_addr = true);
  template <class ExecutionContext>
    requires detail::is_context_like<ExecutionContext>
  explicit basic_socket_acceptor(ExecutionContext &context) {}
  template <class ExecutionContext>
    requires detail::is_context_like<ExecutionContext>
  basic_socket_acceptor(ExecutionContext &context, const endpoint_type &endpoint,
                        bool reuse_addr = true) {}
  basic_socket_acceptor(basic_socket_acceptor &&other) noexcept;
  ~basic_socket_acceptor();

  executor_type get_executor() noexcept;
  void open(const protocol_type &protocol = protocol_type());
  void bind(const endpoint_type &endpoint);
  void listen(int backlog = socket_base::max_listen_connections);
  bool is_open() const;
  /// Synchronous: an acceptor is not an async resource.
  void close();
  void cancel();
  endpoint_type local_endpoint() const;

  template <class Protocol1, class Executor1>
  void accept(basic_socket<Protocol1, Executor1> &peer);
  template <class Protocol1, class Executor1>
  void accept(basic_socket<Protocol1, Executor1> &peer, error_code &ec);
  typename Protocol::socket accept();
  typename Protocol::socket accept(error_code &ec);

  template <class MoveAcceptToken = default_completion_token_t>
  auto async_accept(MoveAcceptToken &&token = MoveAcceptToken())
      -> async_result_t<MoveAcceptToken, void(error_code, typename Protocol::socket)> {
    return async_result_t<MoveAcceptToken, void(error_code, typename Protocol::socket)>();
  }
  template <class Protocol1, class Executor1,
            class AcceptToken = default_completion_token_t>
  auto async_accept(basic_socket<Protocol1, Executor1> &peer,
                    AcceptToken &&token = AcceptToken())
      -> async_result_t<AcceptToken, void(error_code)> {
    return async_result_t<AcceptToken, void(error_code)>();
  }
};

// ---- timers ----------------------------------------------------------------
template <class Clock> struct wait_traits {};

template <class Clock, class WaitTraits = wait_traits<Clock>,
          class Executor = any_io_executor>
class basic_waitable_timer {
public:
  using executor_type = Executor;
  using clock_type = Clock;
  using duration = typename Clock::duration;
  using time_point = typename Clock::time_point;

  explicit basic_waitable_timer(const executor_type &ex);
  template <class ExecutionContext>
    requires detail::is_context_like<ExecutionContext>
  explicit basic_waitable_timer(ExecutionContext &context) {}
  // Real asio takes `const duration &`; the mock <chrono> has no duration
  // conversions, so these accept any duration.
  template <class Rep, class Period>
  basic_waitable_timer(const executor_type &ex,
                       const std::chrono::duration<Rep, Period> &expiry_time);
  template <class ExecutionContext, class Rep, class Period>
    requires detail::is_context_like<ExecutionContext>
  basic_waitable_timer(ExecutionContext &context,
                       const std::chrono::duration<Rep, Period> &expiry_time) {}
  basic_waitable_timer(basic_waitable_timer &&other) noexcept;
  ~basic_waitable_timer();

  executor_type get_executor() noexcept;
  /// Synchronous: a timer is not an async resource.
  std::size_t cancel();
  std::size_t cancel_one();
  time_point expiry() const;
  std::size_t expires_at(const time_point &expiry_time);
  template <class Rep, class Period>
  std::size_t expires_after(const std::chrono::duration<Rep, Period> &expiry_time);

  void wait();
  void wait(error_code &ec);
  template <class WaitToken = default_completion_token_t>
  auto async_wait(WaitToken &&token = WaitToken())
      -> async_result_t<WaitToken, void(error_code)> {
    return async_result_t<WaitToken, void(error_code)>();
  }
};
using steady_timer = basic_waitable_timer<std::chrono::steady_clock>;
using system_timer = basic_waitable_timer<std::chrono::system_clock>;

// ---- ip --------------------------------------------------------------------
namespace ip {
class address {
public:
  address() noexcept;
};
address make_address(const char *str);
address make_address(const std::string &str);

template <class InternetProtocol> class basic_endpoint {
public:
  using protocol_type = InternetProtocol;
  basic_endpoint() noexcept;
  basic_endpoint(const InternetProtocol &internet_protocol, unsigned short port_num) noexcept;
  basic_endpoint(const address &addr, unsigned short port_num) noexcept;
  unsigned short port() const noexcept;
  ip::address address() const noexcept;
};

template <class InternetProtocol> class basic_resolver_entry {
public:
  typename InternetProtocol::endpoint endpoint() const;
};

template <class InternetProtocol> class basic_resolver_results {
public:
  using endpoint_type = typename InternetProtocol::endpoint;
  using const_iterator = const basic_resolver_entry<InternetProtocol> *;
  basic_resolver_results();
  std::size_t size() const noexcept;
  bool empty() const noexcept;
  const_iterator begin() const;
  const_iterator end() const;
};

template <class InternetProtocol, class Executor = any_io_executor>
class basic_resolver {
public:
  using executor_type = Executor;
  using protocol_type = InternetProtocol;
  using endpoint_type = typename InternetProtocol::endpoint;
  using results_type = basic_resolver_results<InternetProtocol>;

  explicit basic_resolver(const executor_type &ex);
  template <class ExecutionContext>
    requires detail::is_context_like<ExecutionContext>
  explicit basic_resolver(ExecutionContext &context) {}
  ~basic_resolver();

  executor_type get_executor() noexcept;
  void cancel();
  results_type resolve(const std::string &host, const std::string &service);
  results_type resolve(const std::string &host, const std::string &service,
                       error_code &ec);
  template <class ResolveToken = default_completion_token_t>
  auto async_resolve(const std::string &host, const std::string &service,
                     ResolveToken &&token = ResolveToken())
      -> async_result_t<ResolveToken, void(error_code, results_type)> {
    return async_result_t<ResolveToken, void(error_code, results_type)>();
  }
};

class tcp {
public:
  using endpoint = basic_endpoint<tcp>;
  using socket = basic_stream_socket<tcp>;
  using acceptor = basic_socket_acceptor<tcp>;
  using resolver = basic_resolver<tcp>;
  static tcp v4() noexcept;
  static tcp v6() noexcept;
  tcp() noexcept;
};
} // namespace ip

// ---- composed operations (read.hpp, write.hpp, connect.hpp) ----------------
template <class SyncReadStream, class MutableBufferSequence>
std::size_t read(SyncReadStream &s, const MutableBufferSequence &buffers);
template <class SyncReadStream, class MutableBufferSequence>
std::size_t read(SyncReadStream &s, const MutableBufferSequence &buffers, error_code &ec);
template <class SyncWriteStream, class ConstBufferSequence>
std::size_t write(SyncWriteStream &s, const ConstBufferSequence &buffers);
template <class SyncWriteStream, class ConstBufferSequence>
std::size_t write(SyncWriteStream &s, const ConstBufferSequence &buffers, error_code &ec);
template <class SyncReadStream, class DynamicBuffer>
std::size_t read_until(SyncReadStream &s, DynamicBuffer &&buffers, char delim);
template <class SyncReadStream, class DynamicBuffer>
std::size_t read_until(SyncReadStream &s, DynamicBuffer &&buffers, const std::string &delim);

template <class AsyncReadStream, class MutableBufferSequence,
          class ReadToken = default_completion_token_t>
auto async_read(AsyncReadStream &s, const MutableBufferSequence &buffers,
                ReadToken &&token = ReadToken())
    -> async_result_t<ReadToken, void(error_code, std::size_t)> {
  return async_result_t<ReadToken, void(error_code, std::size_t)>();
}
template <class AsyncWriteStream, class ConstBufferSequence,
          class WriteToken = default_completion_token_t>
auto async_write(AsyncWriteStream &s, const ConstBufferSequence &buffers,
                 WriteToken &&token = WriteToken())
    -> async_result_t<WriteToken, void(error_code, std::size_t)> {
  return async_result_t<WriteToken, void(error_code, std::size_t)>();
}
template <class AsyncReadStream, class DynamicBuffer,
          class ReadToken = default_completion_token_t>
auto async_read_until(AsyncReadStream &s, DynamicBuffer &&buffers, char delim,
                      ReadToken &&token = ReadToken())
    -> async_result_t<ReadToken, void(error_code, std::size_t)> {
  return async_result_t<ReadToken, void(error_code, std::size_t)>();
}

template <class Protocol, class Executor, class EndpointSequence>
typename Protocol::endpoint connect(basic_socket<Protocol, Executor> &s,
                                    const EndpointSequence &endpoints);
template <class Protocol, class Executor, class EndpointSequence>
typename Protocol::endpoint connect(basic_socket<Protocol, Executor> &s,
                                    const EndpointSequence &endpoints, error_code &ec);
template <class Protocol, class Executor, class EndpointSequence,
          class RangeConnectToken = default_completion_token_t>
auto async_connect(basic_socket<Protocol, Executor> &s, const EndpointSequence &endpoints,
                   RangeConnectToken &&token = RangeConnectToken())
    -> async_result_t<RangeConnectToken, void(error_code, typename Protocol::endpoint)> {
  return async_result_t<RangeConnectToken, void(error_code, typename Protocol::endpoint)>();
}
