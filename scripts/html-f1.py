#!/usr/bin/env python3
"""Word F1 of the text factdeck reads from saved web pages against a
reference readability extraction.

Usage: scripts/html-f1.py [CORPUS_DIR] [FACTDECK]

CORPUS_DIR holds one folder per page with `source.html` (the saved page) and
`expected.html` (the reference extraction); default ../shared/corpus/html.
Words are lowercased runs of letters and digits; F1 is over the multisets.
Prints one line per page and the mean; exits 1 when any page is below 0.95.
"""
import collections
import html.parser
import os
import re
import subprocess
import sys

WORD = re.compile(r"\w+", re.UNICODE)


class Text(html.parser.HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.parts, self.skip = [], 0

    def handle_starttag(self, tag, attrs):
        if tag in ("script", "style"):
            self.skip += 1
        self.parts.append(" ")

    def handle_endtag(self, tag):
        if tag in ("script", "style") and self.skip:
            self.skip -= 1
        self.parts.append(" ")

    def handle_data(self, data):
        if not self.skip:
            self.parts.append(data)


def words(text):
    return collections.Counter(w.lower() for w in WORD.findall(text))


def f1(got, want):
    common = sum((got & want).values())
    if not common:
        return 0.0, 0.0, 0.0
    p = common / sum(got.values())
    r = common / sum(want.values())
    return p, r, 2 * p * r / (p + r)


def main():
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    corpus = sys.argv[1] if len(sys.argv) > 1 else next(
        (c for c in (os.path.join(root, up, "shared", "corpus", "html") for up in ("..", "../.."))
         if os.path.isdir(c)), "../shared/corpus/html")
    exe = sys.argv[2] if len(sys.argv) > 2 else os.path.join(root, "target", "release", "factdeck")
    rows, worst = [], 1.0
    for name in sorted(os.listdir(corpus)):
        d = os.path.join(corpus, name)
        if not os.path.isfile(os.path.join(d, "source.html")):
            continue
        out = subprocess.run([exe, "extract", "--text", os.path.join(d, "source.html")],
                             capture_output=True, text=True)
        lines = [l for l in out.stdout.splitlines()
                 if not l.startswith("==> ") and not l.strip().startswith("--- page")]
        got = words("\n".join(re.sub(r"^\s*\d+  ", "", l) for l in lines))
        p = Text()
        with open(os.path.join(d, "expected.html"), encoding="utf-8") as f:
            p.feed(f.read())
        want = words("".join(p.parts))
        prec, rec, score = f1(got, want)
        worst = min(worst, score)
        rows.append(score)
        print(f"{name:16} precision {prec:.3f}  recall {rec:.3f}  F1 {score:.3f}")
    if rows:
        print(f"{'mean':16} F1 {sum(rows) / len(rows):.3f}  (lowest {worst:.3f}, {len(rows)} pages)")
    sys.exit(0 if rows and worst >= 0.95 else 1)


if __name__ == "__main__":
    main()
