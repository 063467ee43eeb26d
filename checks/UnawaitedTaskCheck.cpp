//===--- UnawaitedTaskCheck.cpp -------------------------------------------===//

#include "UnawaitedTaskCheck.h"

#include "CoroutineMatchers.h"
#include "CoroutineScope.h"
#include "TaskTypes.h"

#include "clang/AST/ExprCXX.h"
#include "clang/ASTMatchers/ASTMatchFinder.h"

using namespace clang::ast_matchers;

namespace clang::coroguard {

void UnawaitedTaskCheck::registerMatchers(MatchFinder *Finder) {
  Finder->addMatcher(userFunctionDefinition().bind("function"), this);
}

void UnawaitedTaskCheck::onStartOfTranslationUnit() { Reported.clear(); }

void UnawaitedTaskCheck::check(const MatchFinder::MatchResult &Result) {
  const auto *Function = Result.Nodes.getNodeAs<FunctionDecl>("function");
  const Stmt *CoroutineBody = getCoroutineUserBody(*Function);
  const Stmt *Body = CoroutineBody ? CoroutineBody : Function->getBody();
  if (!Body)
    return;
  // Lambdas are functions of their own and are matched separately: whether
  // `co_await` may be inserted depends on the innermost function.
  ScopeWalkOptions Options;
  Options.IntoImmediatelyInvokedLambdas = false;
  forEachStmtInScope(*Body, Options, [&](const Stmt &S, const Stmt *Parent) {
    const auto *E = dyn_cast<Expr>(&S);
    if (!E || !isDiscardedPosition(S, Parent))
      return;
    if (const auto *Call = dyn_cast<CallExpr>(ignoreFullExprWrappers(E)))
      checkDiscardedCall(*Call, CoroutineBody != nullptr);
  });
}

void UnawaitedTaskCheck::checkDiscardedCall(const CallExpr &Call,
                                            bool InCoroutine) {
  QualType Type = Call.getType();
  if (Type->isDependentType())
    return; // decided per instantiation
  bool IsTask = isLazyTaskType(Type);
  if (!IsTask && !isAwaiterType(Type))
    return;
  SourceLocation Loc = Call.getBeginLoc();
  if (!Reported.insert(Loc).second)
    return;

  // The plain name: template arguments (lambda types...) are noise here.
  const auto *Callee = dyn_cast_or_null<NamedDecl>(Call.getCalleeDecl());
  DeclarationName Name = Callee ? Callee->getDeclName() : DeclarationName();
  auto Diag = diag(Loc, "%select{awaitable|task}0 returned by "
                        "%select{this call|%2}1 is discarded, so it never "
                        "runs")
              << IsTask << !Name.isEmpty() << Name << Call.getSourceRange();
  if (InCoroutine && !Loc.isMacroID())
    Diag << FixItHint::CreateInsertion(Loc, "co_await ");
}

} // namespace clang::coroguard
