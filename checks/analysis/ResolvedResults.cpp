//===--- ResolvedResults.cpp ----------------------------------------------===//

#include "ResolvedResults.h"

#include "analysis/FlowSolver.h"
#include "queries/ClassShape.h"

#include "clang/AST/DeclCXX.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/StmtCXX.h"

namespace clang::coroguard {

const VarDecl *rootVariable(const Expr *E) {
  while (E) {
    E = E->IgnoreParenImpCasts();
    if (const auto *Ref = dyn_cast<DeclRefExpr>(E)) {
      if (const auto *Var = dyn_cast<VarDecl>(Ref->getDecl()))
        return Var;
      if (const auto *Binding = dyn_cast<BindingDecl>(Ref->getDecl()))
        return dyn_cast_or_null<VarDecl>(Binding->getDecomposedDecl());
      return nullptr;
    }
    if (const auto *Member = dyn_cast<MemberExpr>(E))
      E = Member->getBase();
    else if (const auto *Call = dyn_cast<CallExpr>(E);
             Call && Call->getNumArgs() == 1 && !isa<CXXMemberCallExpr>(Call))
      E = Call->getArg(0); // std::get<N>(tuple), std::move(x)
    else if (const auto *Bind = dyn_cast<CXXBindTemporaryExpr>(E))
      E = Bind->getSubExpr();
    else if (const auto *Temp = dyn_cast<MaterializeTemporaryExpr>(E))
      E = Temp->getSubExpr();
    else if (const auto *Construct = dyn_cast<CXXConstructExpr>(E);
             Construct && Construct->getNumArgs() == 1 &&
             Construct->getConstructor()->isCopyOrMoveConstructor())
      E = Construct->getArg(0);
    else
      return nullptr;
  }
  return nullptr;
}

static const Expr *strip(const Expr *E) {
  while (true) {
    const Expr *Next = E->IgnoreParenImpCasts();
    if (const auto *Cleanups = dyn_cast<ExprWithCleanups>(Next))
      Next = Cleanups->getSubExpr();
    else if (const auto *Bind = dyn_cast<CXXBindTemporaryExpr>(Next))
      Next = Bind->getSubExpr();
    else if (const auto *Temp = dyn_cast<MaterializeTemporaryExpr>(Next))
      Next = Temp->getSubExpr();
    else if (const auto *Cast = dyn_cast<CXXFunctionalCastExpr>(Next))
      Next = Cast->getSubExpr();
    if (Next == E)
      return E;
    E = Next;
  }
}

/// A duration or time point that is zero or now.
static bool isZeroOrNow(const Expr *E) {
  E = strip(E);
  if (const auto *Int = dyn_cast<IntegerLiteral>(E))
    return Int->getValue() == 0;
  if (const auto *Literal = dyn_cast<UserDefinedLiteral>(E))
    if (const auto *Cooked =
            dyn_cast_or_null<IntegerLiteral>(Literal->getCookedLiteral()))
      return Cooked->getValue() == 0;
  if (const auto *List = dyn_cast<InitListExpr>(E))
    return List->getNumInits() == 0;
  if (const auto *Construct = dyn_cast<CXXConstructExpr>(E)) {
    if (Construct->getNumArgs() == 0)
      return true; // duration{}, a zero duration
    if (Construct->getNumArgs() == 1)
      return isZeroOrNow(Construct->getArg(0));
    return false;
  }
  if (const auto *Call = dyn_cast<CallExpr>(E))
    if (const FunctionDecl *Callee = Call->getDirectCallee();
        Callee && Callee->getIdentifier() &&
        (Callee->getName() == "zero" || Callee->getName() == "now"))
      return true;
  return false;
}

bool isZeroTimeoutWait(const CallExpr &Call) {
  const FunctionDecl *Callee = Call.getDirectCallee();
  if (!Callee || !Callee->getIdentifier())
    return false;
  llvm::StringRef Name = Callee->getName();
  if (!(Name.starts_with("wait") || Name.starts_with("try_")) ||
      !(Name.ends_with("_for") || Name.ends_with("_until")))
    return false;
  // The timeout is the first argument, or the one after the lock of a
  // condition variable.
  return llvm::any_of(Call.arguments(),
                      [](const Expr *Arg) { return isZeroOrNow(Arg); });
}

bool isResultWait(const CXXMemberCallExpr &Call) {
  const CXXMethodDecl *Method = Call.getMethodDecl();
  if (!Method || !Method->getIdentifier() ||
      !llvm::is_contained({"get", "wait", "wait_for", "wait_until"},
                          Method->getName()))
    return false;
  // A result holder has a get(): a condition variable, a latch or a timer
  // that is waited on holds no result.
  QualType Object =
      Call.getImplicitObjectArgument()->IgnoreParenImpCasts()->getType();
  if (const auto *Ptr = Object->getAs<PointerType>())
    Object = Ptr->getPointeeType();
  const CXXRecordDecl *Holder = getRecord(Object);
  return Holder && lookupMember(*Holder, "get");
}

namespace {

/// The value is what a co_await produced: `co_await as_future(g())`,
/// `std::get<0>(co_await when_all(...))`. Not an argument of a call that
/// merely awaits something else (`timer(co_await this_coro::executor)`).
bool isAwaitedValue(const Expr *E) {
  E = strip(E);
  if (isa<CoawaitExpr, DependentCoawaitExpr, CoyieldExpr>(E))
    return true;
  if (const auto *Member = dyn_cast<MemberExpr>(E))
    return isAwaitedValue(Member->getBase());
  if (const auto *Call = dyn_cast<CallExpr>(E);
      Call && Call->getNumArgs() == 1 && !isa<CXXMemberCallExpr>(Call))
    return isAwaitedValue(Call->getArg(0));
  return false;
}

/// A readiness check's member name when the model has none for the type.
bool isReadinessName(llvm::StringRef Name) {
  return llvm::is_contained(
      {"available", "is_ready", "isReady", "ready", "hasResult", "has_result"},
      Name);
}

bool namesEnumerator(const Expr *E, llvm::StringRef Name) {
  const auto *Ref = dyn_cast<DeclRefExpr>(strip(E));
  return Ref && isa<EnumConstantDecl>(Ref->getDecl()) &&
         Ref->getDecl()->getName() == Name;
}

class Resolution : public DenseFlowClient {
public:
  Resolution(const FunctionFlow &Flow, ModelQueries &Model,
             const llvm::DenseMap<const VarDecl *, unsigned> &Index,
             const ResolvedResults &Results)
      : Flow(Flow), Model(Model), Index(Index), Results(Results) {}

