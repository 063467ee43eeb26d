//===--- FlowSolver.h - one forward solver for every path question --------===//
//
// A forward dataflow over a FunctionFlow with one bit per tracked variable.
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
// The cost is linear in the size of the body times the number of bits
// (bit vectors, a worklist in reverse post-order, no path enumeration).
//
//===----------------------------------------------------------------------===//

#ifndef COROGUARD_CHECKS_ANALYSIS_FLOWSOLVER_H
#define COROGUARD_CHECKS_ANALYSIS_FLOWSOLVER_H

#include "analysis/FunctionFlow.h"

#include "clang/Analysis/Analyses/PostOrderCFGView.h"
#include "clang/Analysis/FlowSensitive/DataflowWorklist.h"
#include "llvm/ADT/BitVector.h"

#include <optional>
#include <vector>

namespace clang::coroguard {

class BitFlowClient {
public:
  virtual ~BitFlowClient() = default;
  /// The effect of element \p E on the path that goes on normally.
  virtual void transfer(const CFGElement &E, llvm::BitVector &State) = 0;
  /// Refines \p State on the edge from \p From to its successor number
  /// \p Succ (a condition known to hold there). Does nothing by default.
  virtual void transferEdge(const CFGBlock &From, unsigned Succ,
                            llvm::BitVector &State) {}
};

/// May analyses join by union ("held on some path"), must analyses by
/// intersection ("resolved on every path").
enum class JoinKind { May, Must };

class FlowSolver {
public:
  /// \p Scopes: for each bit, the statement whose end ends its variable's
  /// lifetime (FunctionFlow::scopeOf).
  FlowSolver(const FunctionFlow &Flow, std::vector<const Stmt *> Scopes,
             JoinKind Join, BitFlowClient &Client);

  /// Runs to the fixpoint from \p AtEntry.
  void solve(const llvm::BitVector &AtEntry);

  /// The state at the normal exit, or nothing when no path returns.
  std::optional<llvm::BitVector> exitState() const;

  struct Step {
    const CFGBlock &Block;
    const CFGElement &Element;
    const llvm::BitVector &Before;
    const llvm::BitVector &After;
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
  llvm::BitVector survivingInto(const CXXTryStmt &Try,
                                const llvm::BitVector &State) const;

private:
  void enqueue(const CFGBlock &Block, const llvm::BitVector &State);
  /// The entry state of \p Block with the try-block rule applied.
  llvm::BitVector entryOf(const CFGBlock &Block) const;
  /// Runs \p Block's elements from its entry state. Without \p Visit (while
  /// solving) the exceptional edges are followed; with it (replaying) the
  /// elements are shown to \p Visit instead.
  llvm::BitVector runBlock(const CFGBlock &Block,
                           llvm::function_ref<void(const Step &)> Visit);

  const FunctionFlow &Flow;
  std::vector<const Stmt *> Scopes;
  JoinKind Join;
  BitFlowClient &Client;
  PostOrderCFGView Order;
  ForwardDataflowWorklist Queue;
  std::vector<llvm::BitVector> In;
  llvm::BitVector Reached;
};

} // namespace clang::coroguard

#endif // COROGUARD_CHECKS_ANALYSIS_FLOWSOLVER_H
