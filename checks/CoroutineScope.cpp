//===--- CoroutineScope.cpp -----------------------------------------------===//

#include "CoroutineScope.h"

#include "clang/AST/ExprCXX.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "clang/AST/StmtCXX.h"
#include "clang/Basic/SourceManager.h"
#include "llvm/ADT/SmallPtrSet.h"
#include "llvm/ADT/SmallVector.h"

namespace clang::coroguard {

const Stmt *getCoroutineUserBody(const FunctionDecl &FD) {
  if (const auto *Coro = dyn_cast_or_null<CoroutineBodyStmt>(FD.getBody()))
    return Coro->getBody();
  return nullptr;
}

namespace {

class ScopeWalker : public RecursiveASTVisitor<ScopeWalker> {
public:
  ScopeWalker(const ScopeWalkOptions &Options,
              llvm::function_ref<void(const Stmt &, const Stmt *)> Visit)
      : Options(Options), Visit(Visit) {}

  bool shouldVisitTemplateInstantiations() const { return false; }
  bool shouldVisitImplicitCode() const { return false; }
  bool shouldWalkTypesOfTypeLocs() const { return false; }

  bool dataTraverseStmtPre(Stmt *S) {
    const Stmt *Parent = Parents.empty() ? nullptr : Parents.back();
    // A lambda is called where it is written when it is the object of a
    // call operator: remember it before its children are walked.
    if (const auto *Call = dyn_cast<CXXOperatorCallExpr>(S))
      if (Call->getOperator() == OO_Call && Call->getNumArgs() > 0)
        if (const auto *L =
                dyn_cast<LambdaExpr>(Call->getArg(0)->IgnoreImplicit()))
          InvokedLambdas.insert(L);
    Visit(*S, Parent);
    Parents.push_back(S);
    return true;
  }
  bool dataTraverseStmtPost(Stmt *) {
    Parents.pop_back();
    return true;
  }

