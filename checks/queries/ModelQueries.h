//===--- ModelQueries.h - asks the model about AST nodes ------------------===//
//
// One place that answers "is this a lazy task / an async resource / a
// blocking call / a lock..." for the checks, from (in order) source
// annotations, the merged model, and, when enabled, inference from the
// shape of a class. Answers are cached per declaration.
//
//===----------------------------------------------------------------------===//

#ifndef COROGUARD_CHECKS_QUERIES_MODELQUERIES_H
#define COROGUARD_CHECKS_QUERIES_MODELQUERIES_H

#include "model/ResourceModel.h"

#include "clang/AST/Decl.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/Expr.h"
#include "clang/AST/ExprCXX.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/StringSet.h"

#include <memory>
#include <optional>
#include <string>

namespace clang::coroguard {

enum class TaskKind {
  None,    ///< not a task or awaitable
  Lazy,    ///< a task that does nothing until awaited or spawned
  Eager,   ///< a task (or future) that runs at once
  Awaiter, ///< an awaiter: nothing happens until it is awaited
};

/// What the model says about an async resource type.
struct ResourceInfo {
  std::string TypeName;
  std::vector<std::string> Release;
  bool Awaited = true;
  std::string Guard;
  std::string GuardNote;
  /// The model's release templates, with their conditions.
  std::vector<CallReplacement> ReleaseForms;
  /// The one of ReleaseForms that suits the coroutine at hand, if any
  /// (chosen by releaseCallIn).
  std::string ReleaseCall;
  std::string ScopeFunction; ///< the model's template, if any
  /// Where the knowledge comes from: a model entry is trusted on what its
  /// releases return; an annotated or inferred class is judged by shape.
  enum class Source { Model, Annotation, Inferred };
  Source From = Source::Model;
  std::string Profile; ///< the model profile, when From is Model

  /// The one test of "is this a release of the resource": a member named
  /// in Release (a plain identifier; operators and constructors are not).
  bool isRelease(DeclarationName Name) const {
    if (!Name.isIdentifier())
      return false;
    llvm::StringRef Text = Name.getAsIdentifierInfo()->getName();
    return llvm::any_of(Release,
                        [&](const std::string &R) { return Text == R; });
  }
  bool isRelease(const NamedDecl *Member) const {
    return Member && isRelease(Member->getDeclName());
  }
};

/// A blocking call: what blocks and what to do instead.
struct BlockingInfo {
  std::string Name;
  std::string Alternative;
  /// The descriptor argument of a call that blocks only on a blocking
  /// descriptor, and its flags argument (MSG_DONTWAIT).
  std::optional<unsigned> DescriptorArgument;
  std::optional<unsigned> FlagsArgument;
  /// The model's awaitable forms of the call.
  std::vector<CallReplacement> Replacements;
};

/// Source annotations (include/coroguard/annotations.h).
namespace annotations {
inline constexpr llvm::StringLiteral AsyncResource =
    "coroguard::async_resource";
inline constexpr llvm::StringLiteral Cleanup = "coroguard::cleanup";
inline constexpr llvm::StringLiteral Blocking = "coroguard::blocking";
inline constexpr llvm::StringLiteral Task = "coroguard::task";
inline constexpr llvm::StringLiteral Guard = "coroguard::guard";
} // namespace annotations

/// True if \p D, or the template it was instantiated from, carries
/// `[[clang::annotate(Annotation)]]`.
bool hasAnnotation(const Decl &D, llvm::StringRef Annotation);

class ModelQueries {
public:
  struct Settings {
    bool Infer = true;
    std::vector<std::string> CleanupNames;
  };

  ModelQueries(std::shared_ptr<const ResourceModel> Model, Settings S);

  const ResourceModel &model() const { return *Model; }
  const Settings &settings() const { return Config; }

