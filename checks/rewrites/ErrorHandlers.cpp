//===--- ErrorHandlers.cpp ------------------------------------------------===//

#include "rewrites/ErrorHandlers.h"

#include "rewrites/SourceLayout.h"

#include "clang/AST/ASTContext.h"
#include "clang/AST/ParentMapContext.h"
#include "clang/Lex/Lexer.h"
#include "clang/Tooling/Transformer/RangeSelector.h"

namespace clang::coroguard::rewrites {

using transformer::cat;

llvm::Expected<HandlerForm> handlerFormAt(const Expr &Start,
                                          ASTContext &Context,
                                          llvm::StringRef Reporter) {
  // Where the work is started: the function around it, and whether a loop
  // starts it again and again.
  const FunctionDecl *Function = nullptr;
  bool InLoop = false;
  DynTypedNode Node = DynTypedNode::create(Start);
  while (!Function) {
    DynTypedNodeList Parents = Context.getParents(Node);
    if (Parents.empty())
      break;
    Node = Parents[0];
    if (Node.get<ForStmt>() || Node.get<WhileStmt>() || Node.get<DoStmt>() ||
        Node.get<CXXForRangeStmt>())
      InLoop = true;
    Function = Node.get<FunctionDecl>();
    if (Node.get<LambdaExpr>())
      break;
  }
  if (Function && Function->isMain() && !InLoop)
    return HandlerForm::Rethrow;
  if (!Reporter.empty())
    return HandlerForm::Report;
  return noFix(Start.getBeginLoc(),
               llvm::Twine("a handler that rethrows would let the error out "
                           "of the event loop") +
                   (InLoop ? " and stop the work of every other "
                             "iteration of this loop"
                           : ", which only main is known to expect") +
                   "; set option coroguard.ErrorReporter to a function "
                   "that reports a std::exception_ptr, and the fix-it "
                   "hands the error to it");
}

llvm::Expected<transformer::EditGenerator>
replaceToken(const Expr &Token, std::string Text, RewriteNodes &Nodes) {
  const ASTContext &Context = Nodes.context();
  CharSourceRange Whole = Lexer::makeFileCharRange(
      CharSourceRange::getTokenRange(Token.getSourceRange()),
      Context.getSourceManager(), Context.getLangOpts());
  if (Whole.isInvalid())
    return noFix(Token.getBeginLoc(), "the token is written in a macro");
  std::string Id = Nodes.bind(Token, "token");
  llvm::SmallVector<transformer::ASTEdit, 1> Edits;
  Edits.push_back(transformer::changeTo(transformer::node(Id), cat(Text)));
  if (llvm::StringRef(Text).contains("std::rethrow_exception") ||
      llvm::StringRef(Text).contains("std::exception_ptr"))
    Edits.push_back(
        transformer::addInclude(transformer::node(Id), "exception",
                                transformer::IncludeFormat::Angled));
  return transformer::editList(std::move(Edits));
}

llvm::Expected<transformer::EditGenerator>
handleInCallback(const LambdaExpr &Callback, const ParmVarDecl &Error,
                 HandlerForm Form, llvm::StringRef Reporter,
                 RewriteNodes &Nodes) {
  ASTContext &Context = Nodes.context();
  const SourceManager &SM = Context.getSourceManager();
  const LangOptions &LO = Context.getLangOpts();
  const auto *Body = dyn_cast_or_null<CompoundStmt>(Callback.getBody());
  if (!Body || Body->getLBracLoc().isMacroID() ||
      Error.getBeginLoc().isMacroID())
    return noFix(Error.getBeginLoc(), "the callback is written in a macro");
  llvm::SmallVector<transformer::ASTEdit, 1> Edits;
  std::string Name = Error.getName().str();
  if (Name.empty()) {
    llvm::StringSet<> Taken = spelledIdentifiers(
        CharSourceRange::getTokenRange(Callback.getSourceRange()), SM, LO);
    Name = freshName("error", Taken);
    Edits.push_back(transformer::insertAfter(
        transformer::node(Nodes.bind(Error, "error-parameter")),
        cat(" ", Name)));
  }
  std::string Handle =
      Form == HandlerForm::Rethrow
          ? "if (" + Name + ") std::rethrow_exception(" + Name + ");"
          : "if (" + Name + ") " + Reporter.str() + "(" + Name + ");";
  SourceLocation AfterBrace = Body->getLBracLoc().getLocWithOffset(1);
  bool OneLine = SM.getSpellingLineNumber(Body->getLBracLoc()) ==
                 SM.getSpellingLineNumber(Body->getRBracLoc());
  if (OneLine) {
    Handle = " " + Handle + (Body->body_empty() ? " " : "");
  } else {
    std::string Indent =
        Body->body_empty()
            ? lineIndentation(Body->getLBracLoc(), SM) + indentUnit(*Body, SM)
            : lineIndentation(Body->body_front()->getBeginLoc(), SM);
    Handle = "\n" + Indent + Handle;
  }
  Edits.push_back(insertAt(AfterBrace, Handle));
  if (Form == HandlerForm::Rethrow)
    Edits.push_back(transformer::addInclude(
        transformer::node(Nodes.bind(Callback, "callback")), "exception",
        transformer::IncludeFormat::Angled));
  return transformer::editList(std::move(Edits));
}

} // namespace clang::coroguard::rewrites
