//===--- BlockingCallCheck.h - coroguard-blocking-call --------------------===//

#ifndef COROGUARD_CHECKS_BLOCKINGCALLCHECK_H
#define COROGUARD_CHECKS_BLOCKINGCALLCHECK_H

#include "BlockingFunctions.h"
#include "clang-tidy/ClangTidyCheck.h"
#include "llvm/ADT/DenseSet.h"

namespace clang::coroguard {

/// Finds calls that block the thread inside a coroutine body, stalling every
/// other coroutine scheduled on that thread.
class BlockingCallCheck : public tidy::ClangTidyCheck {
public:
  BlockingCallCheck(llvm::StringRef Name, tidy::ClangTidyContext *Context)
      : ClangTidyCheck(Name, Context) {}
  bool isLanguageVersionSupported(const LangOptions &LangOpts) const override {
    return LangOpts.CPlusPlus20;
  }
  void registerMatchers(ast_matchers::MatchFinder *Finder) override;
  void check(const ast_matchers::MatchFinder::MatchResult &Result) override;
  void onStartOfTranslationUnit() override;

private:
  BlockingFunctionMatcher Blocking;
  /// Calls already reported: a template is reported for its written code
  /// once, not once per instantiation.
  llvm::DenseSet<SourceLocation> Reported;
};

} // namespace clang::coroguard

#endif // COROGUARD_CHECKS_BLOCKINGCALLCHECK_H