  TaskKind taskKind(QualType T);
  /// The model's entry for task type \p T, if any.
  const TaskTypeEntry *taskTypeEntry(QualType T);
  /// Whether \p T is the type that model name \p Name denotes: through
  /// typedefs, using-declarations, namespace aliases and inline namespaces.
  bool isTypeNamed(QualType T, llvm::StringRef Name);
  /// Whether \p T is std::exception_ptr (libstdc++ declares it in
  /// std::__exception_ptr and brings it into std by a using-declaration).
  bool isExceptionPtr(QualType T) {
    return isTypeNamed(T, "std::exception_ptr");
  }
  /// Whether \p T is the model's task type \p Name (through aliases), with
  /// the default for each template argument after the first: the condition
  /// of a CallReplacement.
  bool isTaskTypeNamed(QualType T, llvm::StringRef Name);
  /// The first of \p Forms whose task type condition holds for a coroutine
  /// returning \p Coroutine; empty if none does.
  std::string releaseCallIn(llvm::ArrayRef<CallReplacement> Forms,
                            QualType Coroutine);
  /// What discarding an eager \p T does to its work (the model's
  /// 'discard'; it runs on when the model does not say).
  TaskTypeEntry::Discard discardEffect(QualType T);
  /// Whether `co_await` on a \p T is known to compile in a coroutine
  /// returning \p InCoroutineOf: an awaiter that accepts any coroutine
  /// handle, a task of the model or an annotated one awaited in a
  /// coroutine of its own library, or a class with an operator co_await.
  /// Generators are iterated, never awaited.
  bool isKnownAwaitable(QualType T, QualType InCoroutineOf);
  /// A generator: its promise yields values, and it cannot be awaited.
  static bool isGenerator(QualType T);
  /// Whether two classes come from the same library (outermost namespace).
  static bool sameLibrary(QualType A, QualType B);
  std::optional<ResourceInfo> resourceType(QualType T);
  /// The blocking entry for a call or construction, if any.
  std::optional<BlockingInfo> blockingCall(const Expr &CallOrConstruct);
  bool isLockType(QualType T);
  /// What a member call on a lock does to its hold on the mutex: the
  /// model's lockReleases and lockAcquires; for a lock class the model lists
  /// no such member of, the standard names (unlock, release; lock,
  /// try_lock, try_lock_for, try_lock_until).
  enum class LockEffect { None, Releases, Acquires };
  LockEffect lockEffect(const CXXMemberCallExpr &Call);
  /// A mutex whose locking is awaited: the model's asyncMutexTypes, or,
  /// inferred, a class with a member whose name contains "lock" and that
  /// returns a task or an awaitable.
  bool isAsyncMutexType(QualType T);
  bool isTerminator(const Expr &CallOrConstruct);
  bool isOffloadCall(const CallExpr &Call);
  /// Whether \p T (through references, pointers and smart pointers) is one
  /// of the model's blockingExecutors: a thread pool or its executor.
  bool isBlockingExecutor(QualType T);
  /// A constant of the model's nonBlockingOptions
  /// (`coro::net::socket::blocking_t::no`).
  bool isNonBlockingOption(const ValueDecl &D);
  /// Whether \p T (through references, pointers and smart pointers) is one
  /// of the model's nonBlockingTypes: its descriptors never block.
  bool isNonBlockingType(QualType T);
  /// A call or construction of one of the model's reporting functions.
  bool isReportingCall(const Expr &CallOrConstruct);
  /// A call of one of the model's readyFunctions (make_ready_future).
  bool isReadyFunction(const CallExpr &Call);
  /// A call of one of the model's readinessChecks (future::available).
  bool isReadinessCheck(const CallExpr &Call);
  /// A call of one of the model's resolvedContinuations (then_wrapped).
  bool isResolvedContinuation(const CallExpr &Call);
  const GuardEntry *guardCall(const Expr &CallOrConstruct);
  const ExceptionSinkEntry *exceptionSinkToken(const Expr &Argument);
  /// A call of one of the model's function-kind exception sinks.
  bool isFunctionSink(const CallExpr &Call);
  /// Its entry, if it is one.
  const ExceptionSinkEntry *functionSink(const CallExpr &Call);
  /// A call of one of the model's callback-kind exception sinks.
  bool isCallbackSink(const CallExpr &Call);
  /// A type of the model's errorCarrierTypes (std::exception_ptr, Try<T>).
  bool isErrorCarrier(QualType T);
  /// Code of a library: declared in a system header, or, outside the main
  /// file, in the namespace of a library the model describes (asio::,
  /// seastar::, folly::...). The model is the authority on library code;
  /// the analyses follow only the user's own functions.
  bool isLibraryCode(const Decl &D) const;
  /// `x.close()` where x is an async resource, close() one of its releases
  /// and its result an awaitable that must be awaited for the release to
  /// happen.
  bool isAwaitedReleaseCall(const CXXMemberCallExpr &Call);

private:
  /// Qualified names of \p T: every alias on its sugar chain, then the
  /// record itself. Cached: names are built once per type.
  const llvm::SmallVector<std::string, 4> &typeNames(QualType T);
  /// getQualifiedFunctionName / getQualifiedNameAsString, cached per
  /// declaration.
  const std::string &functionName(const FunctionDecl &FD);
  const std::string &variableName(const VarDecl &VD);
  template <class Entry>
  const Entry *findByType(const ResourceModel::Table<Entry> &Table, QualType T);
  /// The function (or function object variable) a call names.
  llvm::SmallVector<std::string, 2> calleeNames(const Expr &E);
  /// `Class::member` for the class of the object a member is called on and
  /// each base up to the class declaring it. Cached.
  const llvm::SmallVector<std::string, 4> &
  memberNames(const CXXMemberCallExpr &Call);
  /// The model names that reach the declaration whose own qualified name is
  /// \p RealName some other way: a using-declaration
  /// (`std::exception_ptr` for `std::__exception_ptr::exception_ptr`), a
  /// namespace alias (`exec::task`), a typedef. Every model name is looked
  /// up in \p Context once per translation unit.
  llvm::ArrayRef<std::string> aliasesOf(llvm::StringRef RealName,
                                        ASTContext &Context);
  /// Appends the aliases of each of \p Names to it.
  void addAliases(llvm::SmallVectorImpl<std::string> &Names,
                  ASTContext &Context);
  void resolveModelNames(ASTContext &Context);
  TaskKind inferTaskKind(const CXXRecordDecl &RD);
  /// Whether \p CallOrConstruct calls a function named in \p Table.
  bool calls(const Expr &CallOrConstruct,
             const ResourceModel::Table<NamedEntry> &Table);
  std::optional<ResourceInfo> inferResource(const CXXRecordDecl &RD);

