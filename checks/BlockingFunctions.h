//===--- BlockingFunctions.h - functions that block the calling thread ----===//

#ifndef COROGUARD_CHECKS_BLOCKINGFUNCTIONS_H
#define COROGUARD_CHECKS_BLOCKINGFUNCTIONS_H

#include "clang/AST/Decl.h"
#include "clang/AST/Expr.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/StringRef.h"

#include <string>

namespace clang::coroguard {

/// A function known to block the thread that calls it.
struct BlockingFunction {
  /// Fully qualified name; members are written `ns::Class::member`, without
  /// template arguments; global C functions without a leading `::`.
  llvm::StringRef Name;
  /// Advice on what to do instead inside a coroutine (a clause), or empty.
  llvm::StringRef Alternative;
  /// The call blocks only when its first argument is `std::cin`.
  bool OnlyOnStdCin = false;
};

/// `ns::Class::member` for members (no template arguments), else the
/// qualified name of \p FD.
std::string getQualifiedFunctionName(const FunctionDecl &FD);

/// Answers "does this call block?", caching the answer per callee.
class BlockingFunctionMatcher {
public:
  /// The entry for \p Call if it is a call to a blocking function.
  const BlockingFunction *match(const CallExpr &Call);

private:
  const BlockingFunction *lookup(const FunctionDecl &FD);
  llvm::DenseMap<const FunctionDecl *, const BlockingFunction *> Cache;
};

} // namespace clang::coroguard

#endif // COROGUARD_CHECKS_BLOCKINGFUNCTIONS_H
