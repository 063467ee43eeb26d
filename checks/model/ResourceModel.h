//===--- ResourceModel.h - what coroguard knows about coroutine libraries -===//
//
// The model is data: built-in profiles (profiles/*.json, embedded at build
// time) merged with user model files in the same format. Entries are keyed
// by fully qualified name; a later entry of the same kind and name replaces
// an earlier one, so a user file can override a built-in profile.
//
//===----------------------------------------------------------------------===//

#ifndef COROGUARD_CHECKS_MODEL_RESOURCEMODEL_H
#define COROGUARD_CHECKS_MODEL_RESOURCEMODEL_H

#include "llvm/ADT/MapVector.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/Support/Allocator.h"
#include "llvm/Support/StringSaver.h"

#include <optional>
#include <string>
#include <vector>

namespace clang::coroguard {

struct TaskTypeEntry {
  /// What discarding an eager task does to its work.
  enum class Discard { Detaches, Cancels, Blocks };
  std::string Name;
  bool Lazy = true;
  Discard OnDiscard = Discard::Detaches;
  /// The scope function that holds a resource in a coroutine of this task
  /// type, as a fix-it template (see ResourceTypeEntry::ScopeFunction).
  std::string ScopeFunction;
  std::string Note;
};

/// A call written by a fix-it, as a template, and the conditions under which
/// it applies: the awaitable call that does what a blocking call does
/// ({object} is the object of a member call, {args} all the arguments, {0},
/// {1}... each one, as written), or a resource's release ({var}).
struct CallReplacement {
  std::string Text;
  /// Only inside a coroutine returning this task type, with the default for
  /// every template argument after the first (empty: any): asio's
  /// `use_awaitable` suits `awaitable<T>`, not `awaitable<T, strand<...>>`.
  std::string TaskType;
  /// Only for calls with this many arguments.
  std::optional<unsigned> Arguments;
  /// The header the text needs (`<folly/coro/Sleep.h>`), inserted with it.
  std::string Include;
};

struct ResourceTypeEntry {
  std::string Name;
  std::vector<std::string> Release;
  bool Awaited = true;
  std::string Guard;     ///< fix-it template ({var}, {type})
  std::string GuardNote; ///< advice when there is no template
  /// The release a rewrite writes when the code has none to copy, without
  /// `co_await` ({var}): `{var}.async_shutdown(asio::use_awaitable)`; the
  /// first whose conditions hold in the coroutine is used.
  std::vector<CallReplacement> ReleaseCall;
  /// A library function that takes the resource and the code that uses it
  /// and releases it on every path: `co_await with(std::move({var}),
  /// [&](auto &{var}) -> task<void> {{body}}, ...);` ({var}, {type},
  /// {body}, {release}).
  std::string ScopeFunction;
  std::string Note;
};

struct BlockingFunctionEntry {
  std::string Name;
  std::string Alternative;
  std::string FirstArgument;
  /// The argument that is a file descriptor: the call does not block when
  /// the descriptor was made non-blocking.
  std::optional<unsigned> DescriptorArgument;
  /// The argument that holds flags: MSG_DONTWAIT there makes it
  /// non-blocking.
  std::optional<unsigned> FlagsArgument;
  /// Awaitable forms, the first that applies is offered as a fix-it.
  std::vector<CallReplacement> Replacements;
  std::string Note;
  /// Named by a user's model file rather than a built-in profile: a name
  /// without `::` then means the user's own global function too, not only
  /// the C library's (a built-in `read` must not match a user's `read()`).
  bool FromUserFile = false;
};

struct GuardEntry {
  enum class Kind { Function, Type };
  std::string Name;
  Kind GuardKind = Kind::Function;
  std::string Note;
};

struct ExceptionSinkEntry {
  /// Token: a completion token argument that drops the exception
  /// (asio::detached). Function: a call that drops the exception of the work
  /// it runs. Callback: a call whose callable argument receives the error;
  /// a callable that ignores it drops it.
  enum class Kind { Token, Function, Callback };
  std::string Name;
  Kind SinkKind = Kind::Token;
  /// A handler that passes the error on (rethrows it).
  std::string Replacement;
  /// A handler that hands the error to the reporter of option
  /// coroguard.ErrorReporter ({reporter}).
  std::string ReportingReplacement;
  std::string Note;
};

struct NamedEntry {
  std::string Name;
  std::string Note;
};

/// One model document: a built-in profile or a user file.
struct ModelDocument {
  std::string Profile;
  std::string Description;
  std::string Follows;
  std::string Origin; ///< file name, or "<builtin>/name.json"
  std::vector<TaskTypeEntry> TaskTypes;
  std::vector<ResourceTypeEntry> ResourceTypes;
  std::vector<BlockingFunctionEntry> BlockingFunctions;
  std::vector<GuardEntry> Guards;
  std::vector<ExceptionSinkEntry> ExceptionSinks;
#define COROGUARD_NAMED_SECTION(Key, Member, Description)                      \
  std::vector<NamedEntry> Member;
#include "NamedSections.def"
};

/// The merged model. Each entry remembers the profile it came from.
class ResourceModel {
public:
  ResourceModel() = default;
  // The tables point into the arena: a model stays where it was built.
  ResourceModel(const ResourceModel &) = delete;
  ResourceModel &operator=(const ResourceModel &) = delete;

  template <class Entry> struct Sourced {
    Entry Value;
    std::string Profile;
  };
  template <class Entry>
  using Table = llvm::MapVector<llvm::StringRef, Sourced<Entry>>;

  /// Adds \p Doc, replacing same-kind entries of the same name.
  void add(const ModelDocument &Doc);

  const Table<TaskTypeEntry> &taskTypes() const { return TaskTypes; }
  const Table<ResourceTypeEntry> &resourceTypes() const {
    return ResourceTypes;
  }
  const Table<BlockingFunctionEntry> &blockingFunctions() const {
    return BlockingFunctions;
  }
  const Table<GuardEntry> &guards() const { return Guards; }
  const Table<ExceptionSinkEntry> &exceptionSinks() const {
    return ExceptionSinks;
  }
#define COROGUARD_NAMED_SECTION(Key, Member, Description)                      \
  const Table<NamedEntry> &Key() const { return Member; }
#include "NamedSections.def"
  /// The documents merged so far, in order.
  const std::vector<std::string> &origins() const { return Origins; }

  template <class Entry>
  static const Entry *find(const Table<Entry> &T, llvm::StringRef Name) {
    auto It = T.find(Name);
    return It == T.end() ? nullptr : &It->second.Value;
  }

private:
  // Keys point into the arena, which owns the strings and never moves them.
  llvm::StringRef intern(const std::string &Name) { return Names.save(Name); }
  llvm::BumpPtrAllocator Arena;
  llvm::UniqueStringSaver Names{Arena};
  Table<TaskTypeEntry> TaskTypes;
  Table<ResourceTypeEntry> ResourceTypes;
  Table<BlockingFunctionEntry> BlockingFunctions;
  Table<GuardEntry> Guards;
  Table<ExceptionSinkEntry> ExceptionSinks;
#define COROGUARD_NAMED_SECTION(Key, Member, Description)                      \
  Table<NamedEntry> Member;
#include "NamedSections.def"
  std::vector<std::string> Origins;
};

} // namespace clang::coroguard

#endif // COROGUARD_CHECKS_MODEL_RESOURCEMODEL_H
