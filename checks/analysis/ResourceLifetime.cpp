//===--- ResourceLifetime.cpp ---------------------------------------------===//

#include "ResourceLifetime.h"

#include "CoroutineScope.h"
#include "analysis/FlowSolver.h"
#include "analysis/ResourceUses.h"

#include "clang/AST/ASTContext.h"
#include "clang/AST/StmtCXX.h"
#include "clang/Basic/SourceManager.h"
#include "llvm/ADT/SmallPtrSet.h"

namespace clang::coroguard {

namespace {

/// `x = ...` on a variable: the assignment operator of a class.
const VarDecl *assignedVariable(const Stmt &S) {
  const auto *Op = dyn_cast<CXXOperatorCallExpr>(&S);
  if (!Op || Op->getOperator() != OO_Equal || Op->getNumArgs() != 2)
    return nullptr;
  const auto *Ref = dyn_cast<DeclRefExpr>(Op->getArg(0)->IgnoreParenImpCasts());
  return Ref ? dyn_cast<VarDecl>(Ref->getDecl()) : nullptr;
}

bool isDefaultConstructed(const VarDecl &Var) {
  const auto *Construct =
      dyn_cast_or_null<CXXConstructExpr>(Var.getInit()->IgnoreImplicit());
  return Construct && Construct->getNumArgs() == 0;
}

/// Locals worth tracking: owned (not references, not static) and of an
/// async resource type. Default constructions count: scopes, gates and
/// services are only ever default-constructed and still need their join.
std::vector<ResourceFindings> collectResources(const Stmt &Body,
                                               ModelQueries &Model) {
  std::vector<ResourceFindings> Result;
  llvm::SmallPtrSet<const VarDecl *, 4> Assigned;
  ScopeWalkOptions Options;
  Options.IntoImmediatelyInvokedLambdas = false;
  forEachStmtInScope(Body, Options, [&](const Stmt &S, const Stmt *) {
    if (const VarDecl *Var = assignedVariable(S))
      Assigned.insert(Var);
    const auto *DS = dyn_cast<DeclStmt>(&S);
    if (!DS)
      return;
    for (const Decl *D : DS->decls()) {
      const auto *Var = dyn_cast<VarDecl>(D);
      if (!Var || !Var->hasLocalStorage() || isa<ParmVarDecl>(Var) ||
          Var->getType()->isReferenceType() || !Var->hasInit())
        continue;
      std::optional<ResourceInfo> Info = Model.resourceType(Var->getType());
      if (!Info || Info->Release.empty())
        continue;
      ResourceFindings F;
      F.Var = Var;
      F.DeclaringStmt = DS;
      F.Resource = std::move(*Info);
      Result.push_back(std::move(F));
    }
  });
  for (ResourceFindings &F : Result)
    F.AcquiredByAssignment =
        Assigned.count(F.Var) && isDefaultConstructed(*F.Var);
  return Result;
}

ScopeExit::Kind exitKindOf(const Stmt *Trigger) {
  if (!Trigger)
    return ScopeExit::Kind::EndOfScope;
  if (isa<CoreturnStmt>(Trigger))
    return ScopeExit::Kind::CoReturn;
  if (isa<ReturnStmt>(Trigger))
    return ScopeExit::Kind::Return;
  if (isa<BreakStmt>(Trigger))
    return ScopeExit::Kind::Break;
  if (isa<ContinueStmt>(Trigger))
    return ScopeExit::Kind::Continue;
  if (isa<GotoStmt>(Trigger))
    return ScopeExit::Kind::Goto;
  return ScopeExit::Kind::EndOfScope;
}

SourceLocation exitLocation(const Stmt *Trigger) {
  if (!Trigger)
    return {};
  if (const auto *Compound = dyn_cast<CompoundStmt>(Trigger))
    return Compound->getRBracLoc();
  if (exitKindOf(Trigger) == ScopeExit::Kind::EndOfScope)
    return Trigger->getEndLoc();
  return Trigger->getBeginLoc();
}

/// The transfer: releases and hand-overs clear a variable, its declaration
/// sets it, the end of its lifetime and a coroutine terminator clear it.
class Lifetimes : public SetFlowClient {
public:
  /// \p Traced: also track, in bit N + I, "variable I may have been
  /// released" (for the rewrites, which need "definitely open" too).
  Lifetimes(const FunctionFlow &Flow, ModelQueries &Model,
            const ThrowOracle &Throws, std::vector<ResourceFindings> &Vars,
            unsigned CalleeDepth, bool Traced = false)
      : Flow(Flow), Model(Model), Vars(Vars),
        Uses(Flow.context(), Model, Throws, Vars, CalleeDepth), Traced(Traced) {
    for (unsigned I = 0; I < Vars.size(); ++I) {
      Index[Vars[I].Var] = I;
      Scopes.push_back(Flow.scopeOf(Vars[I].DeclaringStmt));
    }
    if (Traced)
      for (unsigned I = 0; I < Vars.size(); ++I)
        Scopes.push_back(Scopes[I]);
  }

