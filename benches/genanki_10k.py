"""genanki building the notes of a factdeck deck as an .apkg: the comparison
half of `cargo bench --bench export`.

Usage: python genanki_10k.py DECK.toml OUT.apkg RUNS

Builds the same notes factdeck's apkg export makes (same note types and fields,
HTML-escaped, same GUIDs and tags) and prints the median time of building the
notes and writing the package. Reading the TOML is not timed, as the Rust side
times rendering from a loaded deck.
"""

import html
import statistics
import sys
import time
import tomllib

import genanki

QUESTION = genanki.Model(
    1731580000101,
    "factdeck Question",
    fields=[{"name": n} for n in ("Question", "Answer", "Options", "Source")],
    templates=[{
        "name": "Card 1",
        "qfmt": "<div class=question>{{Question}}</div>{{#Options}}<div class=options>{{Options}}</div>{{/Options}}",
        "afmt": "{{FrontSide}}<hr id=answer><div class=answer>{{Answer}}</div>{{#Source}}<div class=source>{{Source}}</div>{{/Source}}",
    }],
)
CLOZE = genanki.Model(
    1731580000102,
    "factdeck Cloze",
    fields=[{"name": n} for n in ("Text", "Extra", "Source")],
    templates=[{
        "name": "Cloze",
        "qfmt": "{{cloze:Text}}",
        "afmt": "{{cloze:Text}}{{#Extra}}<div class=explanation>{{Extra}}</div>{{/Extra}}{{#Source}}<div class=source>{{Source}}</div>{{/Source}}",
    }],
    model_type=genanki.Model.CLOZE,
)


def esc(s):
    return html.escape(s or "")


def note_for(card):
    source = f"<div class=sentence>“{esc(card['sentence'])}”</div><div class=ref>{esc(card['doc'])}, line {card['line']}</div>"
    tags = [f"type::{card['type']}", f"kind::{card['kind']}"]
    guid = "factdeck-" + card["id"]
    if card["type"] == "cloze" and "____" in card["prompt"]:
        hint = card.get("hint")
        deletion = "{{c1::" + esc(card["answer"]) + ("::" + esc(hint) if hint else "") + "}}"
        text = esc(card["prompt"]).replace("____", deletion)
        return genanki.Note(model=CLOZE, fields=[text, esc(card.get("explanation")), source], tags=tags, guid=guid)
    options = ""
    if card.get("options") and card["type"] != "true_false":
        options = "<ol type=A>" + "".join(f"<li>{esc(o)}</li>" for o in card["options"]) + "</ol>"
    answer = esc(card["answer"])
    if card.get("explanation"):
        answer += f"<div class=explanation>{esc(card['explanation'])}</div>"
    return genanki.Note(model=QUESTION, fields=[esc(card["prompt"]), answer, options, source], tags=tags, guid=guid)


def build(cards, out):
    deck = genanki.Deck(1_000_000_000_001, "Benchmark::Deck")
    for card in cards:
        deck.add_note(note_for(card))
    genanki.Package(deck).write_to_file(out, timestamp=1_700_000_000)


def main():
    deck_path, out, runs = sys.argv[1], sys.argv[2], int(sys.argv[3])
    with open(deck_path, "rb") as f:
        deck = tomllib.load(f)
    # A card may leave out sentence, doc and line when they are its fact's
    # (docs/deck-format.md); fill them in as factdeck's loader does.
    facts = {fact["id"]: fact for fact in deck.get("facts", [])}
    cards = deck["cards"]
    for card in cards:
        fact = facts.get(card["fact"], {})
        source = (fact.get("sources") or [{}])[0]
        card.setdefault("sentence", fact.get("sentence", ""))
        card.setdefault("doc", source.get("doc", ""))
        card.setdefault("line", source.get("line", 0))
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        build(cards, out)
        times.append(time.perf_counter() - start)
    median, fastest = statistics.median(times) * 1000, min(times) * 1000
    print(f"  {'genanki':<10} {median:>7.1f} / {fastest:>7.1f} ms   (same {len(cards)} notes, build + write .apkg)")


if __name__ == "__main__":
    main()
