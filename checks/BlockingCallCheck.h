//===--- BlockingCallCheck.h - coroguard-blocking-call --------------------===//

#ifndef COROGUARD_CHECKS_BLOCKINGCALLCHECK_H
#define COROGUARD_CHECKS_BLOCKINGCALLCHECK_H

#include "CoroGuardCheck.h"

namespace clang::coroguard {

/// Finds calls that block the thread inside a coroutine body, stalling every
/// other coroutine scheduled on that thread. The blocking functions come
/// from the resource model and `coroguard::blocking` annotations.
class BlockingCallCheck : public CoroGuardCheck {
public:
  using CoroGuardCheck::CoroGuardCheck;
  void registerMatchers(ast_matchers::MatchFinder *Finder) override;
  void check(const ast_matchers::MatchFinder::MatchResult &Result) override;
};

} // namespace clang::coroguard

#endif // COROGUARD_CHECKS_BLOCKINGCALLCHECK_H