  const std::vector<const Stmt *> &scopes() const { return Scopes; }

  void transfer(const CFGElement &Element, VarSet &State) override {
    unsigned N = Vars.size();
    if (auto Lifetime = Element.getAs<CFGLifetimeEnds>()) {
      if (auto It = Index.find(Lifetime->getVarDecl()); It != Index.end()) {
        State.reset(It->second);
        if (Traced)
          State.reset(N + It->second);
      }
      return;
    }
    auto StmtElement = Element.getAs<CFGStmt>();
    if (!StmtElement)
      return;
    const Stmt *S = StmtElement->getStmt();
    // Releases and hand-overs take effect before the element can throw: a
    // release that throws has still been attempted.
    if (Traced) {
      VarSet Open = State;
      Uses.apply(*S, State);
      for (unsigned I : Open.set_bits())
        if (I < N && !State.test(I))
          State.set(N + I);
    } else {
      Uses.apply(*S, State);
    }
    auto Acquire = [&](unsigned I) {
      State.set(I);
      if (Traced)
        State.reset(N + I);
    };
    if (const auto *DS = dyn_cast<DeclStmt>(S))
      for (const Decl *D : DS->decls())
        if (auto It = Index.find(dyn_cast<VarDecl>(D));
            It != Index.end() && !Vars[It->second].AcquiredByAssignment)
          Acquire(It->second);
    if (const VarDecl *Var = assignedVariable(*S))
      if (auto It = Index.find(Var);
          It != Index.end() && Vars[It->second].AcquiredByAssignment)
        Acquire(It->second);
    // The coroutine ends here with an exception, without unwinding through
    // any handler.
    if (isTerminator(*S))
      State.reset();
  }

  /// Reads the findings off the solved states.
  /// Writes down the functions of other files each variable was passed to.
  void noteUnseenCallees() {
    for (unsigned I = 0; I < Vars.size(); ++I)
      if (auto Unseen = Uses.unseenRelease(I))
        std::tie(Vars[I].UnseenCallee, Vars[I].UnseenParam) = *Unseen;
  }

  void report(const FlowSolver::Step &Step) {
    if (auto Lifetime = Step.Element.getAs<CFGLifetimeEnds>()) {
      auto It = Index.find(Lifetime->getVarDecl());
      if (It != Index.end() && Step.Before.test(It->second))
        recordNormalLeak(It->second, Lifetime->getTriggerStmt());
      return;
    }
    auto StmtElement = Step.Element.getAs<CFGStmt>();
    if (!StmtElement)
      return;
    const Stmt *S = StmtElement->getStmt();
    if (std::optional<unsigned> I = Uses.releasedBy(*S))
      if (!llvm::is_contained(Vars[*I].ReleaseCalls, S))
        Vars[*I].ReleaseCalls.push_back(S);
    for (unsigned I : Step.Before.set_bits())
      if ((!Step.After.test(I) && !isTerminator(*S)) ||
          Uses.partlyReleases(*S, I))
        Vars[I].ReleasedSomewhere = true;
    if (isTerminator(*S)) {
      for (unsigned I : Step.Before.set_bits())
        recordExceptionalLeak(I, *S, /*Terminator=*/true);
      return;
    }
    if (!Step.Throws)
      return;
    for (unsigned I : Step.After.set_bits())
      if (leavesScopeOpen(Step, *S, I))
        recordExceptionalLeak(I, *S, /*Terminator=*/false);
  }

