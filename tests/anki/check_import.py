"""Imports factdeck's Anki exports into fresh collections with Anki's own backend
(the PyPI package `anki`) and checks what Anki made of them.

Usage:
  python check_import.py --deck-name NAME \
      V1.toml V1.apkg V1.txt V2.toml V2.apkg V2.txt

V2 is a regenerated V1: some cards keep their ids with changed content, some are
new. Expectations come from the deck TOML files, read independently of factdeck.
Exits 1 and lists every failed check; prints one summary line on success.
"""

import argparse
import html
import os
import re
import sys
import tempfile
import tomllib

from anki.collection import (
    Collection,
    ImportAnkiPackageOptions,
    ImportAnkiPackageRequest,
    ImportCsvRequest,
)


def strip_html(s):
    """Text of an HTML field: tags removed, entities decoded."""
    return html.unescape(re.sub(r"<[^>]*>", " ", s))


FAILURES = []
CHECKS = 0


def check(ok, message):
    global CHECKS
    CHECKS += 1
    if not ok:
        FAILURES.append(message)


def load_cards(path):
    with open(path, "rb") as f:
        deck = tomllib.load(f)
    return {c["id"]: c for c in deck.get("cards", [])}


def is_cloze(card):
    return card["type"] == "cloze" and "___" in card["prompt"]


def guid(card):
    return "factdeck-" + card["id"]


def notes_by_guid(col):
    out = {}
    for nid in col.find_notes(""):
        note = col.get_note(nid)
        check(note.guid not in out, f"two notes share the GUID {note.guid}")
        out[note.guid] = note
    return out


def check_collection(col, cards, deck_name, flavour, label):
    """Checks a collection holding exactly the notes of `cards`."""
    question_type, cloze_type = {
        "apkg": ("factdeck Question", "factdeck Cloze"),
        "text": ("Basic", "Cloze"),
    }[flavour]
    notes = notes_by_guid(col)
    check(
        col.note_count() == len(cards),
        f"{label}: {col.note_count()} notes, expected {len(cards)}",
    )
    check(
        col.card_count() == len(cards),
        f"{label}: {col.card_count()} cards, expected {len(cards)} (one per note)",
    )
    for card in cards.values():
        note = notes.get(guid(card))
        if note is None:
            check(False, f"{label}: no note with GUID {guid(card)}")
            continue
        nt = note.note_type()
        want_type = cloze_type if is_cloze(card) else question_type
        check(nt["name"] == want_type, f"{label}: {card['id']} has note type {nt['name']}, expected {want_type}")
        anki_cards = note.cards()
        check(len(anki_cards) == 1, f"{label}: {card['id']} made {len(anki_cards)} cards, expected 1")
        for c in anki_cards:
            deck = col.decks.name(c.did)
            check(deck == deck_name, f"{label}: {card['id']} is in deck {deck!r}, expected {deck_name!r}")
        tags = set(note.tags)
        for tag in (f"type::{card['type']}", f"kind::{card['kind']}"):
            check(tag in tags, f"{label}: {card['id']} lacks tag {tag} (has {sorted(tags)})")
        fields = dict(note.items())
        if is_cloze(card):
            text = fields["Text"]
            check("{{c1::" in text, f"{label}: {card['id']} Text has no c1 deletion: {text!r}")
            check(card["answer"] in strip_html(text), f"{label}: {card['id']} Text lacks the answer: {text!r}")
            if anki_cards:
                q = anki_cards[0].question()
                a = anki_cards[0].answer()
                hint = card.get("hint")
                if hint:
                    check(f"[{hint}]" in strip_html(q), f"{label}: {card['id']} cloze front lacks hint [{hint}]: {q!r}")
                check(card["answer"] not in strip_html(q), f"{label}: {card['id']} cloze front shows the answer: {q!r}")
                check(card["answer"] in strip_html(a), f"{label}: {card['id']} cloze back lacks the answer: {a!r}")
        else:
            front_field = "Question" if flavour == "apkg" else "Front"
            back_field = "Answer" if flavour == "apkg" else "Back"
            front = fields[front_field]
            check(
                card["prompt"] in strip_html(front),
                f"{label}: {card['id']} {front_field} is {front!r}, expected the prompt {card['prompt']!r}",
            )
            check(
                card["answer"] in strip_html(fields[back_field]),
                f"{label}: {card['id']} {back_field} lacks the answer: {fields[back_field]!r}",
            )
            if card["type"] in ("multiple_choice", "who_said"):
                opts = fields["Options"] if flavour == "apkg" else front
                for o in card.get("options", []):
                    check(o in strip_html(opts), f"{label}: {card['id']} lacks option {o!r}")
            if anki_cards:
                a = anki_cards[0].answer()
                check(card["answer"] in strip_html(a), f"{label}: {card['id']} back lacks the answer: {a!r}")
                check(
                    card["doc"] in strip_html(a),
                    f"{label}: {card['id']} back does not name the source {card['doc']}: {a!r}",
                )
        # Markup in the deck must arrive as text, never as tags.
        for value in note.fields:
            check("<script" not in value.lower(), f"{label}: {card['id']} has a raw <script> tag: {value!r}")
    return notes


