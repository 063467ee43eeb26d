//===--- ResourceUses.h - which statements release or hand over a resource ===//
//
// The transfer function of the resource-lifetime dataflow: given one CFG
// element, which tracked variables does it release (a call of one of their
// release methods) or hand over (to a guard, an owner, a callee that takes
// it by value or rvalue reference or that releases it, a return value, a
// lambda that captures it by copy, or anything that takes its address)?
// The hand-over rules themselves are matchers, in analysis/HandOver.h.
//
//===----------------------------------------------------------------------===//

#ifndef COROGUARD_CHECKS_ANALYSIS_RESOURCEUSES_H
#define COROGUARD_CHECKS_ANALYSIS_RESOURCEUSES_H

#include "analysis/HandOver.h"
#include "analysis/ResourceLifetime.h"

#include "analysis/VarSet.h"
#include "clang/AST/ParentMap.h"
#include "llvm/ADT/DenseMap.h"

namespace clang::coroguard {

class ResourceUses : private OwnershipQueries {
public:
  /// \p CalleeDepth: how many callers up this analysis runs (callees are
  /// summarised by the same analysis, a few levels deep).
  ResourceUses(ASTContext &Context, ModelQueries &Model,
               const ThrowOracle &Throws,
               const std::vector<ResourceFindings> &Vars, unsigned CalleeDepth);

  /// Clears in \p State the variables \p S releases or hands over.
  void apply(const Stmt &S, VarSet &State);

  /// Whether \p S passes variable \p I to a function that releases it on
  /// some of its paths only: not a hand-over, but not "never released".
  bool partlyReleases(const Stmt &S, unsigned I) const;

  /// The variable \p S calls a release method of (`x.close()`), if any.
  std::optional<unsigned> releasedBy(const Stmt &S) const;

  /// The tracked variable \p E names (through parentheses, implicit casts
  /// and copies), if any.
  std::optional<unsigned> trackedVar(const Expr *E) const;

  /// The first function of another file that variable \p I was passed to
  /// by reference and, as far as this unit knows, does not release it.
  std::optional<std::pair<const FunctionDecl *, unsigned>>
  unseenRelease(unsigned I) const {
    auto It = Unseen.find(I);
    if (It == Unseen.end())
      return std::nullopt;
    return It->second;
  }

  /// Whether \p S (a lambda body) calls a release of variable \p I.
  bool releasesIn(const Stmt *S, unsigned I) const;

  /// Whether the destructor of \p Guard calls a release of \p Resource,
  /// directly or through a member function of its own.
  bool destructorReleases(QualType Guard, const ResourceInfo &Resource) const;

private:
  // The questions of the hand-over rules (analysis/HandOver.h).
  bool isFollowed(const VarDecl &Var) const override;
  bool isGuard(const Expr &CallOrConstruct) const override;
  bool releasesOnEveryPath(const FunctionDecl &Callee, unsigned Param,
                           const VarDecl &Var) const override;
  bool bodyReleases(const Stmt &Body, const VarDecl &Var) const override;
  bool destructorReleases(QualType Guard, const VarDecl &Var) const override;

  /// Whether \p S names a followed variable, or a lambda in it captures
  /// one.
  bool mentionsFollowed(const Stmt *S) const;
  /// Whether \p Callee releases or hands over its parameter \p Param on
  /// every path (decided on its CFG when it is defined in this translation
  /// unit, by its name otherwise).
  ParameterRelease calleeReleasesParam(const FunctionDecl &Callee,
                                       unsigned Param,
                                       const ResourceInfo &Resource) const;

  ASTContext &Context;
  ModelQueries &Model;
  const ThrowOracle &Throws;
  const std::vector<ResourceFindings> &Vars;
  unsigned CalleeDepth;
  ast_matchers::StatementMatcher HandOverRules;
  /// The variables each element hands over, once matched.
  llvm::DenseMap<const Stmt *, llvm::SmallVector<unsigned, 1>> HandedOver;
  llvm::DenseMap<const VarDecl *, unsigned> Index;
  mutable llvm::DenseMap<unsigned, std::pair<const FunctionDecl *, unsigned>>
      Unseen;
  mutable llvm::DenseMap<std::pair<const FunctionDecl *, unsigned>,
                         ParameterRelease>
      CalleeCache;
};

} // namespace clang::coroguard

#endif // COROGUARD_CHECKS_ANALYSIS_RESOURCEUSES_H
