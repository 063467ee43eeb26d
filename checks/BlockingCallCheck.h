//===--- BlockingCallCheck.h - coroguard-blocking-call --------------------===//

#ifndef COROGUARD_CHECKS_BLOCKINGCALLCHECK_H
#define COROGUARD_CHECKS_BLOCKINGCALLCHECK_H

#include "CoroGuardCheck.h"
#include "NonBlockingDescriptors.h"
#include "analysis/CallSites.h"
#include "analysis/ResolvedResults.h"

#include "llvm/ADT/StringSet.h"

#include <memory>
#include <optional>
#include <unordered_map>
#include <vector>

namespace clang::coroguard {

/// Finds calls that block the thread inside a coroutine body, stalling every
/// other coroutine scheduled on that thread: calls of the model's blocking
/// functions, and calls of the user's plain functions that block, directly
/// or through further such functions. A wait on a result that is already
/// resolved, and I/O on a non-blocking descriptor, do not block.
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
    /// The steps after those, in other files (from the summary file).
    std::vector<project::Step> Tail;
    BlockingInfo Blocking;
  };
  /// What calling a function does: it blocks whatever it is given, or only
  /// when the argument of one of its parameters is not resolved yet (a
  /// helper that calls get() on the future it is given).
  struct Summary {
    std::optional<Chain> Always;
    std::vector<std::pair<unsigned, Chain>> WhenUnresolved;
    /// Calls of functions whose bodies are in other files (by their key,
    /// project/ProjectFacts.h): it blocks if one of them does.
    std::vector<std::pair<std::string, const Expr *>> Unseen;
    bool blocks() const { return Always || !WhenUnresolved.empty(); }
    bool matters() const { return blocks() || !Unseen.empty(); }
  };
  /// The body being walked: its function and what is resolved where, found
  /// on first use (most bodies wait on no result).
  struct Body {
    const FunctionDecl &Function;
    const Stmt &Statements;
    std::vector<const VarDecl *> ResolvedAtEntry;
    std::unique_ptr<FunctionFlow> Flow;
    std::unique_ptr<ResolvedResults> Resolved;
    bool Built = false;
  };

  Body analyse(const FunctionDecl &Function, const Stmt &Statements,
               llvm::ArrayRef<const VarDecl *> ResolvedAtEntry);
  /// The blocking call \p E makes directly in \p In, if any.
  std::optional<BlockingInfo> blocksDirectly(const Expr &E, Body &In);
  /// Whether the argument \p Arg of a call at \p At is resolved.
  bool isResolvedArgument(const Expr &Arg, const Expr &At, Body &In);
  /// What calling \p Callee does, computed once per function: null if it
  /// neither blocks nor calls a function of another file.
  const Summary *summaryOf(const FunctionDecl &Callee);
  /// The key of \p Callee when its body is in another file of the project
  /// (no body here, not library code, no coroutine); empty otherwise.
  std::string unseenKey(const FunctionDecl &Callee);
  /// Writes down what \p Definition does for the rest of the project.
  void recordFacts(const FunctionDecl &Definition, const Summary &S);
  /// Reports the call \p At of \p Callee in \p Coroutine if the function
  /// \p Key blocks: decided after the run (the CLI), or now from the
  /// summary file.
  void reportIfBlocks(const Expr &At, const FunctionDecl &Coroutine,
                      const FunctionDecl &Callee, const std::string &Key);
  /// The parameters of a coroutine that it certainly receives resolved: a
  /// lambda's that a continuation receives (`f.then_wrapped([](future<T>
  /// r) -> future<> {...})`), and a function's whose every call in the
  /// unit passes a resolved result (`co_await consume(std::move(a))` after
  /// `auto [a, b] = co_await when_all(...)`).
  std::vector<const VarDecl *> resolvedParameters(const FunctionDecl &FD);
  /// The analysis of a caller's body, once per function.
  Body *callerBody(const FunctionDecl &Caller);
  void report(const Expr &At, const FunctionDecl &Coroutine,
              const FunctionDecl &Callee, const Chain &Blocks);
  /// Reports blocking call \p E of \p Coroutine, with the model's
  /// awaitable form as a fix-it where one applies.
  void reportDirect(const Expr &E, const FunctionDecl &Coroutine,
                    const BlockingInfo &Blocking, llvm::StringRef Waits = "");

  unsigned MaxDepth;
  std::string ExtraBlockingFunctions;
  llvm::StringSet<> ExtraBlocking;
  NonBlockingDescriptors Descriptors;
  /// Per function: its summary. A function being summarised maps to an
  /// empty one, which breaks recursion. (unordered_map: its elements stay
  /// put while it grows during the recursive walk.)
  std::unordered_map<const FunctionDecl *, Summary> Summaries;
  CallSites Calls;
  std::unordered_map<const FunctionDecl *, std::unique_ptr<Body>> Callers;
};

} // namespace clang::coroguard

#endif // COROGUARD_CHECKS_BLOCKINGCALLCHECK_H
