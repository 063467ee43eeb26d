//===--- Rewrite.h - fix-its as Transformer edits over named nodes --------===//
//
// Every rewrite of coroguard is a clang::transformer EditGenerator: edits
// over RangeSelectors of named AST nodes, with Stencils for their text.
// The checks do not match through Transformer's rules (their findings come
// from dataflows), so the nodes a rewrite edits are bound by hand in a
// RewriteNodes, and the edits are turned into the finding's fix-its here:
// one place that converts ranges, inserts headers through clang-tidy's
// IncludeInserter, and refuses a rewrite whose ranges cannot be edited (a
// macro expansion, a system header).
//
// A finding gets no fix-it when its rewrite would not keep the meaning of
// the code; the reason travels as a NoFixReason and is shown as a note.
//
//===----------------------------------------------------------------------===//

#ifndef COROGUARD_CHECKS_REWRITES_REWRITE_H
#define COROGUARD_CHECKS_REWRITES_REWRITE_H

#include "clang/ASTMatchers/ASTMatchFinder.h"
#include "clang/Basic/Diagnostic.h"
#include "clang/Tooling/Transformer/RewriteRule.h"
#include "clang/Tooling/Transformer/Stencil.h"
#include "llvm/Support/Error.h"

#include <string>
#include <vector>

namespace clang::tidy::utils {
class IncludeInserter;
} // namespace clang::tidy::utils

namespace clang::coroguard::rewrites {

/// Why a finding gets no fix-it, and where: shown as a note.
class NoFixReason : public llvm::ErrorInfo<NoFixReason> {
public:
  static char ID;
  NoFixReason(SourceLocation Where, std::string Why)
      : Where(Where), Why(std::move(Why)) {}
  SourceLocation where() const { return Where; }
  const std::string &why() const { return Why; }
  void log(llvm::raw_ostream &OS) const override { OS << Why; }
  std::error_code convertToErrorCode() const override {
    return llvm::inconvertibleErrorCode();
  }

private:
  SourceLocation Where;
  std::string Why;
};

/// The error that says "no fix-it for this finding, because \p Why".
llvm::Error noFix(SourceLocation Where, const llvm::Twine &Why);

/// The nodes a rewrite names. Each bound node gets a fresh id, which the
/// rewrite's selectors and stencils refer to.
class RewriteNodes {
public:
  explicit RewriteNodes(ASTContext &Context) : Context(Context) {}

  /// Binds \p Node and returns its id (\p Role names it, for debugging).
  template <typename T> std::string bind(const T &Node, llvm::StringRef Role) {
    std::string Id = (Role + "#" + llvm::Twine(Next++)).str();
    Builder.setBinding(Id, DynTypedNode::create(Node));
    return Id;
  }

  /// The bindings as the match result Transformer evaluates against.
  ast_matchers::MatchFinder::MatchResult result() const;
  ASTContext &context() const { return Context; }

private:
  ASTContext &Context;
  mutable ast_matchers::internal::BoundNodesTreeBuilder Builder;
  unsigned Next = 0;
};

/// The fix-its of \p Edits over \p Nodes: each edit a replacement (two
/// insertions at the same place are joined in the order given), each
/// include inserted by \p Includes in the file of the edit that asks for it.
/// An error when an edited range cannot be edited.
llvm::Expected<std::vector<FixItHint>>
toFixIts(const transformer::EditGenerator &Edits, const RewriteNodes &Nodes,
         tidy::utils::IncludeInserter *Includes);

/// toFixIts of a rewrite that may have refused.
llvm::Expected<std::vector<FixItHint>>
fixItsOf(llvm::Expected<transformer::EditGenerator> Edits,
         const RewriteNodes &Nodes, tidy::utils::IncludeInserter *Includes);

/// The text of a NoFixReason (or any error), consuming it.
std::string reasonOf(llvm::Error Reason);

/// Edits that insert \p Text at the file location \p Where.
transformer::ASTEdit insertAt(SourceLocation Where, std::string Text);

/// The text a stencil makes of \p Nodes, or an error.
llvm::Expected<std::string> render(const transformer::Stencil &Text,
                                   const RewriteNodes &Nodes);

} // namespace clang::coroguard::rewrites

#endif // COROGUARD_CHECKS_REWRITES_REWRITE_H
