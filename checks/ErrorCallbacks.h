//===--- ErrorCallbacks.h - callbacks that are given an error -------------===//
//
// A completion handler receives the error of the work it completes: a
// std::exception_ptr, a Try<T>, a resolved future. One that never reads it
// drops the error as surely as asio::detached does.
//
//===----------------------------------------------------------------------===//

#ifndef COROGUARD_CHECKS_ERRORCALLBACKS_H
#define COROGUARD_CHECKS_ERRORCALLBACKS_H

#include "queries/ModelQueries.h"

#include "clang/AST/ExprCXX.h"

namespace clang::coroguard {

/// The lambda an argument is: written in place, or a local variable
/// initialised with one. Null otherwise.
const LambdaExpr *lambdaArgument(const Expr &Argument);

/// The parameter of \p Callback that carries an error and that its body
/// never reads, or null. A parameter carries an error when its type is one
/// of the model's errorCarrierTypes (in the lambda, or in an instantiation
/// of a generic one), or when \p FirstIsError (the callback is given to a
/// callback-kind sink, which passes the error first) and it is the first.
/// A parameter taken by non-const lvalue reference is an exit hook's: the
/// caller keeps the error.
const ParmVarDecl *ignoredErrorParameter(const LambdaExpr &Callback,
                                         ModelQueries &Model,
                                         bool FirstIsError);

} // namespace clang::coroguard

#endif // COROGUARD_CHECKS_ERRORCALLBACKS_H
