//===--- suppressed/Callbacks.cpp -----------------------------------------===//
//
// coroguard-suppressed-exception: completion callbacks that ignore the error
// they are given.
//
//===----------------------------------------------------------------------===//

#include "SuppressedExceptionCheck.h"

#include "CoroutineMatchers.h"
#include "CoroutineScope.h"
#include "ErrorCallbacks.h"
#include "analysis/HandlerRules.h"
#include "model/ModelLoader.h"

#include "clang/AST/DeclTemplate.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/StmtCXX.h"
#include "clang/ASTMatchers/ASTMatchFinder.h"
#include "clang/Basic/SourceManager.h"
#include "clang/Lex/Lexer.h"

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
