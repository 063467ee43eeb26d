//===--- HandlerRules.h - does a handler keep the exception it handles ----===//
//
// One predicate, used by the path analyses (a call inside a handler that
// keeps the exception gets no exceptional edge) and by
// coroguard-suppressed-exception (a handler that keeps nothing swallows).
//
//===----------------------------------------------------------------------===//

#ifndef COROGUARD_CHECKS_ANALYSIS_HANDLERRULES_H
#define COROGUARD_CHECKS_ANALYSIS_HANDLERRULES_H

#include "clang/AST/Expr.h"
#include "clang/AST/Stmt.h"
#include "llvm/ADT/STLFunctionalExtras.h"

namespace clang::coroguard {

struct KeepingRules {
  /// The function whose body holds the handler: a variable that receives
  /// std::current_exception() keeps it only if it is read again somewhere
  /// in this body.
  const Stmt *FunctionBody = nullptr;
  /// A call or construction that reports the error (a test framework's
  /// failure, a configured reporting function) keeps it. May be empty.
  llvm::function_ref<bool(const Expr &)> Reports;
};

/// Whether \p Handler (a catch block, or the body of unhandled_exception())
/// keeps the exception: it throws (rethrows, or throws another), calls
/// std::rethrow_exception, terminates (std::terminate, abort, exit, a
/// [[noreturn]] function other than the one `assert` expands to, which
/// NDEBUG removes), stores std::current_exception() where it outlives the
/// handler (a member, a reference, an argument, a variable read again
/// later), or reports it, also where it jumps to report it (`goto` to a
/// label whose statement reports, as GoogleTest's *_THROW macros do).
/// Lambdas in the handler run later, if at all, and are not looked into.
bool keepsException(const Stmt &Handler, const KeepingRules &Rules);

/// `assert`'s failure function (__assert_fail and its relatives), or a
/// call spelled by the standard `assert` macro.
bool isAssertionFailure(const CallExpr &Call);

/// A test helper given a constant false: `assert_true(false)`,
/// `check(false, "...")`, `fail_unless(0)`.
bool isConstantFailureCheck(const CallExpr &Call);

} // namespace clang::coroguard

#endif // COROGUARD_CHECKS_ANALYSIS_HANDLERRULES_H
