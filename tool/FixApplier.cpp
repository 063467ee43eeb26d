//===--- FixApplier.cpp ---------------------------------------------------===//

#include "FixApplier.h"

#include "clang/Tooling/Core/Replacement.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/Support/Error.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/raw_ostream.h"

#include <map>

namespace coroguard {

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
    // writeToOutput writes a temporary file in the same directory and
    // renames it over the original.
    if (llvm::Error Err = llvm::writeToOutput(File, [&](llvm::raw_ostream &OS) {
          OS << *Fixed;
          return llvm::Error::success();
        })) {
      Log << "coroguard: error: cannot write '" << File
          << "': " << llvm::toString(std::move(Err)) << "\n";
      ++Failures;
    }
  }
  return Failures;
}

} // namespace coroguard
