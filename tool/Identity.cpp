//===--- Identity.cpp -----------------------------------------------------===//

#include "Identity.h"

#include "llvm/ADT/StringExtras.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/xxhash.h"

namespace clang::coroguard {

std::string findProjectRoot(llvm::StringRef StartDirectory) {
  llvm::SmallString<256> Dir(StartDirectory);
  while (!Dir.empty()) {
    llvm::SmallString<256> Git(Dir);
    llvm::sys::path::append(Git, ".git");
    if (llvm::sys::fs::exists(Git))
      return std::string(Dir);
    llvm::StringRef Parent = llvm::sys::path::parent_path(Dir);
    if (Parent == Dir)
      break;
    Dir = Parent;
  }
  return StartDirectory.str();
}

std::string relativeToRoot(llvm::StringRef File, llvm::StringRef Root) {
  llvm::StringRef Trimmed = Root.rtrim('/');
  if (Trimmed.empty() || !File.starts_with(Trimmed) ||
      File.size() <= Trimmed.size() || File[Trimmed.size()] != '/')
    return File.str();
  return llvm::sys::path::convert_to_slash(File.drop_front(Trimmed.size() + 1));
}

void assignIdentities(Report &R, llvm::StringRef Root) {
  llvm::StringMap<unsigned> Seen;
  for (Finding &F : R.Findings) {
    std::string Line;
    for (char C : R.Sources->line(F.Where.File, F.Where.Line))
      if (!llvm::isSpace(C))
        Line += C;
    std::string Key = F.Check + '\0' + relativeToRoot(F.Where.File, Root) +
                      '\0' + Line + '\0' + F.Function;
    std::string Hash = llvm::utohexstr(llvm::xxh3_64bits(Key),
                                       /*LowerCase=*/true, /*Width=*/16);
    unsigned Occurrence = Seen[Hash]++;
    // Already identified (a merged part's): kept, and counted.
    if (F.Identity.empty())
      F.Identity = Hash + ":" + std::to_string(Occurrence);
  }
}

} // namespace clang::coroguard
