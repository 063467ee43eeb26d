//===--- LibraryForms.h - a library's own way to hold a resource ----------===//
//
// Where the model names one, a resource is put under its library's guard
// instead of the portable rewrite:
//
//   a one-line guard   the model's `guard` template, inserted after the
//                      declaration; the release statements of the block,
//                      which the guard now makes, are removed;
//   a scope function   the model's `scopeFunction` template (of the
//                      resource type, or of the coroutine's task type):
//                      the code that uses the resource moves into a lambda
//                      the library calls, and releases it after, e.g.
//                      Boost.Cobalt's `with(std::move(x), body, teardown)`.
//
//===----------------------------------------------------------------------===//

#ifndef COROGUARD_CHECKS_REWRITES_LIBRARYFORMS_H
#define COROGUARD_CHECKS_REWRITES_LIBRARYFORMS_H

#include "rewrites/ReleaseRegion.h"
#include "rewrites/Rewrite.h"

namespace clang::coroguard::rewrites {

/// The guard of \p F's model entry after its declaration, and its release
/// statements of the declaring block removed.
llvm::Expected<transformer::EditGenerator> scopeGuard(const ResourceFindings &F,
                                                      const ParentMap &Parents,
                                                      RewriteNodes &Nodes);

/// The code of region \p R moved into the scope function \p Template.
llvm::Expected<transformer::EditGenerator>
scopeFunction(llvm::StringRef Template, const ReleaseRegion &R,
              RewriteNodes &Nodes);

} // namespace clang::coroguard::rewrites

#endif // COROGUARD_CHECKS_REWRITES_LIBRARYFORMS_H
