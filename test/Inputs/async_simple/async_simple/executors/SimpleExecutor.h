// Mock <async_simple/executors/SimpleExecutor.h>.
#pragma once
#include <async_simple/Executor.h>

namespace async_simple::executors {
class SimpleExecutor : public Executor {
public:
  explicit SimpleExecutor(std::size_t threadNum);
  ~SimpleExecutor() override;
  bool schedule(Func func) override;
};
} // namespace async_simple::executors
