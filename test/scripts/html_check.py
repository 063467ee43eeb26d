#!/usr/bin/env python3
"""Checks an HTML report of coroguard in a real browser.

    html_check.py --chromium=BIN --report=DIR --json=REPORT.json
                  --root=DIR [--screenshots=DIR] [--filter=KEY=VALUE ...]
                  [--expect-text=TEXT ...] [--new-json=NEW.json]

Renders the pages with headless Chromium (--dump-dom, after the pages'
scripts ran) and checks against the JSON report of the same run:

- every finding is a row of the index's table and a box on its file's page,
  between its line and the next;
- every note is a numbered step on its line of its file's page, the steps
  of a finding numbered in order;
- with --filter (e.g. check=coroguard-blocking-call), index.html?KEY=VALUE
  hides exactly the rows of other values and counts the rest;
- every relative link of every page leads to a file of the report, and its
  #fragment to an element of that page;
- no page holds a script other than the report's own (markup in a source
  or a file name must arrive as text), and each --expect-text appears as
  text on some file page.

With --screenshots, keeps a PNG of the index and of each file page there.
Prints one line per problem and exits 1 if there is any.
"""
import argparse
import html.parser
import json
import os
import subprocess
import sys
import urllib.parse

VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link",
        "meta", "source", "track", "wbr"}


class Element:
    def __init__(self, tag, attrs, order, parent):
        self.tag = tag
        self.attrs = dict(attrs)
        self.order = order
        self.parent = parent
        self.children = []
        self.text_parts = []

    def text(self):
        out = []

        def walk(e):
            for part in e.text_parts:
                out.append(part if isinstance(part, str) else "")
                if not isinstance(part, str):
                    walk(part)
        walk(self)
        return "".join(out)


class Dom(html.parser.HTMLParser):
    """The serialized DOM as a tree: elements in document order."""

    def __init__(self, text):
        super().__init__(convert_charrefs=True)
        self.root = Element("#root", [], 0, None)
        self.current = self.root
        self.elements = []
        self.feed(text)
        self.close()
        self.by_id = {e.attrs["id"]: e for e in self.elements
                      if "id" in e.attrs}

    def handle_starttag(self, tag, attrs):
        e = Element(tag, attrs, len(self.elements) + 1, self.current)
        self.elements.append(e)
        self.current.children.append(e)
        self.current.text_parts.append(e)
        if tag not in VOID:
            self.current = e

    def handle_startendtag(self, tag, attrs):
        e = Element(tag, attrs, len(self.elements) + 1, self.current)
        self.elements.append(e)
        self.current.children.append(e)

    def handle_endtag(self, tag):
        e = self.current
        while e is not self.root and e.tag != tag:
            e = e.parent
        if e is not self.root:
            self.current = e.parent

    def handle_data(self, data):
        self.current.text_parts.append(data)


class Browser:
    def __init__(self, binary, screenshots):
        self.binary = binary
        self.screenshots = screenshots
        self.cache = {}
        self.problems = []

    def command(self, *extra):
        return [self.binary, "--headless", "--no-sandbox", "--disable-gpu",
                "--no-first-run", "--disable-extensions",
                "--allow-file-access-from-files",
                "--user-data-dir=" + os.path.join(
                    os.environ.get("TMPDIR", "/tmp"),
                    "coroguard-html-check-%d" % os.getpid())] + list(extra)

    def dom(self, url):
        if url not in self.cache:
            try:
                result = subprocess.run(
                    self.command("--virtual-time-budget=5000", "--dump-dom",
                                 url),
                    stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
                    timeout=60)
                ok = result.returncode == 0 and result.stdout
            except subprocess.TimeoutExpired:
                # A script that opens a dialog (alert) blocks the page.
                ok = False
            if not ok:
                self.problems.append("chromium could not render " + url)
                self.cache[url] = Dom("")
            else:
                self.cache[url] = Dom(result.stdout.decode("utf-8"))
        return self.cache[url]

    def screenshot(self, url, name):
        if not self.screenshots:
            return
        os.makedirs(self.screenshots, exist_ok=True)
        try:
            subprocess.run(self.command(
                "--window-size=1280,900", "--hide-scrollbars",
                "--screenshot=" + os.path.join(self.screenshots, name), url),
                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                timeout=60)
        except subprocess.TimeoutExpired:
            self.problems.append("chromium could not take " + name)


