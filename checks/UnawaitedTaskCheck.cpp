//===--- UnawaitedTaskCheck.cpp -------------------------------------------===//

#include "UnawaitedTaskCheck.h"

#include "CoroutineMatchers.h"
#include "CoroutineScope.h"

#include "clang/AST/ExprCXX.h"
#include "clang/ASTMatchers/ASTMatchFinder.h"

using namespace clang::ast_matchers;

namespace clang::coroguard {

void UnawaitedTaskCheck::registerMatchers(MatchFinder *Finder) {
  if (hasModel())
    Finder->addMatcher(userFunctionDefinition().bind("function"), this);
}

void UnawaitedTaskCheck::check(const MatchFinder::MatchResult &Result) {
  const auto *Function = Result.Nodes.getNodeAs<FunctionDecl>("function");
  // An explicit (void) cast is a deliberate discard: not reported here.
  forEachDiscardedCall(*Function, *Result.SourceManager,
                       /*ThroughVoidCasts=*/false,
                       [&](const CallExpr &Call, bool CanAwait) {
                         checkDiscardedCall(Call, CanAwait ? Function : nullptr);
                       });
}

void UnawaitedTaskCheck::checkDiscardedCall(const CallExpr &Call,
                                            const FunctionDecl *Coroutine) {
  QualType Type = Call.getType();
  if (Type->isDependentType())
    return; // decided per instantiation
  // A discarded release (`conn.close();`) is one finding, reported by
  // coroguard-missing-awaited-cleanup when it runs.
  if (const auto *Member = dyn_cast<CXXMemberCallExpr>(&Call))
    if (isCheckEnabled("coroguard-missing-awaited-cleanup") &&
        model().isAwaitedReleaseCall(*Member))
      return;
  TaskKind Kind = model().taskKind(Type);
  if (Kind != TaskKind::Lazy && Kind != TaskKind::Awaiter)
    return;
  bool IsTask = Kind == TaskKind::Lazy;
  SourceLocation Loc = Call.getBeginLoc();
  if (!firstReportAt(Loc))
    return;

  // The plain name: template arguments (lambda types...) are noise here.
  const auto *Callee = dyn_cast_or_null<NamedDecl>(Call.getCalleeDecl());
  DeclarationName Name = Callee ? Callee->getDeclName() : DeclarationName();
  auto Diag = diag(Loc, "%select{awaitable|task}0 returned by "
                        "%select{this call|%2}1 is discarded, so it never "
                        "runs")
              << IsTask << !Name.isEmpty() << Name << Call.getSourceRange();
  // Only where `co_await` is known to compile on this type.
  if (Coroutine && !Loc.isMacroID() &&
      model().isKnownAwaitable(Type, Coroutine->getReturnType()))
    Diag << FixItHint::CreateInsertion(Loc, "co_await ");
}

} // namespace clang::coroguard
