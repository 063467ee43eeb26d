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
#include "rewrites/ErrorHandlers.h"

#include "clang/AST/ExprCXX.h"

using namespace clang::ast_matchers;

namespace clang::coroguard {

void SuppressedExceptionCheck::checkCallbacks(const CallExpr &Call) {
  // A guard (Boost.Cobalt's with) rethrows the error after its teardown has
  // seen it: a teardown that ignores its copy drops nothing (one that
  // clears it through a reference is checkExitHook's).
  if (model().guardCall(Call))
    return;
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
    std::vector<FixItHint> Hints;
    std::string Why;
    llvm::Expected<rewrites::HandlerForm> Form =
        model().isExceptionPtr(Ignored->getType())
            ? rewrites::handlerFormAt(Call, *AST, errorReporter())
            : rewrites::noFix(Loc, "coroguard writes handlers for a "
                                   "std::exception_ptr only");
    if (Form) {
      rewrites::RewriteNodes Nodes(*AST);
      llvm::Expected<std::vector<FixItHint>> Made = rewrites::fixItsOf(
          rewrites::handleInCallback(*Callback, *Ignored, *Form,
                                     errorReporter(), Nodes),
          Nodes, includes());
      if (Made)
        Hints = std::move(*Made);
      else
        Why = rewrites::reasonOf(Made.takeError());
    } else {
      Why = rewrites::reasonOf(Form.takeError());
    }
    {
      auto Diag = diag(Loc, "the callback ignores the error it is given, so "
                            "the error disappears; rethrow it, or report it")
                  << Ignored->getSourceRange();
      for (const FixItHint &Hint : Hints)
        Diag << Hint;
    }
    if (!Why.empty())
      diag(AST->getSourceManager().getFileLoc(Loc), "no fix-it: %0",
           DiagnosticIDs::Note)
          << Why;
  }
}

} // namespace clang::coroguard
