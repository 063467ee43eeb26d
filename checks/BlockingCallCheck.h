//===--- BlockingCallCheck.h - coroguard-blocking-call --------------------===//

#ifndef COROGUARD_CHECKS_BLOCKINGCALLCHECK_H
#define COROGUARD_CHECKS_BLOCKINGCALLCHECK_H

#include "CoroGuardCheck.h"

#include "llvm/ADT/StringSet.h"

#include <optional>
#include <unordered_map>
#include <vector>

namespace clang::coroguard {

/// Finds calls that block the thread inside a coroutine body, stalling every
/// other coroutine scheduled on that thread: calls of the model's blocking
/// functions, and calls of plain functions of the translation unit that
/// block, directly or through further such functions.
class BlockingCallCheck : public CoroGuardCheck {
public:
  BlockingCallCheck(llvm::StringRef Name, tidy::ClangTidyContext *Context);
  void registerMatchers(ast_matchers::MatchFinder *Finder) override;
  void check(const ast_matchers::MatchFinder::MatchResult &Result) override;
  void storeOptions(tidy::ClangTidyOptions::OptionMap &Opts) override;
  void onStartOfTranslationUnit() override;

private:
  /// How a function blocks: the calls from it down to the blocking one.
  struct Chain {
    /// (caller, call) pairs, outermost first; the last call blocks.
    std::vector<std::pair<const FunctionDecl *, const Expr *>> Steps;
    BlockingInfo Blocking;
  };

  /// The blocking call \p E makes directly, if any.
  std::optional<BlockingInfo> blocksDirectly(const Expr &E);
  /// Whether calling \p Callee blocks, computed once per function.
  const Chain *summaryOf(const FunctionDecl &Callee);

  unsigned MaxDepth;
  std::string ExtraBlockingFunctions;
  llvm::StringSet<> ExtraBlocking;
  /// Per function: its chain, or null when it does not block. A function
  /// being summarised maps to null, which breaks recursion.
  /// (unordered_map: its elements stay put while it grows during the
  /// recursive walk.)
  std::unordered_map<const FunctionDecl *, std::optional<Chain>> Summaries;
};

} // namespace clang::coroguard

#endif // COROGUARD_CHECKS_BLOCKINGCALLCHECK_H
