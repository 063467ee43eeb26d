//===--- ProjectFacts.h - what a function defined in another file does ----===//
//
// A translation unit sees the bodies of its own functions only. To answer
// "does this call block?" or "does this spawned coroutine handle its
// errors?" for a function defined in another file, each unit writes down
// what its own functions do (FunctionFacts, keyed by clang's USR), and a
// check that needs a fact it cannot see records its finding under a
// Condition instead of deciding. When every unit is done, the facts of the
// whole project are resolved to a fixpoint (FactBase) and each condition is
// answered against them: in the CLI after the run, or `coroguard merge`
// after the shards; in the clang-tidy plugin and coroguard-clangd from a
// summary file written by `coroguard --write-summaries`.
//
// Only facts that change an answer are written: a function that neither
// blocks nor calls an unseen function has no entry, and a function absent
// from every unit is answered by the policy of each fact
// (docs/whole-program.md).
//
//===----------------------------------------------------------------------===//

#ifndef COROGUARD_CHECKS_PROJECT_PROJECTFACTS_H
#define COROGUARD_CHECKS_PROJECT_PROJECTFACTS_H

#include "llvm/ADT/StringMap.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/Support/Error.h"
#include "llvm/Support/JSON.h"

#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace clang {
class FunctionDecl;
class SourceManager;
class SourceLocation;
} // namespace clang

namespace clang::coroguard::project {

/// A call in a chain: \p Caller calls \p Callee at File:Line:Column.
struct Step {
  std::string File; ///< absolute path
  unsigned Line = 0, Column = 0;
  std::string Caller, Callee;
  bool operator==(const Step &O) const {
    return File == O.File && Line == O.Line && Column == O.Column &&
           Caller == O.Caller && Callee == O.Callee;
  }
};

/// What one definition of a function does, as far as the checks ask.
struct FunctionFacts {
  std::string Key;  ///< see keyOf()
  std::string Name; ///< qualified, for messages
  std::string File; ///< where it is defined
  unsigned Line = 0;
  /// It blocks by itself: the calls from it down to the blocking call
  /// (the last step calls Blocking).
  std::vector<Step> Blocks;
  std::string Blocking, Alternative;
  /// It calls functions whose bodies its unit does not see: it blocks if
  /// one of them does.
  std::vector<std::pair<std::string, Step>> Calls;
  /// A coroutine that handles its own errors (a spawn that drops what it
  /// lets out drops nothing).
  bool HandlesErrors = false;
  /// The parameters (async resources by non-const reference) it releases
  /// on every path.
  std::vector<unsigned> ReleasesParams;
  /// The parameters whose descriptor it makes non-blocking
  /// (fcntl(fd, F_SETFL, O_NONBLOCK) on it).
  std::vector<unsigned> NonBlockingParams;

  bool empty() const {
    return Blocks.empty() && Calls.empty() && !HandlesErrors &&
           ReleasesParams.empty() && NonBlockingParams.empty();
  }
  bool operator==(const FunctionFacts &O) const {
    return Key == O.Key && Name == O.Name && File == O.File && Line == O.Line &&
           Blocks == O.Blocks && Blocking == O.Blocking &&
           Alternative == O.Alternative && Calls == O.Calls &&
           HandlesErrors == O.HandlesErrors &&
           ReleasesParams == O.ReleasesParams &&
           NonBlockingParams == O.NonBlockingParams;
  }
};

/// The identity of \p FD across units: its USR; for a function with
/// internal linkage, which each unit has its own of, the USR and the
/// unit's main file. Empty when clang gives it no USR.
std::string keyOf(const FunctionDecl &FD);

/// The facts of \p Definition with its key, name and place filled in, and
/// no fact yet.
FunctionFacts factsOf(const FunctionDecl &Definition);

/// \p Path absolute and without `.` and `..`, as facts name files.
std::string absolutePath(llvm::StringRef Path);

/// The fact a finding waits for.
enum class Fact {
  /// Reported if the function blocks (unknown: it does not).
  Blocks,
  /// Reported unless the coroutine handles its own errors (unknown: it may
  /// let them out).
  LetsErrorsOut,
  /// Reported unless the function releases its parameter Param on every
  /// path (unknown: it does not).
  DoesNotRelease,
  /// Reported unless the function makes the descriptor it is given as
  /// parameter Param non-blocking (unknown: it does not).
  KeepsBlocking,
};

struct Condition {
  Fact What = Fact::Blocks;
  std::string Key;
  unsigned Param = 0; ///< for DoesNotRelease
};

/// A diagnostic message that waits for \p C: the CLI takes the condition
/// back out of it (takeCondition) when it collects the unit's findings, so
/// the finding went through clang-tidy's NOLINT, header filter and
/// de-duplication like any other.
std::string conditionalMessage(llvm::StringRef Message, const Condition &C);
/// Whether \p Message waits for a condition.
bool waitsForCondition(llvm::StringRef Message);
/// The condition \p Message waits for, removed from it; nothing when it
/// waits for none.
std::optional<Condition> takeCondition(std::string &Message);

/// Where the facts of the unit being analysed go: set on the analysing
/// thread by the CLI, which resolves conditions after the run. Without
/// one (the plugin, clangd), a check answers at once from the summary file
/// (summaryFile()).
class UnitFacts {
public:
  /// Makes \p Facts the current unit's for this thread while it lives.
  class Scope {
  public:
    explicit Scope(UnitFacts &Facts);
    ~Scope();
    Scope(const Scope &) = delete;
    Scope &operator=(const Scope &) = delete;

