//===--- InsertAwait.h - `co_await` before a discarded awaitable ----------===//
//
// The fix-it of a lazy task or a release whose awaitable is discarded:
// `co_await ` before the call, at the start of its whole expression (an
// immediately invoked lambda starts at its '[', not at the '(' of the
// call). A call is a postfix expression, so `co_await` binds to all of it.
// The whole call must be editable text: a macro argument, or a whole macro
// expansion, is; a call that a macro spells among other code is not.
//
//===----------------------------------------------------------------------===//

#ifndef COROGUARD_CHECKS_REWRITES_INSERTAWAIT_H
#define COROGUARD_CHECKS_REWRITES_INSERTAWAIT_H

#include "rewrites/Rewrite.h"

#include "clang/AST/Expr.h"

namespace clang::coroguard::rewrites {

/// `co_await ` before \p Call; an error when the call is not all the
/// user's text (a macro spells part of it).
llvm::Expected<transformer::EditGenerator> insertAwait(const CallExpr &Call,
                                                       RewriteNodes &Nodes);

} // namespace clang::coroguard::rewrites

#endif // COROGUARD_CHECKS_REWRITES_INSERTAWAIT_H
