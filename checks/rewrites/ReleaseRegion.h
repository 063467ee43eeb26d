//===--- ReleaseRegion.h - where an `async with` rewrite goes -------------===//
//
// The portable rewrite holds a resource the way Python's `async with` does:
// the statements that use it run in a try block, an exception is kept in a
// std::exception_ptr, the release is awaited after the handler, and the
// exception is rethrown. This file decides, from the resource's solved
// states (analysis/ResourceLifetime.h), which statements of its declaring
// block the try must hold, which exits inside them need the release
// written before them, and how the code after the handler ends:
//
//   the region   the statements from the declaration to the last one where
//                the resource can leak (an exit, a throwing point, the end
//                of its scope);
//   its end      Unreachable (every normal path leaves inside: release,
//                rethrow), ReleaseHere (still open: release, rethrow if
//                failed), KeptRelease (the next statement is the release:
//                keep it, rethrow after it), ReleaseIfFailed (released
//                later or already: release and rethrow only on failure).
//
// Where the rewrite cannot keep the meaning of the code, the plan is a
// NoFixReason instead.
//
//===----------------------------------------------------------------------===//

#ifndef COROGUARD_CHECKS_REWRITES_RELEASEREGION_H
#define COROGUARD_CHECKS_REWRITES_RELEASEREGION_H

#include "analysis/ResourceLifetime.h"

#include "clang/AST/ParentMap.h"
#include "clang/AST/StmtCXX.h"
#include "llvm/Support/Error.h"

#include <string>
#include <vector>

namespace clang::coroguard::rewrites {

struct ReleaseRegion {
  const ResourceFindings *Resource = nullptr;
  const CompoundStmt *Block = nullptr;
  /// Indices into Block's statements: the declaration, and the region
  /// [First, Last] (empty when First > Last).
  unsigned Decl = 0;
  unsigned First = 0;
  unsigned Last = 0;
  enum class EndForm { Unreachable, ReleaseHere, KeptRelease, ReleaseIfFailed };
  EndForm End = EndForm::ReleaseHere;
  /// Exits (and terminators) inside the region where the resource is still
  /// open: its release is written before each.
  std::vector<const Stmt *> ReleaseBefore;
  /// Releases whose awaitable the code discards (`conn.close();`): the
  /// rewrite awaits them.
  std::vector<const Expr *> AwaitBefore;
  /// Declarations of the region that only default-initialise a variable
  /// used after it: they move before the try.
  std::vector<const DeclStmt *> Hoisted;
  /// A release statement of the block that the rewrite moves after the
  /// handler, so that resources nested in its region are released first.
  const Stmt *Moved = nullptr;
  /// The release to write: a call of the code to copy, or else a text.
  const Expr *ReleaseToCopy = nullptr;
  std::string ReleaseText;
  bool Awaited = true;

  bool empty() const { return First > Last; }
  /// The statement at \p Index of Block.
  const Stmt *at(unsigned Index) const { return Block->body_begin()[Index]; }
};

/// A release of a resource whose awaitable the code discards.
struct DiscardedRelease {
  const CXXMemberCallExpr *Call;
  /// co_await may be written there (not in a handler, not in a plain
  /// function).
  bool CanAwait;
};

/// The region of \p F, from its trace \p T; \p Body is the coroutine body
/// and \p Parents its parent map; \p Discarded are the releases of the
/// coroutine whose awaitable is discarded, and \p Others the other
/// resources rewritten with it (which nestRegions fits together).
llvm::Expected<ReleaseRegion>
planReleaseRegion(const ResourceFindings &F, const ResourceTrace &T,
                  const Stmt &Body, const ParentMap &Parents,
                  llvm::ArrayRef<DiscardedRelease> Discarded,
                  llvm::ArrayRef<const VarDecl *> Others, ASTContext &Context);

/// Names declared by the region's own statements (but \p Ignoring) must
/// not be used after it, where they would be out of scope.
llvm::Error
checkDeclarationsUsedAfter(const ReleaseRegion &R,
                           llvm::ArrayRef<const VarDecl *> Ignoring = {});

/// Makes the regions of one function fit together: regions that overlap in
/// one block are nested, the one declared first outside, and a release
/// written between them (the first resource released before the second) is
/// moved after the inner one's handler. Fails when they cannot nest, or
/// when a region's own declarations are used after it.
llvm::Error nestRegions(std::vector<ReleaseRegion> &Regions,
                        const ParentMap &Parents);

/// Whether \p Inner's declaration lies inside \p Outer's region.
bool isNestedIn(const ReleaseRegion &Inner, const ReleaseRegion &Outer,
                const ParentMap &Parents);

/// Whether \p S holds a co_return or goto, or a break or continue that
/// leaves it.
bool canLeave(const Stmt *S);

/// The release call of \p F's variable that statement \p S consists of
/// (`co_await v.close();`, or one of \p R's releases it awaits), if any.
const CXXMemberCallExpr *releaseStatementCall(const Stmt *S,
                                              const ReleaseRegion &R);

/// The release a rewrite writes for \p Resource on failure: of several
/// (commit or rollback), the first that is not `commit`.
llvm::StringRef failureRelease(const ResourceInfo &Resource);

} // namespace clang::coroguard::rewrites

#endif // COROGUARD_CHECKS_REWRITES_RELEASEREGION_H
