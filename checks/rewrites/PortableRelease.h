//===--- PortableRelease.h - `async with` written out by hand -------------===//
//
// The rewrite that works for any resource with an awaited release, in any
// library:
//
//   auto conn = co_await pool.acquire();
//   std::exception_ptr conn_failure;
//   try {
//     ... the statements that used conn, indented ...
//   } catch (...) {
//     conn_failure = std::current_exception();
//   }
//   co_await conn.close();
//   if (conn_failure)
//     std::rethrow_exception(conn_failure);
//
// with the release written before each exit of the region that left the
// resource open, and regions of several resources nested (acquired in
// declaration order, released in reverse). Where each region ends and how
// is decided by planReleaseRegion (ReleaseRegion.h).
//
//===----------------------------------------------------------------------===//

#ifndef COROGUARD_CHECKS_REWRITES_PORTABLERELEASE_H
#define COROGUARD_CHECKS_REWRITES_PORTABLERELEASE_H

#include "rewrites/ReleaseRegion.h"
#include "rewrites/Rewrite.h"

namespace clang::coroguard::rewrites {

/// The edits of the rewrite of \p Regions (nested by nestRegions) of the
/// coroutine whose body is \p Body; the nodes it edits are bound in
/// \p Nodes.
llvm::Expected<transformer::EditGenerator>
portableRelease(llvm::ArrayRef<ReleaseRegion> Regions, const Stmt &Body,
                const ParentMap &Parents, RewriteNodes &Nodes);

/// The release a region writes, as a stencil: `co_await conn.close()`.
transformer::Stencil releaseStencil(const ReleaseRegion &R,
                                    RewriteNodes &Nodes);

} // namespace clang::coroguard::rewrites

#endif // COROGUARD_CHECKS_REWRITES_PORTABLERELEASE_H