  std::shared_ptr<const ResourceModel> Model;
  Settings Config;
  /// The outermost namespaces of the model's entries.
  llvm::StringSet<> LibraryNamespaces;
  llvm::StringSet<> CleanupNames;
  llvm::DenseMap<const Type *, TaskKind> TaskCache;
  llvm::DenseMap<void *, llvm::SmallVector<std::string, 4>> TypeNameCache;
  /// aliasesOf's table, for the translation unit of ResolvedIn.
  const ASTContext *ResolvedIn = nullptr;
  llvm::StringMap<std::vector<std::string>> Aliases;
  llvm::DenseMap<const Decl *, std::string> DeclNameCache;
  llvm::DenseMap<std::pair<void *, const Decl *>,
                 llvm::SmallVector<std::string, 4>>
      MemberNameCache;
  llvm::DenseMap<const Type *, std::optional<ResourceInfo>> ResourceCache;
  llvm::DenseMap<const Type *, bool> AsyncMutexCache;
  /// The classes that lockReleases or lockAcquires name members of.
  std::optional<llvm::StringSet<>> LockMethodClasses;
  bool InResourceInference = false;
};

/// The qualified name of \p D including inline namespaces.
std::string withInlineNamespaces(const NamedDecl &D);

/// `ns::Class::member` for members (no template arguments), else the
/// qualified name of \p FD.
std::string getQualifiedFunctionName(const FunctionDecl &FD);

} // namespace clang::coroguard

#endif // COROGUARD_CHECKS_QUERIES_MODELQUERIES_H
