//===--- server.cpp - linesvc listener ------------------------------------===//

#include "server.hpp"

#include <algorithm>
#include <chrono>
#include <iostream>
#include <thread>

namespace linesvc {

using asio::ip::tcp;
using namespace std::chrono_literals;

Server::Server(asio::io_context &Io, asio::thread_pool &Pool, const Config &Cfg,
               tcp::acceptor Acceptor)
    : Io(Io), Strand(asio::make_strand(Io)),
      Acceptor(std::move(Acceptor)), Ctx{Cfg, Pool, {}, nullptr} {
  if (!Cfg.AccessLogPath.empty()) {
    Ctx.AccessLog.reset(std::fopen(Cfg.AccessLogPath.c_str(), "a"));
    if (!Ctx.AccessLog)
      std::cerr << "warning: cannot open access log " << Cfg.AccessLogPath
                << "\n";
  }
}

void Server::start() {
  asio::co_spawn(Strand, listen(),
                 asio::detached); // BUG: listen()'s exception is dropped
  asio::co_spawn(Strand, heartbeat(),
                 asio::detached); // BUG: heartbeat()'s exception is dropped
}

asio::awaitable<void> Server::listen() {
  const std::chrono::milliseconds InitialBackoff = 50ms;
  const std::chrono::milliseconds MaxBackoff = 2s;
  std::chrono::milliseconds Backoff = InitialBackoff;

  for (;;) {
    asio::error_code Ec;
    // Each connection gets its own strand so that a session and its
    // watchdog never run concurrently.
    tcp::socket Socket = co_await Acceptor.async_accept(
        asio::make_strand(Io), asio::redirect_error(asio::use_awaitable, Ec));
    if (Ec == asio::error::operation_aborted)
      co_return;
    if (Ec) {
      // Usually EMFILE: give existing sessions a chance to finish.
      std::cerr << "accept failed: " << Ec.message() << "; retrying in "
                << Backoff.count() << "ms\n";
      std::this_thread::sleep_for(Backoff); // BUG: sleeps on the I/O thread
      Backoff = std::min(Backoff * 2, MaxBackoff);
      continue;
    }
    Backoff = InitialBackoff;
    ++Ctx.Stats.Accepted;

    auto Executor = Socket.get_executor();
    // runSession() (session.cpp) handles its own errors: the whole-program
    // facts say so, and detached drops nothing.
    asio::co_spawn(Executor, runSession(std::move(Socket), Ctx),
                   asio::detached);
  }
}

asio::awaitable<void> Server::heartbeat() {
  asio::steady_timer Timer(co_await asio::this_coro::executor);
  for (;;) {
    Timer.expires_after(Ctx.Cfg.HeartbeatInterval);
    co_await Timer.async_wait(asio::use_awaitable);
    std::cout << "heartbeat: " << Ctx.Stats.Active << " active, "
              << Ctx.Stats.Accepted << " accepted, " << Ctx.Stats.Requests
              << " requests" << std::endl;
  }
}

} // namespace linesvc
