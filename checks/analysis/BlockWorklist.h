//===--- BlockWorklist.h - the worklist of a forward bit-vector dataflow --===//
//
// Both CFG analyses (resource lifetimes, held locks) propagate one bit per
// tracked variable, joined by union at block entries. This is the part
// they share: per-block entry states, on top of clang's
// ForwardDataflowWorklist (blocks in reverse post-order, each queued once).
//
//===----------------------------------------------------------------------===//

#ifndef COROGUARD_CHECKS_ANALYSIS_BLOCKWORKLIST_H
#define COROGUARD_CHECKS_ANALYSIS_BLOCKWORKLIST_H

#include "clang/Analysis/Analyses/PostOrderCFGView.h"
#include "clang/Analysis/CFG.h"
#include "clang/Analysis/FlowSensitive/DataflowWorklist.h"
#include "llvm/ADT/BitVector.h"

#include <vector>

namespace clang::coroguard {

class BlockWorklist {
public:
  BlockWorklist(const CFG &Cfg, unsigned Bits)
      : Order(&Cfg), Queue(Cfg, &Order),
        In(Cfg.getNumBlockIDs(), llvm::BitVector(Bits)),
        Reached(Cfg.getNumBlockIDs(), false) {}

  /// Joins \p State into \p Block's entry state; queues the block when
  /// that changes it or the block was never reached.
  void enqueue(const CFGBlock &Block, const llvm::BitVector &State) {
    unsigned ID = Block.getBlockID();
    llvm::BitVector Joined = In[ID];
    Joined |= State;
    if (Reached[ID] && Joined == In[ID])
      return;
    Reached[ID] = true;
    In[ID] = std::move(Joined);
    Queue.enqueueBlock(&Block);
  }

  /// The next block to visit, or null when the states are stable.
  const CFGBlock *pop() { return Queue.dequeue(); }

  const llvm::BitVector &entryState(const CFGBlock &Block) const {
    return In[Block.getBlockID()];
  }

  /// Passes \p State on to every reachable successor of \p Block.
  void propagate(const CFGBlock &Block, const llvm::BitVector &State) {
    for (const CFGBlock::AdjacentBlock &Succ : Block.succs())
      if (const CFGBlock *Next = Succ.getReachableBlock())
        enqueue(*Next, State);
  }

private:
  // Handler blocks are reached only through the analyses' own exception
  // edges, so the order does not rank them; they are still visited.
  PostOrderCFGView Order;
  ForwardDataflowWorklist Queue;
  std::vector<llvm::BitVector> In;
  std::vector<bool> Reached;
};

} // namespace clang::coroguard

#endif // COROGUARD_CHECKS_ANALYSIS_BLOCKWORKLIST_H
