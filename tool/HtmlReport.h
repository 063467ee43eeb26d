//===--- HtmlReport.h - a static report to read findings in a browser -----===//
//
// `--format=html --output=DIR`: an index of every finding, and a page per
// source file that findings or their notes point into, with the source
// coloured, each finding at its line, its notes as numbered steps at
// theirs, and its fix-its as a diff. Self-contained: no server, no
// network (docs/output.md).
//
//===----------------------------------------------------------------------===//

#ifndef COROGUARD_TOOL_HTMLREPORT_H
#define COROGUARD_TOOL_HTMLREPORT_H

#include "Findings.h"

#include "llvm/Support/Error.h"

#include <string>

namespace clang::coroguard {

struct HtmlSettings {
  /// Where the report goes: a new or empty directory, or an earlier
  /// report's (its pages are replaced).
  std::string Directory;
  /// Paths inside it are shown relative to it.
  std::string Root;
  /// The run's summary line and exit code.
  std::string Summary;
  int ExitCode = 0;
  /// With a baseline: each finding's state is shown, and how many of the
  /// baseline's findings are gone.
  bool HasBaseline = false;
  size_t Fixed = 0;
};

/// Writes the report of \p R (every finding, with its state when there is
/// a baseline) into Settings.Directory.
llvm::Error writeHtmlReport(const Report &R, const HtmlSettings &Settings);

} // namespace clang::coroguard

#endif // COROGUARD_TOOL_HTMLREPORT_H
