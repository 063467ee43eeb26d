// Mock <async_simple/Executor.h>.
#pragma once
#include <functional>

namespace async_simple {
class Executor {
public:
  using Func = std::function<void()>;
  Executor() = default;
  virtual ~Executor();
  virtual bool schedule(Func func) = 0;
  virtual bool currentThreadInExecutor() const;
};
} // namespace async_simple
