// Mock <coro/net/socket.hpp> (libcoro v0.17): a socket whose blocking mode
// is an option of make_socket or set by blocking().
#pragma once
#include <utility>

namespace coro::net {
enum class domain_t { ipv4, ipv6 };

class socket {
public:
  enum class type_t { udp, tcp };
  enum class blocking_t { yes, no };
  struct options {
    domain_t domain;
    type_t type;
    blocking_t blocking;
  };

  socket() = default;
  explicit socket(int fd) : m_fd(fd) {}
  socket(socket &&other) : m_fd(std::exchange(other.m_fd, -1)) {}
  ~socket() { close(); }

  auto blocking(blocking_t block) -> bool;
  auto close() -> void;
  auto native_handle() const -> int { return m_fd; }

private:
  int m_fd{-1};
};

auto make_socket(const socket::options &opts) -> socket;
} // namespace coro::net