  /// Reads the states a rewrite needs off the solved (traced) states.
  void trace(const FlowSolver::Step &Step, std::vector<ResourceTrace> &Out) {
    unsigned N = Vars.size();
    auto StateOf = [&](const VarSet &State, unsigned I) {
      ReleaseState R;
      R.Reached = true;
      R.MayBeOpen = State.test(I);
      R.MayBeReleased = State.test(N + I);
      return R;
    };
    if (auto Lifetime = Step.Element.getAs<CFGLifetimeEnds>()) {
      if (auto It = Index.find(Lifetime->getVarDecl()); It != Index.end())
        Out[It->second].Exits.push_back(
            {Lifetime->getTriggerStmt(), StateOf(Step.Before, It->second)});
      return;
    }
    auto StmtElement = Step.Element.getAs<CFGStmt>();
    if (!StmtElement)
      return;
    const Stmt *S = StmtElement->getStmt();
    for (unsigned I = 0; I < N; ++I) {
      recordStatementEntry(Step, *S, I, StateOf(Step.Before, I), Out[I]);
      if (isTerminator(*S)) {
        if (Step.Before.test(I)) {
          Out[I].ExceptionalLeaks.push_back(S);
          Out[I].Terminators.push_back({S, StateOf(Step.Before, I)});
        }
        continue;
      }
      if (!Step.Throws)
        continue;
      if (Step.After.test(I) && leavesScopeOpen(Step, *S, I))
        Out[I].ExceptionalLeaks.push_back(S);
      if (Step.After.test(N + I) && Flow.contains(Scopes[I], S))
        Out[I].ThrowsAfterRelease.push_back(S);
    }
  }

private:
  /// Whether the exception of throwing element \p S leaves variable
  /// \p I's scope while it may be open.
  bool leavesScopeOpen(const FlowSolver::Step &Step, const Stmt &S,
                       unsigned I) {
    if (isInReleaseArguments(S, I))
      return false;
    bool Survives =
        Step.Try && Scopes[I] != Step.Try && Flow.contains(Scopes[I], Step.Try);
    return !Survives;
  }

  /// The statements of a variable's declaring block are entered where an
  /// element of theirs follows an element of another statement, or starts
  /// a CFG block.
  void recordStatementEntry(const FlowSolver::Step &Step, const Stmt &S,
                            unsigned I, const ReleaseState &Before,
                            ResourceTrace &Out) {
    const auto *Block = dyn_cast_or_null<CompoundStmt>(
        Flow.parents().getParent(Vars[I].DeclaringStmt));
    if (!Block)
      return;
    const Stmt *Top = &S;
    while (Top && Flow.parents().getParent(Top) != Block)
      Top = Flow.parents().getParent(Top);
    LastEntry &Last = LastEntries[I];
    bool Entry = !Top || Last.Block != &Step.Block || Last.Top != Top;
    Last.Block = &Step.Block;
    Last.Top = Top;
    if (!Top || !Entry)
      return;
    Out.BeforeStatement[Top].join(Before);
  }

  struct LastEntry {
    const CFGBlock *Block = nullptr;
    const Stmt *Top = nullptr;
  };
  llvm::DenseMap<unsigned, LastEntry> LastEntries;

