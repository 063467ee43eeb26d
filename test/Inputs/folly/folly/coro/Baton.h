// Mock <folly/coro/Baton.h>: the awaitable baton (`co_await baton`).
#pragma once
#include <folly/coro/Coroutine.h>

namespace folly::coro {
class Baton {
public:
  explicit Baton(bool initiallySignalled = false) noexcept;
  ~Baton();
  bool ready() const noexcept;
  void post() noexcept;
  void reset() noexcept;

  class WaitOperation {
  public:
    explicit WaitOperation(const Baton &baton) noexcept : baton_(baton) {}
    bool await_ready() const noexcept;
    bool await_suspend(coroutine_handle<> awaitingCoroutine) noexcept;
    void await_resume() noexcept {}

  private:
    const Baton &baton_;
  };
  [[nodiscard]] WaitOperation operator co_await() const noexcept { return WaitOperation{*this}; }
};
} // namespace folly::coro
