//===--- MergeCommand.cpp -------------------------------------------------===//

#include "MergeCommand.h"
#include "Baseline.h"
#include "Identity.h"
#include "JsonInput.h"
#include "OutputFile.h"
#include "ProjectResolution.h"

#include "llvm/ADT/STLExtras.h"
#include "llvm/Support/raw_ostream.h"

namespace clang::coroguard {

bool writeSummaries(const std::string &Path, const project::FactBase &Facts) {
  if (Path.empty())
    return true;
  if (llvm::Error Err = writeOutputFile(Path, [&](llvm::raw_ostream &OS) {
        project::writeSummaryFile(Facts, OS);
      })) {
    llvm::errs() << "coroguard: error: cannot write '" << Path
                 << "': " << llvm::toString(std::move(Err)) << "\n";
    return false;
  }
  return true;
}

int runMerge(const MergeSettings &S) {
  auto UsageError = [](const std::string &Message) {
    llvm::errs() << "coroguard: error: " << Message << "\n";
    return ExitError;
  };
  Report Merged;
  std::vector<std::optional<ReportPart>> Parts;
  for (const std::string &Input : S.Inputs)
    if (llvm::Error Err = readJsonReport(Input, Merged, &Parts.emplace_back()))
      return UsageError(llvm::toString(std::move(Err)));
  std::string Problem;
  std::optional<BaselineComparison> Comparison =
      checkParts(Parts, S.Inputs, Problem);
  if (!Problem.empty())
    return UsageError(Problem);
  sortReport(Merged);
  llvm::sort(Merged.Analysed);
  Merged.Analysed.erase(llvm::unique(Merged.Analysed), Merged.Analysed.end());
  // The findings that waited for other parts' facts: identified and
  // compared with the baseline as one run would have.
  const size_t Decided = Merged.Findings.size();
  project::FactBase Facts = resolveProject(Merged);
  if (Merged.Findings.size() != Decided) {
    assignIdentities(Merged, S.Root);
    if (Comparison)
      compareResolved(Merged, *Comparison, S.Root);
  }
  Merged.Pending.clear();
  size_t New = Merged.Findings.size();
  if (Comparison) {
    recountFindings(*Comparison, Merged);
    New = Comparison->New;
  }
  if (!writeSummaries(S.SummariesPath, Facts))
    return ExitError;
  const int ResultCode = !Merged.Errors.empty() ? ExitError
                         : New                  ? ExitFindings
                                                : ExitClean;
  if (!writeReport(Merged, Comparison ? &*Comparison : nullptr, S.To,
                   ResultCode))
    return ExitError;
  if (!S.Quiet) {
    llvm::errs() << "coroguard: merged " << S.Inputs.size() << " report"
                 << (S.Inputs.size() == 1 ? "" : "s") << ": ";
    if (Comparison)
      llvm::errs() << Comparison->New << " new, " << Comparison->Baselined
                   << " baselined, " << Comparison->Fixed.size()
                   << " fixed since the baseline; ";
    llvm::errs() << summaryOf(Merged) << "\n";
  }
  return ResultCode;
}

} // namespace clang::coroguard
