//===--- HandlerRules.cpp -------------------------------------------------===//

#include "HandlerRules.h"

#include "clang/AST/ASTContext.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/StmtCXX.h"
#include "clang/Basic/SourceManager.h"
#include "clang/Lex/Lexer.h"
#include "llvm/ADT/SmallPtrSet.h"
#include "llvm/ADT/SmallVector.h"

namespace clang::coroguard {

static bool isNamed(const FunctionDecl *FD, llvm::StringRef Qualified) {
  return FD && FD->getIdentifier() &&
         FD->getQualifiedNameAsString() == Qualified;
}

static bool isTerminating(const FunctionDecl *FD) {
  for (llvm::StringRef Name :
       {"std::terminate", "abort", "std::abort", "exit", "std::exit", "_Exit",
        "std::_Exit", "quick_exit", "std::quick_exit"})
    if (isNamed(FD, Name))
      return true;
  return false;
}

bool isAssertionFailure(const CallExpr &Call) {
  if (const FunctionDecl *Callee = Call.getDirectCallee())
    if (Callee->getIdentifier()) {
      llvm::StringRef Name = Callee->getName();
      if (Name.starts_with("__assert") || Name == "_assert" ||
          Name == "_wassert")
        return true;
    }
  // A user's function called by the standard assert macro is compiled out
  // with it.
  const Decl *Callee = Call.getCalleeDecl();
  if (!Callee)
    return false;
  const SourceManager &SM = Callee->getASTContext().getSourceManager();
  const LangOptions &LO = Callee->getASTContext().getLangOpts();
  SourceLocation Loc = Call.getBeginLoc();
  while (Loc.isMacroID()) {
    if (Lexer::getImmediateMacroName(Loc, SM, LO) == "assert")
      return true;
    Loc = SM.getImmediateMacroCallerLoc(Loc);
  }
  return false;
}

bool isConstantFailureCheck(const CallExpr &Call) {
  const FunctionDecl *Callee = Call.getDirectCallee();
  if (!Callee || !Callee->getIdentifier())
    return false;
  std::string Name = Callee->getName().lower();
  bool Checks = false;
  for (llvm::StringRef Word :
       {"assert", "expect", "require", "check", "verify", "fail"})
    Checks |= llvm::StringRef(Name).contains(Word);
  if (!Checks)
    return false;
  for (const Expr *Arg : Call.arguments()) {
    const Expr *E = Arg->IgnoreParenImpCasts();
    if (const auto *Bool = dyn_cast<CXXBoolLiteralExpr>(E))
      if (!Bool->getValue())
        return true;
    if (const auto *Int = dyn_cast<IntegerLiteral>(E))
      if (Int->getValue() == 0)
        return true;
  }
  return false;
}

namespace {

/// Strips what lies between a value and the place it is stored.
bool isTransparent(const Stmt *S) {
  if (isa<ImplicitCastExpr, ParenExpr, MaterializeTemporaryExpr,
          CXXBindTemporaryExpr, ExprWithCleanups, CXXFunctionalCastExpr>(S))
    return true;
  if (const auto *Construct = dyn_cast<CXXConstructExpr>(S))
    return Construct->getNumArgs() == 1 &&
           Construct->getConstructor()->isCopyOrMoveConstructor();
  return false;
}

bool refersElsewhere(const Stmt *S, const VarDecl *Var, const Stmt *Except) {
  if (!S || S == Except)
    return false;
  if (const auto *Ref = dyn_cast<DeclRefExpr>(S))
    if (Ref->getDecl() == Var)
      return true;
  for (const Stmt *Child : S->children())
    if (refersElsewhere(Child, Var, Except))
      return true;
  return false;
}

class KeepSearch {
public:
  explicit KeepSearch(const KeepingRules &Rules) : Rules(Rules) {}

