//===--- FunctionFlow.cpp -------------------------------------------------===//

#include "FunctionFlow.h"

#include "analysis/HandlerRules.h"

#include "clang/AST/ASTContext.h"
#include "clang/AST/ExprCXX.h"

namespace clang::coroguard {

FunctionFlow::FunctionFlow(const FunctionDecl &FD, const Stmt &Body,
                           const ThrowOracle &Throws)
    : FD(FD), Body(Body), Throws(Throws), Parents(const_cast<Stmt *>(&Body)) {
  CFG::BuildOptions Options;
  Options.AddLifetime = true;
  // A co_await nested in an expression is an element of its own only when
  // asked for; every suspension point must be one.
  Options.setAlwaysAdd(Stmt::CoawaitExprClass)
      .setAlwaysAdd(Stmt::CoyieldExprClass)
      .setAlwaysAdd(Stmt::DependentCoawaitExprClass);
  Cfg = CFG::buildCFG(&FD, const_cast<Stmt *>(&Body), &FD.getASTContext(),
                      Options);
  if (!Cfg)
    return;
  for (const CFGBlock *Block : *Cfg)
    if (const auto *Try =
            dyn_cast_or_null<CXXTryStmt>(Block->getTerminatorStmt()))
      Handlers[Try] = Block;
}

ASTContext &FunctionFlow::context() const { return FD.getASTContext(); }

bool FunctionFlow::isSuspensionPoint(const Stmt &S) const {
  return isa<CoawaitExpr, CoyieldExpr, DependentCoawaitExpr>(S) && isWritten(S);
}

const CXXTryStmt *FunctionFlow::enclosingTry(const Stmt &S) const {
  const Stmt *Child = &S;
  for (const Stmt *Cur = Parents.getParent(&S); Cur;
       Child = Cur, Cur = Parents.getParent(Cur))
    if (const auto *Try = dyn_cast<CXXTryStmt>(Cur))
      if (Child == Try->getTryBlock())
        return Try;
  return nullptr;
}

const CXXCatchStmt *FunctionFlow::enclosingHandler(const Stmt &S) const {
  for (const Stmt *Cur = Parents.getParent(&S); Cur;
       Cur = Parents.getParent(Cur)) {
    if (isa<LambdaExpr>(Cur))
      return nullptr;
    if (const auto *Catch = dyn_cast<CXXCatchStmt>(Cur))
      return Catch;
  }
  return nullptr;
}

bool FunctionFlow::handlerKeeps(const CXXCatchStmt &Catch) const {
  auto [It, Inserted] = KeepingHandlers.try_emplace(&Catch, false);
  if (Inserted) {
    KeepingRules Rules;
    Rules.FunctionBody = &Body;
    It->second = keepsException(*Catch.getHandlerBlock(), Rules);
  }
  return It->second;
}

bool FunctionFlow::mayThrow(const Stmt &S) const {
  if (!isWritten(S) || !Throws.mayThrow(S))
    return false;
  if (isa<CXXThrowExpr>(S))
    return true;
  const CXXCatchStmt *Catch = enclosingHandler(S);
  return !Catch || !handlerKeeps(*Catch);
}

const Stmt *FunctionFlow::scopeOf(const Stmt *DeclaringStmt) const {
  if (!DeclaringStmt)
    return &Body;
  for (const Stmt *S = Parents.getParent(DeclaringStmt); S;
       S = Parents.getParent(S))
    if (isa<CompoundStmt, IfStmt, ForStmt, WhileStmt, SwitchStmt,
            CXXForRangeStmt, CXXCatchStmt>(S))
      return S;
  return &Body;
}

bool FunctionFlow::contains(const Stmt *Outer, const Stmt *Inner) const {
  for (const Stmt *S = Inner; S; S = Parents.getParent(S))
    if (S == Outer)
      return true;
  return false;
}

} // namespace clang::coroguard
