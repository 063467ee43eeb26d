//===--- NonBlockingDescriptors.h - descriptors that do not block ---------===//
//
// POSIX read/write/recv/send/accept/connect block only on a blocking
// descriptor. A call does not block when
// - its flags argument holds MSG_DONTWAIT;
// - its descriptor was made non-blocking anywhere in the translation unit:
//   created with SOCK_NONBLOCK / O_NONBLOCK / EFD_NONBLOCK / ... (socket,
//   accept4, open, pipe2, eventfd...), or set so with fcntl(F_SETFL,
//   O_NONBLOCK) or ioctl(FIONBIO), in the same function or elsewhere (the
//   owning class's constructor); or by a library option of the model's
//   nonBlockingOptions, passed to the call that creates the descriptor
//   (directly or in an options object) or to a member call on its holder;
// - it is reached through an object of the model's nonBlockingTypes (a
//   class whose constructors make its descriptors non-blocking);
// - the function compares a result against EAGAIN or EWOULDBLOCK after the
//   call: it is written for a non-blocking descriptor.
//
// A descriptor is known by the variable or member it is held in.
//
//===----------------------------------------------------------------------===//

#ifndef COROGUARD_CHECKS_NONBLOCKINGDESCRIPTORS_H
#define COROGUARD_CHECKS_NONBLOCKINGDESCRIPTORS_H

#include "queries/ModelQueries.h"

#include "clang/AST/ASTContext.h"
#include "clang/AST/Expr.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/DenseSet.h"

#include <optional>
#include <utility>
#include <vector>

namespace clang::coroguard {

class NonBlockingDescriptors {
public:
  /// Whether \p Call, a descriptor call whose descriptor is argument
  /// \p Descriptor and whose flags are argument \p Flags, made in the body
  /// of \p Enclosing, does not block.
  bool isNonBlocking(const CallExpr &Call, std::optional<unsigned> Descriptor,
                     std::optional<unsigned> Flags,
                     const FunctionDecl &Enclosing, ModelQueries &Model);

  /// The function of another file (and its parameter) that the descriptor
  /// of \p Call (argument \p Descriptor) was given to: if it makes it
  /// non-blocking, \p Call does not block (project/ProjectFacts.h).
  std::optional<std::pair<const FunctionDecl *, unsigned>>
  unseenHelper(const CallExpr &Call, unsigned Descriptor) const;

  /// The parameters of \p Definition whose descriptor it makes
  /// non-blocking, for the rest of the project.
  std::vector<unsigned> nonBlockingParams(const FunctionDecl &Definition,
                                          ModelQueries &Model);

  /// Forgets what was learnt: a new translation unit starts.
  void reset();

private:
  void scan(ASTContext &Ctx, ModelQueries &Model);
  /// Per holder: the first function of another file it was passed to.
  llvm::DenseMap<const Decl *, std::pair<const FunctionDecl *, unsigned>>
      Unseen;
  bool retriesOnEAGAIN(const CallExpr &Call, const FunctionDecl &Enclosing);

  bool Scanned = false;
  /// Variables and members that hold a non-blocking descriptor.
  llvm::DenseSet<const Decl *> NonBlocking;
  /// Per function, the last place it names EAGAIN or EWOULDBLOCK.
  llvm::DenseMap<const FunctionDecl *, SourceLocation> LastRetryCheck;
};

} // namespace clang::coroguard

#endif // COROGUARD_CHECKS_NONBLOCKINGDESCRIPTORS_H
