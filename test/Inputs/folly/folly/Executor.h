// Mock <folly/Executor.h>.
#pragma once
#include <functional>
#include <utility>

namespace folly {
using Func = std::function<void()>;

class Executor {
public:
  virtual ~Executor();
  virtual void add(Func func) = 0;

  template <class ExecutorT = Executor> class KeepAlive {
  public:
    KeepAlive() = default;
    /* implicit */ KeepAlive(ExecutorT *executor) : executor_(executor) {}
    template <class OtherExecutor>
    /* implicit */ KeepAlive(KeepAlive<OtherExecutor> &&other) noexcept
        : executor_(other.get()) {}
    KeepAlive(const KeepAlive &other) noexcept : executor_(other.executor_) {}
    KeepAlive(KeepAlive &&other) noexcept : executor_(other.executor_) {}
    KeepAlive &operator=(KeepAlive &&other) noexcept;
    ~KeepAlive() {}
    ExecutorT *get() const { return executor_; }
    KeepAlive copy() const { return *this; }
    explicit operator bool() const { return executor_ != nullptr; }

  private:
    ExecutorT *executor_ = nullptr;
  };
};

template <class ExecutorT> Executor::KeepAlive<ExecutorT> getKeepAliveToken(ExecutorT *executor) {
  return {executor};
}

/// An executor that can be driven by the caller (BlockingWait uses one).
class DrivableExecutor : public virtual Executor {
public:
  virtual void drive() = 0;
};
} // namespace folly
