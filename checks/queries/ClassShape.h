//===--- ClassShape.h - what a class looks like from the outside ----------===//
//
// Inference reads the shape of a class: whether it has a promise_type, how
// its promise starts, whether it is an awaiter.
//
//===----------------------------------------------------------------------===//

#ifndef COROGUARD_CHECKS_QUERIES_CLASSSHAPE_H
#define COROGUARD_CHECKS_QUERIES_CLASSSHAPE_H

#include "clang/AST/DeclCXX.h"
#include "clang/AST/Type.h"

namespace clang::coroguard {

/// The defined record type of \p T (through references and sugar), or null.
const CXXRecordDecl *getRecord(QualType T);

/// Looks \p Name up among the members of \p RD and of its bases.
const NamedDecl *lookupMember(const CXXRecordDecl &RD, llvm::StringRef Name);

/// The class's `promise_type` (member, alias or inherited), or null.
const CXXRecordDecl *findPromiseType(const CXXRecordDecl &RD);

/// How a promise's initial_suspend() starts the coroutine.
enum class InitialSuspend { Always, Never, Other, Unknown };
InitialSuspend getInitialSuspend(const CXXRecordDecl &Promise);

/// A class with await_ready, await_suspend and await_resume members.
bool hasAwaiterMembers(const CXXRecordDecl &RD);

/// A class that can be co_awaited by shape: an awaiter, or a class with a
/// member operator co_await.
bool hasAwaitableShape(const CXXRecordDecl &RD);

} // namespace clang::coroguard

#endif // COROGUARD_CHECKS_QUERIES_CLASSSHAPE_H
