//===--- CallTemplate.h - a call replaced by the model's template ---------===//
//
// The fix-it of a blocking call that has an awaitable form in the model
// (`blockingFunctions[].replacement`): the call is replaced by the
// template, whose placeholders take the call's own text: {object} the
// object of a member call, {moved} that object as an rvalue (in
// std::move() unless it is one), {args} all the arguments written, {0},
// {1}... one of them. The result is parenthesised where the call was the
// operand of a postfix expression (`f.get().size()`), which `co_await` would
// not bind to.
//
//===----------------------------------------------------------------------===//

#ifndef COROGUARD_CHECKS_REWRITES_CALLTEMPLATE_H
#define COROGUARD_CHECKS_REWRITES_CALLTEMPLATE_H

#include "rewrites/Rewrite.h"

#include "clang/AST/Expr.h"

namespace clang::coroguard::rewrites {

/// The arguments \p Call writes (defaulted ones left out).
unsigned writtenArguments(const CallExpr &Call);

/// \p Call replaced by \p Template; \p Include, a header in <> or "" that
/// the text needs, is inserted (empty: none).
llvm::Expected<transformer::EditGenerator> replaceCall(const CallExpr &Call,
                                                       llvm::StringRef Template,
                                                       llvm::StringRef Include,
                                                       RewriteNodes &Nodes);

} // namespace clang::coroguard::rewrites

#endif // COROGUARD_CHECKS_REWRITES_CALLTEMPLATE_H
