//===--- FlowSolver.cpp ---------------------------------------------------===//

#include "FlowSolver.h"

namespace clang::coroguard {

FlowSolver::FlowSolver(const FunctionFlow &Flow,
                       std::vector<const Stmt *> Scopes, JoinKind Join,
                       BitFlowClient &Client)
    : Flow(Flow), Scopes(std::move(Scopes)), Join(Join), Client(Client),
      Order(&Flow.cfg()), Queue(Flow.cfg(), &Order),
      In(Flow.cfg().getNumBlockIDs(), llvm::BitVector(this->Scopes.size())),
      Reached(Flow.cfg().getNumBlockIDs(), false) {}

void FlowSolver::enqueue(const CFGBlock &Block, const llvm::BitVector &State) {
  unsigned ID = Block.getBlockID();
  if (!Reached[ID]) {
    Reached[ID] = true;
    In[ID] = State;
    Queue.enqueueBlock(&Block);
    return;
  }
  llvm::BitVector Joined = In[ID];
  if (Join == JoinKind::May)
    Joined |= State;
  else
    Joined &= State;
  if (Joined == In[ID])
    return;
  In[ID] = std::move(Joined);
  Queue.enqueueBlock(&Block);
}

llvm::BitVector FlowSolver::survivingInto(const CXXTryStmt &Try,
                                          const llvm::BitVector &State) const {
  llvm::BitVector Surviving = State;
  for (unsigned I : State.set_bits())
    if (Flow.contains(Try.getTryBlock(), Scopes[I]))
      Surviving.reset(I);
  return Surviving;
}

llvm::BitVector FlowSolver::entryOf(const CFGBlock &Block) const {
  const llvm::BitVector &State = In[Block.getBlockID()];
  // The throw destroyed the variables of the try block, though a CFG throw
  // edge carries no lifetime ends.
  if (const auto *Try = dyn_cast_or_null<CXXTryStmt>(Block.getTerminatorStmt()))
    return survivingInto(*Try, State);
  return State;
}

llvm::BitVector
FlowSolver::runBlock(const CFGBlock &Block,
                     llvm::function_ref<void(const Step &)> Visit) {
  llvm::BitVector State = entryOf(Block);
  llvm::BitVector Before;
  for (const CFGElement &Element : Block) {
    if (Visit)
      Before = State;
    Client.transfer(Element, State);
    const Stmt *S = nullptr;
    if (auto StmtElement = Element.getAs<CFGStmt>())
      S = StmtElement->getStmt();
    bool Throws = S && Flow.mayThrow(*S);
    const CXXTryStmt *Try = Throws ? Flow.enclosingTry(*S) : nullptr;
    if (Visit)
      Visit(Step{Block, Element, Before, State, Throws, Try});
    // The release or hand-over an element makes has happened when it
    // throws: the exception leaves with the state after it.
    if (Try && !Visit)
      if (const CFGBlock *Handlers = Flow.handlersOf(Try))
        enqueue(*Handlers, survivingInto(*Try, State));
  }
  return State;
}

void FlowSolver::solve(const llvm::BitVector &AtEntry) {
  enqueue(Flow.cfg().getEntry(), AtEntry);
  while (const CFGBlock *Block = Queue.dequeue()) {
    llvm::BitVector State = runBlock(*Block, nullptr);
    unsigned Succ = 0;
    for (const CFGBlock::AdjacentBlock &Next : Block->succs()) {
      if (const CFGBlock *To = Next.getReachableBlock()) {
        llvm::BitVector OnEdge = State;
        Client.transferEdge(*Block, Succ, OnEdge);
        enqueue(*To, OnEdge);
      }
      ++Succ;
    }
  }
}

std::optional<llvm::BitVector> FlowSolver::exitState() const {
  unsigned Exit = Flow.cfg().getExit().getBlockID();
  if (!Reached[Exit])
    return std::nullopt;
  return In[Exit];
}

void FlowSolver::replay(llvm::function_ref<void(const Step &)> Visit) {
  // Every block, not only those of the post-order: handler blocks are
  // reached only through the exceptional edges.
  for (const CFGBlock *Block : Flow.cfg())
    if (Reached[Block->getBlockID()])
      runBlock(*Block, Visit);
}

} // namespace clang::coroguard