def shown_path(path, root):
    rel = os.path.relpath(path, root)
    return path if rel.startswith("..") else rel


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--chromium", required=True)
    parser.add_argument("--report", required=True)
    parser.add_argument("--json", required=True)
    parser.add_argument("--root", required=True)
    parser.add_argument("--screenshots")
    parser.add_argument("--filter", action="append", default=[])
    parser.add_argument("--sort", action="append", default=[],
                        help="KEY or KEY:desc, as index.html?sort=KEY sorts")
    parser.add_argument("--expect-text", action="append", default=[])
    parser.add_argument("--new-json",
                        help="with a baseline: the JSON report of the new "
                        "findings, which must be the rows in state 'new'")
    args = parser.parse_args()

    report = os.path.abspath(args.report)
    with open(args.json, encoding="utf-8") as f:
        findings = json.load(f)["diagnostics"]
    browser = Browser(args.chromium, args.screenshots)
    problems = []
    index_url = "file://" + urllib.parse.quote(os.path.join(report,
                                                            "index.html"))
    index = browser.dom(index_url)
    browser.screenshot(index_url, "index.png")

    # The index: one row per finding, in report order.
    rows = [e for e in index.elements if e.tag == "tr" and
            e.attrs.get("id", "").startswith("F")]
    if len(rows) != len(findings):
        problems.append("index: %d rows for %d findings" %
                        (len(rows), len(findings)))
    for i, f in enumerate(findings):
        row = index.by_id.get("F%d" % i)
        if row is None:
            problems.append("index: no row for finding %d" % i)
            continue
        want = (f["check"], shown_path(f["file"], args.root), str(f["line"]))
        got = (row.attrs.get("data-check"), row.attrs.get("data-file"),
               row.attrs.get("data-line"))
        if want != got or f["message"] not in row.text():
            problems.append("index: row F%d is %r, the finding %r" %
                            (i, got, want))

    if args.new_json:
        with open(args.new_json, encoding="utf-8") as f:
            new = sorted((d["check"], shown_path(d["file"], args.root),
                          str(d["line"])) for d in json.load(f)["diagnostics"])
        marked = sorted((r.attrs.get("data-check"), r.attrs.get("data-file"),
                         r.attrs.get("data-line")) for r in rows
                        if r.attrs.get("data-state") == "new")
        if new != marked:
            problems.append("index: rows in state new %r, new findings %r" %
                            (marked, new))

    # The file pages: each finding and each step at its line.
    page_of = {}
    for i, f in enumerate(findings):
        row = index.by_id.get("F%d" % i)
        anchor = [e for e in index.elements if e.tag == "a" and
                  e.attrs.get("href", "").endswith("#F%d" % i) and
                  e.parent is not None and e.parent.parent is row]
        if not anchor:
            problems.append("index: finding %d links to no page" % i)
            continue
        page_of[f["file"]] = anchor[0].attrs["href"].split("#")[0]
    pages = {}

    def page(href):
        if href not in pages:
            url = "file://" + urllib.parse.quote(os.path.join(report, href))
            pages[href] = browser.dom(url)
            browser.screenshot(url, href.replace("/", "_") + ".png")
        return pages[href]

    def at_line(dom, element_id, line, what):
        box = dom.by_id.get(element_id)
        here = dom.by_id.get("L%d" % line)
        after = dom.by_id.get("L%d" % (line + 1))
        if box is None or here is None:
            problems.append("%s: no %s or no line %d" % (what, element_id,
                                                         line))
            return None
        if not (here.order < box.order and
                (after is None or box.order < after.order)):
            problems.append("%s: %s is not under line %d" %
                            (what, element_id, line))
        return box

    for i, f in enumerate(findings):
        href = page_of.get(f["file"])
        if not href:
            continue
        dom = page(href)
        box = at_line(dom, "F%d" % i, f["line"], href)
        if box is not None and f["message"] not in box.text():
            problems.append("%s: F%d does not say %r" % (href, i,
                                                        f["message"]))
        for k, note in enumerate(f.get("notes", []), start=1):
            if not note.get("file") or not note.get("line"):
                continue
            step_href = None
            for e in (box.children if box is not None else []):
                for a in e.children:
                    if a.tag == "a" and a.attrs.get("href", "").endswith(
                            "#F%dS%d" % (i, k)):
                        step_href = a.attrs["href"]
            if step_href is None:
                problems.append("%s: F%d has no link to its step %d" %
                                (href, i, k))
                continue
            step_page = step_href.split("#")[0]
            target = os.path.normpath(os.path.join(
                os.path.dirname(href), step_page)) if step_page else href
            step_dom = page(target)
            step = at_line(step_dom, "F%dS%d" % (i, k), note["line"], target)
            if step is None:
                continue
            number = [e for e in step.children
                      if e.attrs.get("class") == "sn"]
            if not number or number[0].text().strip() != str(k):
                problems.append("%s: step F%dS%d is not numbered %d" %
                                (target, i, k, k))
            if note["message"] not in step.text():
                problems.append("%s: step F%dS%d does not say %r" %
                                (target, i, k, note["message"]))

    # Filters given in the URL, applied by the page's script.
    for given in args.filter:
        key, _, value = given.partition("=")
        url = index_url + "?" + urllib.parse.urlencode({key: value})
        dom = browser.dom(url)
        browser.screenshot(url, "index-%s.png" % key)
        visible = 0
        for e in dom.elements:
            if e.tag != "tr" or not e.attrs.get("id", "").startswith("F"):
                continue
            matches = e.attrs.get("data-" + key) == value
            hidden = "hidden" in e.attrs
            if matches == hidden:
                problems.append("filter %s: row %s is %s" % (
                    given, e.attrs["id"], "hidden" if hidden else "shown"))
            visible += not hidden
        counter = dom.by_id.get("shown")
        want = "%d of %d shown" % (visible, len(findings))
        if counter is None or counter.text() != want:
            problems.append("filter %s: the counter says %r, not %r" % (
                given, counter.text() if counter else None, want))
        if visible == 0 or visible == len(findings):
            problems.append("filter %s: hides nothing or everything; it "
                            "proves nothing" % given)

    # Sorting, asked for in the URL and done by the page's script.
    for given in args.sort:
        key, _, direction = given.partition(":")
        query = {"sort": key}
        if direction:
            query["order"] = direction
        dom = browser.dom(index_url + "?" + urllib.parse.urlencode(query))
        got = [e for e in dom.elements if e.tag == "tr" and
               e.attrs.get("id", "").startswith("F")]

        def sort_key(e):
            if key == "where":
                return (e.attrs.get("data-file"), int(e.attrs["data-line"]))
            if key == "message":
                return (e.children[2].text(), 0)
            return (e.attrs.get("data-" + key, ""), 0)
        keys = [sort_key(e) for e in got]
        want = sorted(keys, reverse=direction == "desc")
        if keys != want or len(got) != len(findings):
            problems.append("sort %s: the rows are not in order" % given)
        if keys == [sort_key(e) for e in rows]:
            problems.append("sort %s: the order did not change; it proves "
                            "nothing" % given)

    # Links and scripts of every page rendered, and of the pages they reach.
    seen = set()
    todo = ["index.html"] + sorted(pages)
    texts = []
    while todo:
        href = todo.pop()
        if href in seen:
            continue
        seen.add(href)
        dom = index if href == "index.html" else page(href)
        scripts = [e.attrs.get("src") for e in dom.elements
                   if e.tag == "script"]
        allowed = ["coroguard.js"] if href == "index.html" else []
        if scripts != allowed:
            problems.append("%s: scripts %r" % (href, scripts))
        if href.startswith("files/"):
            texts.append(dom.root.text())
        for e in dom.elements:
            link = e.attrs.get("href")
            if e.tag != "a" or not link or "://" in link:
                continue
            path, _, fragment = link.partition("#")
            target = os.path.normpath(os.path.join(os.path.dirname(href),
                                                   path)) if path else href
            target = target.split("?")[0]
            if not os.path.isfile(os.path.join(report, target)):
                problems.append("%s: link %r leads nowhere" % (href, link))
                continue
            if fragment and target.endswith(".html"):
                if target not in seen and len(seen) < 400:
                    todo.append(target)
                target_dom = index if target == "index.html" else \
                    Dom(open(os.path.join(report, target),
                             encoding="utf-8").read())
                if fragment not in target_dom.by_id:
                    problems.append("%s: link %r: no #%s there" %
                                    (href, link, fragment))
    for text in args.expect_text:
        if not any(text in t for t in texts):
            problems.append("no file page shows %r as text" % text)

    problems = browser.problems + problems
    for p in problems:
        print(p)
    print("checked %d findings, %d pages, %d filters, %d sorts: %d problems" %
          (len(findings), len(seen), len(args.filter), len(args.sort),
           len(problems)))
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
