//===--- RewriteTestSupport.h - parse code, run a rewrite, read the text --===//
//
// The unit tests of checks/rewrites/ parse a snippet against the mock
// headers of test/Inputs, find the nodes a rewrite takes, run it, and
// compare the text it makes: each rewrite is tested as a unit, without a
// check around it.
//
//===----------------------------------------------------------------------===//

#ifndef COROGUARD_TEST_UNIT_REWRITES_REWRITETESTSUPPORT_H
#define COROGUARD_TEST_UNIT_REWRITES_REWRITETESTSUPPORT_H

#include "analysis/MayThrow.h"
#include "queries/ModelQueries.h"
#include "rewrites/Rewrite.h"

#include "clang/ASTMatchers/ASTMatchFinder.h"
#include "clang/Frontend/ASTUnit.h"

#include <memory>
#include <optional>
#include <string>

namespace clang::coroguard::test {

/// A snippet parsed as C++20 against the mock headers (std, posix,
/// testlib, and \p ExtraIncludes under test/Inputs).
class ParsedCode {
public:
  explicit ParsedCode(llvm::StringRef Code,
                      std::vector<std::string> ExtraIncludes = {});

  bool valid() const { return AST != nullptr; }
  ASTContext &context() { return AST->getASTContext(); }
  ModelQueries &model() { return *Model; }
  const ThrowOracle &throws() const { return *Throws; }

  /// The definition of the function named \p Name.
  const FunctionDecl *function(llvm::StringRef Name);
  /// The first node of the code that \p Matcher matches, bound as "node".
  template <typename T, typename MatcherT>
  const T *first(const MatcherT &Matcher) {
    auto Found = ast_matchers::match(Matcher.bind("node"), context());
    return Found.empty() ? nullptr : Found.front().template getNodeAs<T>("node");
  }

  /// The main file with \p Hints applied.
  std::string apply(const std::vector<FixItHint> &Hints);
  /// The main file with the edits of \p Rewrite applied, or the error's
  /// text after "error: ".
  std::string apply(llvm::Expected<transformer::EditGenerator> Rewrite,
                    rewrites::RewriteNodes &Nodes);

private:
  std::unique_ptr<ASTUnit> AST;
  std::optional<ModelQueries> Model;
  std::optional<ThrowOracle> Throws;
};

} // namespace clang::coroguard::test

#endif // COROGUARD_TEST_UNIT_REWRITES_REWRITETESTSUPPORT_H
