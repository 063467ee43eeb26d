//===--- UnawaitedTaskCheck.h - coroguard-unawaited-task ------------------===//

#ifndef COROGUARD_CHECKS_UNAWAITEDTASKCHECK_H
#define COROGUARD_CHECKS_UNAWAITEDTASKCHECK_H

#include "CoroGuardCheck.h"

namespace clang::coroguard {

/// Finds calls whose lazy task or awaitable result is discarded, so the work
/// never runs (Python's "coroutine was never awaited").
class UnawaitedTaskCheck : public CoroGuardCheck {
public:
  using CoroGuardCheck::CoroGuardCheck;
  void registerMatchers(ast_matchers::MatchFinder *Finder) override;
  void check(const ast_matchers::MatchFinder::MatchResult &Result) override;

private:
  /// \p Coroutine: the coroutine co_await may be inserted into, or null.
  void checkDiscardedCall(const CallExpr &Call, const FunctionDecl *Coroutine);
};

} // namespace clang::coroguard

#endif // COROGUARD_CHECKS_UNAWAITEDTASKCHECK_H
