//===--- OutputWriters.h - text, JSON and SARIF reports -------------------===//

#ifndef COROGUARD_TOOL_OUTPUTWRITERS_H
#define COROGUARD_TOOL_OUTPUTWRITERS_H

#include "Findings.h"

#include "llvm/Support/raw_ostream.h"

namespace clang::coroguard {

struct CheckDescription {
  std::string Name;
  std::string Summary;
};

/// clang-style `file:line:col: warning: message [check]` lines, each
/// finding followed by its notes; with \p ShowSource, the source line and a
/// caret under each.
void writeText(const Report &R, llvm::raw_ostream &OS, bool ShowSource);

/// The versioned JSON document described in docs/output.md.
void writeJson(const Report &R, llvm::raw_ostream &OS);

/// SARIF 2.1.0 as GitHub code scanning reads it; paths relative to
/// \p SourceRoot become `%SRCROOT%`-relative URIs.
void writeSarif(const Report &R, const std::vector<CheckDescription> &Rules,
                llvm::StringRef SourceRoot, llvm::raw_ostream &OS);

} // namespace clang::coroguard

#endif // COROGUARD_TOOL_OUTPUTWRITERS_H
