//===--- main.cpp - linesvc entry point -----------------------------------===//
//
// Usage: linesvc [config-file]
//
//===----------------------------------------------------------------------===//

#include "config.hpp"
#include "server.hpp"

#include <asio.hpp>

#include <chrono>
#include <csignal>
#include <iostream>
#include <optional>
#include <thread>
#include <vector>

using asio::ip::tcp;
using namespace std::chrono_literals;

namespace {

/// Opens the listening socket. Right after a restart the port can still be
/// held by the previous process for a moment, so retry a few times.
tcp::acceptor bindWithRetry(asio::io_context &Io, const tcp::endpoint &Endpoint,
                            int Attempts) {
  for (int Attempt = 1;; ++Attempt) {
    try {
      return tcp::acceptor(Io, Endpoint, /*reuse_addr=*/true);
    } catch (const std::system_error &E) {
      if (E.code() != asio::error::address_in_use || Attempt >= Attempts)
        throw;
      std::cerr << "linesvc: " << Endpoint << " in use, retrying\n";
      std::this_thread::sleep_for(500ms);
    }
  }
}

} // namespace

int main(int Argc, char **Argv) {
  linesvc::Config Cfg;
  try {
    if (Argc > 1)
      Cfg = linesvc::loadConfig(Argv[1]);
  } catch (const std::exception &E) {
    std::cerr << "linesvc: " << E.what() << "\n";
    return 1;
  }

  asio::io_context Io;
  asio::thread_pool Pool(Cfg.WorkerThreads);
  std::optional<linesvc::Server> Server;
  try {
    tcp::endpoint Endpoint(asio::ip::make_address(Cfg.ListenAddress), Cfg.Port);
    Server.emplace(Io, Pool, Cfg, bindWithRetry(Io, Endpoint, 10));
    std::cout << "linesvc: listening on " << Endpoint << std::endl;
  } catch (const std::exception &E) {
    std::cerr << "linesvc: " << E.what() << "\n";
    return 1;
  }
  Server->start();

  asio::signal_set Signals(Io, SIGINT, SIGTERM);
  Signals.async_wait([&Io](const asio::error_code &Ec, int Signal) {
    if (!Ec) {
      std::cout << "linesvc: caught signal " << Signal << ", stopping"
                << std::endl;
      Io.stop();
    }
  });

  std::vector<std::thread> Threads;
  for (unsigned I = 1; I < Cfg.IoThreads; ++I)
    Threads.emplace_back([&Io] { Io.run(); });
  Io.run();
  for (std::thread &Thread : Threads)
    Thread.join();
  Pool.join();
  return 0;
}