  private:
    UnitFacts *Previous;
  };
  static UnitFacts *current();

  /// Adds the facts of a definition, joined with those other checks added
  /// for it. A definition with no fact says that this one does not block.
  void add(FunctionFacts Facts);
  std::vector<FunctionFacts> take() { return std::move(Functions); }

private:
  std::vector<FunctionFacts> Functions;
  llvm::StringMap<size_t> Seen;
};

class FactBase;
/// The facts of the summary file the current thread's unit is checked
/// with (set by the checks, for the analyses below them); null if none.
const FactBase *knownFacts();
void setKnownFacts(const FactBase *Facts);

/// A chain that ends at a blocking call, resolved over the project.
struct BlockingChain {
  std::vector<Step> Steps;
  std::string Blocking, Alternative;
};

/// The facts of a whole project, resolved.
class FactBase {
public:
  /// Adds the facts of one definition; a function defined in several units
  /// (an inline function, an ODR violation) may have several.
  void add(FunctionFacts Facts);
  /// Computes the fixpoint over the cross-file call graph, cycles
  /// included: call after the last add().
  void resolve();

  /// How the function \p Key blocks: the shortest chain, through every
  /// file. Nothing if it does not, or is unknown. A function with several
  /// definitions blocks only if each does.
  std::optional<BlockingChain> blocks(llvm::StringRef Key) const;
  /// Whether the coroutine \p Key handles its own errors (one definition
  /// seen doing so is enough).
  bool handlesErrors(llvm::StringRef Key) const;
  /// Whether the function \p Key releases its parameter \p Param on every
  /// path (one definition seen doing so is enough).
  bool releasesParam(llvm::StringRef Key, unsigned Param) const;
  /// Whether the function \p Key makes the descriptor it is given as
  /// \p Param non-blocking (one definition seen doing so is enough).
  bool makesNonBlocking(llvm::StringRef Key, unsigned Param) const;
  /// Whether \p C holds: the finding waiting for it is reported.
  bool holds(const Condition &C) const;

  bool empty() const { return Nodes.empty(); }
  size_t size() const { return Nodes.size(); }
  /// Every definition's facts, in a stable order (key, file, line).
  const std::vector<FunctionFacts> &functions() const { return Nodes; }

private:
  std::vector<FunctionFacts> Nodes;
  /// Per node: the length of its shortest chain (0: does not block) and
  /// which call it goes through (-1: by itself).
  std::vector<unsigned> Length;
  std::vector<int> Via;
  llvm::StringMap<std::vector<size_t>> ByKey;
  /// The chain length of a key: each of its definitions must block.
  unsigned keyLength(llvm::StringRef Key) const;
  size_t firstNode(llvm::StringRef Key) const;
};

/// JSON of the facts, as the cache, the shards and the summary file keep
/// them.
llvm::json::Value toJson(const FunctionFacts &F);
std::optional<FunctionFacts> factsFromJson(const llvm::json::Value &V);

/// The summary file's format version; a file of another is ignored.
constexpr int SummaryFormatVersion = 1;

/// Writes \p Base (resolved) as a summary file: the version, each
/// definition's facts and a hash of each file they name, so that a file
/// changed since is not trusted.
void writeSummaryFile(const FactBase &Base, llvm::raw_ostream &OS);
/// Reads a summary file; the facts of files changed since it was written
/// are left out (\p Stale counts them). An error says why the whole file
/// cannot be used.
llvm::Expected<FactBase> readSummaryFile(llvm::StringRef Path,
                                         unsigned *Stale = nullptr);

/// The hash the summary file records for a file's contents (empty when it
/// cannot be read).
std::string contentHash(llvm::StringRef Path);

} // namespace clang::coroguard::project

#endif // COROGUARD_CHECKS_PROJECT_PROJECTFACTS_H
