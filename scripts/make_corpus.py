#!/usr/bin/env python3
"""Write a synthetic corpus of many news-style documents for benchmarks.

Usage: make_corpus.py OUT_DIR [TOTAL_MB] [DOCS] [FILLER]
The sentences are generated from templates (our own words) with varied names,
dates, money, percentages, counts and quotes, so every fact finder is exercised.
FILLER (default 4) fact-free sentences follow each fact-bearing one, which gives
about the fact density of real news articles (5-6 facts per KB); FILLER=0 makes a
dense corpus (about 30 facts per KB) that stresses the per-fact work.
"""
import os
import random
import sys

FIRST = ["Maria", "James", "Aisha", "Robert", "Lena", "Tomas", "Grace", "Omar", "Helen", "Victor"]
LAST = ["Alvarez", "Okafor", "Lindqvist", "Brennan", "Nakamura", "Delgado", "Fairbanks", "Kowalski"]
ROLES = ["Governor", "Senator", "Mayor", "Council Member", "Secretary", "Commissioner"]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December"]
NOUNS = ["residents", "students", "households", "workers", "veterans", "families", "homes"]
TOPICS = ["transit", "housing", "broadband", "flood control", "school meals", "bridge repair"]


VERBS = ["reviewed", "debated", "questioned", "defended", "praised", "criticized", "delayed"]
THINGS = ["the proposal", "the agency's plan", "the new rules", "the pilot program",
          "the committee's report", "the regional strategy", "the oversight process"]


def filler(r):
    """A sentence with no facts in it, shaped like ordinary reporting."""
    a, b = r.choice(THINGS), r.choice(THINGS)
    return r.choice([
        f"Local leaders {r.choice(VERBS)} {a} during a long public session on the east side.",
        f"Supporters argued that {a} would make {r.choice(TOPICS)} easier to manage, while opponents said {b} went too far.",
        f"Several residents spoke during the comment period, and most of them asked for clearer answers about {r.choice(TOPICS)}.",
        f"The details of {a} are still being worked out, according to staff members familiar with the talks.",
        f"Advocates have {r.choice(VERBS)} {b} for months and say the public deserves a full accounting.",
    ])


def sentence(r):
    name = f"{r.choice(FIRST)} {r.choice(LAST)}"
    role = r.choice(ROLES)
    y = r.randint(1990, 2030)
    m = r.choice(MONTHS)
    d = r.randint(1, 28)
    topic = r.choice(TOPICS)
    kind = r.randrange(8)
    if kind == 0:
        return f"On {m} {d}, {y}, the state announced ${r.randint(1, 999)}.{r.randint(1, 9)} million for {topic}."
    if kind == 1:
        return f"{role} {name} said, \u201cThis {topic} plan will reach every county by {y} and we will not stop.\u201d"
    if kind == 2:
        return f"The program served {r.randint(100, 99999):,} {r.choice(NOUNS)} in {m} {y}, up {r.randint(1, 60)}% from the year before."
    if kind == 3:
        return f"\"We expect the first {topic} grants to go out within {r.randint(2, 90)} days,\" {name} told reporters."
    if kind == 4:
        return f"Since {y}, costs have risen {r.randint(1, 40)} percent, according to a report released {m} {d}."
    if kind == 5:
        return f"{name}, {r.randint(25, 80)}, has led the {topic} office since {y}."
    if kind == 6:
        return f"The {y}\u2013{y + 2} budget sets aside up to ${r.randint(2, 9)} billion, roughly {r.randint(2, 30)} percentage points more."
    return f"Officials met for {r.randint(20, 90)} minutes and reviewed section {r.randint(1, 400)} of the {topic} act."


def main():
    out = sys.argv[1]
    total_mb = float(sys.argv[2]) if len(sys.argv) > 2 else 24
    docs = int(sys.argv[3]) if len(sys.argv) > 3 else 400
    fill = int(sys.argv[4]) if len(sys.argv) > 4 else 4
    os.makedirs(out, exist_ok=True)
    r = random.Random(7)
    per_doc = int(total_mb * 1024 * 1024 / docs)
    for i in range(docs):
        parts, size = [f"# {r.choice(TOPICS).title()} update {i}\n\n"], 0
        while size < per_doc:
            para = " ".join(
                " ".join([sentence(r)] + [filler(r) for _ in range(fill)])
                for _ in range(r.randint(1, 3))
            ) + "\n\n"
            parts.append(para)
            size += len(para.encode())
        with open(os.path.join(out, f"doc{i:05}.md"), "w", encoding="utf-8") as fh:
            fh.write("".join(parts))


if __name__ == "__main__":
    main()
