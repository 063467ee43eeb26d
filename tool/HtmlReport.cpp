//===--- HtmlReport.cpp ---------------------------------------------------===//
//
// Findings are numbered in report order (F0, F1, ...) and their notes in
// their order (F3S1, F3S2, ...): the same anchors on the index and on
// every file page, so a step in a header links back to its finding in the
// main file and the finding to its step.
//
//===----------------------------------------------------------------------===//

#include "HtmlReport.h"
#include "CheckCatalog.h"
#include "HtmlAssets.h"
#include "HtmlSource.h"
#include "Identity.h"
#include "OutputFile.h"

#include "llvm/ADT/StringExtras.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/xxhash.h"

#include <map>

namespace clang::coroguard {
namespace {

using html::escape;

/// A note of a finding, as a step of its path.
struct StepRef {
  size_t Finding;
  size_t Step; ///< 1-based
};

/// A source file that findings or notes point into.
struct SourcePage {
  std::string Shown; ///< the path as the report shows it
  std::string Name;  ///< files/<name>.html
  std::vector<size_t> Findings;
  std::vector<StepRef> Steps;
};

/// files/server.cpp-1a2b3c4d.html: readable, and distinct for files of the
/// same name in different directories; only [A-Za-z0-9._-].
std::string pageName(llvm::StringRef Shown) {
  std::string Base;
  for (char C : llvm::sys::path::filename(Shown))
    Base += llvm::isAlnum(C) || C == '.' || C == '_' || C == '-' ? C : '_';
  return Base + "-" +
         llvm::utohexstr(llvm::xxh3_64bits(Shown), /*LowerCase=*/true,
                         /*Width=*/16)
             .substr(0, 8) +
         ".html";
}

std::string stateOf(const Finding &F) {
  switch (F.InBaseline) {
  case Finding::Baseline::New:
    return "new";
  case Finding::Baseline::Unchanged:
    return "unchanged";
  case Finding::Baseline::None:
    return "";
  }
  return "";
}

/// A link to the check's page, or its name alone when coroguard has no
/// page for it (a compiler warning a configuration turned on).
std::string checkLink(llvm::StringRef Check, llvm::StringRef Up) {
  bool Known = llvm::any_of(getCheckCatalog(), [&](const CheckInfo &Info) {
    return Info.Name == Check;
  });
  if (!Known)
    return "<span class=\"chk\">" + escape(Check) + "</span>";
  return "<a class=\"chk\" href=\"" + Up.str() + "checks/" + escape(Check) +
         ".html\">" + escape(Check) + "</a>";
}

class ReportWriter {
public:
  ReportWriter(const Report &R, const HtmlSettings &S) : R(R), S(S) {}

  llvm::Error write();

private:
  void collectPages();
  /// The page of \p File as a link from a page \p Up below the top.
  std::string pageLink(const std::string &File, llvm::StringRef Up) const;
  std::string findingLink(size_t I, llvm::StringRef Up) const;
  std::string stepLink(size_t I, size_t Step, llvm::StringRef Up) const;
  std::string location(const SourcePosition &P) const;
  std::string fixDiff(const Finding &F) const;
  std::string findingBox(size_t I) const;
  std::string stepBox(const StepRef &Ref) const;
  void writeFilePage(llvm::StringRef File, const SourcePage &Page,
                     llvm::raw_ostream &OS) const;
  void writeIndex(llvm::raw_ostream &OS) const;
  llvm::Error writeFile(llvm::StringRef Relative,
                        llvm::function_ref<void(llvm::raw_ostream &)> Write);

