// Mock <coro/net/tcp/client.hpp> (libcoro v0.17): its constructors make its
// socket with blocking_t::no (in client.cpp).
#pragma once
#include <coro/io_scheduler.hpp>
#include <coro/net/socket.hpp>
#include <memory>

namespace coro::net::tcp {
class client {
public:
  struct options {
    int port;
  };
  client(std::shared_ptr<io_scheduler> scheduler, options opts);
  auto socket() -> net::socket & { return m_socket; }

private:
  net::socket m_socket;
};
} // namespace coro::net::tcp
