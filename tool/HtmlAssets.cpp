//===--- HtmlAssets.cpp ---------------------------------------------------===//
//
// The check pages are Markdown. A Markdown library would be one more
// dependency for a handful of fixed pages whose syntax this project
// controls; the subset they use is rendered here (tested in
// test/tool/html-report.test).
//
//===----------------------------------------------------------------------===//

#include "HtmlAssets.h"
#include "CheckDocs.h"
#include "HtmlSource.h"

#include "llvm/ADT/SmallVector.h"
#include "llvm/ADT/StringExtras.h"

namespace clang::coroguard::html {

llvm::StringRef stylesheet() {
  return R"css(body{font:14px/1.45 system-ui,sans-serif;margin:0;color:#1f2328;background:#fff}
h1,h2,.summary,.baseline,form,.counts,table.errors,#findings{margin-left:16px;margin-right:16px}
header{position:sticky;top:0;background:#f6f8fa;border-bottom:1px solid #d0d7de;padding:6px 16px;z-index:1}
.count{color:#59636e}
table{border-collapse:collapse}
th,td{border:1px solid #d0d7de;padding:3px 8px;text-align:left;vertical-align:top}
th[data-key]{cursor:pointer;background:#f6f8fa}
.counts{display:flex;gap:24px;align-items:flex-start}
#findings{margin-top:8px;table-layout:fixed;width:calc(100% - 32px)}
#findings th:nth-child(1){width:17em}#findings th:nth-child(2){width:20em}#findings th:nth-child(4){width:6em}
#findings td{overflow-wrap:anywhere}
tr[hidden]{display:none}
main.src{font:13px/1.4 ui-monospace,monospace;padding:8px 0}
main.src p{margin:0;white-space:pre;padding-left:0}
main.src p>a{display:inline-block;width:5em;text-align:right;padding-right:1em;color:#8c959f;text-decoration:none;user-select:none}
main.src p.hit{background:#fff8c5}
main.src p:target{background:#ffe58f}
.k{color:#cf222e}.c{color:#6e7781;font-style:italic}.s{color:#0a3069}.n{color:#0550ae}.p{color:#8250df}
.f,.s,.nl{font:13px/1.4 system-ui,sans-serif;white-space:normal}
.f{margin:4px 16px 4px 6em;border:1px solid #d1242f;border-left:4px solid #d1242f;background:#ffebe9;padding:4px 8px}
.f:target,div.s:target{outline:2px solid #0969da}
div.s{margin:2px 16px 2px 6em;border-left:4px solid #0969da;background:#ddf4ff;padding:2px 8px}
.sn{display:inline-block;min-width:1.4em;text-align:center;border-radius:9px;background:#0969da;color:#fff;font-weight:600;text-decoration:none}
.sev{font-weight:600;color:#d1242f}
.chk{font-family:ui-monospace,monospace;font-size:12px}
.nav{font-size:12px;color:#59636e}
.st{font-size:12px;border-radius:4px;padding:0 4px;background:#eaeef2}
.st.new{background:#ffebe9}
pre.diff{background:#f6f8fa;padding:4px;overflow:auto}
pre.diff del{color:#82071e;background:#ffebe9;text-decoration:none;display:block}
pre.diff ins{color:#116329;background:#dafbe1;text-decoration:none;display:block}
.dh{color:#59636e;display:block}
article{max-width:50em;margin:16px}
article pre{background:#f6f8fa;padding:8px;overflow:auto}
)css";
}

llvm::StringRef indexScript() {
  return R"js(// Filters and sorting of the findings table (index.html).
(function () {
  'use strict';
  var table = document.getElementById('findings');
  if (!table) return;
  var body = table.tBodies[0];
  var rows = Array.prototype.slice.call(body.rows);
  var keys = ['check', 'file', 'state'];
  var selects = {};
  keys.forEach(function (k) { selects[k] = document.getElementById(k); });
  var shown = document.getElementById('shown');

  function apply() {
    var wanted = {};
    keys.forEach(function (k) {
      wanted[k] = selects[k] ? selects[k].value : '';
    });
    var n = 0;
    rows.forEach(function (r) {
      var ok = keys.every(function (k) {
        return !wanted[k] || r.dataset[k] === wanted[k];
      });
      r.hidden = !ok;
      if (ok) n++;
    });
    shown.textContent = n + ' of ' + rows.length + ' shown';
    var query = new URLSearchParams();
    keys.forEach(function (k) { if (wanted[k]) query.set(k, wanted[k]); });
    try {
      history.replaceState(null, '', (query.toString() ? '?' + query : '?') +
                           location.hash);
    } catch (e) { /* a file: URL may refuse; the filter still applies */ }
  }

  var given = new URLSearchParams(location.search);
  keys.forEach(function (k) {
    var s = selects[k];
    if (!s) return;
    var v = given.get(k);
    if (v !== null &&
        Array.prototype.some.call(s.options, function (o) {
          return o.value === v;
        }))
      s.value = v;
    s.addEventListener('change', apply);
  });

  var order = {key: null, up: true};
  function value(r, key) {
    if (key === 'where') return [r.dataset.file, +r.dataset.line];
    if (key === 'check') return [r.dataset.check, 0];
    if (key === 'state') return [r.dataset.state || '', 0];
    return [r.cells[2].textContent, 0];
  }
  function sortBy(key, up) {
    order.key = key;
    order.up = up;
    var sign = up ? 1 : -1;
    rows.sort(function (a, b) {
      var x = value(a, key), y = value(b, key);
      if (x[0] !== y[0]) return (x[0] < y[0] ? -1 : 1) * sign;
      return (x[1] - y[1]) * sign;
    });
    rows.forEach(function (r) { body.appendChild(r); });
  }
  Array.prototype.forEach.call(table.tHead.rows[0].cells, function (th) {
    th.addEventListener('click', function () {
      var key = th.dataset.key;
      sortBy(key, order.key === key ? !order.up : true);
    });
  });
  // ?sort=check|where|message|state, &order=desc: as a click would.
  var sorted = given.get('sort');
  if (sorted && ['check', 'where', 'message', 'state'].indexOf(sorted) >= 0)
    sortBy(sorted, given.get('order') !== 'desc');
  apply();
})();
)js";
}

namespace {

/// Inline Markdown of one line: `code`, **bold**, [text](http...).
std::string inlineMarkdown(llvm::StringRef Text) {
  std::string Out;
  llvm::SmallVector<llvm::StringRef, 8> Parts;
  Text.split(Parts, '`');
  for (size_t I = 0; I < Parts.size(); ++I) {
    if (I % 2 == 1 && I + 1 < Parts.size()) {
      Out += "<code>" + escape(Parts[I]) + "</code>";
      continue;
    }
    llvm::StringRef Rest = Parts[I];
    if (I % 2 == 1)
      Out += '`';
    while (!Rest.empty()) {
      size_t Bold = Rest.find("**");
      size_t Link = Rest.find('[');
      size_t Next = std::min(Bold, Link);
      Out += escape(Rest.substr(0, Next));
      if (Next == llvm::StringRef::npos)
        break;
      Rest = Rest.substr(Next);
      if (Next == Bold) {
        size_t Close = Rest.find("**", 2);
        if (Close == llvm::StringRef::npos) {
          Out += escape(Rest);
          break;
        }
        Out += "<b>" + escape(Rest.slice(2, Close)) + "</b>";
        Rest = Rest.substr(Close + 2);
        continue;
      }
      size_t CloseText = Rest.find("](");
      size_t CloseUrl = Rest.find(')', CloseText);
      if (CloseText == llvm::StringRef::npos ||
          CloseUrl == llvm::StringRef::npos) {
        Out += "[";
        Rest = Rest.substr(1);
        continue;
      }
      llvm::StringRef Label = Rest.slice(1, CloseText);
      llvm::StringRef Url = Rest.slice(CloseText + 2, CloseUrl);
      if (Url.starts_with("https://") || Url.starts_with("http://"))
        Out += "<a href=\"" + escape(Url) + "\">" + escape(Label) + "</a>";
      else
        Out += escape(Label);
      Rest = Rest.substr(CloseUrl + 1);
    }
  }
  return Out;
}

} // namespace

std::string markdownToHtml(llvm::StringRef Markdown) {
  std::string Out;
  llvm::SmallVector<llvm::StringRef, 64> Lines;
  Markdown.split(Lines, '\n');
  enum { None, Para, List, Table, Code } Block = None;
  auto Close = [&] {
    static const char *const Ends[] = {"", "</p>\n", "</ul>\n", "</table>\n",
                                       "</code></pre>\n"};
    Out += Ends[Block];
    Block = None;
  };
  for (llvm::StringRef Raw : Lines) {
    llvm::StringRef Line = Raw.rtrim("\r");
    if (Block == Code) {
      if (Line.trim().starts_with("```"))
        Close();
      else
        Out += escape(Line) + "\n";
      continue;
    }
    llvm::StringRef Trimmed = Line.trim();
    if (Trimmed.starts_with("```")) {
      Close();
      Out += "<pre><code>";
      Block = Code;
    } else if (Trimmed.empty()) {
      Close();
    } else if (Trimmed.starts_with("#")) {
      Close();
      size_t Level = std::min<size_t>(Trimmed.find_first_not_of('#'), 6);
      Out += "<h" + std::to_string(Level) + ">" +
             inlineMarkdown(Trimmed.drop_front(Level).trim()) + "</h" +
             std::to_string(Level) + ">\n";
    } else if (Trimmed.starts_with("- ") || Trimmed.starts_with("* ")) {
      if (Block != List) {
        Close();
        Out += "<ul>\n";
        Block = List;
      }
      Out += "<li>" + inlineMarkdown(Trimmed.drop_front(2)) + "</li>\n";
    } else if (Trimmed.starts_with("|")) {
      if (Block != Table) {
        Close();
        Out += "<table>\n";
        Block = Table;
      }
      if (Trimmed.find_first_not_of("|-: ") == llvm::StringRef::npos)
        continue; // the header's separator
      llvm::SmallVector<llvm::StringRef, 8> Cells;
      Trimmed.trim('|').split(Cells, '|');
      Out += "<tr>";
      for (llvm::StringRef Cell : Cells)
        Out += "<td>" + inlineMarkdown(Cell.trim()) + "</td>";
      Out += "</tr>\n";
    } else {
      if (Block == List && (Raw.starts_with("  ") || Raw.starts_with("\t"))) {
        // A continuation of the list item.
        Out.insert(Out.size() - strlen("</li>\n"),
                   " " + inlineMarkdown(Trimmed));
        continue;
      }
      if (Block != Para) {
        Close();
        Out += "<p>";
        Block = Para;
      } else {
        Out += "\n";
      }
      Out += inlineMarkdown(Trimmed);
    }
  }
  Close();
  return Out;
}

void writeCheckPage(const CheckInfo &Check, llvm::raw_ostream &OS) {
  llvm::StringRef Page = checkPages().lookup(Check.Name);
  OS << pageHead((Check.Name + " - coroguard").str(), "../")
     << "<body class=\"check\"><header><a href=\"../index.html\">coroguard "
        "report</a> / "
     << escape(Check.Name) << "</header><article>\n"
     << (Page.empty() ? "<h1>" + escape(Check.Name) + "</h1><p>" +
                            escape(Check.Summary) + "</p>"
                      : markdownToHtml(Page))
     << "</article></body></html>\n";
}

} // namespace clang::coroguard::html
