//===--- BlockingCallCheck.cpp --------------------------------------------===//

#include "BlockingCallCheck.h"

#include "CoroutineMatchers.h"
#include "CoroutineScope.h"

#include "clang/AST/Expr.h"
#include "clang/ASTMatchers/ASTMatchFinder.h"

using namespace clang::ast_matchers;

namespace clang::coroguard {

void BlockingCallCheck::registerMatchers(MatchFinder *Finder) {
  Finder->addMatcher(coroutineDefinition().bind("coroutine"), this);
}

void BlockingCallCheck::onStartOfTranslationUnit() { Reported.clear(); }

void BlockingCallCheck::check(const MatchFinder::MatchResult &Result) {
  const auto *Coroutine = Result.Nodes.getNodeAs<FunctionDecl>("coroutine");
  const Stmt *Body = getCoroutineUserBody(*Coroutine);
  if (!Body)
    return;
  forEachStmtInScope(*Body, ScopeWalkOptions{}, [&](const Stmt &S,
                                                    const Stmt *) {
    const auto *Call = dyn_cast<CallExpr>(&S);
    if (!Call)
      return;
    const BlockingFunction *Entry = Blocking.match(*Call);
    if (!Entry)
      return;
    SourceLocation Loc = Call->getBeginLoc();
    if (!Reported.insert(Loc).second)
      return;
    auto Diag = diag(Loc, "'%0' blocks the thread inside coroutine %1%select{|; %3}2")
                << Entry->Name << Coroutine << !Entry->Alternative.empty()
                << Entry->Alternative << Call->getSourceRange();
  });
}

} // namespace clang::coroguard
