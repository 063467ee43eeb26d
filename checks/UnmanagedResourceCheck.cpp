//===--- UnmanagedResourceCheck.cpp ---------------------------------------===//

#include "UnmanagedResourceCheck.h"

#include "CoroutineMatchers.h"
#include "ResourceDiagnostics.h"
#include "ResourceFixes.h"
#include "analysis/ResourceLifetime.h"

#include "clang/ASTMatchers/ASTMatchFinder.h"

using namespace clang::ast_matchers;

namespace clang::coroguard {

void UnmanagedResourceCheck::registerMatchers(MatchFinder *Finder) {
  if (!hasModel())
    return;
  Finder->addMatcher(coroutineDefinition().bind("coroutine"), this);
  // For the rest of the project: which resources each function of this
  // file, given them by reference, releases.
  if (unitFacts())
    Finder->addMatcher(
        functionDecl(isDefinition(), isExpansionInMainFile(),
                     unless(isImplicit()),
                     hasAnyParameter(hasType(lValueReferenceType())))
            .bind("definition"),
        this);
}

void UnmanagedResourceCheck::recordFacts(const FunctionDecl &Definition) {
  if (Definition.isDependentContext() || Definition.isTemplateInstantiation() ||
      !Definition.hasBody())
    return;
  project::FunctionFacts F = project::factsOf(Definition);
  for (unsigned I = 0; I < Definition.getNumParams(); ++I) {
    const ParmVarDecl &Param = *Definition.getParamDecl(I);
    QualType T = Param.getType();
    if (!T->isLValueReferenceType() ||
        T.getNonReferenceType().isConstQualified())
      continue;
    std::optional<ResourceInfo> Resource =
        model().resourceType(T.getNonReferenceType());
    if (Resource &&
        releasesParameter(Definition, Param, *Resource, model(), throwOracle(),
                          /*CalleeDepth=*/1) == ParameterRelease::Every)
      F.ReleasesParams.push_back(I);
  }
  if (!F.ReleasesParams.empty())
    unitFacts()->add(std::move(F));
}

static llvm::StringRef describeExit(ScopeExit::Kind Kind) {
  switch (Kind) {
  case ScopeExit::Kind::CoReturn:
    return "when this co_return is taken";
  case ScopeExit::Kind::Return:
    return "when this return is taken";
  case ScopeExit::Kind::Break:
    return "when this break is taken";
  case ScopeExit::Kind::Continue:
    return "when this continue is taken";
  case ScopeExit::Kind::Goto:
    return "when this goto is taken";
  case ScopeExit::Kind::EndOfScope:
    return "at the end of its scope";
  }
  llvm_unreachable("unknown exit kind");
}

void UnmanagedResourceCheck::check(const MatchFinder::MatchResult &Result) {
  if (const auto *Definition =
          Result.Nodes.getNodeAs<FunctionDecl>("definition")) {
    recordFacts(*Definition);
    return;
  }
  const auto *Coroutine = Result.Nodes.getNodeAs<FunctionDecl>("coroutine");
  summaryFacts(); // what callees of other files release
  const std::vector<ResourceFindings> &Lifetimes =
      sharedResourceLifetimes(*Coroutine, model(), throwOracle());
  std::optional<llvm::DenseMap<const VarDecl *, ResourceFix>> Fixes;
  for (const ResourceFindings &F : Lifetimes) {
    if (!F.NormalLeak || !firstReportAt(F.Var->getLocation()))
      continue;
    if (!Fixes)
      Fixes = fixResources(
          *Coroutine, Lifetimes,
          reportedResources(
              *Coroutine, Lifetimes, model(),
              /*UnmanagedEnabled=*/true,
              isCheckEnabled("coroguard-missing-awaited-cleanup")),
          [&](const VarDecl &Var) {
            return llvm::any_of(Lifetimes, [&](const ResourceFindings &G) {
              return G.Var == &Var && G.NormalLeak;
            });
          },
          model(), throwOracle(), fixStyle(), includes());
    const ResourceFix &Fix = (*Fixes)[F.Var];
    // Passed to a function of another file: reported unless that function
    // releases it (decided after the run).
    std::string Waits;
    if (F.UnseenCallee && unitFacts())
      if (std::string Key = project::keyOf(*F.UnseenCallee); !Key.empty())
        Waits = project::conditionalMessage(
            "", {project::Fact::DoesNotRelease, Key, F.UnseenParam});
    {
      auto Diag = diag(F.Var->getLocation(),
                       "%0 is %select{not released on every path|never "
                       "released}1: %select{call|co_await}2 %3 or hand it "
                       "to a guard before it goes out of scope%4")
                  << F.Var << !F.ReleasedSomewhere << F.Resource.Awaited
                  << describeReleases(F.Resource) << Waits;
      for (const FixItHint &Hint : fixItsOnWarning(Fix.Hints))
        Diag << Hint;
    }
    nameFixIts(F.Var->getLocation(), Fix.Name, Fix.Hints);
    diag(F.NormalLeak->Loc, "%0 is still unreleased %1", DiagnosticIDs::Note)
        << F.Var << describeExit(F.NormalLeak->ExitKind);
    if (!F.Resource.GuardNote.empty())
      diag(F.Var->getLocation(), "%0", DiagnosticIDs::Note)
          << expandGuardTemplate(F.Resource.GuardNote, *F.Var);
    if (!Fix.Note.empty())
      diag(Fix.NoteAt, "%0", DiagnosticIDs::Note) << Fix.Note;
  }
}

COROGUARD_CHECK_FACTORY(UnmanagedResourceCheck)

} // namespace clang::coroguard
