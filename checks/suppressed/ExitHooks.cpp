//===--- suppressed/ExitHooks.cpp -----------------------------------------===//
//
// coroguard-suppressed-exception: exit hooks that clear the exception they are
// handed.
//
//===----------------------------------------------------------------------===//

#include "SuppressedExceptionCheck.h"

#include "CoroutineScope.h"
#include "analysis/HandlerRules.h"

#include "clang/AST/DeclTemplate.h"
#include "clang/AST/ExprCXX.h"

using namespace clang::ast_matchers;

namespace clang::coroguard {

/// `e = nullptr`, `e = {}`, `e = std::exception_ptr()` on the parameter.
static const Expr *clearingAssignment(const Stmt *S, const ParmVarDecl *P) {
  if (!S || isa<LambdaExpr>(S))
    return nullptr;
  if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(S);
      Op && Op->getOperator() == OO_Equal && Op->getNumArgs() == 2) {
    const auto *Ref =
        dyn_cast<DeclRefExpr>(Op->getArg(0)->IgnoreParenImpCasts());
    const Expr *Value = Op->getArg(1)->IgnoreParenImpCasts();
    if (const auto *Temp = dyn_cast<MaterializeTemporaryExpr>(Value))
      Value = Temp->getSubExpr()->IgnoreParenImpCasts();
    if (const auto *Bind = dyn_cast<CXXBindTemporaryExpr>(Value))
      Value = Bind->getSubExpr()->IgnoreParenImpCasts();
    bool Clears = isa<CXXNullPtrLiteralExpr>(Value);
    if (const auto *Construct = dyn_cast<CXXConstructExpr>(Value))
      Clears |= Construct->getNumArgs() == 0 ||
                (Construct->getNumArgs() == 1 &&
                 isa<CXXNullPtrLiteralExpr>(
                     Construct->getArg(0)->IgnoreParenImpCasts()));
    if (const auto *List = dyn_cast<InitListExpr>(Value))
      Clears |= List->getNumInits() == 0;
    if (Ref && Ref->getDecl() == P && Clears)
      return Op;
  }
  for (const Stmt *Child : S->children())
    if (const Expr *Found = clearingAssignment(Child, P))
      return Found;
  return nullptr;
}

void SuppressedExceptionCheck::checkExitHook(const CXXMethodDecl &Hook) {
  // Instantiations too: a generic teardown (`[](auto &res, auto &e)`) has
  // an exception_ptr parameter only once instantiated. The code as written
  // is reported once.
  if (!Hook.getBody())
    return;
  // Not every front visits the instantiations of a generic lambda: reach
  // them from the pattern.
  if (const FunctionTemplateDecl *Template =
          Hook.getDescribedFunctionTemplate())
    for (const FunctionDecl *Spec : Template->specializations())
      if (const auto *Method = dyn_cast<CXXMethodDecl>(Spec);
          Method && Method != &Hook)
        checkExitHook(*Method);
  for (const ParmVarDecl *P : Hook.parameters()) {
    QualType T = P->getType();
    if (!T->isLValueReferenceType() ||
        T.getNonReferenceType().isConstQualified())
      continue;
    if (!model().isExceptionPtr(T.getNonReferenceType()))
      continue;
    const Expr *Clear = clearingAssignment(Hook.getBody(), P);
    if (!Clear || !firstReportAt(Clear->getBeginLoc()))
      continue;
    diag(Clear->getBeginLoc(),
         "the exit hook clears the exception it is given, so the error of "
         "the scope it closes disappears; leave %0 as it is")
        << P;
  }
}

} // namespace clang::coroguard
