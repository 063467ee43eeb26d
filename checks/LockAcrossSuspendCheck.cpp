//===--- LockAcrossSuspendCheck.cpp ---------------------------------------===//
//
// A forward "may hold" dataflow over the coroutine's CFG, one bit per lock
// variable, joined by union; suspension points read it.
//
//===----------------------------------------------------------------------===//

#include "LockAcrossSuspendCheck.h"

#include "CoroutineMatchers.h"
#include "CoroutineScope.h"
#include "analysis/FlowSolver.h"
#include "analysis/HandOver.h"
#include "queries/ClassShape.h"

#include "clang/AST/DeclTemplate.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/StmtCXX.h"
#include "clang/ASTMatchers/ASTMatchFinder.h"
#include "clang/Basic/SourceManager.h"

using namespace clang::ast_matchers;

namespace clang::coroguard {

void LockAcrossSuspendCheck::registerMatchers(MatchFinder *Finder) {
  if (hasModel())
    Finder->addMatcher(coroutineDefinition().bind("coroutine"), this);
}

namespace {

struct Lock {
  const VarDecl *Var;
  const DeclStmt *DeclaringStmt;
  const Stmt *FirstSuspension = nullptr;
};

/// A tag argument such as std::defer_lock or boost::defer_lock: the lock
/// starts unlocked. Every library that has the tag spells its type
/// defer_lock_t.
bool isDeferTag(const Expr *Arg) {
  const CXXRecordDecl *RD = Arg->getType()->getAsCXXRecordDecl();
  return RD && RD->getIdentifier() && RD->getName() == "defer_lock_t";
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
  const auto *Construct = dyn_cast_or_null<CXXConstructExpr>(
      Var.getInit() ? Var.getInit()->IgnoreImplicit() : nullptr);
  if (!Construct)
    return Var.hasInit();
  if (Construct->getNumArgs() == 0)
    return false; // unique_lock<M> l; owns nothing
  for (const Expr *Arg : Construct->arguments())
    if (isDeferTag(Arg))
      return false;
  return true;
}

/// Which locks may hold their mutex: set by a locking declaration or a
/// member that takes the mutex again, cleared by a member that gives it up
/// (the model's lockAcquires and lockReleases), a move away and the end of
/// the lock's lifetime.
class HeldLocks : public SetFlowClient {
public:
  HeldLocks(const FunctionFlow &Flow, ModelQueries &Model,
            std::vector<Lock> &Locks)
      : Flow(Flow), Model(Model), Locks(Locks) {
    for (unsigned I = 0; I < Locks.size(); ++I) {
      Index[Locks[I].Var] = I;
      Scopes.push_back(Flow.scopeOf(Locks[I].DeclaringStmt));
    }
  }

  const std::vector<const Stmt *> &scopes() const { return Scopes; }

  void transfer(const CFGElement &Element, VarSet &State) override {
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
          State.set(It->second, startsLocked(*Locks[It->second].Var));
      return;
    }
    if (const auto *Member = dyn_cast<CXXMemberCallExpr>(S)) {
      if (std::optional<unsigned> I =
              lockOf(Member->getImplicitObjectArgument())) {
        switch (Model.lockEffect(*Member)) {
        case ModelQueries::LockEffect::Releases:
          State.reset(*I);
          break;
        case ModelQueries::LockEffect::Acquires:
          State.set(*I);
          break;
        case ModelQueries::LockEffect::None:
          break;
        }
      }
      return;
    }
    if (isa<CallExpr>(S)) {
      // std::move(lock): whoever receives it (an awaiter that unlocks in
      // await_suspend, a member) owns the mutex now.
      for (const ast_matchers::BoundNodes &Moved :
           ast_matchers::match(MovedFrom, *S, Flow.context()))
        if (auto It = Index.find(Moved.getNodeAs<VarDecl>(handover::HandedVar));
            It != Index.end())
          State.reset(It->second);
    }
  }

  /// Reads the suspension points with a lock held off the solved states.
  void report(const FlowSolver::Step &Step) {
    auto StmtElement = Step.Element.getAs<CFGStmt>();
    if (!StmtElement || Step.Before.none())
      return;
    const Stmt *S = StmtElement->getStmt();
    if (!Flow.isSuspensionPoint(*S))
      return;
    const Expr *Operand = nullptr;
    if (const auto *Suspend = dyn_cast<CoroutineSuspendExpr>(S))
      Operand = Suspend->getOperand();
    else if (const auto *Dependent = dyn_cast<DependentCoawaitExpr>(S))
      Operand = Dependent->getOperand();
    for (unsigned I : Step.Before.set_bits()) {
      // `co_await cv.wait(lock, pred)`: the awaitable is given the lock
      // and releases it while suspended.
      if (mentionsDecl(Operand, Locks[I].Var))
        continue;
      recordSuspension(I, *S);
    }
  }

private:
  std::optional<unsigned> lockOf(const Expr *E) const {
    const auto *Ref =
        dyn_cast_or_null<DeclRefExpr>(E ? E->IgnoreParenImpCasts() : nullptr);
    if (!Ref)
      return std::nullopt;
    auto It = Index.find(dyn_cast<VarDecl>(Ref->getDecl()));
    return It == Index.end() ? std::nullopt : std::optional(It->second);
  }

  void recordSuspension(unsigned I, const Stmt &At) {
    const Stmt *&First = Locks[I].FirstSuspension;
    if (!First || Flow.context().getSourceManager().isBeforeInTranslationUnit(
                      At.getBeginLoc(), First->getBeginLoc()))
      First = &At;
  }

  const FunctionFlow &Flow;
  ModelQueries &Model;
  std::vector<Lock> &Locks;
  std::vector<const Stmt *> Scopes;
  llvm::DenseMap<const VarDecl *, unsigned> Index;
  ast_matchers::StatementMatcher MovedFrom = handover::movedFrom();
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
          Locks.push_back({Var, DS});
  });
  if (Locks.empty())
    return;
  FunctionFlow Flow(*Coroutine, *Body, throwOracle());
  if (!Flow.valid())
    return;
  HeldLocks Client(Flow, model(), Locks);
  FlowSolver Solver(Flow, Client.scopes(), JoinKind::May, Client);
  Solver.solve(VarSet());
  Solver.replay([&](const FlowSolver::Step &Step) { Client.report(Step); });
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

COROGUARD_CHECK_FACTORY(LockAcrossSuspendCheck)

} // namespace clang::coroguard