  bool TraverseLambdaExpr(LambdaExpr *L) {
    if (!Options.IntoImmediatelyInvokedLambdas || !InvokedLambdas.count(L))
      return true;
    // Only the body: captures and parameters were already evaluated.
    return TraverseStmt(L->getBody());
  }
  // Separate scopes: blocks, local classes and their member functions.
  bool TraverseBlockExpr(BlockExpr *) { return true; }
  bool TraverseCXXRecordDecl(CXXRecordDecl *) { return true; }
  bool TraverseFunctionDecl(FunctionDecl *) { return true; }
  bool TraverseCXXMethodDecl(CXXMethodDecl *) { return true; }

private:
  const ScopeWalkOptions &Options;
  llvm::function_ref<void(const Stmt &, const Stmt *)> Visit;
  llvm::SmallVector<const Stmt *, 32> Parents;
  llvm::SmallPtrSet<const LambdaExpr *, 4> InvokedLambdas;
};

} // namespace

void forEachStmtInScope(
    const Stmt &Body, const ScopeWalkOptions &Options,
    llvm::function_ref<void(const Stmt &S, const Stmt *Parent)> Visit) {
  ScopeWalker Walker(Options, Visit);
  Walker.TraverseStmt(const_cast<Stmt *>(&Body));
}

bool isDiscardedPosition(const Stmt &S, const Stmt *Parent) {
  if (!Parent)
    return false;
  if (isa<CompoundStmt>(Parent))
    return true;
  if (const auto *If = dyn_cast<IfStmt>(Parent))
    return &S == If->getThen() || &S == If->getElse();
  if (const auto *While = dyn_cast<WhileStmt>(Parent))
    return &S == While->getBody();
  if (const auto *Do = dyn_cast<DoStmt>(Parent))
    return &S == Do->getBody();
  if (const auto *For = dyn_cast<ForStmt>(Parent))
    return &S == For->getBody() || &S == For->getInc() || &S == For->getInit();
  if (const auto *Range = dyn_cast<CXXForRangeStmt>(Parent))
    return &S == Range->getBody();
  if (const auto *Case = dyn_cast<SwitchCase>(Parent))
    return &S == Case->getSubStmt();
  if (const auto *Label = dyn_cast<LabelStmt>(Parent))
    return &S == Label->getSubStmt();
  if (const auto *Attributed = dyn_cast<AttributedStmt>(Parent))
    return &S == Attributed->getSubStmt();
  if (const auto *Comma = dyn_cast<BinaryOperator>(Parent))
    return Comma->getOpcode() == BO_Comma && &S == Comma->getLHS();
  return false;
}

const Expr *ignoreFullExprWrappers(const Expr *E) {
  while (E) {
    const Expr *Next = E->IgnoreParenImpCasts();
    if (const auto *Cleanups = dyn_cast<ExprWithCleanups>(Next))
      Next = Cleanups->getSubExpr();
    else if (const auto *Bind = dyn_cast<CXXBindTemporaryExpr>(Next))
      Next = Bind->getSubExpr();
    else if (const auto *Temp = dyn_cast<MaterializeTemporaryExpr>(Next))
      Next = Temp->getSubExpr();
    else if (const auto *Constant = dyn_cast<ConstantExpr>(Next))
      Next = Constant->getSubExpr();
    if (Next == E)
      return E;
    E = Next;
  }
  return E;
}

void forEachDiscardedCall(
    const FunctionDecl &Function, const SourceManager &SM,
    llvm::function_ref<void(const DiscardedCall &)> Visit) {
  const Stmt *CoroutineBody = getCoroutineUserBody(Function);
  const Stmt *Body = CoroutineBody ? CoroutineBody : Function.getBody();
  if (!Body)
    return;
  ScopeWalkOptions Options;
  Options.IntoImmediatelyInvokedLambdas = false;
  // co_await may not appear in a handler. Handlers are seen before their
  // contents (pre-order).
  llvm::SmallVector<SourceRange, 4> Handlers;
  forEachStmtInScope(*Body, Options, [&](const Stmt &S, const Stmt *Parent) {
    if (const auto *Catch = dyn_cast<CXXCatchStmt>(&S)) {
      Handlers.push_back(Catch->getHandlerBlock()->getSourceRange());
      return;
    }
    const auto *E = dyn_cast<Expr>(&S);
    if (!E || !isDiscardedPosition(S, Parent))
      return;
    const Expr *Dropped = ignoreFullExprWrappers(E);
    const auto *VoidCast = dyn_cast<ExplicitCastExpr>(Dropped);
    if (VoidCast && VoidCast->getType()->isVoidType())
      Dropped = ignoreFullExprWrappers(VoidCast->getSubExpr());
    else
      VoidCast = nullptr;
    // In `a(), b();` both results are dropped; the left one is a discarded
    // position of its own.
    while (const auto *Comma = dyn_cast<BinaryOperator>(Dropped)) {
      if (Comma->getOpcode() != BO_Comma)
        break;
      Dropped = ignoreFullExprWrappers(Comma->getRHS());
    }
    const auto *Call = dyn_cast<CallExpr>(Dropped);
    if (!Call)
      return;
    SourceLocation Loc = SM.getExpansionLoc(Call->getBeginLoc());
    bool InHandler = llvm::any_of(Handlers, [&](SourceRange R) {
      return SM.isPointWithin(Loc, R.getBegin(), R.getEnd());
    });
    Visit({*Call, CoroutineBody && !InHandler, VoidCast});
  });
}

bool mentionsDecl(const Stmt *S, const Decl *D) {
  if (!S)
    return false;
  if (const auto *Ref = dyn_cast<DeclRefExpr>(S))
    if (Ref->getDecl() == D)
      return true;
  for (const Stmt *Child : S->children())
    if (mentionsDecl(Child, D))
      return true;
  return false;
}

} // namespace clang::coroguard
