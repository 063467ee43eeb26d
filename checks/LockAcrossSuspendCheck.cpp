//===--- LockAcrossSuspendCheck.cpp ---------------------------------------===//
//
// A forward "may hold" dataflow over the coroutine's CFG, one bit per lock
// variable, joined by union; suspension points read it.
//
//===----------------------------------------------------------------------===//

#include "LockAcrossSuspendCheck.h"

#include "CoroutineMatchers.h"
#include "CoroutineScope.h"
#include "analysis/BlockWorklist.h"
#include "analysis/ExceptionEdges.h"
#include "analysis/ResourceUses.h"
#include "model/ClassShape.h"

#include "clang/AST/DeclTemplate.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/ParentMap.h"
#include "clang/AST/StmtCXX.h"
#include "clang/ASTMatchers/ASTMatchFinder.h"
#include "clang/Analysis/CFG.h"
#include "clang/Basic/SourceManager.h"
#include "llvm/ADT/BitVector.h"
#include "llvm/ADT/SmallPtrSet.h"

#include <deque>

using namespace clang::ast_matchers;

namespace clang::coroguard {

void LockAcrossSuspendCheck::registerMatchers(MatchFinder *Finder) {
  if (hasModel())
    Finder->addMatcher(coroutineDefinition().bind("coroutine"), this);
}

namespace {

struct Lock {
  const VarDecl *Var;
  const Stmt *FirstSuspension = nullptr;
};

/// A tag argument such as std::defer_lock: the lock starts unlocked.
bool isDeferTag(const Expr *Arg) {
  const CXXRecordDecl *RD = Arg->getType()->getAsCXXRecordDecl();
  return RD && RD->getName() == "defer_lock_t" && RD->isInStdNamespace();
}

/// The mutex types a lock type is over: its template arguments.
bool isOverAsyncMutex(QualType LockType, ModelQueries &Model) {
  const auto *Spec = dyn_cast_or_null<ClassTemplateSpecializationDecl>(
      LockType->getAsCXXRecordDecl());
  if (!Spec)
    return false;
  for (const TemplateArgument &Arg : Spec->getTemplateArgs().asArray()) {
    if (Arg.getKind() == TemplateArgument::Type &&
        Model.isAsyncMutexType(Arg.getAsType()))
      return true;
    if (Arg.getKind() == TemplateArgument::Pack)
      for (const TemplateArgument &P : Arg.pack_elements())
        if (P.getKind() == TemplateArgument::Type &&
            Model.isAsyncMutexType(P.getAsType()))
          return true;
  }
  return false;
}

/// Whether the declaration of \p Var leaves it holding its mutex.
bool startsLocked(const VarDecl &Var) {
  const auto *Construct =
      dyn_cast_or_null<CXXConstructExpr>(Var.getInit()
                                             ? Var.getInit()->IgnoreImplicit()
                                             : nullptr);
  if (!Construct)
    return Var.hasInit();
  if (Construct->getNumArgs() == 0)
    return false; // unique_lock<M> l; owns nothing
  for (const Expr *Arg : Construct->arguments())
    if (isDeferTag(Arg))
      return false;
  return true;
}

bool mentions(const Stmt *S, const VarDecl *Var) {
  if (!S)
    return false;
  if (const auto *Ref = dyn_cast<DeclRefExpr>(S))
    if (Ref->getDecl() == Var)
      return true;
  for (const Stmt *Child : S->children())
    if (mentions(Child, Var))
      return true;
  return false;
}

class LockFlow {
public:
  LockFlow(const Stmt &Body, ASTContext &Ctx, std::vector<Lock> &Locks)
      : Body(Body), Ctx(Ctx), Locks(Locks), Parents(const_cast<Stmt *>(&Body)) {
    for (unsigned I = 0; I < Locks.size(); ++I)
      Index[Locks[I].Var] = I;
  }

  void run(const FunctionDecl &FD) {
    CFG::BuildOptions Options;
    Options.AddLifetime = true;
    std::unique_ptr<CFG> Cfg =
        CFG::buildCFG(&FD, const_cast<Stmt *>(&Body), &Ctx, Options);
    if (!Cfg)
      return;
    ExceptionEdges Edges(*Cfg, Parents);
    BlockWorklist Worklist(*Cfg, Locks.size());
    Worklist.enqueue(Cfg->getEntry(), llvm::BitVector(Locks.size()));
    while (const CFGBlock *Block = Worklist.pop()) {
      llvm::BitVector State = Worklist.entryState(*Block);
      forgetTryBlockLocks(*Block, State);
      for (const CFGElement &Element : *Block) {
        transfer(Element, State);
        // A call that throws inside a try continues at its handlers with
        // the locks as they are now (an unlock() after it never ran).
        if (auto StmtElement = Element.getAs<CFGStmt>()) {
          const Stmt *S = StmtElement->getStmt();
          if (State.any() && Parents.hasParent(S) && mayThrow(*S))
            if (const CFGBlock *Handlers =
                    Edges.handlersOf(Edges.enclosingTry(*S)))
              Worklist.enqueue(*Handlers, State);
        }
      }
      Worklist.propagate(*Block, State);
    }
  }

private:
  /// The handlers of a try see none of the locks declared inside its try
  /// block: a throw destroyed them, though the CFG's throw edge carries no
  /// lifetime ends.
  void forgetTryBlockLocks(const CFGBlock &Block, llvm::BitVector &State) {
    const auto *Try = dyn_cast_or_null<CXXTryStmt>(Block.getTerminatorStmt());
    if (!Try)
      return;
    SourceRange Inside = Try->getTryBlock()->getSourceRange();
    const SourceManager &SM = Ctx.getSourceManager();
    for (unsigned I : State.set_bits())
      if (SM.isPointWithin(Locks[I].Var->getLocation(), Inside.getBegin(),
                           Inside.getEnd()))
        State.reset(I);
  }

