//===--- FlowSolver.cpp ---------------------------------------------------===//

#include "FlowSolver.h"

namespace clang::coroguard {

template <typename StateT>
BasicFlowSolver<StateT>::BasicFlowSolver(const FunctionFlow &Flow,
                                         std::vector<const Stmt *> Scopes,
                                         JoinKind Join,
                                         FlowClient<StateT> &Client)
    : Flow(Flow), Scopes(std::move(Scopes)), Join(Join), Client(Client),
      Order(&Flow.cfg()), Queue(Flow.cfg(), &Order),
      In(Flow.cfg().getNumBlockIDs(), StateT(this->Scopes.size())),
      Reached(Flow.cfg().getNumBlockIDs(), false) {}

template <typename StateT>
void BasicFlowSolver<StateT>::enqueue(const CFGBlock &Block,
                                      const StateT &State) {
  unsigned ID = Block.getBlockID();
  if (!Reached[ID]) {
    Reached[ID] = true;
    In[ID] = State;
    Queue.enqueueBlock(&Block);
    return;
  }
  StateT Joined = In[ID];
  if (Join == JoinKind::May)
    Joined |= State;
  else
    Joined &= State;
  if (Joined == In[ID])
    return;
  In[ID] = std::move(Joined);
  Queue.enqueueBlock(&Block);
}

template <typename StateT>
StateT BasicFlowSolver<StateT>::survivingInto(const CXXTryStmt &Try,
                                              const StateT &State) const {
  StateT Surviving = State;
  for (unsigned I : State.set_bits())
    if (Flow.contains(Try.getTryBlock(), Scopes[I]))
      Surviving.reset(I);
  return Surviving;
}

template <typename StateT>
StateT BasicFlowSolver<StateT>::entryOf(const CFGBlock &Block) const {
  const StateT &State = In[Block.getBlockID()];
  // The throw destroyed the variables of the try block, though a CFG throw
  // edge carries no lifetime ends.
  if (const auto *Try = dyn_cast_or_null<CXXTryStmt>(Block.getTerminatorStmt()))
    return survivingInto(*Try, State);
  return State;
}

template <typename StateT>
StateT BasicFlowSolver<StateT>::runBlock(
    const CFGBlock &Block, llvm::function_ref<void(const Step &)> Visit) {
  StateT State = entryOf(Block);
  StateT Before;
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

template <typename StateT>
void BasicFlowSolver<StateT>::solve(const StateT &AtEntry) {
  enqueue(Flow.cfg().getEntry(), AtEntry);
  while (const CFGBlock *Block = Queue.dequeue()) {
    StateT State = runBlock(*Block, nullptr);
    unsigned Succ = 0;
    for (const CFGBlock::AdjacentBlock &Next : Block->succs()) {
      if (const CFGBlock *To = Next.getReachableBlock()) {
        StateT OnEdge = State;
        Client.transferEdge(*Block, Succ, OnEdge);
        enqueue(*To, OnEdge);
      }
      ++Succ;
    }
  }
}

template <typename StateT>
std::optional<StateT> BasicFlowSolver<StateT>::exitState() const {
  unsigned Exit = Flow.cfg().getExit().getBlockID();
  if (!Reached[Exit])
    return std::nullopt;
  return In[Exit];
}

template <typename StateT>
void BasicFlowSolver<StateT>::replay(
    llvm::function_ref<void(const Step &)> Visit) {
  // Every block, not only those of the post-order: handler blocks are
  // reached only through the exceptional edges.
  for (const CFGBlock *Block : Flow.cfg())
    if (Reached[Block->getBlockID()])
      runBlock(*Block, Visit);
}

template class BasicFlowSolver<VarSet>;
template class BasicFlowSolver<llvm::BitVector>;

} // namespace clang::coroguard
