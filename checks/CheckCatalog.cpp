//===--- CheckCatalog.cpp -------------------------------------------------===//

#include "CheckCatalog.h"

namespace clang::coroguard {

static const CheckInfo Catalog[] = {
    {"coroguard-blocking-call",
     "A call that blocks the thread (sleep, future::get, synchronous I/O, "
     "DNS resolution, process waits) inside a coroutine body stalls every "
     "coroutine scheduled on that thread."},
    {"coroguard-unawaited-task",
     "The result of a call returning a lazy task or awaitable is discarded, "
     "so the work never runs."},
};

llvm::ArrayRef<CheckInfo> getCheckCatalog() { return Catalog; }

} // namespace clang::coroguard
