// A program whose resource shows when it is released: built against
// Debian's real asio, run before and after coroguard's fix-its
// (test/integration/portable-release-runs.test). `session` is an async
// resource by annotation; its close() prints.
#include <asio.hpp>
#include <coroguard/annotations.h>

#include <chrono>
#include <cstdio>
#include <stdexcept>

class COROGUARD_ASYNC_RESOURCE session {
public:
  session(asio::any_io_executor executor, const char *name)
      : timer_(executor), name_(name) {}
  session(session &&) noexcept = default;

  asio::awaitable<void> send(bool fail) {
    timer_.expires_after(std::chrono::milliseconds(1));
    co_await timer_.async_wait(asio::use_awaitable);
    if (fail)
      throw std::runtime_error(std::string(name_) + ": send failed");
  }

  COROGUARD_CLEANUP asio::awaitable<void> close() {
    timer_.expires_after(std::chrono::milliseconds(1));
    co_await timer_.async_wait(asio::use_awaitable);
    std::printf("%s: closed\n", name_);
  }

private:
  asio::steady_timer timer_;
  const char *name_;
};

asio::awaitable<session> open_session(const char *name) {
  co_return session(co_await asio::this_coro::executor, name);
}

// The close is on the happy path only: a failed send skips it.
asio::awaitable<void> happy_path(bool fail) {
  session s = co_await open_session("happy-path");
  co_await s.send(fail);
  co_await s.close();
}

// An early co_return skips the close.
asio::awaitable<int> early_return(bool quick) {
  session s = co_await open_session("early-return");
  if (quick)
    co_return 1;
  co_await s.send(false);
  co_await s.close();
  co_return 2;
}

/// The caller: prints what its coroutine ended with.
auto report(const char *what) {
  return [what](std::exception_ptr error, auto... result) {
    try {
      if (error)
        std::rethrow_exception(error);
      std::printf("%s: returned", what);
      ((std::printf(" %d", int(result))), ...);
      std::printf("\n");
    } catch (const std::exception &e) {
      std::printf("%s: caller caught '%s'\n", what, e.what());
    }
  };
}

int main() {
  asio::io_context io;
  asio::co_spawn(io, happy_path(true), report("happy-path"));
  asio::co_spawn(io, early_return(true), report("early-return"));
  io.run();
}
