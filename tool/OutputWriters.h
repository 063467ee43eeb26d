//===--- OutputWriters.h - text, JSON and SARIF reports -------------------===//

#ifndef COROGUARD_TOOL_OUTPUTWRITERS_H
#define COROGUARD_TOOL_OUTPUTWRITERS_H

#include "Findings.h"

#include "llvm/Support/raw_ostream.h"

namespace clang::coroguard {

struct BaselineEntry;

/// clang-style `file:line:col: warning: message [check]` lines, each
/// finding followed by its notes; with \p ShowSource, the source line and a
/// caret under each.
void writeText(const Report &R, llvm::raw_ostream &OS, bool ShowSource);

struct ReportPart;

/// The versioned JSON document described in docs/output.md; for a part of
/// a sharded run, with its \p Part record (then every finding is written,
/// with its baselineState when the part had a baseline).
void writeJson(const Report &R, llvm::raw_ostream &OS,
               const ReportPart *Part = nullptr);

struct SarifSettings {
  /// Paths inside it become `%SRCROOT%`-relative URIs.
  std::string SourceRoot;
  /// Where the check pages are: helpUri is DocsBase + "checks/<check>.md".
  std::string DocsBase;
  /// With a baseline: every result gets a baselineState, and the fixed
  /// entries are results with baselineState "absent".
  bool HasBaseline = false;
  const std::vector<BaselineEntry> *Fixed = nullptr;
  int ExitCode = 0;
};

/// GitLab Code Quality (Code Climate issues); paths relative to \p Root.
void writeCodeClimate(const Report &R, llvm::StringRef Root,
                      llvm::raw_ostream &OS);

/// SARIF 2.1.0 as GitHub code scanning and IDE viewers read it.
void writeSarif(const Report &R, const SarifSettings &Settings,
                llvm::raw_ostream &OS);

} // namespace clang::coroguard

#endif // COROGUARD_TOOL_OUTPUTWRITERS_H
