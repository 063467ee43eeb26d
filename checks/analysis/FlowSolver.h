//===--- FlowSolver.h - one forward solver for every path question --------===//
//
// A forward dataflow over a FunctionFlow whose state is a set of tracked
// variables: a VarSet (sparse, for facts few variables hold at once: open
// resources, held locks) or an llvm::BitVector (dense, for facts that
// accumulate: resolved results).
// The solver owns the worklist, the joins, the exceptional edges (a
// throwing element continues at its try's handlers with the state it
// leaves), and the try-block rule: the handlers of a try see none of the
// variables declared inside its try block, which the throw destroyed. A
// client gives only the transfer of one element (and, if it wants, the
// refinement along a branch).
//
// Solve first, then report: solve() reaches the fixpoint without telling
// the client anything it could report; replay() then walks every reached
// element once with the solved states before and after it.
//
// The cost is linear in the size of the body times the size of the states
// (a worklist in reverse post-order, no path enumeration).
//
//===----------------------------------------------------------------------===//

#ifndef COROGUARD_CHECKS_ANALYSIS_FLOWSOLVER_H
#define COROGUARD_CHECKS_ANALYSIS_FLOWSOLVER_H

#include "analysis/FunctionFlow.h"

#include "analysis/VarSet.h"
#include "clang/Analysis/Analyses/PostOrderCFGView.h"
#include "clang/Analysis/FlowSensitive/DataflowWorklist.h"
#include "llvm/ADT/BitVector.h"

#include <optional>
#include <vector>

namespace clang::coroguard {

template <typename StateT> class FlowClient {
public:
  virtual ~FlowClient() = default;
  /// The effect of element \p E on the path that goes on normally.
  virtual void transfer(const CFGElement &E, StateT &State) = 0;
  /// Refines \p State on the edge from \p From to its successor number
  /// \p Succ (a condition known to hold there). Does nothing by default.
  virtual void transferEdge(const CFGBlock &From, unsigned Succ,
                            StateT &State) {}
};

/// May analyses join by union ("held on some path"), must analyses by
/// intersection ("resolved on every path").
enum class JoinKind { May, Must };

template <typename StateT> class BasicFlowSolver {
public:
  /// \p Scopes: for each bit, the statement whose end ends its variable's
  /// lifetime (FunctionFlow::scopeOf).
  BasicFlowSolver(const FunctionFlow &Flow, std::vector<const Stmt *> Scopes,
                  JoinKind Join, FlowClient<StateT> &Client);

  /// Runs to the fixpoint from \p AtEntry.
  void solve(const StateT &AtEntry);

  /// The state at the normal exit, or nothing when no path returns.
  std::optional<StateT> exitState() const;

  struct Step {
    const CFGBlock &Block;
    const CFGElement &Element;
    const StateT &Before;
    const StateT &After;
    /// The element may throw; the exception goes to the handlers of Try,
    /// or out of the function when Try is null.
    bool Throws;
    const CXXTryStmt *Try;
  };
  /// Visits every element of every reached block, in block order, with the
  /// solved states.
  void replay(llvm::function_ref<void(const Step &)> Visit);

  /// The bits of \p State whose variable lives outside \p Try's try block:
  /// those that reach its handlers.
  StateT survivingInto(const CXXTryStmt &Try, const StateT &State) const;

private:
  void enqueue(const CFGBlock &Block, const StateT &State);
  /// The entry state of \p Block with the try-block rule applied.
  StateT entryOf(const CFGBlock &Block) const;
  /// Runs \p Block's elements from its entry state. Without \p Visit (while
  /// solving) the exceptional edges are followed; with it (replaying) the
  /// elements are shown to \p Visit instead.
  StateT runBlock(const CFGBlock &Block,
                  llvm::function_ref<void(const Step &)> Visit);

  const FunctionFlow &Flow;
  std::vector<const Stmt *> Scopes;
  JoinKind Join;
  FlowClient<StateT> &Client;
  PostOrderCFGView Order;
  ForwardDataflowWorklist Queue;
  std::vector<StateT> In;
  llvm::BitVector Reached; // by block ID
};

extern template class BasicFlowSolver<VarSet>;
extern template class BasicFlowSolver<llvm::BitVector>;

/// Facts few variables hold at once.
using FlowSolver = BasicFlowSolver<VarSet>;
using SetFlowClient = FlowClient<VarSet>;
/// Facts that accumulate over many variables.
using DenseFlowSolver = BasicFlowSolver<llvm::BitVector>;
using DenseFlowClient = FlowClient<llvm::BitVector>;

} // namespace clang::coroguard

#endif // COROGUARD_CHECKS_ANALYSIS_FLOWSOLVER_H
