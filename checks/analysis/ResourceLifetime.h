//===--- ResourceLifetime.h - where async resources leave their scope -----===//
//
// A forward dataflow over Clang's CFG of one coroutine body. The facts are
// "resource variable V may still be unreleased here". A release call, or a
// hand-over to a guard or owner, clears the fact; the end of V's lifetime
// while it may be set is a leak on some normal path (fall-through,
// co_return, break, continue, goto).
//
// Exceptions: every statement that may throw (analysis/MayThrow.h) gets an
// exceptional edge to the innermost enclosing try's handlers, or out of the
// coroutine (analysis/FlowSolver.h). An exceptional edge that leaves V's
// scope while V may be unreleased is an exceptional leak.
//
//===----------------------------------------------------------------------===//

#ifndef COROGUARD_CHECKS_ANALYSIS_RESOURCELIFETIME_H
#define COROGUARD_CHECKS_ANALYSIS_RESOURCELIFETIME_H

#include "analysis/MayThrow.h"
#include "queries/ModelQueries.h"

#include "clang/AST/Decl.h"
#include "clang/AST/Stmt.h"

#include <optional>
#include <vector>

namespace clang::coroguard {

/// How a normal path leaves a resource's scope.
struct ScopeExit {
  enum class Kind { EndOfScope, CoReturn, Return, Break, Continue, Goto };
  Kind ExitKind = Kind::EndOfScope;
  SourceLocation Loc;
};

/// What the analysis found for one resource variable.
struct ResourceFindings {
  const VarDecl *Var = nullptr;
  const DeclStmt *DeclaringStmt = nullptr;
  ResourceInfo Resource;
  /// Default-constructed and assigned later (`stream out; ... out =
  /// co_await open();`): it holds something to release only from the
  /// assignment on. A default construction that is never assigned (a scope,
  /// a gate) holds it from the declaration.
  bool AcquiredByAssignment = false;
  /// The first normal exit (in source order) reached while unreleased.
  std::optional<ScopeExit> NormalLeak;
  /// The first throwing point (in source order) whose exception leaves the
  /// variable's scope while it is unreleased.
  const Stmt *ExceptionalLeak = nullptr;
  /// True if the throwing point ends the coroutine without unwinding
  /// (seastar::coroutine::exception and the like).
  bool LeakIsTerminator = false;
  /// Some path releases the variable (or hands it over).
  bool ReleasedSomewhere = false;
  /// The release statements written for it (for fix-its).
  std::vector<const Stmt *> ReleaseCalls;
};

/// Analyses the resources declared in \p Function's coroutine body.
/// Returns one entry per tracked variable.
std::vector<ResourceFindings>
analyzeResourceLifetimes(const FunctionDecl &Function, ModelQueries &Model,
                         const ThrowOracle &Throws);

/// How a function releases a resource it is given.
/// analyzeResourceLifetimes, run once per function of a translation unit
/// for all the checks that ask with the same model and settings
/// (coroguard-unmanaged-resource and coroguard-missing-awaited-cleanup read
/// the same lifetimes). Kept per thread, as a translation unit is analysed
/// on one; forgetSharedLifetimes() drops them when a unit starts.
const std::vector<ResourceFindings> &
sharedResourceLifetimes(const FunctionDecl &Function, ModelQueries &Model,
                        const ThrowOracle &Throws);
void forgetSharedLifetimes();

enum class ParameterRelease {
  None,  ///< on no path
  Some,  ///< on some paths
  Every, ///< on every path on which it returns normally
};

/// Whether \p Function releases (or hands over) its parameter \p Param, of
/// the async resource type \p Resource: the same dataflow, started with the
/// parameter unreleased. \p CalleeDepth bounds how deep callees of callees
/// are followed.
ParameterRelease
releasesParameter(const FunctionDecl &Function, const ParmVarDecl &Param,
                  const ResourceInfo &Resource, ModelQueries &Model,
                  const ThrowOracle &Throws, unsigned CalleeDepth);

} // namespace clang::coroguard

#endif // COROGUARD_CHECKS_ANALYSIS_RESOURCELIFETIME_H
