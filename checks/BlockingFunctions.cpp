//===--- BlockingFunctions.cpp --------------------------------------------===//

#include "BlockingFunctions.h"

#include "clang/AST/DeclCXX.h"
#include "clang/AST/ExprCXX.h"
#include "clang/Basic/SourceManager.h"
#include "llvm/ADT/StringMap.h"

namespace clang::coroguard {

namespace {

constexpr llvm::StringLiteral Timer =
    "use an awaitable timer instead (e.g. 'co_await timer.async_wait(...)')";
constexpr llvm::StringLiteral AwaitResult =
    "co_await the asynchronous operation instead of blocking on its result";
constexpr llvm::StringLiteral AsyncSync =
    "use an awaitable event, semaphore or condition variable instead";
constexpr llvm::StringLiteral AsyncIo =
    "use the asynchronous operation of your I/O library instead";
constexpr llvm::StringLiteral AsyncFile =
    "use asynchronous file I/O, or move the file access to a thread pool";
constexpr llvm::StringLiteral AsyncResolve =
    "use an asynchronous resolver instead (e.g. 'co_await "
    "resolver.async_resolve(...)')";
constexpr llvm::StringLiteral AsyncProcess =
    "use an asynchronous process API, or move the call to a thread pool";

const BlockingFunction BuiltinBlockingFunctions[] = {
    {"std::this_thread::sleep_for", Timer},
    {"std::this_thread::sleep_until", Timer},
    {"sleep", Timer},
    {"usleep", Timer},
    {"nanosleep", Timer},
    {"clock_nanosleep", Timer},
    {"std::future::get", AwaitResult},
    {"std::future::wait", AwaitResult},
    {"std::future::wait_for", AwaitResult},
    {"std::future::wait_until", AwaitResult},
    {"std::shared_future::get", AwaitResult},
    {"std::shared_future::wait", AwaitResult},
    {"std::shared_future::wait_for", AwaitResult},
    {"std::shared_future::wait_until", AwaitResult},
    {"std::thread::join", AwaitResult},
    {"std::jthread::join", AwaitResult},
    {"std::condition_variable::wait", AsyncSync},
    {"std::condition_variable::wait_for", AsyncSync},
    {"std::condition_variable::wait_until", AsyncSync},
    {"std::condition_variable_any::wait", AsyncSync},
    {"std::condition_variable_any::wait_for", AsyncSync},
    {"std::condition_variable_any::wait_until", AsyncSync},
    {"std::counting_semaphore::acquire", AsyncSync},
    {"std::counting_semaphore::try_acquire_for", AsyncSync},
    {"std::counting_semaphore::try_acquire_until", AsyncSync},
    {"std::latch::wait", AsyncSync},
    {"std::latch::arrive_and_wait", AsyncSync},
    {"std::barrier::wait", AsyncSync},
    {"std::barrier::arrive_and_wait", AsyncSync},
    {"read", AsyncIo},
    {"write", AsyncIo},
    {"pread", AsyncIo},
    {"pwrite", AsyncIo},
    {"readv", AsyncIo},
    {"writev", AsyncIo},
    {"recv", AsyncIo},
    {"recvfrom", AsyncIo},
    {"recvmsg", AsyncIo},
    {"send", AsyncIo},
    {"sendto", AsyncIo},
    {"sendmsg", AsyncIo},
    {"accept", AsyncIo},
    {"accept4", AsyncIo},
    {"connect", AsyncIo},
    {"poll", AsyncIo},
    {"ppoll", AsyncIo},
    {"select", AsyncIo},
    {"pselect", AsyncIo},
    {"epoll_wait", AsyncIo},
    {"fopen", AsyncFile},
    {"fread", AsyncFile},
    {"fwrite", AsyncFile},
    {"fgets", AsyncFile},
    {"std::getline", AsyncIo, /*OnlyOnStdCin=*/true},
    {"system", AsyncProcess},
    {"popen", AsyncProcess},
    {"waitpid", AsyncProcess},
    {"getaddrinfo", AsyncResolve},
    {"gethostbyname", AsyncResolve},
};

const llvm::StringMap<const BlockingFunction *> &builtinIndex() {
  static const llvm::StringMap<const BlockingFunction *> Index = [] {
    llvm::StringMap<const BlockingFunction *> M;
    for (const BlockingFunction &F : BuiltinBlockingFunctions)
      M[F.Name] = &F;
    return M;
  }();
  return Index;
}

bool refersToStdCin(const Expr *E) {
  const auto *Ref = dyn_cast_or_null<DeclRefExpr>(E->IgnoreParenImpCasts());
  if (!Ref)
    return false;
  const auto *Var = dyn_cast<VarDecl>(Ref->getDecl());
  return Var && Var->getName() == "cin" && Var->isInStdNamespace();
}

} // namespace

std::string getQualifiedFunctionName(const FunctionDecl &FD) {
  if (const auto *Method = dyn_cast<CXXMethodDecl>(&FD))
    return Method->getParent()->getQualifiedNameAsString() + "::" +
           FD.getNameAsString();
  return FD.getQualifiedNameAsString();
}

const BlockingFunction *BlockingFunctionMatcher::lookup(const FunctionDecl &FD) {
  const FunctionDecl *Canonical = FD.getCanonicalDecl();
  auto [It, Inserted] = Cache.try_emplace(Canonical, nullptr);
  if (!Inserted)
    return It->second;
  if (!FD.getIdentifier())
    return nullptr; // operators, conversions, constructors
  const auto &Index = builtinIndex();
  auto Found = Index.find(getQualifiedFunctionName(FD));
  if (Found == Index.end())
    return nullptr;
  // A global name is the C library's only when it is declared as such: a
  // user's own `read()` in the global namespace is not POSIX read.
  if (!llvm::StringRef(Found->second->Name).contains("::")) {
    const SourceManager &SM = FD.getASTContext().getSourceManager();
    if (!FD.isExternC() && !SM.isInSystemHeader(FD.getLocation()))
      return nullptr;
  }
  It->second = Found->second;
  return Found->second;
}

const BlockingFunction *BlockingFunctionMatcher::match(const CallExpr &Call) {
  const FunctionDecl *Callee = Call.getDirectCallee();
  if (!Callee)
    return nullptr;
  const BlockingFunction *Entry = lookup(*Callee);
  if (Entry && Entry->OnlyOnStdCin &&
      (Call.getNumArgs() == 0 || !refersToStdCin(Call.getArg(0))))
    return nullptr;
  return Entry;
}

} // namespace clang::coroguard