  std::optional<unsigned> lockOf(const Expr *E) const {
    const auto *Ref = dyn_cast_or_null<DeclRefExpr>(E ? E->IgnoreParenImpCasts()
                                                      : nullptr);
    if (!Ref)
      return std::nullopt;
    auto It = Index.find(dyn_cast<VarDecl>(Ref->getDecl()));
    return It == Index.end() ? std::nullopt : std::optional(It->second);
  }

  void transfer(const CFGElement &Element, llvm::BitVector &State) {
    if (auto Lifetime = Element.getAs<CFGLifetimeEnds>()) {
      if (auto It = Index.find(Lifetime->getVarDecl()); It != Index.end())
        State.reset(It->second);
      return;
    }
    auto StmtElement = Element.getAs<CFGStmt>();
    if (!StmtElement)
      return;
    const Stmt *S = StmtElement->getStmt();
    if (const auto *DS = dyn_cast<DeclStmt>(S)) {
      for (const Decl *D : DS->decls())
        if (auto It = Index.find(dyn_cast<VarDecl>(D)); It != Index.end())
          State[It->second] = startsLocked(*Locks[It->second].Var);
      return;
    }
    if (const auto *Member = dyn_cast<CXXMemberCallExpr>(S)) {
      if (std::optional<unsigned> I =
              lockOf(Member->getImplicitObjectArgument())) {
        llvm::StringRef Name = Member->getMethodDecl()
                                   ? Member->getMethodDecl()->getName()
                                   : "";
        if (Name == "unlock" || Name == "release")
          State.reset(*I);
        else if (Name == "lock" || Name == "try_lock" ||
                 Name == "try_lock_for" || Name == "try_lock_until")
          State.set(*I);
      }
      return;
    }
    if (const auto *Call = dyn_cast<CallExpr>(S)) {
      // std::move(lock): whoever receives it (an awaiter that unlocks in
      // await_suspend, a member) owns the mutex now.
      const FunctionDecl *Callee = Call->getDirectCallee();
      if (Callee && Callee->isInStdNamespace() && Callee->getIdentifier() &&
          (Callee->getName() == "move" || Callee->getName() == "forward") &&
          Call->getNumArgs() == 1)
        if (std::optional<unsigned> I = lockOf(Call->getArg(0)))
          State.reset(*I);
      return;
    }
    if (isa<CoawaitExpr, CoyieldExpr, DependentCoawaitExpr>(S) &&
        (S == &Body || Parents.hasParent(S))) {
      const Expr *Operand = nullptr;
      if (const auto *Suspend = dyn_cast<CoroutineSuspendExpr>(S))
        Operand = Suspend->getOperand();
      else if (const auto *Dependent = dyn_cast<DependentCoawaitExpr>(S))
        Operand = Dependent->getOperand();
      for (unsigned I : State.set_bits()) {
        // `co_await cv.wait(lock, pred)`: the awaitable is given the lock
        // and releases it while suspended.
        if (mentions(Operand, Locks[I].Var))
          continue;
        recordSuspension(I, *S);
      }
    }
  }

  void recordSuspension(unsigned I, const Stmt &At) {
    const Stmt *&First = Locks[I].FirstSuspension;
    if (!First || Ctx.getSourceManager().isBeforeInTranslationUnit(
                      At.getBeginLoc(), First->getBeginLoc()))
      First = &At;
  }

  const Stmt &Body;
  ASTContext &Ctx;
  std::vector<Lock> &Locks;
  ParentMap Parents;
  llvm::DenseMap<const VarDecl *, unsigned> Index;
};

} // namespace

void LockAcrossSuspendCheck::check(const MatchFinder::MatchResult &Result) {
  const auto *Coroutine = Result.Nodes.getNodeAs<FunctionDecl>("coroutine");
  const Stmt *Body = getCoroutineUserBody(*Coroutine);
  if (!Body)
    return;
  std::vector<Lock> Locks;
  ScopeWalkOptions Options;
  Options.IntoImmediatelyInvokedLambdas = false;
  forEachStmtInScope(*Body, Options, [&](const Stmt &S, const Stmt *) {
    if (const auto *DS = dyn_cast<DeclStmt>(&S))
      for (const Decl *D : DS->decls())
        if (const auto *Var = dyn_cast<VarDecl>(D);
            Var && Var->hasLocalStorage() &&
            !Var->getType()->isReferenceType() &&
            model().isLockType(Var->getType()) &&
            !isOverAsyncMutex(Var->getType(), model()))
          Locks.push_back({Var});
  });
  if (Locks.empty())
    return;
  LockFlow Flow(*Body, *Result.Context, Locks);
  Flow.run(*Coroutine);
  for (const Lock &L : Locks) {
    if (!L.FirstSuspension || !firstReportAt(L.Var->getLocation()))
      continue;
    diag(L.Var->getLocation(),
         "%0 may still hold its mutex when the coroutine suspends; unlock it "
         "before suspending, or use an async mutex")
        << L.Var;
    diag(L.FirstSuspension->getBeginLoc(),
         "the coroutine suspends here with %0 held", DiagnosticIDs::Note)
        << L.Var;
  }
}

} // namespace clang::coroguard
