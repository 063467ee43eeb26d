//===--- MergeCommand.h - coroguard merge ---------------------------------===//
//
// The JSON reports of the parts of a sharded run, combined into the report
// one run over all files writes (docs/cli.md#coroguard-merge).
//
//===----------------------------------------------------------------------===//

#ifndef COROGUARD_TOOL_MERGECOMMAND_H
#define COROGUARD_TOOL_MERGECOMMAND_H

#include "ReportOutput.h"

#include "project/ProjectFacts.h"

#include <string>
#include <vector>

namespace clang::coroguard {

/// The CLI's exit codes (docs/cli.md#exit-codes).
enum ExitCode { ExitClean = 0, ExitFindings = 1, ExitError = 2 };

struct MergeSettings {
  std::vector<std::string> Inputs;
  std::string Root;
  /// --write-summaries (empty: none).
  std::string SummariesPath;
  ReportDestination To;
  bool Quiet = false;
};

/// coroguard merge: the parts' findings, errors and analysed files, sorted,
/// their waiting findings resolved over every part's facts, and written as
/// one run over all files would write them. Returns the exit code.
int runMerge(const MergeSettings &Settings);

/// Writes \p Facts to the summary file \p Path (--write-summaries); false
/// after an error line. Nothing to do for an empty \p Path.
bool writeSummaries(const std::string &Path, const project::FactBase &Facts);

} // namespace clang::coroguard

#endif // COROGUARD_TOOL_MERGECOMMAND_H
