//===--- ModelLoader.cpp --------------------------------------------------===//

#include "ModelLoader.h"
#include "ModelParser.h"

#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/ErrorHandling.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"

#include <map>
#include <mutex>

namespace clang::coroguard {

namespace {
struct EmbeddedProfile {
  const char *FileName;
  const char *Text;
};
#include "BuiltinProfiles.inc" // defines EmbeddedProfiles[]
} // namespace

const std::vector<ModelDocument> &builtinProfiles() {
  static const std::vector<ModelDocument> Profiles = [] {
    std::vector<ModelDocument> Result;
    for (const EmbeddedProfile &P : EmbeddedProfiles) {
      llvm::Expected<ModelDocument> Doc =
          parseModelDocument(P.Text, std::string("<builtin>/") + P.FileName);
      // The profiles are validated by the test suite; a broken one is a
      // build defect, not a user error.
      if (!Doc)
        llvm::report_fatal_error(llvm::Twine("invalid built-in profile: ") +
                                 llvm::toString(Doc.takeError()));
      Result.push_back(std::move(*Doc));
    }
    return Result;
  }();
  return Profiles;
}

namespace {

/// What a model file was when it was read: a changed file is read again.
struct FileIdentity {
  bool Exists = false;
  llvm::sys::fs::UniqueID ID;
  uint64_t Size = 0;
  llvm::sys::TimePoint<> Modified;

  static FileIdentity of(const std::string &Path) {
    FileIdentity Result;
    llvm::sys::fs::file_status Status;
    if (llvm::sys::fs::status(Path, Status))
      return Result;
    Result.Exists = true;
    Result.ID = Status.getUniqueID();
    Result.Size = Status.getSize();
    Result.Modified = Status.getLastModificationTime();
    return Result;
  }
  bool operator==(const FileIdentity &O) const {
    return Exists == O.Exists && (!Exists || (ID == O.ID && Size == O.Size &&
                                              Modified == O.Modified));
  }
};

struct CachedModel {
  std::vector<FileIdentity> Files;
  std::shared_ptr<const ResourceModel> Model; ///< null: Error says why
  std::string Error;
};

/// Builds without the cache.
llvm::Expected<std::shared_ptr<const ResourceModel>>
buildModel(llvm::ArrayRef<std::string> UserFiles) {
  auto Model = std::make_shared<ResourceModel>();
  for (const ModelDocument &Doc : builtinProfiles())
    Model->add(Doc);
  for (const std::string &File : UserFiles) {
    llvm::Expected<ModelDocument> Doc = readModelFile(File);
    if (!Doc)
      return Doc.takeError();
    Model->add(*Doc);
  }
  return Model;
}

} // namespace

llvm::Expected<std::shared_ptr<const ResourceModel>>
loadModel(llvm::ArrayRef<std::string> UserFiles) {
  // A process sees few distinct file lists (one per project a clangd
  // serves); more than this and the oldest are built again when needed.
  constexpr size_t MaxEntries = 16;
  static std::mutex Lock;
  static std::map<std::string, CachedModel> Cache;

  std::string Key = llvm::join(UserFiles, std::string(1, '\0'));
  std::vector<FileIdentity> Identities;
  for (const std::string &File : UserFiles)
    Identities.push_back(FileIdentity::of(File));

  std::lock_guard<std::mutex> Guard(Lock);
  auto It = Cache.find(Key);
  if (It == Cache.end() || It->second.Files != Identities) {
    if (It == Cache.end() && Cache.size() >= MaxEntries)
      Cache.erase(Cache.begin());
    CachedModel Entry;
    Entry.Files = std::move(Identities);
    if (auto Model = buildModel(UserFiles))
      Entry.Model = std::move(*Model);
    else
      Entry.Error = llvm::toString(Model.takeError());
    It = Cache.insert_or_assign(Key, std::move(Entry)).first;
  }
  if (!It->second.Model)
    return llvm::createStringError(It->second.Error);
  return It->second.Model;
}

std::vector<std::string> splitList(llvm::StringRef Value) {
  llvm::SmallVector<llvm::StringRef, 4> Parts;
  Value.split(Parts, ';', -1, /*KeepEmpty=*/false);
  std::vector<std::string> Result;
  for (llvm::StringRef Part : Parts)
    if (!Part.trim().empty())
      Result.push_back(Part.trim().str());
  return Result;
}

/// The directory of the nearest `.clang-tidy` above \p MainFile that
/// mentions coroguard.ModelFiles.
static std::string configDirectoryFor(llvm::StringRef MainFile) {
  llvm::SmallString<256> Dir(MainFile);
  llvm::sys::fs::make_absolute(Dir);
  llvm::sys::path::remove_filename(Dir);
  while (!Dir.empty()) {
    llvm::SmallString<256> Config(Dir);
    llvm::sys::path::append(Config, ".clang-tidy");
    if (auto Buffer = llvm::MemoryBuffer::getFile(Config))
      if ((*Buffer)->getBuffer().contains(options::ModelFiles))
        return std::string(Dir);
    llvm::StringRef Parent = llvm::sys::path::parent_path(Dir);
    if (Parent == Dir)
      break;
    Dir = Parent;
  }
  llvm::SmallString<256> Cwd;
  llvm::sys::fs::current_path(Cwd);
  return std::string(Cwd);
}

std::vector<std::string> resolveModelFiles(llvm::StringRef Value,
                                           llvm::StringRef MainFile) {
  std::vector<std::string> Files = splitList(Value);
  std::optional<std::string> Base;
  for (std::string &File : Files) {
    if (llvm::sys::path::is_absolute(File))
      continue;
    if (!Base)
      Base = configDirectoryFor(MainFile);
    llvm::SmallString<256> Abs(*Base);
    llvm::sys::path::append(Abs, File);
    llvm::sys::path::remove_dots(Abs, /*remove_dot_dot=*/true);
    File = std::string(Abs);
  }
  return Files;
}

} // namespace clang::coroguard
