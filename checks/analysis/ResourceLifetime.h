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
#include "llvm/ADT/DenseMap.h"

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
  /// A function defined in another file that it is passed to by reference
  /// (and its parameter): if that function releases it, it is released.
  const FunctionDecl *UnseenCallee = nullptr;
  unsigned UnseenParam = 0;
};

/// What may hold for a resource at one point of the normal paths.
struct ReleaseState {
  bool Reached = false;       ///< some path gets there
  bool MayBeOpen = false;     ///< it is unreleased on some path
  bool MayBeReleased = false; ///< it was released or handed over on some path
  bool definitelyOpen() const { return Reached && MayBeOpen && !MayBeReleased; }
  bool definitelyReleased() const { return Reached && !MayBeOpen; }
  void join(const ReleaseState &Other);
};

/// The states of one resource that a rewrite of its scope needs: what holds
/// at each exit, which throwing points leave its scope while it is open,
/// and what holds on entry to each statement of its declaring block.
struct ResourceTrace {
  /// Each end of the variable's lifetime on a normal path: the co_return,
  /// break, continue or goto that ends it, or the block at whose end it
  /// falls off (the trigger), and the state there.
  struct Exit {
    const Stmt *Trigger;
    ReleaseState State;
  };
  std::vector<Exit> Exits;
  /// Every element whose exception leaves the variable's scope while it may
  /// be open, and every terminator (seastar::coroutine::exception) reached
  /// while it may be open.
  std::vector<const Stmt *> ExceptionalLeaks;
  /// The terminators among them, with the state before each.
  std::vector<std::pair<const Stmt *, ReleaseState>> Terminators;
  /// Throwing elements inside the variable's scope after which it may
  /// already be released.
  std::vector<const Stmt *> ThrowsAfterRelease;
  /// The state on entry to each statement of the declaring block (joined
  /// over the ways in); a statement no path reaches has none.
  llvm::DenseMap<const Stmt *, ReleaseState> BeforeStatement;
};

/// The traces of \p Vars (the result of analyzeResourceLifetimes for
/// \p Function), one per variable, in the same order; empty when no CFG
/// can be built. Solved again with a second fact per variable, so it is
/// meant for the functions that have a finding to fix.
std::vector<ResourceTrace>
traceResourceLifetimes(const FunctionDecl &Function, ModelQueries &Model,
                       const ThrowOracle &Throws,
                       const std::vector<ResourceFindings> &Vars);

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
