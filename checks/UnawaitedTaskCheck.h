//===--- UnawaitedTaskCheck.h - coroguard-unawaited-task ------------------===//

#ifndef COROGUARD_CHECKS_UNAWAITEDTASKCHECK_H
#define COROGUARD_CHECKS_UNAWAITEDTASKCHECK_H

#include "CoroGuardCheck.h"
#include "CoroutineScope.h"

namespace clang::coroguard {

/// Finds calls whose lazy task or awaitable result is discarded, so the work
/// never runs (Python's "coroutine was never awaited").
class UnawaitedTaskCheck : public CoroGuardCheck {
public:
  using CoroGuardCheck::CoroGuardCheck;
  void registerMatchers(ast_matchers::MatchFinder *Finder) override;
  void check(const ast_matchers::MatchFinder::MatchResult &Result) override;

private:
  /// \p Dropped: a call whose result \p Function's body discards.
  void checkDiscardedCall(const DiscardedCall &Dropped,
                          const FunctionDecl &Function);
  /// Why `co_await` cannot be inserted before \p Dropped, or empty.
  std::string whyNoAwait(const DiscardedCall &Dropped,
                         const FunctionDecl &Function, QualType Type);
};

} // namespace clang::coroguard

#endif // COROGUARD_CHECKS_UNAWAITEDTASKCHECK_H
