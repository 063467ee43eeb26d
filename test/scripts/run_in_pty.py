#!/usr/bin/env python3
"""run_in_pty.py CMD...: runs CMD with its standard error on a pseudo
terminal (standard output to /dev/null) and prints what it wrote there, with
carriage returns as <CR> and escapes as <ESC>, one update per line."""
import os
import pty
import subprocess
import sys

master, slave = pty.openpty()
proc = subprocess.Popen(sys.argv[1:], stdout=subprocess.DEVNULL,
                        stderr=slave, stdin=subprocess.DEVNULL)
os.close(slave)
chunks = []
while True:
    try:
        data = os.read(master, 4096)
    except OSError:  # EIO once the child has closed the terminal
        break
    if not data:
        break
    chunks.append(data)
proc.wait()
text = b"".join(chunks).decode("utf-8", "replace")
text = text.replace("\r\n", "\n").replace("\x1b", "<ESC>")
print(text.replace("\r", "\n<CR>"))
print("exit", proc.returncode)
