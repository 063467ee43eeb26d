//===--- CoroGuardCheck.cpp -----------------------------------------------===//

#include "CoroGuardCheck.h"

#include "model/ModelLoader.h"

namespace clang::coroguard {

/// Reads a check option that is shared by all coroguard checks (its key
/// has no check-name prefix).
static std::optional<std::string>
sharedOption(tidy::ClangTidyContext &Context, llvm::StringRef Key) {
  const auto &Options = Context.getOptions().CheckOptions;
  auto It = Options.find(Key);
  if (It == Options.end())
    return std::nullopt;
  return It->second.Value;
}

CoroGuardCheck::CoroGuardCheck(llvm::StringRef Name,
                               tidy::ClangTidyContext *Context)
    : ClangTidyCheck(Name, Context), TidyContext(Context) {
  ModelFilesOption = sharedOption(*Context, options::ModelFiles).value_or("");
  std::string Extra =
      sharedOption(*Context, options::ExtraModelFiles).value_or("");
  std::string InferText =
      sharedOption(*Context, options::InferResources).value_or("true");
  Infer = !(InferText == "false" || InferText == "0" || InferText == "off");
  CleanupNamesOption = sharedOption(*Context, options::CleanupNames)
                           .value_or(options::DefaultCleanupNames.str());
  std::string ThrowText = sharedOption(*Context, options::ThrowingCalls)
                              .value_or(toString(ThrowPolicy).str());
  if (std::optional<ThrowingCalls> Policy = parseThrowingCalls(ThrowText)) {
    ThrowPolicy = *Policy;
  } else {
    configurationDiag("invalid value '%0' for %1: expected 'user', 'all' or "
                      "'none'",
                      DiagnosticIDs::Error)
        << ThrowText << options::ThrowingCalls;
    return;
  }

  std::vector<std::string> Files =
      resolveModelFiles(ModelFilesOption, Context->getCurrentFile());
  for (std::string &File : splitList(Extra))
    Files.push_back(std::move(File));
  std::string Error;
  std::shared_ptr<const ResourceModel> Model = buildModel(Files, Error);
  if (!Model) {
    configurationDiag("invalid coroguard model: %0", DiagnosticIDs::Error)
        << Error;
    return;
  }
  ModelQueries::Settings Settings;
  Settings.Infer = Infer;
  Settings.CleanupNames = splitList(CleanupNamesOption);
  Queries.emplace(std::move(Model), std::move(Settings));
  Throws.emplace(ThrowPolicy, [this](const Decl &D) {
    return Queries->isLibraryCode(D);
  });
}

void CoroGuardCheck::storeOptions(tidy::ClangTidyOptions::OptionMap &Opts) {
  using Value = tidy::ClangTidyOptions::ClangTidyValue;
  Opts[options::ModelFiles] = Value(ModelFilesOption);
  Opts[options::InferResources] = Value(Infer ? "true" : "false");
  Opts[options::CleanupNames] = Value(CleanupNamesOption);
  Opts[options::ThrowingCalls] = Value(toString(ThrowPolicy).str());
}

void CoroGuardCheck::onStartOfTranslationUnit() {
  Reported.clear();
  HeaderFilter.reset();
}

bool CoroGuardCheck::isAnalysedCode(SourceLocation Spelling,
                                    const SourceManager &SM) {
  Spelling = SM.getSpellingLoc(Spelling);
  if (SM.isInMainFile(Spelling))
    return true;
  if (SM.isInSystemHeader(Spelling))
    return false;
  if (!HeaderFilter) {
    const tidy::ClangTidyOptions &Options = TidyContext->getOptions();
    HeaderFilter.emplace();
    if (!Options.HeaderFilterRegex.value_or("").empty())
      HeaderFilter->Include.emplace(*Options.HeaderFilterRegex);
    if (!Options.ExcludeHeaderFilterRegex.value_or("").empty())
      HeaderFilter->Exclude.emplace(*Options.ExcludeHeaderFilterRegex);
  }
  OptionalFileEntryRef File = SM.getFileEntryRefForID(SM.getFileID(Spelling));
  if (!File || !HeaderFilter->Include)
    return false;
  llvm::StringRef Name = File->getName();
  return HeaderFilter->Include->match(Name) &&
         !(HeaderFilter->Exclude && HeaderFilter->Exclude->match(Name));
}

} // namespace clang::coroguard
