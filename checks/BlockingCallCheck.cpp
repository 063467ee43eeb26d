//===--- BlockingCallCheck.cpp --------------------------------------------===//

#include "BlockingCallCheck.h"

#include "CoroutineMatchers.h"
#include "CoroutineScope.h"

#include "clang/AST/ExprCXX.h"
#include "clang/ASTMatchers/ASTMatchFinder.h"

using namespace clang::ast_matchers;

namespace clang::coroguard {

void BlockingCallCheck::registerMatchers(MatchFinder *Finder) {
  if (hasModel())
    Finder->addMatcher(coroutineDefinition().bind("coroutine"), this);
}

void BlockingCallCheck::check(const MatchFinder::MatchResult &Result) {
  const auto *Coroutine = Result.Nodes.getNodeAs<FunctionDecl>("coroutine");
  const Stmt *Body = getCoroutineUserBody(*Coroutine);
  if (!Body)
    return;
  forEachStmtInScope(*Body, ScopeWalkOptions{}, [&](const Stmt &S,
                                                    const Stmt *) {
    if (!isa<CallExpr, CXXConstructExpr>(S))
      return;
    const auto &E = cast<Expr>(S);
    std::optional<BlockingInfo> Blocking = model().blockingCall(E);
    if (!Blocking)
      return;
    SourceLocation Loc = E.getBeginLoc();
    if (const auto *Construct = dyn_cast<CXXConstructExpr>(&E))
      if (Construct->getParenOrBraceRange().isValid())
        Loc = Construct->getBeginLoc();
    if (!firstReportAt(Loc))
      return;
    diag(Loc, "'%0' blocks the thread inside coroutine %1%select{|; %3}2")
        << Blocking->Name << Coroutine << !Blocking->Alternative.empty()
        << Blocking->Alternative << E.getSourceRange();
  });
}

} // namespace clang::coroguard