  /// Asked for every element at every visit: remembered.
  bool isTerminator(const Stmt &S) {
    const auto *E = dyn_cast<Expr>(&S);
    if (!E || !isa<CallExpr, CXXConstructExpr>(E))
      return false;
    auto [It, Inserted] = Terminators.try_emplace(&S, false);
    if (Inserted)
      It->second = Flow.isWritten(S) && Model.isTerminator(*E);
    return It->second;
  }

  /// The arguments of `x.close(args)` are evaluated as part of the release:
  /// an exception they throw is the release's own failure, not a path that
  /// skips it.
  bool isInReleaseArguments(const Stmt &S, unsigned I) {
    const ParentMap &Parents = Flow.parents();
    const Stmt *Child = &S;
    for (const Stmt *P = Parents.getParent(&S); P && !isa<CompoundStmt>(P);
         Child = P, P = Parents.getParent(P)) {
      const auto *Member = dyn_cast<CXXMemberCallExpr>(P);
      if (!Member || Child == Member->getCallee())
        continue;
      if (Uses.releasedBy(*Member) == I)
        return true;
    }
    return false;
  }

  bool before(SourceLocation A, SourceLocation B) {
    return Flow.context().getSourceManager().isBeforeInTranslationUnit(A, B);
  }

  void recordNormalLeak(unsigned I, const Stmt *Trigger) {
    ResourceFindings &F = Vars[I];
    SourceLocation Loc = exitLocation(Trigger);
    if (F.NormalLeak && !before(Loc, F.NormalLeak->Loc))
      return;
    F.NormalLeak = ScopeExit{exitKindOf(Trigger), Loc};
  }

  void recordExceptionalLeak(unsigned I, const Stmt &At, bool Terminator) {
    ResourceFindings &F = Vars[I];
    if (F.ExceptionalLeak &&
        !before(At.getBeginLoc(), F.ExceptionalLeak->getBeginLoc()))
      return;
    F.ExceptionalLeak = &At;
    F.LeakIsTerminator = Terminator;
  }

