//===--- UnmanagedResourceCheck.h - coroguard-unmanaged-resource ----------===//

#ifndef COROGUARD_CHECKS_UNMANAGEDRESOURCECHECK_H
#define COROGUARD_CHECKS_UNMANAGEDRESOURCECHECK_H

#include "CoroGuardCheck.h"

namespace clang::coroguard {

/// Finds async resources in a coroutine that reach the end of their
/// lifetime on some normal path (falling off the scope, co_return, break,
/// continue, goto) without an awaited release and without being handed to
/// a guard or an owner.
class UnmanagedResourceCheck : public CoroGuardCheck {
public:
  using CoroGuardCheck::CoroGuardCheck;
  void registerMatchers(ast_matchers::MatchFinder *Finder) override;
  void check(const ast_matchers::MatchFinder::MatchResult &Result) override;

private:
  /// Writes down, for the rest of the project, the resource parameters
  /// \p Definition releases on every path.
  void recordFacts(const FunctionDecl &Definition);
};

} // namespace clang::coroguard

#endif // COROGUARD_CHECKS_UNMANAGEDRESOURCECHECK_H
