//===--- LibraryForms.cpp -------------------------------------------------===//

#include "rewrites/LibraryForms.h"
#include "CoroutineScope.h"

#include "rewrites/PortableRelease.h"
#include "rewrites/SourceLayout.h"
#include "rewrites/Templates.h"

#include "clang/AST/ASTContext.h"
#include "clang/Basic/SourceManager.h"
#include "clang/Tooling/Transformer/RangeSelector.h"
#include "clang/Tooling/Transformer/Stencil.h"

namespace clang::coroguard::rewrites {

using transformer::cat;
using transformer::Stencil;

namespace {

/// The statement of a block that call \p Call is, with its co_await.
const Stmt *statementOf(const Stmt *Call, const ParentMap &Parents) {
  const Stmt *S = Call;
  for (const Stmt *P = Parents.getParent(S); P;
       S = P, P = Parents.getParent(P)) {
    if (isa<CompoundStmt>(P))
      return S;
    if (!isa<Expr>(P))
      return nullptr;
  }
  return nullptr;
}

/// A piece of a template with its placeholders: {var} and {type} as text,
/// {release} as the stencil given.
Stencil expandPiece(llvm::StringRef Piece, const VarDecl &Var,
                    Stencil Release) {
  llvm::StringMap<std::string> Text = variablePlaceholders(Var);
  std::vector<Stencil> Parts;
  for (;;) {
    size_t At = Piece.find("{release}");
    Parts.push_back(cat(expandTemplate(Piece.take_front(At), Text)));
    if (At == llvm::StringRef::npos)
      break;
    Parts.push_back(Release);
    Piece = Piece.drop_front(At + llvm::StringRef("{release}").size());
  }
  return transformer::catVector(std::move(Parts));
}

} // namespace

llvm::Expected<transformer::EditGenerator> scopeGuard(const ResourceFindings &F,
                                                      const ParentMap &Parents,
                                                      RewriteNodes &Nodes) {
  ASTContext &Context = Nodes.context();
  const SourceManager &SM = Context.getSourceManager();
  const LangOptions &LO = Context.getLangOpts();
  const Stmt *Decl = F.DeclaringStmt;
  if (!Decl || Decl->getBeginLoc().isMacroID() || Decl->getEndLoc().isMacroID())
    return noFix(F.Var->getLocation(), "the declaration of '" +
                                           F.Var->getName() +
                                           "' is written in a macro");
  const Stmt *Scope = Parents.getParent(Decl);
  llvm::SmallVector<transformer::ASTEdit, 1> Edits;
  Edits.push_back(insertAt(
      endOfStatementLine(*Decl, SM, LO),
      "\n" + lineIndentation(Decl->getBeginLoc(), SM) +
          expandTemplate(F.Resource.Guard, variablePlaceholders(*F.Var))));
  // Every manual release must be a statement of the declaring block: one
  // left in a branch would release twice.
  for (const Stmt *Call : F.ReleaseCalls) {
    const Stmt *Statement = statementOf(Call, Parents);
    if (!Statement || Parents.getParent(Statement) != Scope ||
        Statement->getBeginLoc().isMacroID())
      return noFix(Call->getBeginLoc(),
                   "this release of '" + F.Var->getName() +
                       "' would run as well as the guard's; remove it by "
                       "hand first");
    Edits.push_back(transformer::remove(
        transformer::charRange(removalRange(*Statement, SM, LO))));
  }
  return transformer::editList(std::move(Edits));
}

llvm::Expected<transformer::EditGenerator>
scopeFunction(llvm::StringRef Template, const ReleaseRegion &R,
              RewriteNodes &Nodes) {
  const ResourceFindings &F = *R.Resource;
  llvm::StringRef Var = F.Var->getName();
  ASTContext &Context = Nodes.context();
  const SourceManager &SM = Context.getSourceManager();
  const LangOptions &LO = Context.getLangOpts();
  if (R.empty() || (R.End != ReleaseRegion::EndForm::KeptRelease &&
                    R.End != ReleaseRegion::EndForm::ReleaseHere))
    return noFix(F.Var->getLocation(), "the scope function would release '" +
                                           Var + "' where the code does not");
  for (unsigned I = R.First; I <= R.Last; ++I) {
    if (canLeave(R.at(I)))
      return noFix(R.at(I)->getBeginLoc(),
                   "this code can leave the scope of '" + Var +
                       "'; inside the scope function's lambda it would "
                       "mean something else");
    for (const Stmt *Call : F.ReleaseCalls)
      if (mentionsDecl(R.at(I), F.Var) &&
          R.at(I)->getSourceRange().fullyContains(Call->getSourceRange()))
        return noFix(Call->getBeginLoc(),
                     "'" + Var +
                         "' is released here and again by the scope "
                         "function");
  }
  if (llvm::Error E = checkDeclarationsUsedAfter(R))
    return std::move(E);
  if (!R.Hoisted.empty())
    return noFix(R.Hoisted.front()->getBeginLoc(),
                 "a variable declared here is used after the code that the "
                 "scope function would take");
  unsigned After =
      R.End == ReleaseRegion::EndForm::KeptRelease ? R.Last + 2 : R.Last + 1;
  for (unsigned I = After; I < R.Block->size(); ++I)
    if (mentionsDecl(R.at(I), F.Var))
      return noFix(R.at(I)->getBeginLoc(),
                   "'" + Var +
                       "' is used after the code that the scope function "
                       "would take");

  Stencil Release;
  if (R.End == ReleaseRegion::EndForm::KeptRelease)
    Release = cat(transformer::node(Nodes.bind(
        *releaseStatementCall(R.at(R.Last + 1), R), "kept-release")));
  else if (R.ReleaseToCopy)
    Release = cat(transformer::node(Nodes.bind(*R.ReleaseToCopy, "release")));
  else
    Release = cat(R.ReleaseText);

  // The template around the region's lines, which go one level deeper.
  auto [Before, AfterBody] = Template.split("{body}");
  if (Before.size() == Template.size())
    return noFix(F.Var->getLocation(),
                 "the model's scope function has no {body}");
  std::string Indent = lineIndentation(R.at(R.First)->getBeginLoc(), SM);
  std::string Unit = indentUnit(*R.Block, SM);
  SourceLocation Begin = SM.getFileLoc(R.at(R.First)->getBeginLoc());
  if (SM.getSpellingColumnNumber(Begin) != Indent.size() + 1)
    return noFix(Begin, "this statement shares its line with other code");
  SourceLocation LineStart = Begin.getLocWithOffset(-int(Indent.size()));
  SourceLocation End = endOfStatementLine(*R.at(R.Last), SM, LO);
  llvm::SmallVector<transformer::ASTEdit, 1> Edits;
  Edits.push_back(transformer::insertBefore(
      transformer::charRange(
          CharSourceRange::getCharRange(LineStart, LineStart)),
      cat(Indent, expandPiece(Before, *F.Var, Release), "\n")));
  for (SourceLocation Line :
       indentableLineStarts(CharSourceRange::getCharRange(Begin, End), SM, LO))
    Edits.push_back(insertAt(Line, Unit));
  Edits.push_back(transformer::insertBefore(
      transformer::charRange(CharSourceRange::getCharRange(End, End)),
      cat("\n", Indent, expandPiece(AfterBody, *F.Var, Release))));
  if (R.End == ReleaseRegion::EndForm::KeptRelease)
    Edits.push_back(transformer::remove(
        transformer::charRange(removalRange(*R.at(R.Last + 1), SM, LO))));
  return transformer::editList(std::move(Edits));
}

} // namespace clang::coroguard::rewrites