  const Report &R;
  const HtmlSettings &S;
  /// By absolute path, sorted: pages and the index list files in order.
  std::map<std::string, SourcePage> Pages;
  /// The file page being written (its links to itself are fragments).
  mutable std::string CurrentPage;
};

void ReportWriter::collectPages() {
  auto PageOf = [&](const std::string &File) -> SourcePage & {
    auto [It, Inserted] = Pages.try_emplace(File);
    if (Inserted) {
      It->second.Shown = relativeToRoot(File, S.Root);
      It->second.Name = pageName(It->second.Shown);
    }
    return It->second;
  };
  for (size_t I = 0; I < R.Findings.size(); ++I) {
    const Finding &F = R.Findings[I];
    if (!F.Where.File.empty())
      PageOf(F.Where.File).Findings.push_back(I);
    for (size_t N = 0; N < F.Notes.size(); ++N)
      if (!F.Notes[N].Where.File.empty() && F.Notes[N].Where.Line)
        PageOf(F.Notes[N].Where.File).Steps.push_back({I, N + 1});
  }
}

std::string ReportWriter::pageLink(const std::string &File,
                                   llvm::StringRef Up) const {
  auto It = Pages.find(File);
  if (It == Pages.end())
    return Up.str() + "index.html";
  // Within the page: the fragment alone (a page holds many such links).
  if (It->second.Name == CurrentPage)
    return "";
  return Up.str() + "files/" + It->second.Name;
}

std::string ReportWriter::findingLink(size_t I, llvm::StringRef Up) const {
  return pageLink(R.Findings[I].Where.File, Up) + "#F" + std::to_string(I);
}

std::string ReportWriter::stepLink(size_t I, size_t Step,
                                   llvm::StringRef Up) const {
  const Note &N = R.Findings[I].Notes[Step - 1];
  if (!Pages.count(N.Where.File) || !N.Where.Line)
    return findingLink(I, Up);
  return pageLink(N.Where.File, Up) + "#F" + std::to_string(I) + "S" +
         std::to_string(Step);
}

std::string ReportWriter::location(const SourcePosition &P) const {
  if (P.File.empty())
    return "";
  std::string Text = relativeToRoot(P.File, S.Root);
  if (P.Line)
    Text += ":" + std::to_string(P.Line) + ":" + std::to_string(P.Column);
  return Text;
}

/// The fix-its of \p F as a unified diff of the lines they touch, edits on
/// neighbouring lines in one hunk.
std::string ReportWriter::fixDiff(const Finding &F) const {
  std::map<std::string, std::vector<const Edit *>> ByFile;
  for (const Edit &E : F.Fixes)
    ByFile[E.File].push_back(&E);
  std::string Out;
  for (auto &[File, Edits] : ByFile) {
    std::optional<llvm::StringRef> Text = R.Sources->text(File);
    if (!Text)
      continue;
    llvm::sort(Edits, [](const Edit *A, const Edit *B) {
      return A->Offset < B->Offset;
    });
    Out += "<span class=\"dh\">" + escape(relativeToRoot(File, S.Root)) +
           "</span>";
    // (rfind looks at the characters before its position.)
    auto LineStart = [&](size_t Offset) {
      size_t NL = Text->rfind('\n', Offset);
      return NL == llvm::StringRef::npos ? 0 : NL + 1;
    };
    auto LineEnd = [&](size_t Offset) {
      size_t NL = Text->find('\n', Offset);
      return NL == llvm::StringRef::npos ? Text->size() : NL;
    };
    for (size_t I = 0; I < Edits.size();) {
      size_t Begin =
          LineStart(std::min<size_t>(Edits[I]->Offset, Text->size()));
      size_t End = LineEnd(
          std::min<size_t>(Edits[I]->Offset + Edits[I]->Length, Text->size()));
      size_t J = I + 1;
      while (J < Edits.size() && Edits[J]->Offset <= End + 1) {
        End = std::max(
            End, LineEnd(std::min<size_t>(Edits[J]->Offset + Edits[J]->Length,
                                          Text->size())));
        ++J;
      }
      std::string After;
      size_t At = Begin;
      for (size_t K = I; K < J; ++K) {
        size_t From = std::clamp<size_t>(Edits[K]->Offset, At, End);
        After += Text->slice(At, From).str() + Edits[K]->Replacement;
        At = std::clamp<size_t>(Edits[K]->Offset + Edits[K]->Length, From, End);
      }
      After += Text->slice(At, End).str();
      unsigned FirstLine =
          1 + std::count(Text->begin(), Text->begin() + Begin, '\n');
      Out += "<span class=\"dh\">@@ line " + std::to_string(FirstLine) +
             " @@</span>";
      llvm::SmallVector<llvm::StringRef, 8> Lines;
      Text->slice(Begin, End).split(Lines, '\n');
      for (llvm::StringRef L : Lines)
        Out += "<del>-" + escape(L.rtrim('\r')) + "</del>";
      Lines.clear();
      llvm::StringRef(After).split(Lines, '\n');
      for (llvm::StringRef L : Lines)
        Out += "<ins>+" + escape(L.rtrim('\r')) + "</ins>";
      I = J;
    }
  }
  return Out;
}

std::string ReportWriter::findingBox(size_t I) const {
  const Finding &F = R.Findings[I];
  std::string Id = "F" + std::to_string(I);
  std::string Out = "<div class=\"f " + escape(F.Severity) + "\" id=\"" + Id +
                    "\"><div class=\"fm\"><span class=\"sev\">" +
                    escape(F.Severity) + "</span> " + escape(F.Message) + " " +
                    checkLink(F.Check, "../");
  if (S.HasBaseline)
    Out += " <span class=\"st " + stateOf(F) + "\">" + stateOf(F) + "</span>";
  Out += "</div><div class=\"nav\">";
  if (!F.Notes.empty()) {
    Out += "path:";
    for (size_t N = 1; N <= F.Notes.size(); ++N)
      Out += " <a class=\"sn\" href=\"" + stepLink(I, N, "../") + "\">" +
             std::to_string(N) + "</a>";
    Out += " · ";
  }
  Out += I > 0 ? "<a class=\"prev\" href=\"" + findingLink(I - 1, "../") +
                     "\">previous finding</a>"
               : "<a class=\"prev\" href=\"../index.html\">index</a>";
  Out += " · ";
  Out += I + 1 < R.Findings.size()
             ? "<a class=\"next\" href=\"" + findingLink(I + 1, "../") +
                   "\">next finding</a>"
             : "<a class=\"next\" href=\"../index.html\">index</a>";
  Out += "</div>";
  // Notes without a line cannot be drawn on the source.
  for (const Note &N : F.Notes)
    if (N.Where.File.empty() || !N.Where.Line)
      Out += "<div class=\"nl\">" + escape(N.Message) + "</div>";
  if (!F.Fixes.empty())
    Out += "<details class=\"fix\" open><summary>fix-it</summary><pre "
           "class=\"diff\">" +
           fixDiff(F) + "</pre></details>";
  return Out + "</div>\n";
}

std::string ReportWriter::stepBox(const StepRef &Ref) const {
  const Finding &F = R.Findings[Ref.Finding];
  const Note &N = F.Notes[Ref.Step - 1];
  std::string Id =
      "F" + std::to_string(Ref.Finding) + "S" + std::to_string(Ref.Step);
  std::string Out = "<div class=\"s\" id=\"" + Id + "\"><span class=\"sn\">" +
                    std::to_string(Ref.Step) + "</span> " + escape(N.Message) +
                    " <span class=\"nav\">";
  Out += "<a class=\"prev\" href=\"" +
         (Ref.Step > 1 ? stepLink(Ref.Finding, Ref.Step - 1, "../")
                       : findingLink(Ref.Finding, "../")) +
         "\">" + (Ref.Step > 1 ? "previous step" : "finding") + "</a>";
  if (Ref.Step < F.Notes.size())
    Out += " · <a class=\"next\" href=\"" +
           stepLink(Ref.Finding, Ref.Step + 1, "../") + "\">next step</a>";
  Out += " · <a class=\"of\" href=\"" + findingLink(Ref.Finding, "../") +
         "\">step " + std::to_string(Ref.Step) + " of " +
         std::to_string(F.Notes.size()) + ": " + escape(F.Check) + " at " +
         escape(location(F.Where)) + "</a></span></div>\n";
  return Out;
}

void ReportWriter::writeFilePage(llvm::StringRef File, const SourcePage &Page,
                                 llvm::raw_ostream &OS) const {
  CurrentPage = Page.Name;
  OS << html::pageHead(Page.Shown + " - coroguard", "../")
     << "<body class=\"file\"><header><a href=\"../index.html\">coroguard "
        "report</a> / <span class=\"path\">"
     << escape(Page.Shown) << "</span> <span class=\"count\">"
     << Page.Findings.size() << " finding"
     << (Page.Findings.size() == 1 ? "" : "s") << "</span></header>\n";
  // What goes under each line: findings first (by column), then steps.
  std::map<unsigned, std::vector<std::string>> Under;
  for (size_t I : Page.Findings)
    Under[R.Findings[I].Where.Line].push_back(findingBox(I));
  for (const StepRef &Ref : Page.Steps)
    Under[R.Findings[Ref.Finding].Notes[Ref.Step - 1].Where.Line].push_back(
        stepBox(Ref));
  std::optional<llvm::StringRef> Text = R.Sources->text(File);
  OS << "<main class=\"src\">\n";
  if (!Text) {
    OS << "<p class=\"unreadable\">The source cannot be read any more.</p>\n";
    for (auto &[Line, Boxes] : Under)
      for (const std::string &Box : Boxes)
        OS << Box;
  } else {
    std::vector<std::string> Lines = html::highlightLines(*Text);
    for (size_t L = 1; L <= Lines.size(); ++L) {
      auto It = Under.find(L);
      OS << "<p id=\"L" << L << "\""
         << (It != Under.end() ? " class=\"hit\"" : "") << "><a href=\"#L" << L
         << "\">" << L << "</a>" << Lines[L - 1] << "</p>\n";
      if (It != Under.end())
        for (const std::string &Box : It->second)
          OS << Box;
    }
    // A position past the end (the file changed since): still shown.
    for (auto It = Under.upper_bound(Lines.size()); It != Under.end(); ++It)
      for (const std::string &Box : It->second)
        OS << Box;
  }
  OS << "</main></body></html>\n";
  CurrentPage.clear();
}

void ReportWriter::writeIndex(llvm::raw_ostream &OS) const {
  OS << html::pageHead("coroguard report", "") << "<body class=\"index\">\n"
     << "<h1>coroguard report</h1>\n<p class=\"summary\">" << escape(S.Summary)
     << "; exit code " << S.ExitCode << "</p>\n";
  size_t New = 0, Unchanged = 0;
  for (const Finding &F : R.Findings)
    (F.InBaseline == Finding::Baseline::Unchanged ? Unchanged : New) += 1;
  if (S.HasBaseline)
    OS << "<p class=\"baseline\">Against the baseline: " << New << " new, "
       << Unchanged << " unchanged, " << S.Fixed << " fixed.</p>\n";
  if (!R.Errors.empty()) {
    OS << "<h2>Not analysed</h2>\n<table class=\"errors\"><tr><th>File</th>"
          "<th>Error</th></tr>\n";
    for (const InputError &E : R.Errors)
      OS << "<tr><td>" << escape(relativeToRoot(E.File, S.Root))
         << "</td><td><pre>" << escape(E.Message) << "</pre></td></tr>\n";
    OS << "</table>\n";
  }
  // Counts.
  std::map<std::string, size_t> ByCheck;
  for (const Finding &F : R.Findings)
    ++ByCheck[F.Check];
  OS << "<div class=\"counts\"><table id=\"by-check\"><tr><th>Check</th>"
        "<th>Findings</th></tr>\n";
  for (auto &[Check, Count] : ByCheck)
    OS << "<tr><td>" << checkLink(Check, "") << "</td><td>" << Count
       << "</td></tr>\n";
  OS << "</table>\n<table id=\"by-file\"><tr><th>File</th><th>Findings</th>"
        "</tr>\n";
  for (auto &[File, Page] : Pages)
    if (!Page.Findings.empty())
      OS << "<tr><td><a href=\"files/" << Page.Name << "\">"
         << escape(Page.Shown) << "</a></td><td>" << Page.Findings.size()
         << "</td></tr>\n";
  OS << "</table></div>\n";
  // The table, with its filters: ?check=...&file=...&state=... in the URL
  // sets them.
  auto Options = [&](const char *Id, const char *All,
                     const std::vector<std::string> &Values) {
    OS << "<label>" << Id << " <select id=\"" << Id << "\"><option value=\"\">"
       << All << "</option>";
    for (const std::string &V : Values)
      OS << "<option value=\"" << escape(V) << "\">" << escape(V)
         << "</option>";
    OS << "</select></label>\n";
  };
  std::vector<std::string> Checks, Files;
  for (auto &[Check, Count] : ByCheck)
    Checks.push_back(Check);
  for (auto &[File, Page] : Pages)
    if (!Page.Findings.empty())
      Files.push_back(Page.Shown);
  OS << "<h2>Findings</h2>\n<form id=\"filters\">\n";
  Options("check", "every check", Checks);
  Options("file", "every file", Files);
  if (S.HasBaseline)
    Options("state", "every state", {"new", "unchanged"});
  OS << "<span id=\"shown\">" << R.Findings.size() << " of "
     << R.Findings.size() << " shown</span></form>\n"
     << "<table id=\"findings\"><thead><tr><th data-key=\"check\">Check</th>"
        "<th data-key=\"where\">Location</th><th data-key=\"message\">"
        "Message</th>"
     << (S.HasBaseline ? "<th data-key=\"state\">State</th>" : "")
     << "</tr></thead><tbody>\n";
  for (size_t I = 0; I < R.Findings.size(); ++I) {
    const Finding &F = R.Findings[I];
    std::string Shown = relativeToRoot(F.Where.File, S.Root);
    OS << "<tr id=\"F" << I << "\" data-check=\"" << escape(F.Check)
       << "\" data-file=\"" << escape(Shown) << "\" data-line=\""
       << F.Where.Line << "\"";
    if (S.HasBaseline)
      OS << " data-state=\"" << stateOf(F) << "\"";
    OS << "><td>" << escape(F.Check) << "</td><td><a href=\""
       << findingLink(I, "") << "\">" << escape(location(F.Where))
       << "</a></td><td>" << escape(F.Message) << "</td>";
    if (S.HasBaseline)
      OS << "<td>" << stateOf(F) << "</td>";
    OS << "</tr>\n";
  }
  OS << "</tbody></table>\n<script src=\"coroguard.js\"></script>\n"
     << "</body></html>\n";
}

llvm::Error
ReportWriter::writeFile(llvm::StringRef Relative,
                        llvm::function_ref<void(llvm::raw_ostream &)> Write) {
  llvm::SmallString<256> Path(S.Directory);
  llvm::sys::path::append(Path, Relative);
  if (llvm::Error Err = writeOutputFile(Path, Write))
    return llvm::createStringError(llvm::toString(std::move(Err)) + ": " +
                                   Path.str());
  return llvm::Error::success();
}

/// A directory the report may be written to: new, empty, or an earlier
/// report's, whose pages are removed (a page of a file that has no
/// finding now would otherwise linger).
llvm::Error prepareDirectory(llvm::StringRef Dir) {
  if (std::error_code EC = llvm::sys::fs::create_directories(Dir))
    return llvm::createStringError("cannot create the directory '" + Dir +
                                   "': " + EC.message());
  llvm::SmallString<256> Marker(Dir);
  llvm::sys::path::append(Marker, "coroguard.js");
  std::error_code EC;
  llvm::sys::fs::directory_iterator It(Dir, EC), End;
  const bool Empty = !EC && It == End;
  if (EC)
    return llvm::createStringError("cannot read the directory '" + Dir +
                                   "': " + EC.message());
  if (!Empty && !llvm::sys::fs::exists(Marker))
    return llvm::createStringError(
        "'" + Dir +
        "' is neither empty nor an earlier coroguard HTML report; give "
        "--output a new directory");
  for (const char *Sub : {"files", "checks"}) {
    llvm::SmallString<256> SubDir(Dir);
    llvm::sys::path::append(SubDir, Sub);
    if (std::error_code Made = llvm::sys::fs::create_directories(SubDir))
      return llvm::createStringError("cannot create '" + SubDir +
                                     "': " + Made.message());
    std::error_code ListEC;
    for (llvm::sys::fs::directory_iterator Page(SubDir, ListEC), Last;
         Page != Last && !ListEC; Page.increment(ListEC))
      if (llvm::StringRef(Page->path()).ends_with(".html"))
        llvm::sys::fs::remove(Page->path());
  }
  return llvm::Error::success();
}

llvm::Error ReportWriter::write() {
  if (llvm::Error Err = prepareDirectory(S.Directory))
    return Err;
  collectPages();
  if (llvm::Error Err = writeFile("coroguard.css", [](llvm::raw_ostream &OS) {
        OS << html::stylesheet();
      }))
    return Err;
  if (llvm::Error Err = writeFile("coroguard.js", [](llvm::raw_ostream &OS) {
        OS << html::indexScript();
      }))
    return Err;
  for (const CheckInfo &Check : getCheckCatalog())
    if (llvm::Error Err = writeFile(
            ("checks/" + Check.Name + ".html").str(),
            [&](llvm::raw_ostream &OS) { html::writeCheckPage(Check, OS); }))
      return Err;
  for (auto &[File, Page] : Pages)
    if (llvm::Error Err =
            writeFile("files/" + Page.Name, [&](llvm::raw_ostream &OS) {
              writeFilePage(File, Page, OS);
            }))
      return Err;
  // Last: a report whose index exists is complete.
  return writeFile("index.html",
                   [&](llvm::raw_ostream &OS) { writeIndex(OS); });
}

} // namespace

llvm::Error writeHtmlReport(const Report &R, const HtmlSettings &Settings) {
  return ReportWriter(R, Settings).write();
}

} // namespace clang::coroguard
