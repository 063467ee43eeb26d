//===--- TextOutput.cpp - clang-style diagnostics -------------------------===//

#include "OutputWriters.h"

#include "llvm/Support/Format.h"

namespace coroguard {

static void writeSourceLine(const SourcePosition &P, llvm::raw_ostream &OS) {
  if (!P.Line)
    return;
  llvm::StringRef Line = P.LineText;
  OS << llvm::format("%5u", P.Line) << " | " << Line << "\n      | ";
  for (unsigned I = 1; I < P.Column && I <= Line.size(); ++I)
    OS << (Line[I - 1] == '\t' ? '\t' : ' ');
  OS << "^\n";
}

static void writeLocation(const SourcePosition &P, llvm::raw_ostream &OS) {
  if (P.File.empty())
    return;
  OS << P.File << ':';
  if (P.Line)
    OS << P.Line << ':' << P.Column << ':';
  OS << ' ';
}

void writeText(const Report &R, llvm::raw_ostream &OS, bool ShowSource) {
  for (const Finding &F : R.Findings) {
    writeLocation(F.Where, OS);
    OS << F.Severity << ": " << F.Message << " [" << F.Check << "]\n";
    if (ShowSource)
      writeSourceLine(F.Where, OS);
    for (const Note &N : F.Notes) {
      writeLocation(N.Where, OS);
      OS << "note: " << N.Message << "\n";
      if (ShowSource)
        writeSourceLine(N.Where, OS);
    }
  }
}

} // namespace coroguard
