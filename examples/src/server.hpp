//===--- server.hpp - linesvc listener and shared state ---------*- C++ -*-===//

#ifndef LINESVC_SERVER_HPP
#define LINESVC_SERVER_HPP

#include "config.hpp"

#include <asio.hpp>

#include <atomic>
#include <cstdint>
#include <cstdio>
#include <memory>

namespace linesvc {

struct ServerStats {
  std::atomic<std::uint64_t> Accepted{0};
  std::atomic<std::uint64_t> Active{0};
  std::atomic<std::uint64_t> Requests{0};
};

struct FileCloser {
  void operator()(std::FILE *File) const { std::fclose(File); }
};

/// State shared by the listener and all sessions.
struct ServerContext {
  const Config &Cfg;
  /// Runs blocking work (disk I/O, hashing) away from the I/O threads.
  asio::thread_pool &Pool;
  ServerStats Stats;
  /// Null when no access log is configured.
  std::unique_ptr<std::FILE, FileCloser> AccessLog;
};

/// Serves one client until it disconnects, sends QUIT or stays idle for
/// longer than the configured timeout.
asio::awaitable<void> runSession(asio::ip::tcp::socket Socket,
                                 ServerContext &Ctx);

class Server {
public:
  Server(asio::io_context &Io, asio::thread_pool &Pool, const Config &Cfg,
         asio::ip::tcp::acceptor Acceptor);

  /// Starts accepting connections and the heartbeat; returns immediately.
  void start();

private:
  asio::awaitable<void> listen();
  asio::awaitable<void> heartbeat();

  asio::io_context &Io;
  asio::strand<asio::io_context::executor_type> Strand;
  asio::ip::tcp::acceptor Acceptor;
  ServerContext Ctx;
};

} // namespace linesvc

#endif // LINESVC_SERVER_HPP
