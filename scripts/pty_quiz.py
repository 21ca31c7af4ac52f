#!/usr/bin/env python3
"""Runs a factdeck quiz on a pseudo-terminal for scripts/hostile.sh.

usage: pty_quiz.py COLS ACTION -- factdeck quiz DECK ...

ACTION: term | hup | ctrl-d | wrong (answer every card with key 2, then q).
Prints one JSON object: exit code (128+n when killed by signal n), whether
the terminal was left in canonical mode (not raw), and the output without
colour codes.
"""
import fcntl
import json
import os
import re
import select
import signal
import struct
import subprocess
import sys
import termios
import time

cols, action = int(sys.argv[1]), sys.argv[2]
cmd = sys.argv[sys.argv.index("--") + 1:]
master, slave = os.openpty()
fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 24, cols, 0, 0))
env = dict(os.environ, TERM="xterm-256color")
env.pop("NO_COLOR", None)
proc = subprocess.Popen(cmd, stdin=slave, stdout=slave, stderr=slave, env=env,
                        start_new_session=True)
buf = b""


def pump(timeout):
    global buf
    end = time.time() + timeout
    while time.time() < end:
        r, _, _ = select.select([master], [], [], 0.05)
        if r:
            try:
                chunk = os.read(master, 65536)
            except OSError:
                return
            if not chunk:
                return
            buf += chunk
        elif proc.poll() is not None:
            return


def wait_for(text, timeout=10):
    end = time.time() + timeout
    while text not in buf and time.time() < end and proc.poll() is None:
        pump(0.1)
    return text in buf


wait_for(b"press 1")
if action == "term":
    proc.send_signal(signal.SIGTERM)
elif action == "hup":
    proc.send_signal(signal.SIGHUP)
elif action == "ctrl-d":
    os.write(master, b"\x04")
elif action == "wrong":
    for _ in range(40):
        if proc.poll() is not None or b"Session" in buf:
            break
        start = len(buf)
        os.write(master, b"2")
        wait_for(b"any key", 3)
        os.write(master, b" ")
        pump(0.2)
        if len(buf) == start:
            break
    if proc.poll() is None and b"Session" not in buf:
        os.write(master, b"q")
try:
    rc = proc.wait(timeout=20)
except subprocess.TimeoutExpired:
    proc.kill()
    rc = proc.wait()
pump(0.3)
canonical = bool(termios.tcgetattr(slave)[3] & termios.ICANON)
text = re.sub(r"\x1b\[[0-9;?]*[A-Za-z]", "", buf.decode("utf-8", "replace"))
print(json.dumps({"rc": rc if rc >= 0 else 128 - rc, "canonical": canonical, "out": text}))
