//===--- SuppressedExceptionCheck.h - coroguard-suppressed-exception ------===//

#ifndef COROGUARD_CHECKS_SUPPRESSEDEXCEPTIONCHECK_H
#define COROGUARD_CHECKS_SUPPRESSEDEXCEPTIONCHECK_H

#include "CoroGuardCheck.h"

#include "llvm/ADT/StringSet.h"

namespace clang::coroguard {

/// Finds places where an exception (and with it a cancellation) that enters
/// a coroutine disappears: empty handlers, catch-all handlers that neither
/// rethrow nor capture the exception, promise types whose
/// unhandled_exception() drops it, and spawns whose completion token (the
/// model's exception sinks, asio::detached) discards it.
/// Whether \p Coroutine handles its own errors: a try statement at the top
/// of its body, or nothing in it that lets an error out.
bool handlesItsOwnErrors(const FunctionDecl &Coroutine,
                         const ThrowOracle &Throws);

class SuppressedExceptionCheck : public CoroGuardCheck {
public:
  SuppressedExceptionCheck(llvm::StringRef Name,
                           tidy::ClangTidyContext *Context);
  void registerMatchers(ast_matchers::MatchFinder *Finder) override;
  void check(const ast_matchers::MatchFinder::MatchResult &Result) override;
  void storeOptions(tidy::ClangTidyOptions::OptionMap &Opts) override;

private:
  void checkHandlers(const FunctionDecl &Coroutine);
  /// Writes down, for spawns in other files, that \p Coroutine handles
  /// its own errors.
  void recordFacts(const FunctionDecl &Coroutine);
  void checkUnhandledException(const CXXMethodDecl &Method);
  void checkSinks(const CallExpr &Call);
  /// For a spawn of \p Unseen, a coroutine defined in another file (or
  /// null): nothing when the summary file says it handles its errors, else
  /// what to append to the finding's message (the condition the CLI
  /// decides after the run, or nothing).
  std::optional<std::string> spawnedElsewhere(const FunctionDecl *Unseen);
  /// The sink token \p Argument is, or wraps through a token adapter.
  const ExceptionSinkEntry *sinkToken(const Expr &Argument);
  void checkExitHook(const CXXMethodDecl &Hook);
  void checkSinkFunction(const CallExpr &Call);
  /// Reports \p Message (naming the callee) for sink function \p Call, with
  /// the model's reporting form as a fix-it where it has one.
  void reportSinkFunction(const CallExpr &Call, SourceLocation Loc,
                          llvm::StringRef Message);
  void checkCallbacks(const CallExpr &Call);
  /// The handler keeps the exception (analysis/HandlerRules.h), or reports
  /// it through a configured function.
  /// Whether \p Callback, which does not read the error it is given,
  /// still passes it on: it throws, ends the program or reports, or sets a
  /// captured flag that an assertion right after \p Call tests.
  bool passesErrorOn(const LambdaExpr &Callback, const CallExpr &Call);
  bool keepsException(const Stmt &Handler, const Stmt *FunctionBody);
  /// A call of the model's reporting functions or of ReportingFunctions.
  bool reports(const Expr &CallOrConstruct);
  /// A statement that checks or fails a test: a reporting call, a check of
  /// a constant false, an assert(), or a jump to one.
  bool isAssertion(const Stmt *S, unsigned Jumps = 0);
  /// A test that expects \p Try's block to throw: the block ends with an
  /// assertion (the exception skips it), or an assertion follows the try
  /// statement in \p Parent.
  bool expectsException(const CXXTryStmt &Try, const Stmt *Parent);

  /// The unit being checked.
  ASTContext *AST = nullptr;
  std::string ReportingFunctionsOption;
  llvm::StringSet<> ReportingFunctions;
};

} // namespace clang::coroguard

#endif // COROGUARD_CHECKS_SUPPRESSEDEXCEPTIONCHECK_H
