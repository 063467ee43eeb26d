//===--- PortableRelease.cpp ----------------------------------------------===//

#include "rewrites/PortableRelease.h"

#include "rewrites/SourceLayout.h"

#include "clang/AST/ASTContext.h"
#include "clang/Basic/SourceManager.h"
#include "clang/Tooling/Transformer/RangeSelector.h"
#include "clang/Tooling/Transformer/Stencil.h"

namespace clang::coroguard::rewrites {

using transformer::ASTEdit;
using transformer::cat;
using transformer::Stencil;

namespace {

/// What the rewrite writes for one region.
struct RegionText {
  const ReleaseRegion *Region;
  std::string Failure; ///< the std::exception_ptr's name
  std::string Indent;  ///< of the lines it adds
  std::string Unit;    ///< one level of indentation
  unsigned Depth = 0;  ///< how many regions of the group enclose it
  Stencil Release;
};

/// Whether \p S lies in \p R's region (in its block or nested deeper).
bool inRegion(const Stmt *S, const ReleaseRegion &R, const ParentMap &Parents) {
  if (R.empty())
    return false;
  const Stmt *Child = S;
  for (const Stmt *P = Parents.getParent(S); P;
       Child = P, P = Parents.getParent(P))
    if (P == R.Block) {
      unsigned I = llvm::find(R.Block->body(), Child) - R.Block->body_begin();
      return I >= R.First && I <= R.Last;
    }
  return false;
}

SourceLocation endOfLine(const Stmt &S, const ASTContext &Context) {
  return endOfStatementLine(S, Context.getSourceManager(),
                            Context.getLangOpts());
}

/// `} catch (...) { f = std::current_exception(); }` and what follows it.
Stencil handlerAndEnd(const RegionText &T) {
  const std::string &I = T.Indent, &U = T.Unit, &F = T.Failure;
  std::string Handler = "\n" + I + "} catch (...) {\n" + I + U + F +
                        " = std::current_exception();\n" + I + "}";
  std::string Rethrow = "std::rethrow_exception(" + F + ");";
  switch (T.Region->End) {
  case ReleaseRegion::EndForm::Unreachable:
    return cat(Handler, "\n", I, T.Release, ";\n", I, Rethrow);
  case ReleaseRegion::EndForm::ReleaseHere:
    return cat(Handler, "\n", I, T.Release, ";\n", I, "if (", F, ")\n", I, U,
               Rethrow);
  case ReleaseRegion::EndForm::KeptRelease:
    return cat(Handler);
  case ReleaseRegion::EndForm::ReleaseIfFailed:
    return cat(Handler, "\n", I, "if (", F, ") {\n", I, U, T.Release, ";\n", I,
               U, Rethrow, "\n", I, "}");
  }
  llvm_unreachable("unknown end form");
}

} // namespace

Stencil releaseStencil(const ReleaseRegion &R, RewriteNodes &Nodes) {
  if (R.Moved)
    return cat(transformer::node(Nodes.bind(*R.Moved, "moved-release")));
  Stencil Call =
      R.ReleaseToCopy
          ? cat(transformer::node(Nodes.bind(*R.ReleaseToCopy, "release")))
          : cat(R.ReleaseText);
  return R.Awaited ? cat("co_await ", Call) : Call;
}

llvm::Expected<transformer::EditGenerator>
portableRelease(llvm::ArrayRef<ReleaseRegion> Regions, const Stmt &Body,
                const ParentMap &Parents, RewriteNodes &Nodes) {
  ASTContext &Context = Nodes.context();
  const SourceManager &SM = Context.getSourceManager();
  const LangOptions &LO = Context.getLangOpts();
  llvm::StringSet<> Taken = spelledIdentifiers(
      CharSourceRange::getTokenRange(Body.getSourceRange()), SM, LO);

  std::vector<RegionText> Texts;
  for (const ReleaseRegion &R : Regions) {
    RegionText T{
        &R, "", "", indentUnit(*R.Block, SM), 0, releaseStencil(R, Nodes)};
    T.Failure =
        freshName((R.Resource->Var->getName() + "_failure").str(), Taken);
    T.Indent = lineIndentation(R.at(R.Decl)->getBeginLoc(), SM);
    for (const ReleaseRegion &Outer : Regions)
      if (isNestedIn(R, Outer, Parents)) {
        T.Indent += indentUnit(*Outer.Block, SM);
        ++T.Depth;
      }
    Texts.push_back(std::move(T));
  }

  llvm::SmallVector<ASTEdit, 1> Edits;
  // Lines first: an insertion at the start of a line goes before any text
  // another edit puts there.
  for (const RegionText &T : Texts) {
    const ReleaseRegion &R = *T.Region;
    if (R.empty())
      continue;
    // From the line after the declaration: the comments above the first
    // statement move into the try with it.
    SourceLocation Begin = endOfLine(*R.at(R.Decl), Context);
    SourceLocation End = endOfLine(*R.at(R.Last), Context);
    // Lines that move or go away are not indented.
    std::vector<CharSourceRange> Skip;
    for (const RegionText &Other : Texts) {
      if (Other.Region->Moved)
        Skip.push_back(removalRange(*Other.Region->Moved, SM, LO));
      for (const DeclStmt *Hoisted : Other.Region->Hoisted)
        Skip.push_back(
            removalRange(leadingCommentStart(*Hoisted, SM), *Hoisted, SM, LO));
    }
    for (SourceLocation Line : indentableLineStarts(
             CharSourceRange::getCharRange(Begin, End), SM, LO)) {
      if (llvm::any_of(Skip, [&](const CharSourceRange &Gone) {
            return !SM.isBeforeInTranslationUnit(Line, Gone.getBegin()) &&
                   SM.isBeforeInTranslationUnit(Line, Gone.getEnd());
          }))
        continue;
      Edits.push_back(insertAt(Line, T.Unit));
    }
  }
  // Inner regions first where two end together.
  std::vector<const RegionText *> ByDepth;
  for (const RegionText &T : Texts)
    ByDepth.push_back(&T);
  llvm::stable_sort(ByDepth, [](const RegionText *A, const RegionText *B) {
    return A->Depth > B->Depth;
  });
  // The exits that leave resources open: their releases, inner first;
  // a brace closed after an exit comes before a handler that follows it.
  std::vector<const Stmt *> Exits;
  for (const RegionText *T : ByDepth)
    for (const Stmt *Exit : T->Region->ReleaseBefore)
      if (!llvm::is_contained(Exits, Exit))
        Exits.push_back(Exit);
  for (const Stmt *Exit : Exits) {
    std::vector<Stencil> Releases;
    for (const RegionText *T : ByDepth)
      if (llvm::is_contained(T->Region->ReleaseBefore, Exit))
        Releases.push_back(T->Release);
    std::string ExitIndent = lineIndentation(Exit->getBeginLoc(), SM);
    for (const RegionText &T : Texts)
      if (inRegion(Exit, *T.Region, Parents))
        ExitIndent += T.Unit;
    std::string Id = Nodes.bind(*Exit, "exit");
    const Stmt *Parent = Parents.getParent(Exit);
    std::vector<Stencil> Parts;
    if (isa_and_nonnull<CompoundStmt>(Parent)) {
      for (const Stencil &R : Releases) {
        Parts.push_back(R);
        Parts.push_back(cat(";\n", ExitIndent));
      }
      Edits.push_back(transformer::insertBefore(transformer::node(Id),
                                                transformer::catVector(Parts)));
    } else if (isa_and_nonnull<IfStmt, ForStmt, WhileStmt, DoStmt,
                               CXXForRangeStmt>(Parent)) {
      Parts.push_back(cat("{ "));
      for (const Stencil &R : Releases) {
        Parts.push_back(R);
        Parts.push_back(cat("; "));
      }
      Edits.push_back(transformer::insertBefore(transformer::node(Id),
                                                transformer::catVector(Parts)));
      Edits.push_back(
          transformer::insertAfter(transformer::statement(Id), cat(" }")));
    } else if (isa_and_nonnull<SwitchCase, LabelStmt, AttributedStmt>(Parent)) {
      for (const Stencil &R : Releases) {
        Parts.push_back(R);
        Parts.push_back(cat("; "));
      }
      Edits.push_back(transformer::insertBefore(transformer::node(Id),
                                                transformer::catVector(Parts)));
    } else {
      return noFix(Exit->getBeginLoc(), "no place to release before this exit");
    }
  }
  // The ends of the regions.
  for (const RegionText *T : ByDepth) {
    const ReleaseRegion &R = *T->Region;
    if (R.empty()) {
      Edits.push_back(transformer::insertBefore(
          transformer::charRange(
              CharSourceRange::getCharRange(endOfLine(*R.at(R.Decl), Context),
                                            endOfLine(*R.at(R.Decl), Context))),
          cat("\n", T->Indent, T->Release, ";")));
      continue;
    }
    SourceLocation End = endOfLine(*R.at(R.Last), Context);
    Edits.push_back(transformer::insertBefore(
        transformer::charRange(CharSourceRange::getCharRange(End, End)),
        handlerAndEnd(*T)));
    if (R.End == ReleaseRegion::EndForm::KeptRelease)
      Edits.push_back(insertAt(
          endOfLine(*R.at(R.Last + 1), Context),
          "\n" + T->Indent + "if (" + T->Failure + ")\n" + T->Indent + T->Unit +
              "std::rethrow_exception(" + T->Failure + ");"));
  }
  // The starts of the regions, after the declarations they hoist.
  for (const RegionText &T : Texts) {
    const ReleaseRegion &R = *T.Region;
    if (R.empty())
      continue;
    std::vector<Stencil> Start;
    for (const DeclStmt *Hoisted : R.Hoisted) {
      // The declaration moves with the comment above it.
      SourceLocation From = leadingCommentStart(*Hoisted, SM);
      Start.push_back(cat("\n", T.Indent));
      Start.push_back(cat(transformer::charRange(CharSourceRange::getCharRange(
          From, endOfStatementLine(*Hoisted, SM, LO)))));
      Edits.push_back(transformer::remove(
          transformer::charRange(removalRange(From, *Hoisted, SM, LO))));
    }
    Start.push_back(cat("\n", T.Indent, "std::exception_ptr ", T.Failure, ";\n",
                        T.Indent, "try {"));
    SourceLocation At = endOfLine(*R.at(R.Decl), Context);
    Edits.push_back(transformer::insertBefore(
        transformer::charRange(CharSourceRange::getCharRange(At, At)),
        transformer::catVector(std::move(Start))));
  }
  for (const RegionText &T : Texts)
    for (const Expr *Call : T.Region->AwaitBefore)
      Edits.push_back(transformer::insertBefore(
          transformer::node(Nodes.bind(*Call, "discarded-release")),
          cat("co_await ")));
  for (const RegionText &T : Texts)
    if (T.Region->Moved)
      Edits.push_back(transformer::remove(
          transformer::charRange(removalRange(*T.Region->Moved, SM, LO))));
  Edits.push_back(transformer::addInclude(
      transformer::node(
          Nodes.bind(*Regions.front().at(Regions.front().Decl), "declaration")),
      "exception", transformer::IncludeFormat::Angled));
  return transformer::editList(std::move(Edits));
}

} // namespace clang::coroguard::rewrites
