//===--- ClangdMain.cpp - clangd with the coroguard checks linked in ------===//
//
// clangd cannot load clang-tidy plugins, so editors get the checks through
// this build of upstream clangd: the check objects are linked in and
// register themselves with clang-tidy's module registry.
//
// Upstream clangd's main (clangdMain, in libclangdMain) offers no hook for
// three things this server must do without a configuration file, so four
// of the functions it calls across object files are wrapped at link time
// (ld --wrap, tool/CMakeLists.txt): each wrapper adds its part and calls
// the original.
//
//   provideEnvironment    the first clang-tidy options provider: the
//                         coroguard checks become the list every later
//                         source (.clang-tidy files, .clangd's
//                         Diagnostics.ClangTidy) adds to or removes from.
//   provideDefaultChecks  clangd's own defaults still apply when nothing
//                         but the coroguard default is configured.
//   isFastTidyCheck       the fast-check filter (FastCheckFilter: Strict by
//                         default) keeps the coroguard checks; docs/editors.md
//                         gives what they cost.
//   toJSON(PublishDiagnosticsParams)
//                         each coroguard diagnostic's codeDescription
//                         points at its check page, not at clang-tidy's
//                         site, which has none.
//
// The declarations below mirror clangd's (its headers are not installed);
// the mangled names are checked at configure time against the library.
//
//===----------------------------------------------------------------------===//

#include "CheckDocs.h"
#include "CoroGuardCheck.h"

#include "clang-tidy/ClangTidyOptions.h"
#include "llvm/ADT/FunctionExtras.h"
#include "llvm/Support/CommandLine.h"
#include "llvm/Support/JSON.h"

#include <optional>

namespace clang::clangd {
// Defined in libclangdMain; Debian does not ship ClangdMain.h.
int clangdMain(int Argc, char *Argv[]);
// TidyProvider.h
using TidyProvider = llvm::unique_function<void(tidy::ClangTidyOptions &,
                                                llvm::StringRef) const>;
// Protocol.h
struct PublishDiagnosticsParams;
} // namespace clang::clangd

using clang::clangd::TidyProvider;

// The originals, as ld --wrap names them.
TidyProvider
realProvideEnvironment() asm("__real__ZN5clang6clangd18provideEnvironmentEv");
TidyProvider realProvideDefaultChecks() asm(
    "__real__ZN5clang6clangd20provideDefaultChecksEv");
std::optional<bool> realIsFastTidyCheck(llvm::StringRef Check) asm(
    "__real__ZN5clang6clangd15isFastTidyCheckEN4llvm9StringRefE");
llvm::json::Value
realPublishDiagnosticsToJson(const clang::clangd::PublishDiagnosticsParams
                                 &) asm("__real__ZN5clang6clangd6toJSONERKNS0_"
                                        "24PublishDiagnosticsParamsE");

namespace {

llvm::cl::opt<std::string> DocsUrl(
    "coroguard-docs-url",
    llvm::cl::desc("Base URL of the coroguard check pages that diagnostics "
                   "link to (default: the pages installed with coroguard)"),
    llvm::cl::value_desc("url"));

constexpr llvm::StringLiteral DefaultChecks = "coroguard-*";

const char *Argv0 = "";

/// Asked once a diagnostic is published, after clangdMain parsed the
/// options.
const std::string &docsBase() {
  static const std::string Base = clang::coroguard::docsBase(DocsUrl, Argv0);
  return Base;
}

/// A diagnostic object of the LSP (also one nested in a code action): a
/// coroguard check's link goes to its page.
void linkCheckPage(llvm::json::Object &Diagnostic) {
  std::optional<llvm::StringRef> Code = Diagnostic.getString("code");
  if (Code && Code->starts_with("coroguard-") &&
      Diagnostic.getString("source") == "clang-tidy" &&
      Diagnostic.get("codeDescription"))
    Diagnostic["codeDescription"] = llvm::json::Object{
        {"href", clang::coroguard::checkPageUrl(docsBase(), *Code)}};
  if (llvm::json::Array *Actions = Diagnostic.getArray("codeActions"))
    for (llvm::json::Value &Action : *Actions)
      if (llvm::json::Object *A = Action.getAsObject())
        if (llvm::json::Array *Nested = A->getArray("diagnostics"))
          for (llvm::json::Value &D : *Nested)
            if (llvm::json::Object *Object = D.getAsObject())
              linkCheckPage(*Object);
}

} // namespace

TidyProvider
wrapProvideEnvironment() asm("__wrap__ZN5clang6clangd18provideEnvironmentEv");
TidyProvider wrapProvideEnvironment() {
  return [Environment = realProvideEnvironment()](
             clang::tidy::ClangTidyOptions &Opts, llvm::StringRef File) {
    Environment(Opts, File);
    // clangd starts every file from an empty list; a later "-coroguard-*"
    // or "-*" overrides this one.
    Opts.Checks = DefaultChecks.str();
  };
}

TidyProvider wrapProvideDefaultChecks() asm(
    "__wrap__ZN5clang6clangd20provideDefaultChecksEv");
TidyProvider wrapProvideDefaultChecks() {
  return [Defaults = realProvideDefaultChecks()](
             clang::tidy::ClangTidyOptions &Opts, llvm::StringRef File) {
    if (Opts.Checks != DefaultChecks)
      return Defaults(Opts, File);
    // Nothing configured: clangd's defaults, and ours.
    Opts.Checks.reset();
    Defaults(Opts, File);
    Opts.Checks = Opts.Checks && !Opts.Checks->empty()
                      ? DefaultChecks.str() + "," + *Opts.Checks
                      : DefaultChecks.str();
  };
}

std::optional<bool> wrapIsFastTidyCheck(llvm::StringRef Check) asm(
    "__wrap__ZN5clang6clangd15isFastTidyCheckEN4llvm9StringRefE");
std::optional<bool> wrapIsFastTidyCheck(llvm::StringRef Check) {
  if (Check.starts_with("coroguard-"))
    return true;
  return realIsFastTidyCheck(Check);
}

llvm::json::Value
wrapPublishDiagnosticsToJson(const clang::clangd::PublishDiagnosticsParams
                                 &) asm("__wrap__ZN5clang6clangd6toJSONERKNS0_"
                                        "24PublishDiagnosticsParamsE");
llvm::json::Value wrapPublishDiagnosticsToJson(
    const clang::clangd::PublishDiagnosticsParams &Params) {
  llvm::json::Value Published = realPublishDiagnosticsToJson(Params);
  if (llvm::json::Object *Object = Published.getAsObject())
    if (llvm::json::Array *Diagnostics = Object->getArray("diagnostics"))
      for (llvm::json::Value &D : *Diagnostics)
        if (llvm::json::Object *Diagnostic = D.getAsObject())
          linkCheckPage(*Diagnostic);
  return Published;
}

int main(int Argc, char *Argv[]) {
  // An editor offers each note's fix-its as a quick fix titled with the
  // note: the checks name what each fix does there.
  clang::coroguard::setFixItPlacement(
      clang::coroguard::FixItPlacement::OnNamingNote);
  Argv0 = Argv[0];
  return clang::clangd::clangdMain(Argc, Argv);
}
