// Mock <folly/executors/GlobalExecutor.h>.
#pragma once
#include <folly/Executor.h>

namespace folly {
Executor::KeepAlive<> getGlobalCPUExecutor();
Executor::KeepAlive<> getGlobalIOExecutor();
} // namespace folly
