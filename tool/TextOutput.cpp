//===--- TextOutput.cpp - clang-style diagnostics -------------------------===//

#include "OutputWriters.h"

#include "llvm/Support/Format.h"

#include <algorithm>

namespace clang::coroguard {

/// Source lines longer than this (minified or generated code) are shown as
/// a window around the column, so one finding prints a bounded amount.
constexpr unsigned MaxShownLine = 160;
constexpr unsigned ContextBefore = 60;

static void writeSourceLine(const SourcePosition &P, SourceText &Sources,
                            llvm::raw_ostream &OS) {
  if (!P.Line)
    return;
  llvm::StringRef Line = Sources.line(P.File, P.Line);
  unsigned Caret = std::min<size_t>(P.Column - 1, Line.size());
  llvm::StringRef Prefix, Suffix;
  if (Line.size() > MaxShownLine) {
    size_t Begin = Caret > ContextBefore ? Caret - ContextBefore : 0;
    if (Begin) {
      Prefix = "...";
      Caret = Caret - Begin + Prefix.size();
    }
    Suffix = Begin + MaxShownLine < Line.size() ? "..." : "";
    Line = Line.substr(Begin, MaxShownLine);
  }
  OS << llvm::format("%5u", P.Line) << " | " << Prefix << Line << Suffix
     << "\n      | ";
  std::string Shown = (Prefix + Line).str();
  for (unsigned I = 0; I < Caret && I < Shown.size(); ++I)
    OS << (Shown[I] == '\t' ? '\t' : ' ');
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
      writeSourceLine(F.Where, *R.Sources, OS);
    for (const Note &N : F.Notes) {
      writeLocation(N.Where, OS);
      OS << "note: " << N.Message << "\n";
      if (ShowSource)
        writeSourceLine(N.Where, *R.Sources, OS);
    }
  }
}

} // namespace clang::coroguard
