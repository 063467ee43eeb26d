//===--- suppressed/Promises.cpp ------------------------------------------===//
//
// coroguard-suppressed-exception: promise types whose unhandled_exception()
// drops the exception.
//
//===----------------------------------------------------------------------===//

#include "SuppressedExceptionCheck.h"

#include "CoroutineScope.h"
#include "analysis/HandlerRules.h"

using namespace clang::ast_matchers;

namespace clang::coroguard {

void SuppressedExceptionCheck::checkUnhandledException(
    const CXXMethodDecl &Method) {
  // Only promise types: a class with get_return_object().
  const CXXRecordDecl *Promise = Method.getParent();
  bool IsPromise = Promise->getName() == "promise_type";
  for (const CXXMethodDecl *M : Promise->methods())
    IsPromise |= M->getIdentifier() && M->getName() == "get_return_object";
  if (!IsPromise || !Method.getBody() || Method.isDeleted())
    return;
  // Templates: the written code once.
  if (Method.isTemplateInstantiation())
    return;
  if (keepsException(*Method.getBody(), Method.getBody()) ||
      !firstReportAt(Method.getLocation()))
    return;
  diag(Method.getLocation(),
       "%0 drops the exception of every coroutine of this type; store "
       "std::current_exception(), rethrow it, or terminate")
      << &Method;
}

} // namespace clang::coroguard
