//===--- ErrorHandlers.h - handlers that keep the error a sink drops ------===//
//
// The fix-its of coroguard-suppressed-exception's sinks: a completion token
// that drops the error (asio::detached) becomes a handler, a completion
// callback that ignores its std::exception_ptr gets a statement that
// handles it, and a spawn that drops the error of its work gets the model's
// form that hands it on.
//
// What the handler does with the error depends on where the work is
// started. Rethrowing it from a completion handler lets it leave the event
// loop (`io_context::run()`): right in main, where it then reaches main's
// own handler, wrong for work started per connection, where it would stop
// the whole server at the first failed connection. There the handler
// passes the error to the reporter the user names (option
// coroguard.ErrorReporter), or there is no fix-it.
//
//===----------------------------------------------------------------------===//

#ifndef COROGUARD_CHECKS_REWRITES_ERRORHANDLERS_H
#define COROGUARD_CHECKS_REWRITES_ERRORHANDLERS_H

#include "rewrites/Rewrite.h"

#include "clang/AST/ExprCXX.h"

namespace clang::coroguard::rewrites {

/// What a handler written by a fix-it does with the error.
enum class HandlerForm {
  Rethrow, ///< lets it out of the event loop (started in main)
  Report,  ///< hands it to the configured reporter
};

/// The form for work started by \p Start (a spawn or post): Rethrow when it
/// is in main and not in a loop, else Report when \p Reporter is set; an
/// error that says why there is none otherwise.
llvm::Expected<HandlerForm>
handlerFormAt(const Expr &Start, ASTContext &Context, llvm::StringRef Reporter);

/// \p Token replaced by \p Text.
llvm::Expected<transformer::EditGenerator>
replaceToken(const Expr &Token, std::string Text, RewriteNodes &Nodes);

/// A statement at the start of \p Callback's body that rethrows or reports
/// the std::exception_ptr \p Error it ignores (which is named if it has no
/// name). The caller has checked that \p Error is one
/// (ModelQueries::isExceptionPtr).
llvm::Expected<transformer::EditGenerator>
handleInCallback(const LambdaExpr &Callback, const ParmVarDecl &Error,
                 HandlerForm Form, llvm::StringRef Reporter,
                 RewriteNodes &Nodes);

} // namespace clang::coroguard::rewrites

#endif // COROGUARD_CHECKS_REWRITES_ERRORHANDLERS_H
