//===--- CoroGuardTidyModule.cpp - registers the coroguard checks ---------===//

#include "BlockingCallCheck.h"
#include "LockAcrossSuspendCheck.h"
#include "MissingAwaitedCleanupCheck.h"
#include "SuppressedExceptionCheck.h"
#include "UnawaitedTaskCheck.h"
#include "UnmanagedResourceCheck.h"

#include "clang-tidy/ClangTidyModule.h"

namespace clang::coroguard {

class CoroGuardModule : public tidy::ClangTidyModule {
public:
  void addCheckFactories(tidy::ClangTidyCheckFactories &Factories) override {
    Factories.registerCheck<BlockingCallCheck>("coroguard-blocking-call");
    Factories.registerCheck<LockAcrossSuspendCheck>(
        "coroguard-lock-across-suspend");
    Factories.registerCheck<MissingAwaitedCleanupCheck>(
        "coroguard-missing-awaited-cleanup");
    Factories.registerCheck<SuppressedExceptionCheck>(
        "coroguard-suppressed-exception");
    Factories.registerCheck<UnawaitedTaskCheck>("coroguard-unawaited-task");
    Factories.registerCheck<UnmanagedResourceCheck>(
        "coroguard-unmanaged-resource");
  }
};

// Linked as object code into every front, so this registration is always
// present without an anchor symbol.
static tidy::ClangTidyModuleRegistry::Add<CoroGuardModule>
    X("coroguard-module", "Async-resource misuse in C++20 coroutines.");

} // namespace clang::coroguard
