//===--- MissingAwaitedCleanupCheck.h - coroguard-missing-awaited-cleanup -===//

#ifndef COROGUARD_CHECKS_MISSINGAWAITEDCLEANUPCHECK_H
#define COROGUARD_CHECKS_MISSINGAWAITEDCLEANUPCHECK_H

#include "CoroGuardCheck.h"
#include "analysis/ResourceLifetime.h"

#include "llvm/ADT/SmallPtrSet.h"

namespace clang::coroguard {

/// Finds releases of async resources that do not happen: the release's
/// awaitable is discarded (`conn.close();`), or the release is awaited on
/// the normal paths only and an exception between acquisition and release
/// leaves the scope without it.
class MissingAwaitedCleanupCheck : public CoroGuardCheck {
public:
  using CoroGuardCheck::CoroGuardCheck;
  void registerMatchers(ast_matchers::MatchFinder *Finder) override;
  void check(const ast_matchers::MatchFinder::MatchResult &Result) override;

private:
  void checkDiscardedReleases(
      const FunctionDecl &Function, const SourceManager &SM,
      const llvm::SmallPtrSetImpl<const VarDecl *> &Unmanaged,
      llvm::SmallPtrSetImpl<const VarDecl *> &Discarded);
  void checkExceptionalPaths(
      const FunctionDecl &Function, llvm::ArrayRef<ResourceFindings> Lifetimes,
      const llvm::SmallPtrSetImpl<const VarDecl *> &Unmanaged,
      const llvm::SmallPtrSetImpl<const VarDecl *> &Discarded);
};

} // namespace clang::coroguard

#endif // COROGUARD_CHECKS_MISSINGAWAITEDCLEANUPCHECK_H
