//===--- TaskTypes.h - recognising lazy tasks and awaitables --------------===//
//
// A lazy task does nothing until it is awaited or spawned, so discarding one
// means the work never runs.
//
//===----------------------------------------------------------------------===//

#ifndef COROGUARD_CHECKS_TASKTYPES_H
#define COROGUARD_CHECKS_TASKTYPES_H

#include "clang/AST/DeclCXX.h"
#include "clang/AST/Type.h"

namespace clang::coroguard {

/// The record type of \p T (through references and sugar), or null.
const CXXRecordDecl *getRecord(QualType T);

/// The class's `promise_type` (member, alias or inherited), or null.
const CXXRecordDecl *findPromiseType(const CXXRecordDecl &RD);

/// True if \p T is a coroutine task that starts suspended: its promise's
/// initial_suspend() returns std::suspend_always, or it is one of the
/// well-known lazy task templates that suspend through an awaitable of
/// their own (asio::awaitable).
bool isLazyTaskType(QualType T);

/// True if \p T is an awaiter: a class with await_ready, await_suspend and
/// await_resume members and no promise (so it does nothing until awaited).
bool isAwaiterType(QualType T);

} // namespace clang::coroguard

#endif // COROGUARD_CHECKS_TASKTYPES_H