  const FunctionFlow &Flow;
  ModelQueries &Model;
  std::vector<ResourceFindings> &Vars;
  ResourceUses Uses;
  std::vector<const Stmt *> Scopes;
  llvm::DenseMap<const VarDecl *, unsigned> Index;
  llvm::DenseMap<const Stmt *, bool> Terminators;
  bool Traced;
};

/// Solves the lifetimes of \p Vars in \p Body and fills in their findings.
/// Returns the state at the normal exit, if any path gets there.
std::optional<VarSet> solveLifetimes(const FunctionDecl &Function,
                                     const Stmt &Body, ModelQueries &Model,
                                     const ThrowOracle &Throws,
                                     std::vector<ResourceFindings> &Vars,
                                     unsigned CalleeDepth,
                                     const VarSet &OpenAtEntry) {
  FunctionFlow Flow(Function, Body, Throws);
  if (!Flow.valid())
    return std::nullopt;
  Lifetimes Client(Flow, Model, Throws, Vars, CalleeDepth);
  FlowSolver Solver(Flow, Client.scopes(), JoinKind::May, Client);
  Solver.solve(OpenAtEntry);
  Solver.replay([&](const FlowSolver::Step &Step) { Client.report(Step); });
  Client.noteUnseenCallees();
  return Solver.exitState().value_or(VarSet());
}

} // namespace

void ReleaseState::join(const ReleaseState &Other) {
  if (!Other.Reached)
    return;
  Reached = true;
  MayBeOpen |= Other.MayBeOpen;
  MayBeReleased |= Other.MayBeReleased;
}

std::vector<ResourceTrace>
traceResourceLifetimes(const FunctionDecl &Function, ModelQueries &Model,
                       const ThrowOracle &Throws,
                       const std::vector<ResourceFindings> &Tracked) {
  std::vector<ResourceTrace> Traces(Tracked.size());
  const Stmt *Body = getCoroutineUserBody(Function);
  if (!Body || Tracked.empty())
    return Traces;
  // The findings are recomputed into a copy; only the traces are kept.
  std::vector<ResourceFindings> Vars = Tracked;
  FunctionFlow Flow(Function, *Body, Throws);
  if (!Flow.valid())
    return {};
  Lifetimes Client(Flow, Model, Throws, Vars, /*CalleeDepth=*/0,
                   /*Traced=*/true);
  FlowSolver Solver(Flow, Client.scopes(), JoinKind::May, Client);
  Solver.solve(VarSet());
  Solver.replay(
      [&](const FlowSolver::Step &Step) { Client.trace(Step, Traces); });
  return Traces;
}

std::vector<ResourceFindings>
analyzeResourceLifetimes(const FunctionDecl &Function, ModelQueries &Model,
                         const ThrowOracle &Throws) {
  const Stmt *Body = getCoroutineUserBody(Function);
  if (!Body)
    return {};
  std::vector<ResourceFindings> Vars = collectResources(*Body, Model);
  if (Vars.empty())
    return Vars;
  solveLifetimes(Function, *Body, Model, Throws, Vars, /*CalleeDepth=*/0,
                 VarSet());
  return Vars;
}

namespace {

struct SharedLifetimes {
  const ResourceModel *Model;
  ModelQueries::Settings Settings;
  ThrowingCalls Policy;
  std::vector<ResourceFindings> Findings;
};

struct SharedLifetimeStore {
  const ASTContext *Context = nullptr;
  llvm::DenseMap<const FunctionDecl *, std::vector<SharedLifetimes>> Functions;
};

thread_local SharedLifetimeStore SharedStore;

} // namespace

void forgetSharedLifetimes() {
  SharedStore.Functions.clear();
  SharedStore.Context = nullptr;
}

const std::vector<ResourceFindings> &
sharedResourceLifetimes(const FunctionDecl &Function, ModelQueries &Model,
                        const ThrowOracle &Throws) {
  // Another unit on this thread without a start in between: nothing kept
  // may be used (its declarations are gone).
  if (SharedStore.Context != &Function.getASTContext()) {
    forgetSharedLifetimes();
    SharedStore.Context = &Function.getASTContext();
  }
  std::vector<SharedLifetimes> &Known = SharedStore.Functions[&Function];
  for (const SharedLifetimes &Entry : Known)
    if (Entry.Model == &Model.model() &&
        Entry.Settings.Infer == Model.settings().Infer &&
        Entry.Settings.CleanupNames == Model.settings().CleanupNames &&
        Entry.Policy == Throws.policy())
      return Entry.Findings;
  Known.push_back({&Model.model(), Model.settings(), Throws.policy(),
                   analyzeResourceLifetimes(Function, Model, Throws)});
  return Known.back().Findings;
}

ParameterRelease
releasesParameter(const FunctionDecl &Function, const ParmVarDecl &Param,
                  const ResourceInfo &Resource, ModelQueries &Model,
                  const ThrowOracle &Throws, unsigned CalleeDepth) {
  const Stmt *Body = getCoroutineUserBody(Function);
  if (!Body)
    Body = Function.getBody();
  if (!Body)
    return ParameterRelease::None;
  std::vector<ResourceFindings> Vars(1);
  Vars[0].Var = &Param;
  Vars[0].Resource = Resource;
  VarSet OpenAtEntry;
  OpenAtEntry.set(0);
  std::optional<VarSet> AtExit = solveLifetimes(Function, *Body, Model, Throws,
                                                Vars, CalleeDepth, OpenAtEntry);
  if (AtExit && !AtExit->test(0) && !Vars[0].NormalLeak)
    return ParameterRelease::Every;
  return Vars[0].ReleasedSomewhere ? ParameterRelease::Some
                                   : ParameterRelease::None;
}

} // namespace clang::coroguard
