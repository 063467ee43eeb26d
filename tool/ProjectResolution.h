//===--- ProjectResolution.h - findings that wait for other files ---------===//
//
// After every unit of a run (or every part of a sharded run) is done, the
// facts the units wrote down are resolved over the whole project, and each
// pending finding whose condition holds is reported: completed with what
// it waited for (the blocking call a chain ends at) and with the chain as
// notes that walk into the other files.
//
//===----------------------------------------------------------------------===//

#ifndef COROGUARD_TOOL_PROJECTRESOLUTION_H
#define COROGUARD_TOOL_PROJECTRESOLUTION_H

#include "Findings.h"

#include <nlohmann/json.hpp>

#include <optional>
#include <vector>

namespace clang::coroguard {

/// Resolves \p R's facts and moves each pending finding whose condition
/// holds into its findings (sorted again). The pending findings are kept:
/// a part of a sharded run writes them for the merge.
project::FactBase resolveProject(Report &R);

/// The facts as JSON (for the cache and a part's report), and back;
/// nothing when \p J is not such an array.
nlohmann::json factsToJson(const std::vector<project::FunctionFacts> &Facts);
std::optional<std::vector<project::FunctionFacts>>
factsFromJson(const nlohmann::json &J);

/// A pending finding as JSON (a part's report), and back.
nlohmann::json pendingToJson(const PendingFinding &P);
std::optional<PendingFinding> pendingFromJson(const nlohmann::json &J);

} // namespace clang::coroguard

#endif // COROGUARD_TOOL_PROJECTRESOLUTION_H
