//===--- UnawaitedTaskCheck.h - coroguard-unawaited-task ------------------===//

#ifndef COROGUARD_CHECKS_UNAWAITEDTASKCHECK_H
#define COROGUARD_CHECKS_UNAWAITEDTASKCHECK_H

#include "clang-tidy/ClangTidyCheck.h"
#include "llvm/ADT/DenseSet.h"

namespace clang::coroguard {

/// Finds calls whose lazy task or awaitable result is discarded, so the work
/// never runs (Python's "coroutine was never awaited").
class UnawaitedTaskCheck : public tidy::ClangTidyCheck {
public:
  UnawaitedTaskCheck(llvm::StringRef Name, tidy::ClangTidyContext *Context)
      : ClangTidyCheck(Name, Context) {}
  bool isLanguageVersionSupported(const LangOptions &LangOpts) const override {
    return LangOpts.CPlusPlus20;
  }
  void registerMatchers(ast_matchers::MatchFinder *Finder) override;
  void check(const ast_matchers::MatchFinder::MatchResult &Result) override;
  void onStartOfTranslationUnit() override;

private:
  void checkDiscardedCall(const CallExpr &Call, bool InCoroutine);
  llvm::DenseSet<SourceLocation> Reported;
};

} // namespace clang::coroguard

#endif // COROGUARD_CHECKS_UNAWAITEDTASKCHECK_H
