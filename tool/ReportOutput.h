//===--- ReportOutput.h - writes the report where the user asked ----------===//
//
// Shared by a run and by `coroguard merge`: the format, the destination
// (--output or standard output, written atomically), the summary line.
//
//===----------------------------------------------------------------------===//

#ifndef COROGUARD_TOOL_REPORTOUTPUT_H
#define COROGUARD_TOOL_REPORTOUTPUT_H

#include "Baseline.h"
#include "Findings.h"

#include <optional>
#include <string>

namespace clang::coroguard {

enum class ReportFormat { Text, Json, Sarif, CodeClimate, Html };

struct ReportDestination {
  ReportFormat Format = ReportFormat::Text;
  std::string Path; ///< empty: standard output; for HTML, a directory
  std::string Root; ///< the project root
  std::string DocsBase;
  /// Set for a part of a sharded run: its JSON records it for the merge.
  std::optional<ReportPart> Part;
};

/// Writes \p R; with \p Comparison, text, JSON and Code Quality show the
/// new findings only and SARIF every finding with its baselineState. False
/// (after an error line) if the report cannot be written.
bool writeReport(const Report &R, const BaselineComparison *Comparison,
                 const ReportDestination &To, int ResultCode);

/// `8 findings in 2 of 4 files analysed`, exact: each file counts once.
std::string summaryOf(const Report &R);

} // namespace clang::coroguard

#endif // COROGUARD_TOOL_REPORTOUTPUT_H
