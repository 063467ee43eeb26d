//===--- JsonInput.h - reads the JSON report back (coroguard merge) -------===//
//
// `coroguard merge` combines the JSON reports of shards (--shard=K/N) into
// the report a single run would have written.
//
//===----------------------------------------------------------------------===//

#ifndef COROGUARD_TOOL_JSONINPUT_H
#define COROGUARD_TOOL_JSONINPUT_H

#include "Baseline.h"
#include "Findings.h"

#include "llvm/Support/Error.h"

#include <optional>

namespace clang::coroguard {

/// Appends the findings, errors and analysed files of the JSON report at
/// \p Path ('-' for standard input) to \p Into.
/// Adds the report at \p Path to \p Into; the part record of a sharded
/// run's report goes to \p Part (left empty for a report of a whole run).
llvm::Error readJsonReport(llvm::StringRef Path, Report &Into,
                           std::optional<ReportPart> *Part = nullptr);

} // namespace clang::coroguard

#endif // COROGUARD_TOOL_JSONINPUT_H
