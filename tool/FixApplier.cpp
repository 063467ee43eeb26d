//===--- FixApplier.cpp ---------------------------------------------------===//

#include "FixApplier.h"

#include "clang/Tooling/Core/Replacement.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/Support/Error.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/raw_ostream.h"

#include <map>

namespace coroguard {

/// Writes \p Content to a temporary file beside the real file behind
/// \p Path (following symbolic links, so a link stays a link), gives it the
/// original's permissions, and renames it over the original.
///
/// llvm::writeToOutput also writes atomically, but it replaces a symbolic
/// link by a regular file and resets the file mode; sources under version
/// control keep both.
static std::error_code replaceAtomically(llvm::StringRef Path,
                                         llvm::StringRef Content) {
  llvm::SmallString<256> Target;
  if (std::error_code EC = llvm::sys::fs::real_path(Path, Target))
    return EC;
  llvm::sys::fs::file_status Status;
  if (std::error_code EC = llvm::sys::fs::status(Target, Status))
    return EC;
  llvm::SmallString<256> Temp;
  int FD = -1;
  if (std::error_code EC = llvm::sys::fs::createUniqueFile(
          Target + ".coroguard-%%%%%%", FD, Temp, llvm::sys::fs::OF_None,
          Status.permissions()))
    return EC;
  {
    llvm::raw_fd_ostream OS(FD, /*shouldClose=*/true);
    OS << Content;
    OS.close();
    if (OS.has_error()) {
      std::error_code EC = OS.error();
      OS.clear_error();
      llvm::sys::fs::remove(Temp);
      return EC;
    }
  }
  // createUniqueFile applies the umask; restore the exact mode.
  llvm::sys::fs::setPermissions(Temp, Status.permissions());
  if (std::error_code EC = llvm::sys::fs::rename(Temp, Target)) {
    llvm::sys::fs::remove(Temp);
    return EC;
  }
  return {};
}

unsigned applyFixes(const Report &R, llvm::raw_ostream &Log,
                    unsigned &AppliedCount) {
  AppliedCount = 0;
  std::map<std::string, clang::tooling::Replacements> PerFile;
  for (const Finding &F : R.Findings) {
    if (F.Fixes.empty())
      continue;
    // A finding's edits go in together or not at all.
    std::map<std::string, clang::tooling::Replacements> Trial = PerFile;
    bool Conflict = false;
    for (const Edit &E : F.Fixes) {
      if (llvm::Error Err = Trial[E.File].add(clang::tooling::Replacement(
              E.File, E.Offset, E.Length, E.Replacement))) {
        llvm::consumeError(std::move(Err));
        Conflict = true;
        break;
      }
    }
    if (Conflict) {
      Log << "coroguard: note: fix for '" << F.Message << "' at " << F.Where.File
          << ':' << F.Where.Line << " overlaps another fix; not applied\n";
      continue;
    }
    PerFile = std::move(Trial);
    ++AppliedCount;
  }

  unsigned Failures = 0;
  for (const auto &[File, Replacements] : PerFile) {
    auto Buffer = llvm::MemoryBuffer::getFile(File);
    if (!Buffer) {
      Log << "coroguard: error: cannot read '" << File
          << "' to fix it: " << Buffer.getError().message() << "\n";
      ++Failures;
      continue;
    }
    llvm::Expected<std::string> Fixed = clang::tooling::applyAllReplacements(
        (*Buffer)->getBuffer(), Replacements);
    if (!Fixed) {
      Log << "coroguard: error: cannot fix '" << File
          << "': " << llvm::toString(Fixed.takeError()) << "\n";
      ++Failures;
      continue;
    }
    if (std::error_code EC = replaceAtomically(File, *Fixed)) {
      Log << "coroguard: error: cannot write '" << File
          << "': " << EC.message() << "\n";
      ++Failures;
    }
  }
  return Failures;
}

} // namespace coroguard
