//===--- CheckCatalog.cpp -------------------------------------------------===//

#include "CheckCatalog.h"

namespace clang::coroguard {

static const CheckInfo Catalog[] = {
    {"coroguard-blocking-call",
     "A call that blocks the thread (sleep, future::get, synchronous I/O, "
     "DNS resolution, process waits) inside a coroutine body stalls every "
     "coroutine scheduled on that thread."},
    {"coroguard-lock-across-suspend",
     "A lock over a blocking mutex is still held at a co_await or co_yield "
     "on some path: the coroutine may resume on another thread, and every "
     "other coroutine that needs the mutex blocks its thread meanwhile."},
    {"coroguard-missing-awaited-cleanup",
     "The release of an async resource is written but does not happen: its "
     "awaitable is discarded, or an exception between acquisition and "
     "release leaves the scope without it."},
    {"coroguard-suppressed-exception",
     "An exception or a cancellation that enters a coroutine disappears: an "
     "empty or catch-all handler that keeps nothing, a promise whose "
     "unhandled_exception() drops it, a spawn with a completion token that "
     "discards it (asio::detached)."},
    {"coroguard-unawaited-task",
     "The result of a call returning a lazy task or awaitable is discarded, "
     "so the work never runs."},
    {"coroguard-unmanaged-resource",
     "An async resource in a coroutine reaches the end of its scope on some "
     "path without an awaited release and without being handed to a guard "
     "or an owner."},
};

llvm::ArrayRef<CheckInfo> getCheckCatalog() { return Catalog; }

} // namespace clang::coroguard