  std::optional<unsigned> bitOf(const Expr *E) const {
    const VarDecl *Var = rootVariable(E);
    auto It = Var ? Index.find(Var) : Index.end();
    if (It == Index.end())
      return std::nullopt;
    return It->second;
  }

  void transfer(const CFGElement &Element, llvm::BitVector &State) override {
    auto StmtElement = Element.getAs<CFGStmt>();
    if (!StmtElement)
      return;
    const Stmt *S = StmtElement->getStmt();
    if (const auto *DS = dyn_cast<DeclStmt>(S)) {
      for (const Decl *D : DS->decls())
        if (const auto *Var = dyn_cast<VarDecl>(D))
          if (auto It = Index.find(Var); It != Index.end())
            State[It->second] =
                Var->getInit() && Results.producesResolved(*Var->getInit());
      return;
    }
    // What a co_await waited for is resolved afterwards: `co_await f;`.
    if (const auto *Suspend = dyn_cast<CoroutineSuspendExpr>(S)) {
      if (std::optional<unsigned> I = bitOf(Suspend->getOperand()))
        State.set(*I);
      return;
    }
    if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(S);
        Op && Op->getOperator() == OO_Equal && Op->getNumArgs() == 2) {
      assign(Op->getArg(0), Op->getArg(1), State);
      return;
    }
    if (const auto *Assign = dyn_cast<BinaryOperator>(S);
        Assign && Assign->getOpcode() == BO_Assign) {
      assign(Assign->getLHS(), Assign->getRHS(), State);
      return;
    }
    // After a wait, the result is there: `f.wait(); f.get();` blocks once.
    if (const auto *Member = dyn_cast<CXXMemberCallExpr>(S);
        Member && isResultWait(*Member) && !isZeroTimeoutWait(*Member))
      if (Model.blockingCall(*Member))
        if (std::optional<unsigned> I =
                bitOf(Member->getImplicitObjectArgument()))
          State.set(*I);
  }

  void transferEdge(const CFGBlock &From, unsigned Succ,
                    llvm::BitVector &State) override {
    if (From.succ_size() != 2)
      return;
    const Expr *Condition = From.getLastCondition();
    if (!Condition)
      return;
    bool WhenTrue = true;
    if (std::optional<unsigned> I = readiness(Condition, WhenTrue))
      if ((Succ == 0) == WhenTrue)
        State.set(*I);
  }

private:
  void assign(const Expr *Target, const Expr *Value, llvm::BitVector &State) {
    const auto *Ref = dyn_cast<DeclRefExpr>(Target->IgnoreParenImpCasts());
    const auto *Var = Ref ? dyn_cast<VarDecl>(Ref->getDecl()) : nullptr;
    auto It = Var ? Index.find(Var) : Index.end();
    if (It != Index.end())
      State[It->second] = Results.producesResolved(*Value);
  }

