//===--- suppressed/Callbacks.cpp -----------------------------------------===//
//
// coroguard-suppressed-exception: completion callbacks that ignore the error
// they are given.
//
//===----------------------------------------------------------------------===//

#include "SuppressedExceptionCheck.h"

#include "CoroutineScope.h"
#include "ErrorCallbacks.h"
#include "analysis/HandlerRules.h"

#include "clang/AST/ExprCXX.h"

using namespace clang::ast_matchers;

namespace clang::coroguard {

void SuppressedExceptionCheck::checkCallbacks(const CallExpr &Call) {
  bool FirstIsError = model().isCallbackSink(Call);
  for (const Expr *Arg : Call.arguments()) {
    const LambdaExpr *Callback = lambdaArgument(*Arg);
    if (!Callback)
      continue;
    const ParmVarDecl *Ignored =
        ignoredErrorParameter(*Callback, model(), FirstIsError);
    if (!Ignored)
      continue;
    // At the parameter's type: an unnamed parameter has nothing else.
    SourceLocation Loc = Ignored->getBeginLoc();
    if (!firstReportAt(Loc))
      continue;
    diag(Loc, "the callback ignores the error it is given, so the error "
              "disappears; rethrow it, or report it")
        << Ignored->getSourceRange();
  }
}

} // namespace clang::coroguard
