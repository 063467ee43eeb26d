//===--- CacheEntry.h - one translation unit's result, stored -------------===//
//
// What the result cache keeps of an analysed translation unit: clang-tidy's
// errors (findings with notes and fixes, also those in headers), the
// functions that hold them, and the files the compiler read with the hash of
// their contents. Stored as JSON; clang's DiagnosticsYaml would also carry
// the errors, but it drops IsWarningAsError and the aliases, and the entry
// needs the manifest and the functions beside them.
//
//===----------------------------------------------------------------------===//

#ifndef COROGUARD_TOOL_CACHEENTRY_H
#define COROGUARD_TOOL_CACHEENTRY_H

#include "FunctionSpans.h"

#include "project/ProjectFacts.h"

#include "clang-tidy/ClangTidyDiagnosticConsumer.h"

#include <nlohmann/json.hpp>

#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace clang::coroguard {

struct CachedUnit {
  std::vector<clang::tidy::ClangTidyError> Errors;
  /// Only those that hold one of Errors.
  std::vector<FunctionSpan> Functions;
  /// Every file the compiler read (absolute) and the hash of its contents.
  std::vector<std::pair<std::string, std::string>> Inputs;
  /// What the unit's functions do, for the rest of the project.
  std::vector<project::FunctionFacts> Facts;
};

nlohmann::json unitToJson(const CachedUnit &Unit);

/// The unit \p Json holds, or nothing when it is not one (a damaged or
/// foreign entry is a miss, never a crash).
std::optional<CachedUnit> unitFromJson(const nlohmann::json &Json);

} // namespace clang::coroguard

#endif // COROGUARD_TOOL_CACHEENTRY_H
