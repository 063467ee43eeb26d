//===--- ResourceDiagnostics.cpp ------------------------------------------===//

#include "ResourceDiagnostics.h"

#include "clang/AST/ASTContext.h"
#include "clang/AST/ParentMap.h"
#include "clang/AST/StmtCXX.h"
#include "clang/Basic/SourceManager.h"
#include "clang/Lex/Lexer.h"

namespace clang::coroguard {

std::string describeReleases(const ResourceInfo &Resource) {
  std::string Text;
  for (size_t I = 0; I < Resource.Release.size(); ++I) {
    if (I)
      Text += I + 1 == Resource.Release.size() ? " or " : ", ";
    Text += "'" + Resource.Release[I] + "()'";
  }
  return Text;
}

std::string expandGuardTemplate(llvm::StringRef Template, const VarDecl &Var) {
  std::string Result;
  std::string Name = Var.getNameAsString();
  std::string Type =
      Var.getType().getAsString(Var.getASTContext().getPrintingPolicy());
  while (!Template.empty()) {
    if (Template.consume_front("{var}"))
      Result += Name;
    else if (Template.consume_front("{type}"))
      Result += Type;
    else {
      Result += Template.front();
      Template = Template.drop_front();
    }
  }
  return Result;
}

/// The statement `co_await x.release(...);` (or `x.release();`) that
/// contains \p Call, if it is a statement of its own.
static const Stmt *releaseStatement(const Stmt *Call, const ParentMap &PM) {
  const Stmt *S = Call;
  for (const Stmt *P = PM.getParent(S); P; S = P, P = PM.getParent(P)) {
    if (isa<CompoundStmt>(P))
      return S;
    if (!isa<Expr>(P))
      return nullptr;
  }
  return nullptr;
}

/// [Begin, End) widened to the whole line when only blanks surround it, so
/// removing a statement leaves no empty line behind. The newline removed is
/// the one before the line: clang's fix-it merging (EditedSource) widens a
/// removal that would leave blanks on both sides by one character.
static CharSourceRange wholeLine(SourceLocation Begin, SourceLocation End,
                                 const SourceManager &SM) {
  const char *Start = SM.getCharacterData(Begin);
  const char *Stop = SM.getCharacterData(End);
  llvm::StringRef Buffer = SM.getBufferData(SM.getFileID(Begin));
  const char *BufferStart = Buffer.data();
  const char *BufferEnd = Buffer.data() + Buffer.size();
  const char *LineStart = Start;
  while (LineStart > BufferStart &&
         (LineStart[-1] == ' ' || LineStart[-1] == '\t'))
    --LineStart;
  const char *LineEnd = Stop;
  while (LineEnd < BufferEnd && (*LineEnd == ' ' || *LineEnd == '\t'))
    ++LineEnd;
  bool AloneOnLine = LineStart > BufferStart && LineStart[-1] == '\n' &&
                     (LineEnd == BufferEnd || *LineEnd == '\n');
  if (!AloneOnLine)
    return CharSourceRange::getCharRange(Begin, End);
  return CharSourceRange::getCharRange(
      Begin.getLocWithOffset(-(Start - LineStart) - 1),
      Begin.getLocWithOffset(LineEnd - Start));
}

bool addGuardFixIts(DiagnosticBuilder &Diag, const ResourceFindings &F,
                    const ASTContext &Ctx) {
  if (F.Resource.Guard.empty() || !F.DeclaringStmt)
    return false;
  const SourceManager &SM = Ctx.getSourceManager();
  SourceLocation DeclEnd = F.DeclaringStmt->getEndLoc();
  if (DeclEnd.isMacroID() || F.DeclaringStmt->getBeginLoc().isMacroID())
    return false;
  // The DeclStmt ends at its ';'.
  SourceLocation After =
      Lexer::getLocForEndOfToken(DeclEnd, 0, SM, Ctx.getLangOpts());
  if (After.isInvalid())
    return false;
  // Every manual release must be a statement of the declaring block that
  // can be removed: one left behind (in a branch) would release twice.
  ParentMap PM(const_cast<Stmt *>(
      cast<FunctionDecl>(F.Var->getParentFunctionOrMethod())->getBody()));
  const Stmt *Scope = PM.getParent(F.DeclaringStmt);
  llvm::SmallVector<CharSourceRange, 2> Removals;
  for (const Stmt *Call : F.ReleaseCalls) {
    const Stmt *Statement = releaseStatement(Call, PM);
    if (!Statement || PM.getParent(Statement) != Scope ||
        Statement->getBeginLoc().isMacroID())
      return false;
    // The statement's text runs to its ';'.
    SourceLocation LastTokenEnd = Lexer::getLocForEndOfToken(
        Statement->getEndLoc(), 0, SM, Ctx.getLangOpts());
    if (LastTokenEnd.isInvalid())
      return false;
    llvm::StringRef Rest = SM.getCharacterData(LastTokenEnd);
    size_t Semi = Rest.find_first_not_of(" \t");
    if (Semi == llvm::StringRef::npos || Rest[Semi] != ';')
      return false;
    Removals.push_back(wholeLine(Statement->getBeginLoc(),
                                 LastTokenEnd.getLocWithOffset(Semi + 1), SM));
  }

  unsigned Column = SM.getSpellingColumnNumber(F.DeclaringStmt->getBeginLoc());
  std::string Indent(Column > 0 ? Column - 1 : 0, ' ');
  Diag << FixItHint::CreateInsertion(
      After, "\n" + Indent + expandGuardTemplate(F.Resource.Guard, *F.Var));
  for (const CharSourceRange &Range : Removals)
    Diag << FixItHint::CreateRemoval(Range);
  return true;
}

} // namespace clang::coroguard
