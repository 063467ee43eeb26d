//===--- ResourceLifetime.cpp ---------------------------------------------===//

#include "ResourceLifetime.h"

#include "CoroutineScope.h"
#include "analysis/BlockWorklist.h"
#include "analysis/ExceptionEdges.h"
#include "analysis/ResourceUses.h"


#include "clang/AST/ASTContext.h"
#include "clang/AST/ParentMap.h"
#include "clang/AST/StmtCXX.h"
#include "clang/Analysis/CFG.h"
#include "clang/Basic/SourceManager.h"
#include "llvm/ADT/BitVector.h"
#include "llvm/ADT/SmallPtrSet.h"
#include "llvm/ADT/DenseMap.h"

#include <deque>

namespace clang::coroguard {

namespace {

/// Locals worth tracking: owned (not references, not static) and of an
/// async resource type. Default constructions count: scopes, gates and
/// services are only ever default-constructed and still need their join.
std::vector<ResourceFindings> collectResources(const Stmt &Body,
                                               ModelQueries &Model) {
  std::vector<ResourceFindings> Result;
  ScopeWalkOptions Options;
  Options.IntoImmediatelyInvokedLambdas = false;
  forEachStmtInScope(Body, Options, [&](const Stmt &S, const Stmt *) {
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

class Analysis {
public:
  Analysis(const FunctionDecl &FD, const Stmt &Body, ModelQueries &Model,
           std::vector<ResourceFindings> &Vars, unsigned CalleeDepth)
      : Ctx(FD.getASTContext()), Body(Body), Model(Model), Vars(Vars),
        Parents(const_cast<Stmt *>(&Body)), Uses(Model, Vars, CalleeDepth) {
    for (unsigned I = 0; I < Vars.size(); ++I) {
      Index[Vars[I].Var] = I;
      Scopes.push_back(scopeOf(*Vars[I].Var));
    }
  }

  /// Runs the dataflow; \p OpenAtEntry are the variables (parameters)
  /// unreleased when the function starts. Returns the variables that may
  /// still be unreleased when it returns normally, or null without a CFG.
  std::optional<llvm::BitVector> run(const FunctionDecl &FD,
                                     const llvm::BitVector &OpenAtEntry) {
    CFG::BuildOptions Options;
    Options.AddLifetime = true;
    Cfg = CFG::buildCFG(&FD, const_cast<Stmt *>(&Body), &Ctx, Options);
    if (!Cfg)
      return std::nullopt;
    Edges.emplace(*Cfg, Parents);

    Worklist.emplace(*Cfg, Vars.size());
    Worklist->enqueue(Cfg->getEntry(), OpenAtEntry);
    while (const CFGBlock *Block = Worklist->pop())
      transfer(*Block);
    return Worklist->entryState(Cfg->getExit());
  }

private:
  /// The statement whose end ends \p Var's lifetime: the block declaring
  /// it, or the if/for/while/switch whose init or condition declares it.
  const Stmt *scopeOf(const VarDecl &Var) {
    if (!Vars[Index[&Var]].DeclaringStmt)
      return &Body; // a parameter
    for (const Stmt *S = Parents.getParent(Vars[Index[&Var]].DeclaringStmt); S;
         S = Parents.getParent(S))
      if (isa<CompoundStmt, IfStmt, ForStmt, WhileStmt, SwitchStmt,
              CXXForRangeStmt, CXXCatchStmt>(S))
        return S;
    return &Body;
  }

  /// The arguments of `x.close(args)` are evaluated as part of the release:
  /// an exception they throw is the release's own failure, not a path that
  /// skips it.
  bool isInReleaseArguments(const Stmt &S, unsigned I) {
    const Stmt *Child = &S;
    for (const Stmt *P = Parents.getParent(&S); P && !isa<CompoundStmt>(P);
         Child = P, P = Parents.getParent(P)) {
      const auto *Member = dyn_cast<CXXMemberCallExpr>(P);
      if (!Member || Child == Member->getCallee())
        continue;
      const CXXMethodDecl *Method = Member->getMethodDecl();
      if (Method && Method->getIdentifier() &&
          Uses.trackedVar(Member->getImplicitObjectArgument()) == I &&
          llvm::is_contained(Vars[I].Resource.Release,
                             Method->getName().str()))
        return true;
    }
    return false;
  }

  bool contains(const Stmt *Outer, const Stmt *Inner) {
    for (const Stmt *S = Inner; S; S = Parents.getParent(S))
      if (S == Outer)
        return true;
    return false;
  }

  /// The exception thrown at \p S: variables whose scope encloses the
  /// handler survive into it; the others leave their scope unreleased.
  void throwAt(const Stmt &S, const llvm::BitVector &State) {
    const CXXTryStmt *Try = Edges->enclosingTry(S);
    llvm::BitVector Surviving(Vars.size());
    for (unsigned I : State.set_bits()) {
      if (isInReleaseArguments(S, I))
        continue;
      if (Try && Scopes[I] != Try && contains(Scopes[I], Try))
        Surviving.set(I);
      else
        recordExceptionalLeak(I, S, /*Terminator=*/false);
    }
    if (Try)
      if (const CFGBlock *Handlers = Edges->handlersOf(Try))
        Worklist->enqueue(*Handlers, Surviving);
  }

  void transfer(const CFGBlock &Block) {
    llvm::BitVector State = Worklist->entryState(Block);
    // Resources of the try block do not reach its handlers: the throw
    // destroyed them (its leak was recorded where it was thrown).
    if (const auto *Try =
            dyn_cast_or_null<CXXTryStmt>(Block.getTerminatorStmt()))
      for (unsigned I : State.set_bits())
        if (contains(Try->getTryBlock(), Scopes[I]))
          State.reset(I);
    for (const CFGElement &Element : Block) {
      if (auto Lifetime = Element.getAs<CFGLifetimeEnds>()) {
        auto It = Index.find(Lifetime->getVarDecl());
        if (It == Index.end())
          continue;
        if (State.test(It->second))
          recordNormalLeak(It->second, Lifetime->getTriggerStmt());
        State.reset(It->second);
        continue;
      }
      auto StmtElement = Element.getAs<CFGStmt>();
      if (!StmtElement)
        continue;
      const Stmt *S = StmtElement->getStmt();
      // Releases and hand-overs take effect before the element can throw:
      // a release that throws has still been attempted.
      Uses.apply(*S, State);
      if (const auto *DS = dyn_cast<DeclStmt>(S))
        for (const Decl *D : DS->decls())
          if (auto It = Index.find(dyn_cast<VarDecl>(D)); It != Index.end())
            State.set(It->second);
      if (State.none())
        continue;
      // Only elements that are part of the written code: the pieces Sema
      // adds to a co_await have no parent here, and the co_await itself
      // is the throwing point.
      if (S != &Body && !Parents.hasParent(S))
        continue;
      const auto *E = dyn_cast<Expr>(S);
      if (E && Model.isTerminator(*E)) {
        // The coroutine ends here with an exception, without unwinding
        // through any handler.
        for (unsigned I : State.set_bits())
          recordExceptionalLeak(I, *S, /*Terminator=*/true);
        State.reset();
        continue;
      }
      if (mayThrow(*S))
        throwAt(*S, State);
    }
    Worklist->propagate(Block, State);
  }

  bool before(SourceLocation A, SourceLocation B) {
    return Ctx.getSourceManager().isBeforeInTranslationUnit(A, B);
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

  ASTContext &Ctx;
  const Stmt &Body;
  ModelQueries &Model;
  std::vector<ResourceFindings> &Vars;
  ParentMap Parents;
  ResourceUses Uses;
  std::vector<const Stmt *> Scopes;
  std::unique_ptr<CFG> Cfg;
  llvm::DenseMap<const VarDecl *, unsigned> Index;
  std::optional<ExceptionEdges> Edges;
  std::optional<BlockWorklist> Worklist;
};

} // namespace

std::vector<ResourceFindings>
analyzeResourceLifetimes(const FunctionDecl &Function, ModelQueries &Model) {
  const Stmt *Body = getCoroutineUserBody(Function);
  if (!Body)
    return {};
  std::vector<ResourceFindings> Vars = collectResources(*Body, Model);
  if (Vars.empty())
    return Vars;
  Analysis A(Function, *Body, Model, Vars, /*CalleeDepth=*/0);
  A.run(Function, llvm::BitVector(Vars.size()));
  return Vars;
}

bool releasesParameterOnEveryPath(const FunctionDecl &Function,
                                  const ParmVarDecl &Param,
                                  const ResourceInfo &Resource,
                                  ModelQueries &Model, unsigned CalleeDepth) {
  const Stmt *Body = getCoroutineUserBody(Function);
  if (!Body)
    Body = Function.getBody();
  if (!Body)
    return false;
  std::vector<ResourceFindings> Vars(1);
  Vars[0].Var = &Param;
  Vars[0].Resource = Resource;
  Analysis A(Function, *Body, Model, Vars, CalleeDepth);
  std::optional<llvm::BitVector> AtExit =
      A.run(Function, llvm::BitVector(1, true));
  return AtExit && !AtExit->test(0) && !Vars[0].NormalLeak;
}

} // namespace clang::coroguard
