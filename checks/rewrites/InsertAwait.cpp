//===--- InsertAwait.cpp --------------------------------------------------===//

#include "rewrites/InsertAwait.h"

#include "clang/AST/ASTContext.h"
#include "clang/Lex/Lexer.h"
#include "clang/Tooling/Transformer/RangeSelector.h"

namespace clang::coroguard::rewrites {

llvm::Expected<transformer::EditGenerator> insertAwait(const CallExpr &Call,
                                                       RewriteNodes &Nodes) {
  const ASTContext &Context = Nodes.context();
  CharSourceRange Whole = Lexer::makeFileCharRange(
      CharSourceRange::getTokenRange(Call.getSourceRange()),
      Context.getSourceManager(), Context.getLangOpts());
  if (Whole.isInvalid())
    return noFix(Call.getSourceRange().getBegin(),
                 "the call is written in a macro");
  return transformer::edit(transformer::insertBefore(
      transformer::node(Nodes.bind(Call, "discarded")),
      transformer::cat("co_await ")));
}

} // namespace clang::coroguard::rewrites
