//===--- FixApplier.cpp ---------------------------------------------------===//

#include "FixApplier.h"

#include "clang/Tooling/Core/Replacement.h"
#include "llvm/Support/Error.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/raw_ostream.h"

#include <map>

namespace clang::coroguard {

namespace {

std::error_code writeAll(int FD, llvm::StringRef Content) {
  llvm::raw_fd_ostream OS(FD, /*shouldClose=*/true);
  OS << Content;
  OS.close();
  if (!OS.has_error())
    return {};
  std::error_code EC = OS.error();
  OS.clear_error();
  return EC;
}

/// Writes \p Content to a temporary file beside the real file behind
/// \p Target, with the original's permissions, and renames it over the
/// original: an interrupted run never leaves a half-written source.
///
/// llvm::writeToOutput also writes atomically, but it replaces a symbolic
/// link by a regular file and resets the file mode; sources under version
/// control keep both.
std::error_code replaceAtomically(llvm::StringRef Target,
                                  const llvm::sys::fs::file_status &Status,
                                  llvm::StringRef Content) {
  llvm::SmallString<256> Temp;
  int FD = -1;
  if (std::error_code EC = llvm::sys::fs::createUniqueFile(
          Target + ".coroguard-%%%%%%", FD, Temp, llvm::sys::fs::OF_None,
          Status.permissions()))
    return EC;
  if (std::error_code EC = writeAll(FD, Content)) {
    llvm::sys::fs::remove(Temp);
    return EC;
  }
  // createUniqueFile applies the umask; restore the exact mode.
  llvm::sys::fs::setPermissions(Temp, Status.permissions());
  if (std::error_code EC = llvm::sys::fs::rename(Temp, Target)) {
    llvm::sys::fs::remove(Temp);
    return EC;
  }
  return {};
}

/// A file with several hard links is rewritten in place, so that every name
/// still shows one file. The new content is written to a temporary file
/// first: a full disk fails there, before the source is touched.
std::error_code rewriteInPlace(llvm::StringRef Target,
                               llvm::StringRef Content) {
  llvm::SmallString<256> Temp;
  int TempFD = -1;
  if (std::error_code EC = llvm::sys::fs::createUniqueFile(
          Target + ".coroguard-%%%%%%", TempFD, Temp))
    return EC;
  std::error_code EC = writeAll(TempFD, Content);
  llvm::sys::fs::remove(Temp);
  if (EC)
    return EC;
  int FD = -1;
  if (std::error_code OpenEC = llvm::sys::fs::openFileForWrite(
          Target, FD, llvm::sys::fs::CD_OpenExisting, llvm::sys::fs::OF_None))
    return OpenEC;
  return writeAll(FD, Content);
}

/// Why \p Target may not be changed, or empty.
std::string refusal(llvm::StringRef Target,
                    const llvm::sys::fs::file_status &Status,
                    const llvm::StringMap<FileStamp> &FilesRead,
                    llvm::StringRef Named) {
  using namespace llvm::sys::fs;
  // As root, access() says yes to everything: the mode bits decide.
  if (access(Target, AccessMode::Write) ||
      (Status.permissions() & (owner_write | group_write | others_write)) == 0)
    return "it is read-only";
  auto Read = FilesRead.find(Named);
  if (Read == FilesRead.end())
    Read = FilesRead.find(Target);
  if (Read == FilesRead.end())
    return "it was not read by the analysis";
  if (!(Read->second ==
        FileStamp{Status.getSize(), Status.getLastModificationTime()}))
    return "it changed since it was analysed";
  return "";
}

} // namespace

unsigned applyFixes(const Report &R, llvm::raw_ostream &Log,
                    unsigned &AppliedCount) {
  AppliedCount = 0;
  std::map<std::string, clang::tooling::Replacements> PerFile;
  std::map<std::string, unsigned> FixesPerFile;
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
      Log << "coroguard: note: fix for '" << F.Message << "' at "
          << F.Where.File << ':' << F.Where.Line
          << " overlaps another fix; not applied\n";
      continue;
    }
    PerFile = std::move(Trial);
    // Counted with the file of its first edit; a fix that spans files is
    // counted once.
    ++FixesPerFile[F.Fixes.front().File];
  }

  unsigned Failures = 0;
  for (const auto &Entry : PerFile) {
    const std::string &File = Entry.first;
    const clang::tooling::Replacements &Replacements = Entry.second;
    auto Fail = [&](const llvm::Twine &Why) {
      Log << "coroguard: error: cannot fix '" << File << "': " << Why << "\n";
      ++Failures;
    };
    llvm::SmallString<256> Target;
    llvm::sys::fs::file_status Status;
    if (std::error_code EC = llvm::sys::fs::real_path(File, Target)) {
      Fail(EC.message());
      continue;
    }
    if (std::error_code EC = llvm::sys::fs::status(Target, Status)) {
      Fail(EC.message());
      continue;
    }
    if (std::string Why = refusal(Target, Status, R.FilesRead, File);
        !Why.empty()) {
      Fail(Why);
      continue;
    }
    auto Buffer = llvm::MemoryBuffer::getFile(Target);
    if (!Buffer) {
      Fail("cannot read it: " + Buffer.getError().message());
      continue;
    }
    llvm::Expected<std::string> Fixed = clang::tooling::applyAllReplacements(
        (*Buffer)->getBuffer(), Replacements);
    if (!Fixed) {
      Fail(llvm::toString(Fixed.takeError()));
      continue;
    }
    std::error_code EC = Status.getLinkCount() > 1
                             ? rewriteInPlace(Target, *Fixed)
                             : replaceAtomically(Target, Status, *Fixed);
    if (EC) {
      Fail(EC.message());
      continue;
    }
    AppliedCount += FixesPerFile[File];
  }
  return Failures;
}

} // namespace clang::coroguard
