//===--- session.cpp - linesvc client sessions ----------------------------===//
//
// Line protocol, one command per line:
//   PING | ECHO <text> | GET <file> | HASH <text> | LOOKUP <host> | QUIT
//
//===----------------------------------------------------------------------===//

#include "server.hpp"

#include <netdb.h>
#include <sys/socket.h>

#include <cctype>
#include <chrono>
#include <future>
#include <iomanip>
#include <iostream>
#include <optional>
#include <sstream>
#include <type_traits>
#include <vector>

namespace linesvc {
namespace {

using asio::ip::tcp;
using Clock = std::chrono::steady_clock;

constexpr std::size_t MaxLineLength = 4096;

struct Connection {
  explicit Connection(tcp::socket S)
      : Socket(std::move(S)), IdleTimer(Socket.get_executor()) {}

  tcp::socket Socket;
  asio::steady_timer IdleTimer;
  Clock::time_point Deadline;
  std::string Peer;
};

std::string describePeer(const tcp::socket &Socket) {
  asio::error_code Ec;
  tcp::endpoint Endpoint = Socket.remote_endpoint(Ec);
  if (Ec)
    return "<unknown>";
  std::ostringstream Out;
  Out << Endpoint;
  return Out.str();
}

/// Runs \p Work on \p Pool and resumes the awaiting coroutine on its own
/// executor with the result.
template <typename Fn> auto runOnPool(asio::thread_pool &Pool, Fn Work) {
  using Result = std::invoke_result_t<Fn &>;
  return asio::async_initiate<const asio::use_awaitable_t<> &, void(Result)>(
      [&Pool](auto Handler, Fn Work) {
        asio::post(Pool, [Handler = std::move(Handler),
                          Work = std::move(Work)]() mutable {
          Result Value = Work();
          auto Executor = asio::get_associated_executor(Handler);
          asio::post(Executor, [Handler = std::move(Handler),
                                Value = std::move(Value)]() mutable {
            std::move(Handler)(std::move(Value));
          });
        });
      },
      asio::use_awaitable, std::move(Work));
}

/// Iterated FNV-1a: deliberately slow, like a password hash.
std::uint64_t stretchedDigest(const std::string &Text, unsigned Rounds) {
  std::uint64_t Hash = 14695981039346656037ull;
  for (unsigned Round = 0; Round < Rounds; ++Round)
    for (unsigned char C : Text)
      Hash = (Hash ^ C) * 1099511628211ull;
  return Hash;
}

bool isSafeFileName(const std::string &Name) {
  return !Name.empty() && Name.front() != '.' &&
         Name.find('/') == std::string::npos;
}

asio::awaitable<void> sendLine(tcp::socket &Socket, std::string Line) {
  Line += "\r\n";
  co_await asio::async_write(Socket, asio::buffer(Line), asio::use_awaitable);
}

asio::awaitable<void> sendGreeting(tcp::socket &Socket, const Config &Cfg) {
  co_await sendLine(Socket, "HELLO linesvc ready");
  for (const std::string &Line : Cfg.Motd)
    co_await sendLine(Socket, "MOTD " + Line);
}

/// Closes the connection once nothing has been received for a while.
asio::awaitable<void> watchdog(std::shared_ptr<Connection> Conn) {
  asio::error_code Ec;
  while (Conn->Socket.is_open()) {
    if (Conn->Deadline <= Clock::now()) {
      Conn->Socket.close(Ec);
      break;
    }
    Conn->IdleTimer.expires_at(Conn->Deadline);
    co_await Conn->IdleTimer.async_wait(
        asio::redirect_error(asio::use_awaitable, Ec));
  }
}

asio::awaitable<void> handleGet(tcp::socket &Socket, ServerContext &Ctx,
                                const std::string &Name) {
  if (!isSafeFileName(Name)) {
    co_await sendLine(Socket, "ERR bad file name");
    co_return;
  }
  std::string Path = Ctx.Cfg.DocumentRoot + "/" + Name;
  // Reading from disk can stall; do it on the worker pool.
  std::optional<std::string> Body =
      co_await runOnPool(Ctx.Pool, [Path]() -> std::optional<std::string> {
        std::FILE *File = std::fopen(Path.c_str(), "rb");
        if (!File)
          return std::nullopt;
        std::string Data;
        char Chunk[4096];
        while (std::size_t N = std::fread(Chunk, 1, sizeof(Chunk), File))
          Data.append(Chunk, N);
        std::fclose(File);
        return Data;
      });
  if (!Body) {
    co_await sendLine(Socket, "ERR not found");
    co_return;
  }
  co_await sendLine(Socket, "OK " + std::to_string(Body->size()));
  co_await asio::async_write(Socket, asio::buffer(*Body), asio::use_awaitable);
}

asio::awaitable<void> handleHash(tcp::socket &Socket, const std::string &Text) {
  // Hashing takes a while, so run it on another thread.
  std::future<std::uint64_t> Pending = std::async(
      std::launch::async, [Text] { return stretchedDigest(Text, 200000); });
  std::uint64_t Digest = Pending.get(); // BUG: waits for the future
  std::ostringstream Out;
  Out << "HASH " << std::hex << std::setw(16) << std::setfill('0') << Digest;
  co_await sendLine(Socket, Out.str());
}

asio::awaitable<void> handleLookup(tcp::socket &Socket,
                                   const std::string &Host) {
  addrinfo Hints{};
  Hints.ai_family = AF_UNSPEC;
  Hints.ai_socktype = SOCK_STREAM;
  addrinfo *Found = nullptr;
  int Rc = ::getaddrinfo(Host.c_str(), nullptr, &Hints, &Found); // BUG: DNS
  if (Rc != 0) {
    co_await sendLine(Socket, std::string("ERR ") + ::gai_strerror(Rc));
    co_return;
  }
  std::vector<std::string> Addresses;
  for (addrinfo *Info = Found; Info; Info = Info->ai_next) {
    char Text[NI_MAXHOST];
    if (::getnameinfo(Info->ai_addr, Info->ai_addrlen, Text, sizeof(Text),
                      nullptr, 0, NI_NUMERICHOST) == 0)
      Addresses.emplace_back(Text);
  }
  ::freeaddrinfo(Found);
  for (const std::string &Address : Addresses)
    co_await sendLine(Socket, "ADDR " + Address);
  co_await sendLine(Socket, "END");
}

/// Handles one request line; returns false when the client is done.
asio::awaitable<bool> handleCommand(Connection &Conn, ServerContext &Ctx,
                                    const std::string &Line) {
  std::istringstream Request(Line);
  std::string Command, Argument;
  Request >> Command;
  std::getline(Request >> std::ws, Argument);
  for (char &C : Command)
    C = static_cast<char>(std::toupper(static_cast<unsigned char>(C)));

  tcp::socket &Socket = Conn.Socket;
  if (Command == "PING") {
    co_await sendLine(Socket, "PONG");
  } else if (Command == "ECHO") {
    co_await sendLine(Socket, Argument);
  } else if (Command == "GET") {
    co_await handleGet(Socket, Ctx, Argument);
  } else if (Command == "HASH") {
    co_await handleHash(Socket, Argument);
  } else if (Command == "LOOKUP") {
    co_await handleLookup(Socket, Argument);
  } else if (Command == "QUIT") {
    sendLine(Socket, "BYE"); // BUG: never sent, missing co_await
    co_return false;
  } else if (!Command.empty()) {
    co_await sendLine(Socket, "ERR unknown command " + Command);
  }
  co_return true;
}

} // namespace

asio::awaitable<void> runSession(tcp::socket Socket, ServerContext &Ctx) {
  auto Conn = std::make_shared<Connection>(std::move(Socket));
  Conn->Peer = describePeer(Conn->Socket);
  Conn->Deadline = Clock::now() + Ctx.Cfg.IdleTimeout;
  ++Ctx.Stats.Active;
  asio::co_spawn(Conn->Socket.get_executor(), watchdog(Conn),
                 asio::detached); // BUG: watchdog()'s exception is dropped

  sendGreeting(Conn->Socket, Ctx.Cfg); // BUG: greeting is never sent

  std::string Buffer;
  try {
    for (bool KeepGoing = true; KeepGoing;) {
      std::size_t Length = co_await asio::async_read_until(
          Conn->Socket, asio::dynamic_buffer(Buffer, MaxLineLength), '\n',
          asio::use_awaitable);
      std::string Line = Buffer.substr(0, Length);
      Buffer.erase(0, Length);
      while (!Line.empty() && (Line.back() == '\n' || Line.back() == '\r'))
        Line.pop_back();
      Conn->Deadline = Clock::now() + Ctx.Cfg.IdleTimeout;
      ++Ctx.Stats.Requests;

      if (std::FILE *Log = Ctx.AccessLog.get()) {
        // fwrite may block on a slow disk; keep it off the I/O threads.
        asio::post(Ctx.Pool, [Log, Entry = Conn->Peer + " " + Line + "\n"] {
          std::fwrite(Entry.data(), 1, Entry.size(), Log);
          std::fflush(Log);
        });
      }
      KeepGoing = co_await handleCommand(*Conn, Ctx, Line);
    }
  } catch (const std::system_error &E) {
    if (E.code() != asio::error::eof &&
        E.code() != asio::error::operation_aborted)
      std::cerr << Conn->Peer << ": " << E.what() << "\n";
  }

  --Ctx.Stats.Active;
  asio::error_code Ignored;
  Conn->Socket.shutdown(tcp::socket::shutdown_both, Ignored);
  Conn->Socket.close(Ignored);
  Conn->IdleTimer.cancel();
}

} // namespace linesvc
