//===--- ModelLoader.cpp --------------------------------------------------===//

#include "ModelLoader.h"
#include "ModelParser.h"

#include "llvm/Support/ErrorHandling.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"

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
      std::string Error;
      std::optional<ModelDocument> Doc = parseModelDocument(
          P.Text, std::string("<builtin>/") + P.FileName, Error);
      // The profiles are validated by the test suite; a broken one is a
      // build defect, not a user error.
      if (!Doc)
        llvm::report_fatal_error(llvm::Twine("invalid built-in profile: ") +
                                 Error);
      Result.push_back(std::move(*Doc));
    }
    return Result;
  }();
  return Profiles;
}

std::shared_ptr<const ResourceModel>
buildModel(llvm::ArrayRef<std::string> UserFiles, std::string &Error) {
  auto Model = std::make_shared<ResourceModel>();
  for (const ModelDocument &Doc : builtinProfiles())
    Model->add(Doc);
  for (const std::string &File : UserFiles) {
    std::optional<ModelDocument> Doc = readModelFile(File, Error);
    if (!Doc)
      return nullptr;
    Model->add(*Doc);
  }
  return Model;
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
