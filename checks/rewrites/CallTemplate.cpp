//===--- CallTemplate.cpp -------------------------------------------------===//

#include "rewrites/CallTemplate.h"

#include "clang/AST/ASTContext.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/ParentMapContext.h"
#include "clang/Lex/Lexer.h"
#include "clang/Tooling/Transformer/RangeSelector.h"

namespace clang::coroguard::rewrites {

using transformer::cat;
using transformer::Stencil;

namespace {

std::vector<const Expr *> writtenArgs(const CallExpr &Call) {
  std::vector<const Expr *> Args;
  for (const Expr *Arg : Call.arguments())
    if (!isa<CXXDefaultArgExpr>(Arg))
      Args.push_back(Arg);
  // An operator call's first argument is its object.
  if (isa<CXXOperatorCallExpr>(Call) && !Args.empty())
    Args.erase(Args.begin());
  return Args;
}

/// Whether the call is the operand of a postfix expression (a member
/// access, a subscript, a call of its result), where the replacement needs
/// parentheses.
bool isPostfixOperand(const CallExpr &Call, ASTContext &Context) {
  DynTypedNode Node = DynTypedNode::create(Call);
  for (;;) {
    DynTypedNodeList Parents = Context.getParents(Node);
    if (Parents.empty())
      return false;
    const auto *Parent = Parents[0].get<Expr>();
    if (!Parent)
      return false;
    if (isa<ImplicitCastExpr, MaterializeTemporaryExpr, CXXBindTemporaryExpr,
            ExprWithCleanups>(Parent)) {
      Node = Parents[0];
      continue;
    }
    if (const auto *Outer = dyn_cast<CallExpr>(Parent))
      return Outer->getCallee()->IgnoreImplicit() == Node.get<Expr>();
    return isa<MemberExpr, ArraySubscriptExpr, CXXDependentScopeMemberExpr>(
        Parent);
  }
}

} // namespace

unsigned writtenArguments(const CallExpr &Call) {
  return writtenArgs(Call).size();
}

llvm::Expected<transformer::EditGenerator> replaceCall(const CallExpr &Call,
                                                       llvm::StringRef Template,
                                                       llvm::StringRef Include,
                                                       RewriteNodes &Nodes) {
  ASTContext &Context = Nodes.context();
  SourceLocation At = static_cast<const Stmt &>(Call).getBeginLoc();
  CharSourceRange Whole = Lexer::makeFileCharRange(
      CharSourceRange::getTokenRange(Call.getSourceRange()),
      Context.getSourceManager(), Context.getLangOpts());
  // A call that a macro writes whole (`PAUSE()`) has no text of its own
  // here; one in a macro argument has.
  const SourceManager &SM = Context.getSourceManager();
  if (Whole.isInvalid() ||
      SM.getSpellingLoc(Call.getBeginLoc()) != Whole.getBegin())
    return noFix(At, "the call is written in a macro");
  std::vector<const Expr *> Args = writtenArgs(Call);
  // A form that leaves out an argument of the call would drop it.
  if (!Template.contains("{args}"))
    for (size_t I = 0; I < Args.size(); ++I)
      if (!Template.contains(("{" + llvm::Twine(I) + "}").str()))
        return noFix(At, "the awaitable form has no place for argument " +
                             llvm::Twine(I) + " of the call");
  std::vector<Stencil> Parts;
  bool WritesMove = false;
  bool Parens = isPostfixOperand(Call, Context);
  if (Parens)
    Parts.push_back(cat("("));
  while (!Template.empty()) {
    size_t Open = Template.find('{');
    Parts.push_back(cat(Template.take_front(Open).str()));
    if (Open == llvm::StringRef::npos)
      break;
    Template = Template.drop_front(Open);
    size_t Close = Template.find('}');
    llvm::StringRef Name =
        Close == llvm::StringRef::npos ? "" : Template.slice(1, Close);
    unsigned Index = 0;
    if (Name == "object" || Name == "moved") {
      const auto *Member = dyn_cast<CXXMemberCallExpr>(&Call);
      const Expr *Object =
          Member ? Member->getImplicitObjectArgument() : nullptr;
      if (!Object || Object->isImplicitCXXThis())
        return noFix(At, "the call has no object written to put in the "
                         "awaitable form");
      const auto *Access =
          dyn_cast<MemberExpr>(Member->getCallee()->IgnoreParens());
      bool Arrow = Access && Access->isArrow();
      // `p->f()` on a smart pointer calls `p.operator->()`: the pointer is
      // its operand.
      if (const auto *Op =
              dyn_cast<CXXOperatorCallExpr>(Object->IgnoreImplicit());
          Op && Op->getOperator() == OO_Arrow && Op->getNumArgs() == 1)
        Object = Op->getArg(0);
      Stencil Text = cat(transformer::node(Nodes.bind(*Object, "object")));
      if (Arrow)
        Text = cat("*", Text);
      // `{object}.member` through a pointer keeps the arrow.
      if (Name == "object" && Arrow &&
          Template.drop_front(Close + 1).starts_with(".")) {
        Parts.push_back(
            cat(transformer::node(Nodes.bind(*Object, "object")), "->"));
        Template = Template.drop_front(Close + 2);
        continue;
      }
      // {moved}: the object as an rvalue; one already is (`std::move(f)`,
      // a temporary) is written as it is.
      if (Name == "moved" && (Arrow || Object->isLValue())) {
        Parts.push_back(cat("std::move(", Text, ")"));
        WritesMove = true;
      } else if (Arrow)
        Parts.push_back(cat("(", Text, ")"));
      else
        Parts.push_back(Text);
    } else if (Name == "args") {
      for (size_t I = 0; I < Args.size(); ++I) {
        if (I)
          Parts.push_back(cat(", "));
        Parts.push_back(
            cat(transformer::node(Nodes.bind(*Args[I], "argument"))));
      }
    } else if (!Name.getAsInteger(10, Index)) {
      if (Index >= Args.size())
        return noFix(At, "the call has no argument " + llvm::Twine(Index) +
                             " for the awaitable form");
      Parts.push_back(
          cat(transformer::node(Nodes.bind(*Args[Index], "argument"))));
    } else {
      Parts.push_back(cat("{"));
      Template = Template.drop_front();
      continue;
    }
    Template = Template.drop_front(Close + 1);
  }
  if (Parens)
    Parts.push_back(cat(")"));
  std::string Id = Nodes.bind(Call, "blocking-call");
  llvm::SmallVector<transformer::ASTEdit, 1> Edits;
  Edits.push_back(transformer::changeTo(
      transformer::node(Id), transformer::catVector(std::move(Parts))));
  if (WritesMove)
    Edits.push_back(transformer::addInclude(
        transformer::node(Id), "utility", transformer::IncludeFormat::Angled));
  if (!Include.empty())
    Edits.push_back(transformer::addInclude(
        transformer::node(Id), Include.drop_front().drop_back(),
        Include.starts_with("<") ? transformer::IncludeFormat::Angled
                                 : transformer::IncludeFormat::Quoted));
  return transformer::editList(std::move(Edits));
}

} // namespace clang::coroguard::rewrites
