//===--- Rewrite.cpp ------------------------------------------------------===//

#include "rewrites/Rewrite.h"

#include "clang-tidy/utils/IncludeInserter.h"
#include "clang/Basic/SourceManager.h"
#include "clang/Tooling/Transformer/Stencil.h"

namespace clang::coroguard::rewrites {

char NoFixReason::ID;

llvm::Error noFix(SourceLocation Where, const llvm::Twine &Why) {
  return llvm::make_error<NoFixReason>(Where, Why.str());
}

ast_matchers::MatchFinder::MatchResult RewriteNodes::result() const {
  struct Collect : ast_matchers::internal::BoundNodesTreeBuilder::Visitor {
    std::optional<ast_matchers::BoundNodes> Nodes;
    void visitMatch(const ast_matchers::BoundNodes &Found) override {
      Nodes = Found;
    }
  } Collector;
  Builder.visitMatches(&Collector);
  if (!Collector.Nodes) {
    // Nothing bound: an empty set of bindings.
    ast_matchers::internal::BoundNodesTreeBuilder Empty;
    Empty.setBinding("", DynTypedNode());
    Empty.visitMatches(&Collector);
  }
  return ast_matchers::MatchFinder::MatchResult(*Collector.Nodes, &Context);
}

llvm::Expected<std::vector<FixItHint>>
fixItsOf(llvm::Expected<transformer::EditGenerator> Edits,
         const RewriteNodes &Nodes, tidy::utils::IncludeInserter *Includes) {
  if (!Edits)
    return Edits.takeError();
  return toFixIts(*Edits, Nodes, Includes);
}

std::string reasonOf(llvm::Error Reason) {
  std::string Text;
  llvm::handleAllErrors(
      std::move(Reason), [&](const NoFixReason &Why) { Text = Why.why(); },
      // Transformer's own failures: a node whose text cannot be located.
      [&](const llvm::ErrorInfoBase &) {
        Text = "the code to rewrite is not all written in this file's text "
               "(a macro expansion)";
      });
  return Text;
}

transformer::ASTEdit insertAt(SourceLocation Where, std::string Text) {
  return transformer::insertBefore(
      transformer::charRange(CharSourceRange::getCharRange(Where, Where)),
      transformer::cat(std::move(Text)));
}

llvm::Expected<std::string> render(const transformer::Stencil &Text,
                                   const RewriteNodes &Nodes) {
  return Text->eval(Nodes.result());
}

llvm::Expected<std::vector<FixItHint>>
toFixIts(const transformer::EditGenerator &Edits, const RewriteNodes &Nodes,
         tidy::utils::IncludeInserter *Includes) {
  ast_matchers::MatchFinder::MatchResult Result = Nodes.result();
  llvm::Expected<llvm::SmallVector<transformer::Edit, 1>> Made = Edits(Result);
  if (!Made)
    return Made.takeError();
  // Transformer drops a whole edit list whose range cannot be edited.
  if (Made->empty())
    return noFix(SourceLocation(), "the code to rewrite cannot be edited");
  const SourceManager &SM = Nodes.context().getSourceManager();
  std::vector<FixItHint> Hints;
  std::vector<FixItHint> IncludeHints;
  for (const transformer::Edit &E : *Made) {
    if (E.Kind == transformer::EditKind::AddInclude) {
      if (!Includes)
        continue;
      FileID File = SM.getFileID(SM.getFileLoc(E.Range.getBegin()));
      if (std::optional<FixItHint> Hint =
              Includes->createIncludeInsertion(File, E.Replacement))
        IncludeHints.push_back(std::move(*Hint));
      continue;
    }
    // Edits of one finding that start at one place are one edit (they may
    // not overlap): insertions are joined in order, before a replacement.
    bool Insertion = E.Range.getBegin() == E.Range.getEnd();
    auto Same = llvm::find_if(Hints, [&](const FixItHint &H) {
      return H.RemoveRange.getBegin() == E.Range.getBegin();
    });
    if (Same == Hints.end()) {
      Hints.push_back(FixItHint::CreateReplacement(E.Range, E.Replacement));
      continue;
    }
    bool SameIsInsertion =
        Same->RemoveRange.getBegin() == Same->RemoveRange.getEnd();
    if (!Insertion && !SameIsInsertion)
      return noFix(E.Range.getBegin(), "the rewrite's edits overlap");
    Same->CodeToInsert += E.Replacement;
    if (!Insertion)
      Same->RemoveRange = E.Range;
  }
  Hints.insert(Hints.end(), IncludeHints.begin(), IncludeHints.end());
  return Hints;
}

} // namespace clang::coroguard::rewrites
