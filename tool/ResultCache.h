//===--- ResultCache.h - never analyse the same translation unit twice ----===//
//
// A translation unit's result depends on the tool, its configuration and
// model, its compile command, and the contents of every file the compiler
// read. The cache keys an entry by all but the last (the key is known before
// anything is parsed) and keeps, with each result, the files read and the
// hash of their contents (the manifest, as in ccache's direct mode): a
// lookup hashes those files again, and any difference is a miss.
//
// Entries are JSON files under <dir>/<2 hex digits>/<key>.json, written
// beside and renamed into place, so that runs at once (or a CI job's cache
// restored mid-write) never see half an entry; an unreadable entry is a
// miss. The size is bounded: the entries used least recently go first.
//
// Only the CLI uses it: clang-tidy and clangd have caches of their own and
// do not keep coroguard's.
//
//===----------------------------------------------------------------------===//

#ifndef COROGUARD_TOOL_RESULTCACHE_H
#define COROGUARD_TOOL_RESULTCACHE_H

#include "CacheEntry.h"
#include "TranslationUnit.h"

#include "clang/Tooling/CompilationDatabase.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/Support/Error.h"

#include <atomic>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

namespace clang::coroguard {

struct CacheStats {
  unsigned Hits = 0, Misses = 0;
  /// Results that could not be stored, and why the first one was not.
  unsigned NotStored = 0;
  std::string NotStoredWhy;
  uint64_t Entries = 0, Bytes = 0, MaxBytes = 0;
};

/// What identifies the running tool: its version, clang's, and a hash of
/// the executable's contents (a rebuild is a new tool).
std::string toolIdentity(const char *Argv0, void *MainAddress);

/// "1G", "512M", "64K" or a number of bytes.
std::optional<uint64_t> parseByteSize(llvm::StringRef Text);

/// $COROGUARD_CACHE_DIR, else $XDG_CACHE_HOME/coroguard (~/.cache/coroguard).
std::string defaultCacheDirectory();

class ResultCache {
public:
  /// Opens \p Directory, creating it; fails when it cannot be created or
  /// written.
  /// \p ReadOnly (a shared cache filled by another job, as ccache's
  /// read_only): looked up, never written, never trimmed; an existing
  /// directory that cannot be written is opened so too.
  static llvm::Expected<std::unique_ptr<ResultCache>>
  open(llvm::StringRef Directory, uint64_t MaxBytes, std::string ToolIdentity,
       bool ReadOnly = false);

  bool readOnly() const { return ReadOnly; }

  /// The key of analysing \p File with \p Commands, under the configuration
  /// \p Configuration (as text) and the model files \p ModelFiles.
  std::string keyOf(llvm::StringRef File,
                    const std::vector<clang::tooling::CompileCommand> &Commands,
                    llvm::StringRef Configuration,
                    const std::vector<std::string> &ModelFiles) const;

  /// The result stored under \p Key whose inputs are all unchanged, with
  /// the stamps of those inputs now.
  std::optional<TranslationUnitResult> lookup(llvm::StringRef Key);

  /// Stores \p Result under \p Key. Nothing is stored when a file changed
  /// while it was analysed, or when the unit did not compile (a missing
  /// header leaves no trace in the manifest).
  void store(llvm::StringRef Key, const TranslationUnitResult &Result);

  /// Removes the entries used least recently until the cache fits its
  /// limit, and counts what is left.
  CacheStats trim();

  llvm::StringRef directory() const { return Directory; }

private:
  ResultCache(std::string Directory, uint64_t MaxBytes, std::string Identity)
      : Directory(std::move(Directory)), MaxBytes(MaxBytes),
        Identity(std::move(Identity)) {}

  std::string entryPath(llvm::StringRef Key) const;
  /// The hash of \p Path's contents and its stamp, computed once per run.
  std::optional<std::pair<std::string, FileStamp>>
  contentOf(llvm::StringRef Path);

  std::string Directory;
  uint64_t MaxBytes;
  std::string Identity;
  bool ReadOnly = false;
  std::atomic<unsigned> Hits{0}, Misses{0};
  std::mutex Lock;
  unsigned NotStored = 0;   ///< guarded by Lock
  std::string NotStoredWhy; ///< guarded by Lock
  void notStored(std::string Why);
  llvm::StringMap<std::optional<std::pair<std::string, FileStamp>>> Contents;
};

} // namespace clang::coroguard

#endif // COROGUARD_TOOL_RESULTCACHE_H
