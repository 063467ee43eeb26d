//===--- FunctionSpans.cpp ------------------------------------------------===//

#include "FunctionSpans.h"

#include "clang/AST/RecursiveASTVisitor.h"
#include "clang/Basic/SourceManager.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/Path.h"

namespace clang::coroguard {

namespace {

class SpanCollector : public RecursiveASTVisitor<SpanCollector> {
public:
  SpanCollector(ASTContext &Context, llvm::StringRef WorkingDirectory,
                std::vector<FunctionSpan> &Out)
      : SM(Context.getSourceManager()), Policy(Context.getPrintingPolicy()),
        WorkingDirectory(WorkingDirectory), Out(Out) {
    // `(unnamed struct)`, not `(unnamed struct at f.cpp:12:3)`.
    Policy.AnonymousTagLocations = false;
  }

  bool TraverseDecl(Decl *D) {
    if (D && !isa<TranslationUnitDecl>(D) &&
        SM.isInSystemHeader(SM.getExpansionLoc(D->getLocation())))
      return true;
    return RecursiveASTVisitor::TraverseDecl(D);
  }
  /// Function bodies hold no function this records (lambdas are left out,
  /// a local class's members are rare): not walked.
  bool TraverseStmt(Stmt *) { return true; }

  bool VisitFunctionDecl(FunctionDecl *F) {
    if (!F->doesThisDeclarationHaveABody())
      return true;
    if (const auto *Method = dyn_cast<CXXMethodDecl>(F);
        Method && Method->getParent()->isLambda())
      return true;
    SourceRange Range = F->getSourceRange();
    SourceLocation Begin = SM.getExpansionLoc(Range.getBegin());
    SourceLocation End = SM.getExpansionLoc(Range.getEnd());
    FileID File = SM.getFileID(Begin);
    if (File != SM.getFileID(End))
      return true;
    OptionalFileEntryRef Entry = SM.getFileEntryRefForID(File);
    if (!Entry)
      return true;
    std::string Signature;
    llvm::raw_string_ostream OS(Signature);
    std::string Name;
    llvm::raw_string_ostream NameOS(Name);
    F->printQualifiedName(NameOS, Policy);
    SourceLocation NameLoc = F->getLocation();
    if (NameLoc.isMacroID() &&
        SM.isWrittenInScratchSpace(SM.getSpellingLoc(NameLoc))) {
      // A name pasted together by a macro may hold a number the
      // preprocessor made up (`test_##__COUNTER__`, `__LINE__`): Catch2's
      // and doctest's TEST_CASE. Such numbers change when a test is added
      // above; the macro's line (`TEST_CASE("adds")`) names the function
      // instead.
      for (char &C : Name)
        if (llvm::isDigit(C))
          C = '#';
      OS << Name << " at " << lineTextWithoutSpaces(Begin);
    } else {
      OS << Name;
    }
    OS << '(';
    for (unsigned I = 0; I < F->getNumParams(); ++I)
      OS << (I ? ", " : "")
         << F->getParamDecl(I)->getType().getAsString(Policy);
    OS << ')';
    llvm::SmallString<256> Path;
    if (llvm::sys::path::is_relative(Entry->getName()))
      Path = WorkingDirectory;
    llvm::sys::path::append(Path, Entry->getName());
    llvm::sys::path::remove_dots(Path, /*remove_dot_dot=*/true);
    Out.push_back({std::string(Path), SM.getFileOffset(Begin),
                   SM.getFileOffset(End), std::move(Signature)});
    return true;
  }

private:
  /// The line holding \p Loc (a file location), whitespace left out.
  std::string lineTextWithoutSpaces(SourceLocation Loc) const {
    bool Invalid = false;
    llvm::StringRef Buffer = SM.getBufferData(SM.getFileID(Loc), &Invalid);
    if (Invalid)
      return "";
    unsigned Offset = SM.getFileOffset(Loc);
    size_t Start = Buffer.rfind('\n', Offset);
    Start = Start == llvm::StringRef::npos ? 0 : Start + 1;
    size_t End = Buffer.find('\n', Offset);
    std::string Text;
    for (char C : Buffer.slice(Start, End))
      if (!llvm::isSpace(C))
        Text += C;
    return Text;
  }

  SourceManager &SM;
  PrintingPolicy Policy;
  llvm::StringRef WorkingDirectory;
  std::vector<FunctionSpan> &Out;
};

} // namespace

std::vector<FunctionSpan>
collectFunctionSpans(ASTContext &Context, llvm::StringRef WorkingDirectory) {
  std::vector<FunctionSpan> Spans;
  SpanCollector(Context, WorkingDirectory, Spans)
      .TraverseDecl(Context.getTranslationUnitDecl());
  return Spans;
}

} // namespace clang::coroguard
