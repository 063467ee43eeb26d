//===--- RewriteTestSupport.cpp -------------------------------------------===//

#include "RewriteTestSupport.h"

#include "model/ModelLoader.h"

#include "clang/Tooling/Core/Replacement.h"
#include "clang/Tooling/Tooling.h"

namespace clang::coroguard::test {

ParsedCode::ParsedCode(llvm::StringRef Code,
                       std::vector<std::string> ExtraIncludes) {
  std::string Inputs = COROGUARD_TEST_INPUTS;
  std::vector<std::string> Args = {"-std=c++20", "-nostdinc", "-resource-dir",
                                   COROGUARD_RESOURCE_DIR};
  ExtraIncludes.insert(ExtraIncludes.begin(), {"std", "posix", "testlib"});
  for (const std::string &Dir : ExtraIncludes) {
    Args.push_back("-isystem");
    Args.push_back(Inputs + "/" + Dir);
  }
  AST = tooling::buildASTFromCodeWithArgs(Code, Args, "input.cpp");
  if (!AST || AST->getDiagnostics().hasErrorOccurred()) {
    AST.reset();
    return;
  }
  auto Loaded = loadModel({});
  if (!Loaded) {
    llvm::consumeError(Loaded.takeError());
    AST.reset();
    return;
  }
  ModelQueries::Settings Settings;
  Settings.CleanupNames = {"close", "join", "commit", "rollback", "stop"};
  Model.emplace(std::move(*Loaded), std::move(Settings));
  Throws.emplace(ThrowingCalls::All, [](const Decl &) { return false; });
}

const FunctionDecl *ParsedCode::function(llvm::StringRef Name) {
  using namespace ast_matchers;
  return first<FunctionDecl>(functionDecl(hasName(Name), isDefinition(),
                                          unless(isTemplateInstantiation())));
}

std::string ParsedCode::apply(const std::vector<FixItHint> &Hints) {
  SourceManager &SM = context().getSourceManager();
  tooling::Replacements Edits;
  for (const FixItHint &Hint : Hints)
    if (llvm::Error E = Edits.add(tooling::Replacement(
            SM, Hint.RemoveRange, Hint.CodeToInsert, context().getLangOpts())))
      return "error: " + llvm::toString(std::move(E));
  llvm::Expected<std::string> Text = tooling::applyAllReplacements(
      SM.getBufferData(SM.getMainFileID()), Edits);
  return Text ? *Text : "error: " + llvm::toString(Text.takeError());
}

std::string
ParsedCode::apply(llvm::Expected<transformer::EditGenerator> Rewrite,
                  rewrites::RewriteNodes &Nodes) {
  llvm::Expected<std::vector<FixItHint>> Hints =
      rewrites::fixItsOf(std::move(Rewrite), Nodes, nullptr);
  if (!Hints)
    return "error: " + rewrites::reasonOf(Hints.takeError());
  return apply(*Hints);
}

} // namespace clang::coroguard::test