  bool run(const Stmt &Handler) {
    visit(&Handler);
    return Keeps;
  }

private:
  void visit(const Stmt *S) {
    if (!S || Keeps)
      return;
    // Lambdas in the handler run later, if at all.
    if (isa<LambdaExpr>(S))
      return;
    if (isa<CXXThrowExpr>(S)) {
      Keeps = true; // rethrows, or throws something else
      return;
    }
    if (const auto *Call = dyn_cast<CallExpr>(S))
      if (callKeeps(*Call)) {
        Keeps = true;
        return;
      }
    if (const auto *Construct = dyn_cast<CXXConstructExpr>(S))
      if (Rules.Reports && Rules.Reports(*Construct)) {
        Keeps = true;
        return;
      }
    // A jump out of the handler to where the failure is reported.
    if (const auto *Goto = dyn_cast<GotoStmt>(S))
      if (const LabelStmt *Target = Goto->getLabel()->getStmt();
          Target && Followed.insert(Target).second) {
        llvm::SmallVector<const Stmt *, 16> Saved;
        std::swap(Saved, Stack);
        visit(Target->getSubStmt());
        std::swap(Saved, Stack);
        if (Keeps)
          return;
      }
    Stack.push_back(S);
    for (const Stmt *Child : S->children())
      visit(Child);
    Stack.pop_back();
  }

  bool callKeeps(const CallExpr &Call) {
    const FunctionDecl *Callee = Call.getDirectCallee();
    if (isNamed(Callee, "std::rethrow_exception") || isTerminating(Callee))
      return true;
    if (isNamed(Callee, "std::current_exception"))
      return storedBeyondHandler(Call);
    if (Rules.Reports && Rules.Reports(Call))
      return true;
    if (isConstantFailureCheck(Call))
      return true;
    return Callee && Callee->isNoReturn() && !isAssertionFailure(Call);
  }

  /// Where the value of std::current_exception() goes, looking up the
  /// stack of enclosing statements.
  bool storedBeyondHandler(const CallExpr &Current) {
    const Stmt *Value = &Current;
    for (auto It = Stack.rbegin(); It != Stack.rend(); Value = *It, ++It) {
      const Stmt *Parent = *It;
      if (isTransparent(Parent))
        continue;
      if (const auto *DS = dyn_cast<DeclStmt>(Parent)) {
        for (const Decl *D : DS->decls())
          if (const auto *Var = dyn_cast<VarDecl>(D);
              Var && Var->getInit() == Value)
            return variableKeeps(Var, /*Store=*/nullptr);
        return true;
      }
      if (const Expr *Target = assignmentTarget(Parent, Value))
        return targetKeeps(Target, Parent);
      // An argument, a return value, a member initialiser, a comparison:
      // passed on.
      return true;
    }
    return true;
  }

  /// The target of `target = value` when \p Value is the value.
  static const Expr *assignmentTarget(const Stmt *S, const Stmt *Value) {
    if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(S);
        Op && Op->getOperator() == OO_Equal && Op->getNumArgs() == 2 &&
        Op->getArg(1) == Value)
      return Op->getArg(0);
    if (const auto *Bin = dyn_cast<BinaryOperator>(S);
        Bin && Bin->getOpcode() == BO_Assign && Bin->getRHS() == Value)
      return Bin->getLHS();
    return nullptr;
  }

  bool targetKeeps(const Expr *Target, const Stmt *Store) {
    const auto *Ref = dyn_cast<DeclRefExpr>(Target->IgnoreParenImpCasts());
    const auto *Var = Ref ? dyn_cast<VarDecl>(Ref->getDecl()) : nullptr;
    if (!Var)
      return true; // a member, an element, through a pointer
    return variableKeeps(Var, Store);
  }

  /// A local that nothing reads again dies with the exception in it.
  bool variableKeeps(const VarDecl *Var, const Stmt *Store) {
    if (!Var->hasLocalStorage() || Var->getType()->isReferenceType() ||
        isa<ParmVarDecl>(Var) || !Rules.FunctionBody)
      return true;
    return refersElsewhere(Rules.FunctionBody, Var, Store);
  }

  const KeepingRules &Rules;
  llvm::SmallVector<const Stmt *, 16> Stack;
  llvm::SmallPtrSet<const LabelStmt *, 2> Followed;
  bool Keeps = false;
};

} // namespace

bool keepsException(const Stmt &Handler, const KeepingRules &Rules) {
  return KeepSearch(Rules).run(Handler);
}

} // namespace clang::coroguard
