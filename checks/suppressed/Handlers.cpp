//===--- suppressed/Handlers.cpp ------------------------------------------===//
//
// coroguard-suppressed-exception: catch handlers that swallow: empty, or catch-
// all and keeping nothing.
//
//===----------------------------------------------------------------------===//

#include "SuppressedExceptionCheck.h"

#include "CoroutineScope.h"
#include "analysis/HandlerRules.h"

#include "clang/AST/StmtCXX.h"
#include "clang/Basic/SourceManager.h"

using namespace clang::ast_matchers;

namespace clang::coroguard {

/// A handler with no statement (comments aside).
static bool isEmptyHandler(const CXXCatchStmt &Catch) {
  const auto *Block = dyn_cast<CompoundStmt>(Catch.getHandlerBlock());
  return Block && Block->body_empty();
}

/// catch (const std::exception &) and friends: every standard exception.
static bool catchesStdException(const CXXCatchStmt &Catch) {
  QualType T = Catch.getCaughtType();
  if (T.isNull())
    return false;
  const CXXRecordDecl *RD = T.getNonReferenceType()->getAsCXXRecordDecl();
  return RD && RD->getName() == "exception" && RD->isInStdNamespace();
}

void SuppressedExceptionCheck::checkHandlers(const FunctionDecl &Coroutine) {
  const Stmt *Body = getCoroutineUserBody(Coroutine);
  if (!Body)
    return;
  ScopeWalkOptions Options;
  Options.IntoImmediatelyInvokedLambdas = false;
  forEachStmtInScope(*Body, Options, [&](const Stmt &S, const Stmt *Parent) {
    const auto *Try = dyn_cast<CXXTryStmt>(&S);
    if (!Try)
      return;
    std::optional<bool> Expected;
    for (unsigned I = 0; I < Try->getNumHandlers(); ++I) {
      const CXXCatchStmt *Catch = Try->getHandler(I);
      // A handler is judged where its `catch` is spelled: inside a test
      // framework's assertion macro it is not the user's, whatever the
      // header filter says (a vendored framework included with -I is
      // selected by the default one). One in a macro of the analysed file
      // is reported where the macro is used.
      const SourceManager &SM = Coroutine.getASTContext().getSourceManager();
      SourceLocation CatchLoc = Catch->getCatchLoc();
      if (!isAnalysedCode(CatchLoc, SM) ||
          (CatchLoc.isMacroID() &&
           !SM.isInMainFile(SM.getSpellingLoc(CatchLoc))))
        continue;
      bool CatchAll = Catch->getCaughtType().isNull();
      bool Broad = CatchAll || catchesStdException(*Catch);
      bool Empty = isEmptyHandler(*Catch);
      // A handler for one specific type (`catch (const cancelled &) {}`)
      // is a decision, not an accident.
      if ((Empty && !Broad) || (!Empty && !CatchAll) ||
          (!Empty && keepsException(*Catch->getHandlerBlock(), Body)))
        continue;
      // A test that expects the exception and checks the outcome.
      if (!Expected)
        Expected = expectsException(*Try, Parent);
      SourceLocation Loc = SM.getFileLoc(Catch->getCatchLoc());
      if (*Expected || !firstReportAt(Loc))
        continue;
      if (Empty)
        diag(Loc, "empty handler in coroutine %0 swallows %select{every "
                  "exception|every standard exception}1, cancellation "
                  "included; rethrow it, or catch the specific type you "
                  "mean to ignore")
            << &Coroutine << !CatchAll;
      else
        diag(Loc, "'catch (...)' in coroutine %0 swallows every exception, "
                  "cancellation included; rethrow it (throw;), or keep it "
                  "with std::current_exception()")
            << &Coroutine;
    }
  });
}

} // namespace clang::coroguard
