//===--- Findings.cpp -----------------------------------------------------===//

#include "Findings.h"

#include "llvm/Support/Path.h"

#include <algorithm>
#include <tuple>

namespace clang::coroguard {

namespace {

SourcePosition position(SourceText &Sources, std::string File,
                        unsigned Offset) {
  SourcePosition P;
  std::tie(P.Line, P.Column) = Sources.lineAndColumn(File, Offset);
  P.File = std::move(File);
  P.Offset = Offset;
  return P;
}

} // namespace

bool isCompilerError(const clang::tidy::ClangTidyError &E) {
  return E.DiagnosticName == "clang-diagnostic-error" ||
         (llvm::StringRef(E.DiagnosticName).starts_with("clang-diagnostic-") &&
          E.DiagLevel == clang::tooling::Diagnostic::Error);
}

std::string resolvePath(llvm::StringRef Path, llvm::StringRef BuildDirectory) {
  if (Path.empty())
    return "";
  llvm::SmallString<256> Resolved;
  if (llvm::sys::path::is_relative(Path))
    Resolved = BuildDirectory;
  llvm::sys::path::append(Resolved, Path);
  llvm::sys::path::remove_dots(Resolved, /*remove_dot_dot=*/true);
  return std::string(Resolved);
}

namespace {

void appendEdits(const llvm::StringMap<clang::tooling::Replacements> &Fix,
                 llvm::StringRef BuildDirectory, std::vector<Edit> &Out) {
  for (const auto &FileAndReplacements : Fix)
    for (const clang::tooling::Replacement &R : FileAndReplacements.second)
      Out.push_back({resolvePath(R.getFilePath(), BuildDirectory),
                     R.getOffset(), R.getLength(),
                     R.getReplacementText().str()});
}

/// The innermost function of \p Functions around \p P: the one that
/// starts last (spans nest or are apart).
std::string functionAt(const FunctionIndex &Functions,
                       const SourcePosition &P) {
  auto It = Functions.find(P.File);
  if (It == Functions.end())
    return "";
  const FunctionSpan *Innermost = nullptr;
  for (const FunctionSpan &Span : It->second)
    if (Span.Begin <= P.Offset && P.Offset <= Span.End &&
        (!Innermost || Span.Begin > Innermost->Begin ||
         (Span.Begin == Innermost->Begin &&
          Span.Signature < Innermost->Signature)))
      Innermost = &Span;
  return Innermost ? Innermost->Signature : "";
}

} // namespace

std::vector<FunctionSpan>
functionsHoldingFindings(const std::vector<clang::tidy::ClangTidyError> &Errors,
                         const std::vector<FunctionSpan> &Spans) {
  llvm::StringMap<std::vector<unsigned>> Offsets;
  for (const clang::tidy::ClangTidyError &E : Errors)
    Offsets[resolvePath(E.Message.FilePath, E.BuildDirectory)].push_back(
        E.Message.FileOffset);
  std::vector<FunctionSpan> Holding;
  for (const FunctionSpan &Span : Spans) {
    auto It = Offsets.find(Span.File);
    if (It != Offsets.end() && llvm::any_of(It->second, [&](unsigned Offset) {
          return Span.Begin <= Offset && Offset <= Span.End;
        }))
      Holding.push_back(Span);
  }
  return Holding;
}

void collectFindings(const std::vector<clang::tidy::ClangTidyError> &Errors,
                     const FunctionIndex &Functions, Report &Out) {
  SourceText &Lines = *Out.Sources;
  for (const clang::tidy::ClangTidyError &E : Errors) {
    const clang::tooling::DiagnosticMessage &M = E.Message;
    SourcePosition Where = position(
        Lines, resolvePath(M.FilePath, E.BuildDirectory), M.FileOffset);
    if (E.DiagnosticName == "clang-tidy-config") {
      // An option a check cannot use: every check instance of every
      // translation unit says so, the run reports it once.
      std::string Text = "invalid configuration: " + M.Message;
      if (llvm::none_of(Out.Errors, [&](const InputError &Seen) {
            return Seen.Message == Text;
          }))
        Out.Errors.push_back({"", Text});
      continue;
    }
    if (isCompilerError(E)) {
      llvm::StringRef Message = M.Message;
      Message.consume_front("error: ");
      std::string Text =
          Where.Line ? Where.File + ":" + std::to_string(Where.Line) + ":" +
                           std::to_string(Where.Column) + ": " + Message.str()
                     : Message.str();
      Out.Errors.push_back({Where.File, Text});
      continue;
    }
    Finding F;
    F.Check = E.DiagnosticName;
    F.Severity =
        E.DiagLevel == clang::tooling::Diagnostic::Error || E.IsWarningAsError
            ? "error"
            : "warning";
    F.Message = M.Message;
    F.Where = std::move(Where);
    for (const clang::tooling::DiagnosticMessage &N : E.Notes)
      F.Notes.push_back(
          {N.Message, position(Lines, resolvePath(N.FilePath, E.BuildDirectory),
                               N.FileOffset)});
    appendEdits(M.Fix, E.BuildDirectory, F.Fixes);
    F.Function = functionAt(Functions, F.Where);
    if (std::optional<project::Condition> When =
            project::takeCondition(F.Message)) {
      Out.Pending.push_back({std::move(F), std::move(*When)});
      continue;
    }
    Out.Findings.push_back(std::move(F));
  }
  sortReport(Out);
}

void sortReport(Report &R) {
  auto Key = [](const Finding &F) {
    return std::tie(F.Where.File, F.Where.Line, F.Where.Column, F.Check,
                    F.Message);
  };
  std::stable_sort(
      R.Findings.begin(), R.Findings.end(),
      [&](const Finding &A, const Finding &B) { return Key(A) < Key(B); });
  R.Findings.erase(std::unique(R.Findings.begin(), R.Findings.end(),
                               [&](const Finding &A, const Finding &B) {
                                 return Key(A) == Key(B);
                               }),
                   R.Findings.end());
  std::stable_sort(R.Pending.begin(), R.Pending.end(),
                   [&](const PendingFinding &A, const PendingFinding &B) {
                     if (Key(A.F) != Key(B.F))
                       return Key(A.F) < Key(B.F);
                     return A.When.Key < B.When.Key;
                   });
  std::stable_sort(
      R.Errors.begin(), R.Errors.end(),
      [](const InputError &A, const InputError &B) { return A.File < B.File; });
}

} // namespace clang::coroguard