def fresh_collection(tmp, name):
    return Collection(os.path.join(tmp, name + ".anki2"))


def import_apkg(col, path):
    req = ImportAnkiPackageRequest(package_path=path, options=ImportAnkiPackageOptions())
    return col.import_anki_package(req)


def import_text(col, path):
    metadata = col.get_csv_metadata(path=path, delimiter=None)
    return col.import_csv(ImportCsvRequest(path=path, metadata=metadata))


def changed(v1, v2):
    """Ids present in both decks whose card content differs."""
    return [i for i in v1 if i in v2 and v1[i] != v2[i]]


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--deck-name", required=True)
    p.add_argument("v1_deck")
    p.add_argument("v1_apkg")
    p.add_argument("v1_text")
    p.add_argument("v2_deck")
    p.add_argument("v2_apkg")
    p.add_argument("v2_text")
    a = p.parse_args()
    v1 = load_cards(a.v1_deck)
    v2 = load_cards(a.v2_deck)
    union = dict(v1)
    union.update(v2)
    updated = changed(v1, v2)
    check(updated, "test setup: the regenerated deck should change some cards")
    check(set(v2) - set(v1), "test setup: the regenerated deck should add cards")

    with tempfile.TemporaryDirectory() as tmp:
        for flavour, first, second, do_import in (
            ("apkg", a.v1_apkg, a.v2_apkg, import_apkg),
            ("text", a.v1_text, a.v2_text, import_text),
        ):
            col = fresh_collection(tmp, flavour)
            try:
                do_import(col, first)
                check_collection(col, v1, a.deck_name, flavour, f"{flavour} v1")
                # The regenerated deck: same GUIDs update, new ones add, nothing doubles.
                do_import(col, second)
                notes = check_collection(col, union, a.deck_name, flavour, f"{flavour} v1+v2")
                for cid in updated:
                    note = notes.get(guid(v2[cid]))
                    if note is None:
                        continue
                    text = " ".join(strip_html(f) for f in note.fields)
                    card = v2[cid]
                    wanted = [card["answer"]] + [o for o in card.get("options", [])]
                    if card.get("hint") and is_cloze(card):
                        wanted.append(card["hint"])
                    for w in wanted:
                        check(w in text, f"{flavour} v1+v2: {cid} was not updated: {w!r} missing from {text!r}")
            finally:
                col.close()

    if FAILURES:
        for f in FAILURES:
            print("FAIL:", f)
        print(f"{len(FAILURES)} of {CHECKS} Anki import checks failed")
        sys.exit(1)
    print(f"anki import: {CHECKS} checks passed ({len(v1)} + {len(v2)} cards, apkg and text)")


if __name__ == "__main__":
    main()
