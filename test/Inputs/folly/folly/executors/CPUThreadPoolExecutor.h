// Mock <folly/executors/CPUThreadPoolExecutor.h>.
#pragma once
#include <folly/Executor.h>

namespace folly {
class ThreadPoolExecutor : public virtual Executor {
public:
  ~ThreadPoolExecutor() override;
  /// Blocks until every queued task ran and the threads exited.
  void join();
  void stop();
};

class CPUThreadPoolExecutor : public ThreadPoolExecutor {
public:
  explicit CPUThreadPoolExecutor(std::size_t numThreads);
  ~CPUThreadPoolExecutor() override;
  void add(Func func) override;
};
} // namespace folly
