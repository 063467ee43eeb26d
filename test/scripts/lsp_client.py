#!/usr/bin/env python3
"""A minimal LSP client: opens one file in a language server and prints the
diagnostics it publishes, one clang-style line each.

    lsp_client.py [--fixes-out=J] [--links] --file F -- SERVER...

Speaks JSON-RPC over the server's stdio: initialize, initialized, didOpen,
waits for textDocument/publishDiagnostics for the file, then shutdown and
exit. Prints `file:line:col: warning: message [code]` for each diagnostic
(notes as `file:line:col: note: ...`). With --fixes-out, writes the quick
fixes the server offers with each diagnostic (clangd's inline code actions)
as JSON: [{line, character, message, actions: [{title, edits: [{offset,
length, newText}]}]}], offsets in bytes of the file. Exits non-zero if the
server does not answer in time.
"""
import argparse
import json
import os
import subprocess
import sys
import threading
import queue

SEVERITY = {1: "error", 2: "warning", 3: "note", 4: "note"}


class Server:
    def __init__(self, argv):
        self.proc = subprocess.Popen(argv, stdin=subprocess.PIPE,
                                     stdout=subprocess.PIPE,
                                     stderr=None)
        self.messages = queue.Queue()
        self.next_id = 0
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self):
        out = self.proc.stdout
        while True:
            headers = {}
            while True:
                line = out.readline()
                if not line:
                    self.messages.put(None)
                    return
                line = line.decode("ascii").strip()
                if not line:
                    break
                key, _, value = line.partition(":")
                headers[key.strip().lower()] = value.strip()
            body = out.read(int(headers["content-length"]))
            self.messages.put(json.loads(body))

    def send(self, method, params, is_request=False):
        message = {"jsonrpc": "2.0", "method": method, "params": params}
        if is_request:
            self.next_id += 1
            message["id"] = self.next_id
        data = json.dumps(message).encode("utf-8")
        self.proc.stdin.write(b"Content-Length: %d\r\n\r\n" % len(data) + data)
        self.proc.stdin.flush()
        return message.get("id")

    def wait_for(self, predicate, timeout):
        while True:
            message = self.messages.get(timeout=timeout)
            if message is None:
                raise RuntimeError("language server exited")
            # Answer server-to-client requests so the server does not stall.
            if "id" in message and "method" in message:
                reply = {"jsonrpc": "2.0", "id": message["id"], "result": None}
                data = json.dumps(reply).encode("utf-8")
                self.proc.stdin.write(
                    b"Content-Length: %d\r\n\r\n" % len(data) + data)
                self.proc.stdin.flush()
                continue
            if predicate(message):
                return message


def to_offsets(text, edit):
    """An LSP text edit (positions in UTF-16 code units) as byte offsets
    into the UTF-8 text."""
    lines = text.split("\n")

    def offset(pos):
        before = "\n".join(lines[:pos["line"]])
        prefix = before + ("\n" if pos["line"] else "")
        line = lines[pos["line"]] if pos["line"] < len(lines) else ""
        units, chars = 0, 0
        while chars < len(line) and units < pos["character"]:
            units += 2 if ord(line[chars]) > 0xFFFF else 1
            chars += 1
        return len((prefix + line[:chars]).encode("utf-8"))

    begin = offset(edit["range"]["start"])
    end = offset(edit["range"]["end"])
    return {"offset": begin, "length": end - begin,
            "newText": edit["newText"]}


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--file", required=True)
    parser.add_argument("--timeout", type=float, default=120)
    parser.add_argument("--all", action="store_true",
                        help="also print compiler warnings and clangd hints")
    parser.add_argument("--links", action="store_true",
                        help="print each diagnostic's codeDescription link")
    parser.add_argument("--fixes-out",
                        help="write the offered quick fixes here as JSON")
    parser.add_argument("server", nargs=argparse.REMAINDER)
    args = parser.parse_args()
    server_argv = [a for a in args.server if a != "--"]

    path = os.path.abspath(args.file)
    uri = "file://" + path
    server = Server(server_argv)
    init = server.send("initialize", {
        "processId": os.getpid(),
        "rootUri": "file://" + os.path.dirname(path),
        "capabilities": {"textDocument": {"publishDiagnostics": {
            "relatedInformation": True, "codeDescriptionSupport": True,
            # clangd's extension: the quick fixes of each diagnostic come
            # with it, as code actions.
            "codeActionsInline": True}}},
    }, is_request=True)
    server.wait_for(lambda m: m.get("id") == init, args.timeout)
    server.send("initialized", {})
    with open(path, encoding="utf-8") as f:
        text = f.read()
    server.send("textDocument/didOpen", {"textDocument": {
        "uri": uri, "languageId": "cpp", "version": 1, "text": text}})
    published = server.wait_for(
        lambda m: m.get("method") == "textDocument/publishDiagnostics"
        and m["params"]["uri"] == uri, args.timeout)

    lines = []
    fixes = []
    for d in published["params"]["diagnostics"]:
        # Like the other fronts, report the checks and compile errors only,
        # not compiler warnings or clangd's include-cleaner hints.
        if d.get("source") != "clang-tidy" and d.get("severity") != 1 \
                and not args.all:
            continue
        start = d["range"]["start"]
        severity = SEVERITY.get(d.get("severity", 2), "warning")
        message = d["message"].split("\n")[0]
        # clangd presents messages as sentences: it capitalises the first
        # letter and appends " (fix available)". Undo both so one
        # expectation fits every front; the fix itself is checked by the
        # fronts that apply it.
        if message.endswith(" (fix available)"):
            message = message[:-len(" (fix available)")]
        if d.get("source") == "clang-tidy" and message[:1].isupper():
            message = message[0].lower() + message[1:]
        code = d.get("code")
        suffix = " [%s]" % code if code and d.get("source") == "clang-tidy" \
            else ""
        if d.get("source") == "clang-tidy":
            fixes.append({
                "line": start["line"] + 1, "character": start["character"] + 1,
                "message": message,
                "actions": [{"title": a.get("title", ""),
                             "edits": [to_offsets(text, e) for e in
                                       a.get("edit", {}).get("changes", {})
                                       .get(uri, [])]}
                            for a in d.get("codeActions", [])]})
        shown = "%s:%d:%d: %s: %s%s" % (path, start["line"] + 1,
                                        start["character"] + 1, severity,
                                        message, suffix)
        if args.links and "codeDescription" in d:
            shown += "\n%s:%d:%d: link: %s" % (
                path, start["line"] + 1, start["character"] + 1,
                d["codeDescription"]["href"])
        lines.append((start["line"], start["character"], shown,
                      d.get("relatedInformation", [])))
    for _, _, line, related in sorted(lines):
        print(line)
        for note in related:
            loc = note["location"]
            note_path = loc["uri"][len("file://"):]
            pos = loc["range"]["start"]
            message = note["message"]
            if message[:1].isupper():
                message = message[0].lower() + message[1:]
            print("%s:%d:%d: note: %s" % (note_path, pos["line"] + 1,
                                          pos["character"] + 1, message))

    if args.fixes_out:
        with open(args.fixes_out, "w", encoding="utf-8") as f:
            json.dump(fixes, f, indent=1)
    shutdown = server.send("shutdown", None, is_request=True)
    server.wait_for(lambda m: m.get("id") == shutdown, args.timeout)
    server.send("exit", None)
    server.proc.wait(timeout=args.timeout)
    return 0


if __name__ == "__main__":
    sys.exit(main())
