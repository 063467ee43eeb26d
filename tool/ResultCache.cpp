//===--- ResultCache.cpp --------------------------------------------------===//

#include "ResultCache.h"

#include "Findings.h"
#include "OutputFile.h"
#include "Version.h"

#include "clang/Basic/Version.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/BLAKE3.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/Process.h"

#include <algorithm>
#include <chrono>

namespace clang::coroguard {

using nlohmann::json;

namespace {

/// Bumped whenever what an entry holds, or what a key covers, changes.
constexpr int EntryFormat = 1;
/// Results kept per key: the same file and command seen with different
/// headers (branches switched back and forth).
constexpr size_t VariantsPerKey = 4;

/// Hashes a sequence of fields; each is length-prefixed, so that ("ab",
/// "c") and ("a", "bc") differ.
class Hasher {
public:
  Hasher &add(llvm::StringRef Field) {
    uint64_t Size = Field.size();
    Hash.update(llvm::ArrayRef<uint8_t>(
        reinterpret_cast<const uint8_t *>(&Size), sizeof(Size)));
    Hash.update(Field);
    return *this;
  }
  std::string hex() { return llvm::toHex(Hash.final<16>(), true); }

private:
  llvm::BLAKE3 Hash;
};

std::string hashOf(llvm::StringRef Contents) {
  return Hasher().add(Contents).hex();
}

/// The command as it decides what is analysed: the output file, which
/// differs between build directories but not in what is parsed, dropped.
std::vector<std::string> normalised(const std::vector<std::string> &Args) {
  std::vector<std::string> Out;
  for (size_t I = 0; I < Args.size(); ++I) {
    llvm::StringRef Arg = Args[I];
    if (Arg == "-o") {
      ++I;
      continue;
    }
    if (Arg.starts_with("-o") || Arg.starts_with("--output="))
      continue;
    Out.push_back(Args[I]);
  }
  return Out;
}

/// The environment variables that change where the compiler looks for
/// headers.
constexpr const char *IncludeEnvironment[] = {"CPATH",
                                              "C_INCLUDE_PATH",
                                              "CPLUS_INCLUDE_PATH",
                                              "OBJC_INCLUDE_PATH",
                                              "OBJCPLUS_INCLUDE_PATH",
                                              "CCC_OVERRIDE_OPTIONS"};

/// The results stored at \p Path, newest first; none when there is no
/// entry or it is not one of this format.
json variantsAt(llvm::StringRef Path) {
  auto Buffer = llvm::MemoryBuffer::getFile(Path);
  if (!Buffer)
    return json::array();
  json Entry = json::parse((*Buffer)->getBuffer().begin(),
                           (*Buffer)->getBuffer().end(), nullptr,
                           /*allow_exceptions=*/false);
  if (!Entry.is_object() || Entry.value("format", 0) != EntryFormat ||
      !Entry.contains("variants") || !Entry["variants"].is_array())
    return json::array();
  return std::move(Entry["variants"]);
}

bool isTemporary(llvm::StringRef Name) { return Name.contains(".coroguard-"); }

} // namespace

std::string toolIdentity(const char *Argv0, void *MainAddress) {
  Hasher H;
  H.add(CoroGuardVersion).add(clang::getClangFullVersion());
  std::string Executable = llvm::sys::fs::getMainExecutable(Argv0, MainAddress);
  if (auto Contents = llvm::MemoryBuffer::getFile(Executable))
    H.add((*Contents)->getBuffer());
  else
    H.add(Executable); // unreadable: at least a different path differs
  return H.hex();
}

std::optional<uint64_t> parseByteSize(llvm::StringRef Text) {
  uint64_t Scale = 1;
  if (!Text.empty()) {
    switch (llvm::toUpper(Text.back())) {
    case 'K':
      Scale = uint64_t(1) << 10;
      break;
    case 'M':
      Scale = uint64_t(1) << 20;
      break;
    case 'G':
      Scale = uint64_t(1) << 30;
      break;
    default:
      break;
    }
    if (Scale != 1)
      Text = Text.drop_back();
  }
  uint64_t Value = 0;
  if (Text.getAsInteger(10, Value) || Value > UINT64_MAX / Scale)
    return std::nullopt;
  return Value * Scale;
}

std::string defaultCacheDirectory() {
  if (std::optional<std::string> Dir =
          llvm::sys::Process::GetEnv("COROGUARD_CACHE_DIR");
      Dir && !Dir->empty())
    return *Dir;
  llvm::SmallString<256> Path;
  if (!llvm::sys::path::cache_directory(Path))
    return "";
  llvm::sys::path::append(Path, "coroguard");
  return std::string(Path);
}

llvm::Expected<std::unique_ptr<ResultCache>>
ResultCache::open(llvm::StringRef Directory, uint64_t MaxBytes,
                  std::string ToolIdentity, bool ReadOnly) {
  if (Directory.empty())
    return llvm::createStringError(
        "no cache directory (set --cache-dir or XDG_CACHE_HOME)");
  if (ReadOnly && !llvm::sys::fs::is_directory(Directory))
    return llvm::createStringError("the read-only cache directory '" +
                                   Directory + "' does not exist");
  if (!ReadOnly) {
    if (std::error_code EC = llvm::sys::fs::create_directories(Directory))
      return llvm::createStringError("cannot create the cache directory '" +
                                     Directory + "': " + EC.message());
    // A shared cache mounted read-only is still worth reading.
    ReadOnly = bool(
        llvm::sys::fs::access(Directory, llvm::sys::fs::AccessMode::Write));
  }
  if (llvm::sys::fs::access(Directory, llvm::sys::fs::AccessMode::Exist))
    return llvm::createStringError("cannot read the cache directory '" +
                                   Directory + "'");
  std::unique_ptr<ResultCache> Cache(
      new ResultCache(Directory.str(), MaxBytes, std::move(ToolIdentity)));
  Cache->ReadOnly = ReadOnly;
  return Cache;
}

std::string
ResultCache::keyOf(llvm::StringRef File,
                   const std::vector<clang::tooling::CompileCommand> &Commands,
                   llvm::StringRef Configuration,
                   const std::vector<std::string> &ModelFiles) const {
  Hasher H;
  H.add(std::to_string(EntryFormat)).add(Identity).add(File);
  for (const char *Variable : IncludeEnvironment)
    H.add(Variable).add(llvm::sys::Process::GetEnv(Variable).value_or(""));
  for (const clang::tooling::CompileCommand &Command : Commands) {
    H.add("command").add(Command.Directory).add(Command.Filename);
    for (const std::string &Arg : normalised(Command.CommandLine))
      H.add(Arg);
  }
  H.add("configuration").add(Configuration);
  for (const std::string &Model : ModelFiles) {
    H.add("model").add(Model);
    auto Contents = llvm::MemoryBuffer::getFile(Model);
    H.add(Contents ? (*Contents)->getBuffer() : "(unreadable)");
  }
  return H.hex();
}

std::string ResultCache::entryPath(llvm::StringRef Key) const {
  llvm::SmallString<256> Path(Directory);
  llvm::sys::path::append(Path, Key.take_front(2), Key + ".json");
  return std::string(Path);
}

std::optional<std::pair<std::string, FileStamp>>
ResultCache::contentOf(llvm::StringRef Path) {
  {
    std::lock_guard<std::mutex> Guard(Lock);
    auto It = Contents.find(Path);
    if (It != Contents.end())
      return It->second;
  }
  std::optional<std::pair<std::string, FileStamp>> Result;
  llvm::sys::fs::file_status Status;
  if (!llvm::sys::fs::status(Path, Status))
    if (auto Buffer = llvm::MemoryBuffer::getFile(Path, /*IsText=*/false,
                                                  /*RequiresNullTerminator=*/
                                                  false))
      Result.emplace(
          hashOf((*Buffer)->getBuffer()),
          FileStamp{Status.getSize(), Status.getLastModificationTime()});
  std::lock_guard<std::mutex> Guard(Lock);
  return Contents.try_emplace(Path, std::move(Result)).first->second;
}

std::optional<TranslationUnitResult> ResultCache::lookup(llvm::StringRef Key) {
  std::string Path = entryPath(Key);
  for (const json &Variant : variantsAt(Path)) {
    std::optional<CachedUnit> Unit = unitFromJson(Variant);
    if (!Unit)
      break; // damaged: a miss, and the next store replaces it
    TranslationUnitResult Result;
    bool Unchanged = true;
    for (const auto &[Input, Hash] : Unit->Inputs) {
      auto Now = contentOf(Input);
      if (!Now || Now->first != Hash) {
        Unchanged = false;
        break;
      }
      Result.FilesRead[Input] = Now->second;
    }
    if (!Unchanged)
      continue;
    Result.Errors = std::move(Unit->Errors);
    Result.Functions = std::move(Unit->Functions);
    Result.Facts = std::move(Unit->Facts);
    // Used now: the last to be evicted.
    int FD = -1;
    if (!ReadOnly && !llvm::sys::fs::openFileForRead(Path, FD)) {
      (void)llvm::sys::fs::setLastAccessAndModificationTime(
          FD, std::chrono::system_clock::now());
      llvm::sys::Process::SafelyCloseFileDescriptor(FD);
    }
    ++Hits;
    return Result;
  }
  ++Misses;
  return std::nullopt;
}

void ResultCache::notStored(std::string Why) {
  std::lock_guard<std::mutex> Guard(Lock);
  if (NotStored++ == 0)
    NotStoredWhy = std::move(Why);
}

void ResultCache::store(llvm::StringRef Key,
                        const TranslationUnitResult &Result) {
  if (ReadOnly)
    return;
  if (Result.Crashed || llvm::any_of(Result.Errors, isCompilerError))
    return notStored("the unit did not compile");
  CachedUnit Unit;
  for (const auto &Read : Result.FilesRead) {
    auto Now = contentOf(Read.getKey());
    // Changed since the compiler read it: what was analysed is unknown.
    if (!Now)
      return notStored("'" + Read.getKey().str() + "' cannot be read again");
    if (!(Now->second == Read.getValue()))
      return notStored("'" + Read.getKey().str() +
                       "' changed while it was analysed");
    Unit.Inputs.emplace_back(Read.getKey().str(), Now->first);
  }
  llvm::sort(Unit.Inputs);
  Unit.Errors = Result.Errors;
  Unit.Functions = functionsHoldingFindings(Result.Errors, Result.Functions);
  Unit.Facts = Result.Facts;

  std::string Path = entryPath(Key);
  json Variants = json::array({unitToJson(Unit)});
  for (json &Variant : variantsAt(Path))
    if (Variants.size() < VariantsPerKey && Variant.is_object() &&
        Variant.value("inputs", json()) != Variants[0]["inputs"])
      Variants.push_back(std::move(Variant));
  if (llvm::sys::fs::create_directories(llvm::sys::path::parent_path(Path)))
    return;
  // A failed write loses an entry, never a result: the run goes on.
  llvm::consumeError(writeOutputFile(Path, [&](llvm::raw_ostream &OS) {
    OS << json{{"format", EntryFormat}, {"variants", std::move(Variants)}}
              .dump();
  }));
}

CacheStats ResultCache::trim() {
  struct Entry {
    std::string Path;
    uint64_t Size;
    llvm::sys::TimePoint<> Used;
  };
  std::vector<Entry> Entries;
  uint64_t Total = 0;
  const auto Now = std::chrono::system_clock::now();
  std::error_code EC;
  for (llvm::sys::fs::recursive_directory_iterator It(Directory, EC), End;
       It != End && !EC; It.increment(EC)) {
    llvm::sys::fs::file_status Status;
    if (llvm::sys::fs::status(It->path(), Status) ||
        Status.type() != llvm::sys::fs::file_type::regular_file)
      continue;
    llvm::StringRef Name = llvm::sys::path::filename(It->path());
    // Left by an interrupted run; a live run's is seconds old.
    if (isTemporary(Name)) {
      if (!ReadOnly &&
          Now - Status.getLastModificationTime() > std::chrono::hours(1))
        llvm::sys::fs::remove(It->path());
      continue;
    }
    if (!Name.ends_with(".json"))
      continue;
    Entries.push_back(
        {It->path(), Status.getSize(), Status.getLastModificationTime()});
    Total += Status.getSize();
  }
  if (Total > MaxBytes && !ReadOnly) {
    // Down to 90% of the limit, so that the next runs do not each evict.
    llvm::sort(Entries, [](const Entry &A, const Entry &B) {
      return std::tie(A.Used, A.Path) < std::tie(B.Used, B.Path);
    });
    size_t Removed = 0;
    for (; Removed < Entries.size() && Total > MaxBytes / 10 * 9; ++Removed) {
      llvm::sys::fs::remove(Entries[Removed].Path);
      Total -= Entries[Removed].Size;
    }
    Entries.erase(Entries.begin(), Entries.begin() + Removed);
  }
  CacheStats Stats;
  Stats.Hits = Hits;
  Stats.Misses = Misses;
  {
    std::lock_guard<std::mutex> Guard(Lock);
    Stats.NotStored = NotStored;
    Stats.NotStoredWhy = NotStoredWhy;
  }
  Stats.Entries = Entries.size();
  Stats.Bytes = Total;
  Stats.MaxBytes = MaxBytes;
  return Stats;
}

} // namespace clang::coroguard
