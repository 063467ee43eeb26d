//===--- CheckDocs.cpp ----------------------------------------------------===//

#include "CheckDocs.h"

#include "llvm/ADT/SmallString.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"

namespace clang::coroguard {

std::string docsBase(llvm::StringRef DocsUrl, const char *Argv0) {
  if (!DocsUrl.empty())
    return DocsUrl.rtrim('/').str() + "/";
  std::string Exe = llvm::sys::fs::getMainExecutable(
      Argv0, reinterpret_cast<void *>(&docsBase));
  llvm::SmallString<256> Installed(
      llvm::sys::path::parent_path(llvm::sys::path::parent_path(Exe)));
  llvm::sys::path::append(Installed, "share", "doc", "coroguard");
  llvm::StringRef Dir = llvm::sys::fs::is_directory(Installed)
                            ? llvm::StringRef(Installed)
                            : llvm::StringRef(COROGUARD_SOURCE_DOCS_DIR);
  return "file://" + Dir.str() + "/";
}

std::string checkPageUrl(llvm::StringRef DocsBase, llvm::StringRef Check) {
  return DocsBase.str() + "checks/" + Check.str() + ".md";
}

const llvm::StringMap<llvm::StringRef> &checkPages() {
  static const llvm::StringMap<llvm::StringRef> Pages = {
#include "CheckDocs.inc"
  };
  return Pages;
}

} // namespace clang::coroguard
