//===--- MayThrow.h - which statements may throw --------------------------===//
//
// The one answer to "may this throw?" that every path analysis uses.
// Always: co_await, co_yield and throw. Calls and constructions that are
// not noexcept by the run's policy (option coroguard.ThrowingCalls):
//
//   all   (default) every call that is not noexcept;
//   user  calls of the user's own functions, and calls through pointers or
//         function objects; a call into library code (a system header, or a
//         profiled library's namespace outside the main file) is trusted not
//         to throw;
//   none  no call: only co_await, co_yield and throw.
//
// clang-tidy's utils::ExceptionAnalyzer is not used: it answers a different
// question ("can an exception escape this function?", by reading the
// callee's body and its try/catch). The path analyses need the answer at
// the call site before any body is read, by signature and policy: a call
// into a library whose body is not visible must count as throwing under
// `all`, where the analyzer can only answer "unknown".
//
//===----------------------------------------------------------------------===//

#ifndef COROGUARD_CHECKS_ANALYSIS_MAYTHROW_H
#define COROGUARD_CHECKS_ANALYSIS_MAYTHROW_H

#include "clang/AST/Stmt.h"
#include "llvm/ADT/StringRef.h"

#include <functional>
#include <optional>

namespace clang {
class Decl;
class FunctionDecl;
} // namespace clang

namespace clang::coroguard {

enum class ThrowingCalls { All, User, None };

/// Parses an option value ("all", "user", "none").
std::optional<ThrowingCalls> parseThrowingCalls(llvm::StringRef Value);
llvm::StringRef toString(ThrowingCalls Policy);

class ThrowOracle {
public:
  /// \p IsLibrary says whether a declaration is library code.
  ThrowOracle(ThrowingCalls Policy, std::function<bool(const Decl &)> IsLibrary)
      : Policy(Policy), IsLibrary(std::move(IsLibrary)) {}

  /// Whether the CFG element \p S may throw. The pieces Sema adds to a
  /// co_await (await_ready, await_suspend, await_resume) never do: the
  /// co_await itself is the throwing point.
  bool mayThrow(const Stmt &S) const;

  ThrowingCalls policy() const { return Policy; }

private:
  bool callMayThrow(const FunctionDecl *Callee) const;

  ThrowingCalls Policy;
  std::function<bool(const Decl &)> IsLibrary;
};

} // namespace clang::coroguard

#endif // COROGUARD_CHECKS_ANALYSIS_MAYTHROW_H
