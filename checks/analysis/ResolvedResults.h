//===--- ResolvedResults.h - which futures are already resolved -----------===//
//
// get() or wait() on a future that is already resolved returns at once: it
// does not block. A forward "must" dataflow over a function's CFG, one bit
// per variable, says where a variable certainly holds a resolved result:
//
// - its value is what a co_await produced (`auto f = co_await
//   as_future(g());`, `auto [a, b] = co_await when_all(...)`), or a result
//   of one of the model's readyFunctions (`make_ready_future(1)`);
// - it was itself co_awaited (`co_await f;`), or already waited for
//   (`f.wait(); f.get();`);
// - on the branch where a readiness check holds: `f.available()`,
//   `f.is_ready()` (the model's readinessChecks, and members named
//   available, is_ready, isReady, ready, hasResult, has_result), and
//   `f.wait_for(0s) == std::future_status::ready`, negations included;
// - a parameter the caller says is resolved (the argument of a
//   continuation that only runs on a resolved future).
//
//===----------------------------------------------------------------------===//

#ifndef COROGUARD_CHECKS_ANALYSIS_RESOLVEDRESULTS_H
#define COROGUARD_CHECKS_ANALYSIS_RESOLVEDRESULTS_H

#include "analysis/FunctionFlow.h"
#include "queries/ModelQueries.h"

#include "llvm/ADT/BitVector.h"
#include "llvm/ADT/DenseMap.h"

#include <optional>
#include <vector>

namespace clang::coroguard {

/// The variable a call's object or an argument comes from: `f` in
/// `f.get()`, `std::get<0>(f).get()`, `std::move(f)`, `s.f.get()`, and the
/// structured binding `[a, b]`'s whole object for `a`.
const VarDecl *rootVariable(const Expr *E);

/// `wait_for(0s)`, `wait_for(std::chrono::milliseconds(0))`,
/// `wait_for(duration::zero())`, `wait_until(clock::now())`: a poll that
/// does not block.
bool isZeroTimeoutWait(const CallExpr &Call);

/// get(), wait(), wait_for(), wait_until() on an object that has a get():
/// a wait on a result, which does not block when the result is resolved.
bool isResultWait(const CXXMemberCallExpr &Call);

class ResolvedResults {
public:
  /// Solves \p Flow. \p ResolvedAtEntry: parameters known to be resolved
  /// when the function starts.
  ResolvedResults(const FunctionFlow &Flow, ModelQueries &Model,
                  llvm::ArrayRef<const VarDecl *> ResolvedAtEntry);

  /// Whether \p Value (an object expression or an argument) certainly holds
  /// a resolved result just before element \p At: it comes from a resolved
  /// variable, a co_await or a ready function. False for a statement that
  /// is not an element of the CFG (inside a lambda called in place).
  bool isResolved(const Expr &Value, const Stmt &At) const;

  /// Whether \p E produces a resolved result by itself: it is the value of
  /// a co_await, or a call of a ready function.
  bool producesResolved(const Expr &E) const;

private:
  ModelQueries &Model;
  llvm::DenseMap<const VarDecl *, unsigned> Index;
  /// The state before each call or construction element.
  llvm::DenseMap<const Stmt *, llvm::BitVector> Before;
};

} // namespace clang::coroguard

#endif // COROGUARD_CHECKS_ANALYSIS_RESOLVEDRESULTS_H
