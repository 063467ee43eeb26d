//===--- ReportOutput.cpp -------------------------------------------------===//

#include "ReportOutput.h"
#include "HtmlReport.h"
#include "OutputFile.h"
#include "OutputWriters.h"

#include "llvm/ADT/StringSet.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"

namespace clang::coroguard {

bool writeReport(const Report &R, const BaselineComparison *Comparison,
                 const ReportDestination &To, int ResultCode) {
  if (To.Format == ReportFormat::Html) {
    // Every finding, with its state: the page filters by state.
    HtmlSettings Html;
    Html.Directory = To.Path;
    Html.Root = To.Root;
    Html.Summary = summaryOf(R);
    Html.ExitCode = ResultCode;
    Html.HasBaseline = Comparison != nullptr;
    Html.Fixed = Comparison ? Comparison->Fixed.size() : 0;
    if (llvm::Error Err = writeHtmlReport(R, Html)) {
      llvm::errs() << "coroguard: error: cannot write the HTML report: "
                   << llvm::toString(std::move(Err)) << "\n";
      return false;
    }
    return true;
  }
  auto Write = [&](llvm::raw_ostream &OS) {
    Report NewOnly;
    const Report *Shown = &R;
    // A part's JSON keeps every finding with its state: the merge needs
    // them all to write what one run writes.
    const bool WholePart = To.Part && To.Format == ReportFormat::Json;
    if (Comparison && To.Format != ReportFormat::Sarif && !WholePart) {
      NewOnly.Errors = R.Errors;
      NewOnly.Sources = R.Sources;
      NewOnly.Analysed = R.Analysed;
      for (const Finding &F : R.Findings)
        if (F.InBaseline != Finding::Baseline::Unchanged)
          NewOnly.Findings.push_back(F);
      Shown = &NewOnly;
    }
    switch (To.Format) {
    case ReportFormat::Text:
      writeText(*Shown, OS, To.Path.empty() && OS.is_displayed());
      break;
    case ReportFormat::Json:
      if (To.Part) {
        ReportPart Part = *To.Part;
        if (Comparison)
          Part.Fixed = Comparison->Fixed;
        writeJson(*Shown, OS, &Part);
      } else {
        writeJson(*Shown, OS);
      }
      break;
    case ReportFormat::CodeClimate:
      writeCodeClimate(*Shown, To.Root, OS);
      break;
    case ReportFormat::Sarif: {
      SarifSettings Sarif;
      Sarif.SourceRoot = To.Root;
      Sarif.DocsBase = To.DocsBase;
      Sarif.HasBaseline = Comparison != nullptr;
      Sarif.Fixed = Comparison ? &Comparison->Fixed : nullptr;
      Sarif.ExitCode = ResultCode;
      writeSarif(*Shown, Sarif, OS);
      break;
    }
    }
  };
  if (To.Path.empty()) {
    Write(llvm::outs());
    if (llvm::Error Err = checkedFlush(llvm::outs())) {
      llvm::errs() << "coroguard: error: cannot write the report to standard "
                      "output: "
                   << llvm::toString(std::move(Err)) << "\n";
      return false;
    }
  } else if (llvm::Error Err = writeOutputFile(To.Path, Write)) {
    llvm::errs() << "coroguard: error: cannot write '" << To.Path
                 << "': " << llvm::toString(std::move(Err)) << "\n";
    return false;
  }
  return true;
}

std::string summaryOf(const Report &R) {
  llvm::StringSet<> WithFindings;
  for (const Finding &F : R.Findings)
    WithFindings.insert(F.Where.File);
  bool AllAnalysed = llvm::all_of(WithFindings, [&](const auto &File) {
    return llvm::binary_search(R.Analysed, File.getKey());
  });
  auto Plural = [](size_t N, llvm::StringRef Word) {
    return std::to_string(N) + " " + Word.str() + (N == 1 ? "" : "s");
  };
  std::string Text = Plural(R.Findings.size(), "finding");
  if (AllAnalysed)
    Text += " in " + std::to_string(WithFindings.size()) + " of " +
            Plural(R.Analysed.size(), "file") + " analysed";
  else
    Text += " in " + Plural(WithFindings.size(), "file") + " (" +
            Plural(R.Analysed.size(), "file") + " analysed)";
  if (!R.Errors.empty())
    Text += ", " + Plural(R.Errors.size(), "error");
  return Text;
}

} // namespace clang::coroguard
