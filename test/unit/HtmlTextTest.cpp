//===--- HtmlTextTest.cpp - what the HTML report makes of text ------------===//
//
// The shapes of source text and Markdown that a lit test of the whole
// report does not pin down: tokens that span lines, CRLF, a last line
// without an end of line, markup inside code, and links that are not
// http(s).
//
//===----------------------------------------------------------------------===//

#include "HtmlAssets.h"
#include "HtmlSource.h"

#include "gtest/gtest.h"

using namespace clang::coroguard::html;

namespace {

TEST(HtmlTextTest, EscapesEveryMarkupCharacter) {
  EXPECT_EQ(escape("<a href=\"x\">'&'</a>"),
            "&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;");
}

TEST(HtmlTextTest, ColoursTokensByClass) {
  std::vector<std::string> Lines =
      highlightLines("co_await f(1, 'c', \"s<\"); // x\n");
  ASSERT_EQ(Lines.size(), 1u);
  EXPECT_EQ(Lines[0], "<span class=k>co_await</span> f(<span class=n>1</span>"
                      ", <span class=s>&#39;c&#39;</span>, <span class=s>"
                      "&quot;s&lt;&quot;</span>); <span class=c>// x</span>");
}

TEST(HtmlTextTest, ATokenOverLinesIsClosedOnEachLine) {
  std::vector<std::string> Lines =
      highlightLines("/* one\ntwo */ int\nR\"(a\nb)\";");
  ASSERT_EQ(Lines.size(), 4u);
  EXPECT_EQ(Lines[0], "<span class=c>/* one</span>");
  EXPECT_EQ(Lines[1], "<span class=c>two */</span> <span class=k>int</span>");
  EXPECT_EQ(Lines[2], "<span class=s>R&quot;(a</span>");
  EXPECT_EQ(Lines[3], "<span class=s>b)&quot;</span>;");
}

TEST(HtmlTextTest, LinesAreTheFilesLines) {
  // CRLF is dropped; a last line without an end of line is kept; an empty
  // line stays.
  std::vector<std::string> Lines = highlightLines("a\r\n\r\nb");
  ASSERT_EQ(Lines.size(), 3u);
  EXPECT_EQ(Lines[0], "a");
  EXPECT_EQ(Lines[1], "");
  EXPECT_EQ(Lines[2], "b");
  EXPECT_EQ(highlightLines("a\n").size(), 1u);
  EXPECT_EQ(highlightLines("").size(), 1u);
}

TEST(HtmlTextTest, DirectivesAreMarked) {
  std::vector<std::string> Lines = highlightLines("#include <x.h>\nint y;");
  ASSERT_EQ(Lines.size(), 2u);
  EXPECT_EQ(Lines[0].find("<span class=p>#</span>"), 0u);
  EXPECT_NE(Lines[0].find("&lt;"), std::string::npos);
  EXPECT_EQ(Lines[1], "<span class=k>int</span> y;");
}

TEST(HtmlTextTest, MarkdownKeepsMarkupAsText) {
  std::string Html = markdownToHtml("# T <x>\n\nA `<b>` and **<i>**.\n\n"
                                    "```cpp\nif (a < b) {}\n```\n");
  EXPECT_EQ(Html, "<h1>T &lt;x&gt;</h1>\n<p>A <code>&lt;b&gt;</code> and "
                  "<b>&lt;i&gt;</b>.</p>\n<pre><code>if (a &lt; b) {}\n"
                  "</code></pre>\n");
}

TEST(HtmlTextTest, MarkdownLinksOnlyToTheWeb) {
  EXPECT_EQ(markdownToHtml("[web](https://x.org/a) [doc](../cli.md) "
                           "[js](javascript:void)"),
            "<p><a href=\"https://x.org/a\">web</a> doc js</p>\n");
}

TEST(HtmlTextTest, MarkdownListsAndTables) {
  EXPECT_EQ(markdownToHtml("- a\n  b\n- c\n\n| h | i |\n|---|---|\n| 1 | 2 |"),
            "<ul>\n<li>a b</li>\n<li>c</li>\n</ul>\n<table>\n<tr><td>h</td>"
            "<td>i</td></tr>\n<tr><td>1</td><td>2</td></tr>\n</table>\n");
}

} // namespace
