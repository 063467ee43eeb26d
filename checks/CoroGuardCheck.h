//===--- CoroGuardCheck.h - what every coroguard check shares -------------===//
//
// Every check reads the same model options, builds the resource model once
// per translation unit, and answers model questions through ModelQueries.
// A model that cannot be read disables the check with a configuration
// error: nothing is analysed with a half-read model.
//
//===----------------------------------------------------------------------===//

#ifndef COROGUARD_CHECKS_COROGUARDCHECK_H
#define COROGUARD_CHECKS_COROGUARDCHECK_H

#include "analysis/MayThrow.h"
#include "project/ProjectFacts.h"
#include "queries/ModelQueries.h"
#include "rewrites/Rewrite.h"

#include "clang-tidy/ClangTidyCheck.h"
#include "clang-tidy/utils/IncludeSorter.h"

#include "llvm/Support/Regex.h"

#include <memory>
#include <optional>

namespace clang::tidy::utils {
class IncludeInserter;
} // namespace clang::tidy::utils

namespace clang::coroguard {

/// Option coroguard.FixStyle.
enum class FixStyle { Library, Portable };

/// Where a finding's fix-its go. clang-tidy's --fix and the CLI apply the
/// fix-its of the warning itself. clangd offers the fix-its of a note as a
/// quick fix titled with the note's text, and those of the warning under
/// the warning's own text: coroguard-clangd asks for notes, so that each
/// quick fix is named after what it does.
enum class FixItPlacement { OnWarning, OnNamingNote };
/// Set once, before any analysis (coroguard-clangd's main).
void setFixItPlacement(FixItPlacement Placement);

class CoroGuardCheck : public tidy::ClangTidyCheck {
public:
  CoroGuardCheck(llvm::StringRef Name, tidy::ClangTidyContext *Context);

  bool isLanguageVersionSupported(const LangOptions &LangOpts) const override {
    return LangOpts.CPlusPlus20;
  }
  void storeOptions(tidy::ClangTidyOptions::OptionMap &Opts) override;
  void onStartOfTranslationUnit() override;
  void registerPPCallbacks(const SourceManager &SM, Preprocessor *PP,
                           Preprocessor *ModuleExpanderPP) override;

protected:
  /// False when the model could not be read; registerMatchers should then
  /// register nothing.
  bool hasModel() const { return Queries.has_value(); }
  ModelQueries &model() { return *Queries; }
  /// Which statements may throw, by option coroguard.ThrowingCalls.
  const ThrowOracle &throwOracle() const { return *Throws; }

  /// Whether another check runs on this translation unit (for precedence
  /// between checks that could report the same code).
  bool isCheckEnabled(llvm::StringRef Name) const {
    return TidyContext->isCheckEnabled(Name);
  }

  /// Whether \p Spelling is in code the user analyses: the main file, or a
  /// header the header filter selects (not a system header). A handler
  /// spelled inside a test framework's macro is not the user's.
  bool isAnalysedCode(SourceLocation Spelling, const SourceManager &SM);

  /// Option coroguard.FixStyle.
  FixStyle fixStyle() const { return Style; }
  /// Option coroguard.ErrorReporter (empty: none).
  llvm::StringRef errorReporter() const { return Reporter; }
  /// The #include inserter of the translation unit, shared by every
  /// coroguard check so that one header is inserted once.
  tidy::utils::IncludeInserter *includes() const { return Includes; }
  /// Shows why a finding has no fix-it (a rewrites::NoFixReason): a note
  /// at the reason's place, or at \p Fallback.
  void explainNoFix(llvm::Error Reason, SourceLocation Fallback);
  /// The fix-its of \p Edits (made with \p Nodes and the shared include
  /// inserter); when there are none, \p Why says why.
  std::vector<FixItHint>
  fixItsOr(llvm::Expected<transformer::EditGenerator> Edits,
           rewrites::RewriteNodes &Nodes, std::string &Why);
  /// The note `no fix-it: <Why>` at \p Loc (its file location), if \p Why
  /// says anything.
  void noteNoFix(SourceLocation Loc, llvm::StringRef Why,
                 const SourceManager &SM);
  /// \p Hints where the warning should carry them: all of them, or none
  /// when they go on a naming note (FixItPlacement).
  static llvm::ArrayRef<FixItHint>
  fixItsOnWarning(llvm::ArrayRef<FixItHint> Hints);
  /// With FixItPlacement::OnNamingNote, the note \p Name (what the fix
  /// does: "insert 'co_await'") at \p Loc, carrying \p Hints; call it
  /// after the warning is emitted.
  void nameFixIts(SourceLocation Loc, llvm::StringRef Name,
                  llvm::ArrayRef<FixItHint> Hints);

  /// Where this unit's facts go when the CLI resolves conditions after the
  /// run (project/ProjectFacts.h); null in the plugin and clangd.
  project::UnitFacts *unitFacts() const {
    return project::UnitFacts::current();
  }
  /// The facts of the summary file (option coroguard.SummaryFile), read
  /// once per process and per version of the file; null when there is
  /// none, it cannot be used (one warning says why), or the CLI defers.
  const project::FactBase *summaryFacts();

  /// Reports \p Loc once per translation unit: templates are reported for
  /// the code as written, not once per instantiation.
  bool firstReportAt(SourceLocation Loc) { return Reported.insert(Loc).second; }

private:
  tidy::ClangTidyContext *TidyContext;
  std::optional<ModelQueries> Queries;
  std::string ModelFilesOption;
  bool Infer = true;
  std::string CleanupNamesOption;
  ThrowingCalls ThrowPolicy = ThrowingCalls::All;
  std::optional<ThrowOracle> Throws;
  FixStyle Style = FixStyle::Library;
  std::string Reporter;
  std::string SummaryFileOption;
  std::optional<const project::FactBase *> Summaries;
  tidy::utils::IncludeSorter::IncludeStyle IncludeOrder =
      tidy::utils::IncludeSorter::IS_LLVM;
  tidy::utils::IncludeInserter *Includes = nullptr;
  llvm::DenseSet<SourceLocation> Reported;
  /// The header filter of the current translation unit, compiled on first
  /// use.
  struct HeaderRegexes {
    std::optional<llvm::Regex> Include, Exclude;
  };
  std::optional<HeaderRegexes> HeaderFilter;
};

/// Written once at the end of each check's source file, inside namespace
/// clang::coroguard: the factory that the module registers for the check's
/// line in Checks.def.
#define COROGUARD_CHECK_FACTORY(Class)                                         \
  std::unique_ptr<tidy::ClangTidyCheck> create##Class(                         \
      llvm::StringRef Name, tidy::ClangTidyContext *Context) {                 \
    return std::make_unique<Class>(Name, Context);                             \
  }

} // namespace clang::coroguard

#endif // COROGUARD_CHECKS_COROGUARDCHECK_H