  /// The variable a condition tests for readiness, and whether it is ready
  /// when the condition is true.
  std::optional<unsigned> readiness(const Expr *Condition, bool &WhenTrue) {
    const Expr *E = strip(Condition);
    if (const auto *Not = dyn_cast<UnaryOperator>(E);
        Not && Not->getOpcode() == UO_LNot) {
      WhenTrue = !WhenTrue;
      return readiness(Not->getSubExpr(), WhenTrue);
    }
    if (const auto *Member = dyn_cast<CXXMemberCallExpr>(E)) {
      const CXXMethodDecl *Method = Member->getMethodDecl();
      if (Method && Method->getIdentifier() &&
          (isReadinessName(Method->getName()) ||
           Model.isReadinessCheck(*Member)))
        return bitOf(Member->getImplicitObjectArgument());
      return std::nullopt;
    }
    // f.wait_for(0s) == std::future_status::ready
    const Expr *LHS = nullptr, *RHS = nullptr;
    bool Equal = false;
    if (const auto *Bin = dyn_cast<BinaryOperator>(E);
        Bin && Bin->isEqualityOp()) {
      LHS = Bin->getLHS();
      RHS = Bin->getRHS();
      Equal = Bin->getOpcode() == BO_EQ;
    } else if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(E);
               Op &&
               (Op->getOperator() == OO_EqualEqual ||
                Op->getOperator() == OO_ExclaimEqual) &&
               Op->getNumArgs() == 2) {
      LHS = Op->getArg(0);
      RHS = Op->getArg(1);
      Equal = Op->getOperator() == OO_EqualEqual;
    }
    if (!LHS)
      return std::nullopt;
    if (namesEnumerator(LHS, "ready"))
      std::swap(LHS, RHS);
    const auto *Poll = dyn_cast<CXXMemberCallExpr>(strip(LHS));
    if (!Poll || !namesEnumerator(RHS, "ready") || !isZeroTimeoutWait(*Poll))
      return std::nullopt;
    if (!Equal)
      WhenTrue = !WhenTrue;
    return bitOf(Poll->getImplicitObjectArgument());
  }

  const FunctionFlow &Flow;
  ModelQueries &Model;
  const llvm::DenseMap<const VarDecl *, unsigned> &Index;
  const ResolvedResults &Results;
};

/// Locals and parameters of class type the body names: the candidates.
void collectVariables(const Stmt *S, const FunctionDecl &FD,
                      llvm::DenseMap<const VarDecl *, unsigned> &Index) {
  if (!S)
    return;
  if (const auto *Ref = dyn_cast<DeclRefExpr>(S)) {
    const VarDecl *Var = rootVariable(Ref);
    if (Var && Var->hasLocalStorage() &&
        Var->getType().getNonReferenceType()->isRecordType() &&
        Index.size() < 1024)
      Index.try_emplace(Var, Index.size());
  }
  for (const Stmt *Child : S->children())
    collectVariables(Child, FD, Index);
}

} // namespace

bool ResolvedResults::producesResolved(const Expr &E) const {
  if (isAwaitedValue(&E))
    return true;
  const auto *Call = dyn_cast<CallExpr>(strip(&E));
  return Call && Model.isReadyFunction(*Call);
}

ResolvedResults::ResolvedResults(
    const FunctionFlow &Flow, ModelQueries &Model,
    llvm::ArrayRef<const VarDecl *> ResolvedAtEntry)
    : Model(Model) {
  collectVariables(&Flow.body(), Flow.function(), Index);
  for (const ParmVarDecl *P : Flow.function().parameters())
    Index.try_emplace(P, Index.size());
  if (Index.empty())
    return;
  std::vector<const Stmt *> Scopes(Index.size(), &Flow.body());
  for (const auto &[Var, I] : Index)
    if (const auto *DS = dyn_cast_or_null<DeclStmt>(Flow.parents().getParent(
            Var->getInit() ? static_cast<const Stmt *>(Var->getInit())
                           : nullptr)))
      Scopes[I] = Flow.scopeOf(DS);
  Resolution Client(Flow, Model, Index, *this);
  DenseFlowSolver Solver(Flow, Scopes, JoinKind::Must, Client);
  llvm::BitVector AtEntry(Index.size());
  for (const VarDecl *Var : ResolvedAtEntry)
    if (auto It = Index.find(Var); It != Index.end())
      AtEntry.set(It->second);
  Solver.solve(AtEntry);
  Solver.replay([&](const DenseFlowSolver::Step &Step) {
    auto StmtElement = Step.Element.getAs<CFGStmt>();
    if (StmtElement &&
        isa<CallExpr, CXXConstructExpr>(StmtElement->getStmt()) &&
        Step.Before.any())
      Before[StmtElement->getStmt()] = Step.Before;
  });
}

bool ResolvedResults::isResolved(const Expr &Value, const Stmt &At) const {
  if (producesResolved(Value))
    return true;
  const VarDecl *Var = rootVariable(&Value);
  auto It = Var ? Index.find(Var) : Index.end();
  if (It == Index.end())
    return false;
  auto State = Before.find(&At);
  return State != Before.end() && State->second.test(It->second);
}

} // namespace clang::coroguard
