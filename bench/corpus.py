"""A generated project of coroutine code on Debian's asio (libasio-dev):
N translation units of a few hundred lines each, with the idioms real asio
code uses (sessions, acceptors, timers, strands of work handed to
co_spawn, locks, error handling) and a few bugs of each kind. Every unit
includes include/common.h; every fifth also includes include/protocol.h,
so that editing that header touches a fifth of the project."""
import json
import os

FLAGS = ["-std=c++20", "-DASIO_HAS_CO_AWAIT", "-DASIO_HAS_STD_COROUTINE"]

COMMON_H = """#pragma once
#include <asio.hpp>
#include <chrono>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

namespace corpus {
using asio::ip::tcp;

struct stats {
  int beats = 0;
  int errors = 0;
};

struct shared_state {
  std::mutex mutex;
  std::string last;
};

void log_error(const char *where, const char *what);
} // namespace corpus
"""

PROTOCOL_H = """#pragma once
#include "common.h"

namespace corpus::protocol {
struct frame {
  std::uint32_t size = 0;
  std::string payload;
};

inline std::string encode(const frame &f) {
  return std::to_string(f.size) + ":" + f.payload;
}
} // namespace corpus::protocol
"""

# Each template is one function; {n} makes its name unique in the unit.
TEMPLATES = [
    # An echo session that ends on error: no finding.
    """asio::awaitable<void> echo_{n}(tcp::socket socket) {
  try {
    char data[1024];
    for (;;) {
      std::size_t n = co_await socket.async_read_some(asio::buffer(data),
                                                      asio::use_awaitable);
      co_await asio::async_write(socket, asio::buffer(data, n),
                                 asio::use_awaitable);
    }
  } catch (const std::exception &e) {
    log_error("echo_{n}", e.what());
  }
}
""",
    # A timer loop: no finding.
    """asio::awaitable<void> heartbeat_{n}(asio::steady_timer &timer, stats &s) {
  for (int i = 0; i < 10; ++i) {
    timer.expires_after(std::chrono::milliseconds(100 + i));
    co_await timer.async_wait(asio::use_awaitable);
    s.beats += 1;
  }
}
""",
    # An acceptor handing each socket to a detached session: no finding.
    """asio::awaitable<void> serve_{n}(tcp::socket socket) {
  char data[512];
  std::size_t n = co_await socket.async_read_some(asio::buffer(data),
                                                  asio::use_awaitable);
  co_await asio::async_write(socket, asio::buffer(data, n),
                             asio::use_awaitable);
}

asio::awaitable<void> listener_{n}(unsigned short port) {
  auto executor = co_await asio::this_coro::executor;
  tcp::acceptor acceptor(executor, {tcp::v4(), port});
  for (;;) {
    tcp::socket socket = co_await acceptor.async_accept(asio::use_awaitable);
    asio::co_spawn(executor, serve_{n}(std::move(socket)), asio::detached);
  }
}
""",
    # A blocking sleep between retries: a finding.
    """asio::awaitable<void> retry_{n}(tcp::socket &socket, const std::string &msg) {
  for (int attempt = 0; attempt < 3; ++attempt) {
    asio::error_code ec;
    co_await asio::async_write(socket, asio::buffer(msg),
                               asio::redirect_error(asio::use_awaitable, ec));
    if (!ec)
      co_return;
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
}
""",
    # A lock held across co_await: a finding.
    """asio::awaitable<void> publish_{n}(shared_state &state, tcp::socket &socket) {
  std::lock_guard<std::mutex> lock(state.mutex);
  std::string snapshot = state.last;
  co_await asio::async_write(socket, asio::buffer(snapshot),
                             asio::use_awaitable);
}
""",
    # The lock released before co_await: no finding.
    """asio::awaitable<void> publish_ok_{n}(shared_state &state,
                                    tcp::socket &socket) {
  std::string snapshot;
  {
    std::lock_guard<std::mutex> lock(state.mutex);
    snapshot = state.last;
  }
  co_await asio::async_write(socket, asio::buffer(snapshot),
                             asio::use_awaitable);
}
""",
    # Plain code, as most of a project is.
    """std::vector<std::string> split_{n}(const std::string &line, char sep) {
  std::vector<std::string> parts;
  std::string current;
  for (char c : line) {
    if (c == sep) {
      parts.push_back(current);
      current.clear();
    } else {
      current += c;
    }
  }
  parts.push_back(current);
  return parts;
}

int checksum_{n}(const std::vector<std::string> &parts) {
  int sum = 0;
  for (const std::string &part : parts)
    for (char c : part)
      sum = (sum * 31 + c) % 65521;
  return sum;
}
""",
    # Reading lines with an error code: no finding.
    """asio::awaitable<int> read_lines_{n}(tcp::socket &socket, stats &s) {
  std::string buffer;
  int lines = 0;
  for (;;) {
    asio::error_code ec;
    std::size_t n = co_await asio::async_read_until(
        socket, asio::dynamic_buffer(buffer), '\\n',
        asio::redirect_error(asio::use_awaitable, ec));
    if (ec) {
      s.errors += 1;
      co_return lines;
    }
    buffer.erase(0, n);
    ++lines;
  }
}
""",
]

PROTOCOL_TEMPLATE = """asio::awaitable<void> send_frame_{n}(tcp::socket &socket,
                                   const protocol::frame &f) {
  std::string wire = protocol::encode(f);
  co_await asio::async_write(socket, asio::buffer(wire), asio::use_awaitable);
}
"""


def unit_source(index, with_protocol):
    lines = ['#include "common.h"']
    if with_protocol:
        lines.append('#include "protocol.h"')
    lines += ["", "namespace corpus {", ""]
    # Rotate the templates so that units differ; about 250 lines each.
    for k in range(20):
        template = TEMPLATES[(index + k) % len(TEMPLATES)]
        lines.append(template.replace("{n}", "%d_%d" % (index, k)))
    if with_protocol:
        lines.append(PROTOCOL_TEMPLATE.replace("{n}", str(index)))
    lines.append("} // namespace corpus")
    return "\n".join(lines) + "\n"


def write_corpus(root, units):
    """Writes the project under root and returns the build directory that
    holds its compile_commands.json."""
    include = os.path.join(root, "include")
    src = os.path.join(root, "src")
    build = os.path.join(root, "build")
    for directory in (include, src, build):
        os.makedirs(directory, exist_ok=True)
    with open(os.path.join(include, "common.h"), "w") as f:
        f.write(COMMON_H)
    with open(os.path.join(include, "protocol.h"), "w") as f:
        f.write(PROTOCOL_H)
    entries = []
    for i in range(units):
        path = os.path.join(src, "unit_%02d.cpp" % i)
        with open(path, "w") as f:
            f.write(unit_source(i, with_protocol=i % 5 == 0))
        # As CMake writes it: a relative-free command run in the build
        # directory, with the output file.
        entries.append({
            "directory": build,
            "file": path,
            "arguments": ["clang++"] + FLAGS + ["-I" + include, "-o",
                                                "unit_%02d.o" % i, "-c", path],
        })
    with open(os.path.join(build, "compile_commands.json"), "w") as f:
        json.dump(entries, f, indent=1)
    return build
