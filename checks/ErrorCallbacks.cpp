//===--- ErrorCallbacks.cpp -----------------------------------------------===//

#include "ErrorCallbacks.h"

#include "CoroutineScope.h"

#include "clang/AST/DeclTemplate.h"

namespace clang::coroguard {

const LambdaExpr *lambdaArgument(const Expr &Argument) {
  const Expr *E = ignoreFullExprWrappers(&Argument);
  if (const auto *Lambda = dyn_cast<LambdaExpr>(E))
    return Lambda;
  const auto *Ref = dyn_cast<DeclRefExpr>(E);
  const auto *Var = Ref ? dyn_cast<VarDecl>(Ref->getDecl()) : nullptr;
  if (!Var || !Var->hasLocalStorage() || !Var->getInit())
    return nullptr;
  return dyn_cast<LambdaExpr>(ignoreFullExprWrappers(Var->getInit()));
}

/// Whether \p S reads \p P, other than to discard it with `(void)p`.
static bool reads(const Stmt *S, const ParmVarDecl *P) {
  if (!S)
    return false;
  if (const auto *Cast = dyn_cast<ExplicitCastExpr>(S);
      Cast && Cast->getType()->isVoidType()) {
    const auto *Ref =
        dyn_cast<DeclRefExpr>(Cast->getSubExpr()->IgnoreParenImpCasts());
    if (Ref && Ref->getDecl() == P)
      return false;
  }
  if (const auto *Ref = dyn_cast<DeclRefExpr>(S))
    if (Ref->getDecl() == P)
      return true;
  for (const Stmt *Child : S->children())
    if (reads(Child, P))
      return true;
  return false;
}

/// Whether parameter \p Index of \p Operator, or of one of its
/// instantiations, has an error-carrier type.
static bool carriesError(const CXXMethodDecl &Operator, unsigned Index,
                         ModelQueries &Model) {
  if (Model.isErrorCarrier(
          Operator.getParamDecl(Index)->getType().getNonReferenceType()))
    return true;
  const FunctionTemplateDecl *Template =
      Operator.getDescribedFunctionTemplate();
  if (!Template)
    return false;
  for (const FunctionDecl *Spec : Template->specializations())
    if (Index < Spec->getNumParams() &&
        Model.isErrorCarrier(
            Spec->getParamDecl(Index)->getType().getNonReferenceType()))
      return true;
  return false;
}

const ParmVarDecl *ignoredErrorParameter(const LambdaExpr &Callback,
                                         ModelQueries &Model,
                                         bool FirstIsError) {
  const CXXMethodDecl *Operator = Callback.getCallOperator();
  if (!Operator || !Operator->hasBody())
    return nullptr;
  for (unsigned I = 0; I < Operator->getNumParams(); ++I) {
    const ParmVarDecl *P = Operator->getParamDecl(I);
    // By non-const reference (an exit hook: `with(res, body, [](res &&,
    // std::exception_ptr &) {...})`): the caller keeps the error and goes
    // on with it.
    QualType T = P->getType();
    if (T->isLValueReferenceType() &&
        !T.getNonReferenceType().isConstQualified() &&
        !T.getNonReferenceType()->isDependentType())
      continue;
    if (!(FirstIsError && I == 0) && !carriesError(*Operator, I, Model))
      continue;
    if (!P->getIdentifier() || !reads(Operator->getBody(), P))
      return P;
  }
  return nullptr;
}

} // namespace clang::coroguard
