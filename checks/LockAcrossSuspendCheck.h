//===--- LockAcrossSuspendCheck.h - coroguard-lock-across-suspend ---------===//

#ifndef COROGUARD_CHECKS_LOCKACROSSSUSPENDCHECK_H
#define COROGUARD_CHECKS_LOCKACROSSSUSPENDCHECK_H

#include "CoroGuardCheck.h"

namespace clang::coroguard {

/// Finds locks of the model (std::lock_guard, unique_lock, scoped_lock,
/// shared_lock, ...) over a blocking mutex that still hold it at a co_await
/// or co_yield on some path. Flow-sensitive: unlock(), release(), moving the
/// lock away and the end of its scope all let go. Locks over async mutexes
/// of the model are not this kind of lock.
class LockAcrossSuspendCheck : public CoroGuardCheck {
public:
  using CoroGuardCheck::CoroGuardCheck;
  void registerMatchers(ast_matchers::MatchFinder *Finder) override;
  void check(const ast_matchers::MatchFinder::MatchResult &Result) override;
};

} // namespace clang::coroguard

#endif // COROGUARD_CHECKS_LOCKACROSSSUSPENDCHECK_H
