"""Imports factdeck's Anki exports into fresh collections with Anki's own backend
(the PyPI package `anki`) and checks what Anki made of them.

Usage:
  python check_import.py --deck-name NAME \
      V1.toml V1.apkg V1.txt V2.toml V2.apkg V2.txt

V2 is a regenerated V1: some cards keep their ids with changed content, some are
new (one of them a new card of a fact V1 already had). Expectations come from the
deck TOML files, read independently of factdeck. Exits 1 and lists every failed
check; prints one summary line on success.

The package makes the cards of one fact the cards of one note (note type
"factdeck", one template per card type), so Anki buries them as siblings; a card
without a fact, or a second card of one type for a fact, is a note of its own.
The text import cannot define note types: one note per card, Basic or Cloze.
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
    """The GUID of the card's note in the text export: one note per card."""
    return "factdeck-" + card["id"]


TEMPLATES = ["cloze", "multiple_choice", "who_said", "true_false", "short_answer"]


def package_notes(cards):
    """The package's notes: GUID -> [cards], in deck order (see the docstring)."""
    notes = {}
    for card in cards.values():
        fact = card.get("fact", "")
        g = "factdeck-fact-" + fact
        if fact and not any(c["type"] == card["type"] for c in notes.get(g, [])):
            notes.setdefault(g, []).append(card)
        else:
            notes.setdefault(guid(card), []).append(card)
    return notes


def package_guid(cards, card):
    for g, members in package_notes(cards).items():
        if any(c is card for c in members):
            return g
    return None


def notes_by_guid(col):
    out = {}
    for nid in col.find_notes(""):
        note = col.get_note(nid)
        check(note.guid not in out, f"two notes share the GUID {note.guid}")
        out[note.guid] = note
    return out


def check_collection(col, cards, deck_name, flavour, label):
    """Checks a collection holding exactly the notes of `cards`."""
    notes = notes_by_guid(col)
    if flavour == "apkg":
        expected = package_notes(cards)
        guid_of = lambda card: package_guid(cards, card)
    else:
        expected = {guid(c): [c] for c in cards.values()}
        guid_of = guid
    check(
        col.note_count() == len(expected),
        f"{label}: {col.note_count()} notes, expected {len(expected)}",
    )
    check(
        col.card_count() == len(cards),
        f"{label}: {col.card_count()} cards, expected {len(cards)}",
    )
    for g, members in expected.items():
        note = notes.get(g)
        if note is not None:
            n = len(note.cards())
            check(n == len(members), f"{label}: note {g} has {n} cards, expected {len(members)}")
            if len(members) > 1:
                facts = {c["fact"] for c in members}
                check(len(facts) == 1, f"{label}: note {g} mixes facts {sorted(facts)}")
    for card in cards.values():
        note = notes.get(guid_of(card))
        if note is None:
            check(False, f"{label}: no note with GUID {guid_of(card)} for {card['id']}")
            continue
        nt = note.note_type()
        if flavour == "apkg":
            want_type = "factdeck"
            ords = {c.ord: c for c in note.cards()}
            anki_card = ords.get(TEMPLATES.index(card["type"]))
            check(anki_card is not None, f"{label}: {card['id']} has no {card['type']} card in its note")
        else:
            want_type = "Cloze" if is_cloze(card) else "Basic"
            anki_card = note.cards()[0] if note.cards() else None
        check(nt["name"] == want_type, f"{label}: {card['id']} has note type {nt['name']}, expected {want_type}")
        if anki_card is not None:
            deck = col.decks.name(anki_card.did)
            check(deck == deck_name, f"{label}: {card['id']} is in deck {deck!r}, expected {deck_name!r}")
        tags = set(note.tags)
        for tag in (f"type::{card['type']}", f"kind::{card['kind']}"):
            check(tag in tags, f"{label}: {card['id']} lacks tag {tag} (has {sorted(tags)})")
        fields = dict(note.items())
        if flavour == "text" and is_cloze(card):
            text = fields["Text"]
            check("{{c1::" in text, f"{label}: {card['id']} Text has no c1 deletion: {text!r}")
            check(card["answer"] in strip_html(text), f"{label}: {card['id']} Text lacks the answer: {text!r}")
        if anki_card is not None:
            q = strip_html(anki_card.question())
            a = strip_html(anki_card.answer())
            if is_cloze(card):
                hint = card.get("hint")
                if hint:
                    check(f"[{hint}]" in q, f"{label}: {card['id']} cloze front lacks hint [{hint}]: {q!r}")
                check(card["answer"] not in q, f"{label}: {card['id']} cloze front shows the answer: {q!r}")
            else:
                check(card["prompt"] in q, f"{label}: {card['id']} front is {q!r}, expected the prompt {card['prompt']!r}")
                if card["type"] in ("multiple_choice", "who_said"):
                    for o in card.get("options", []):
                        check(o in q, f"{label}: {card['id']} front lacks option {o!r}")
            check(card["answer"] in a, f"{label}: {card['id']} back lacks the answer: {a!r}")
            check(card["doc"] in a, f"{label}: {card['id']} back does not name the source {card['doc']}: {a!r}")
        # Markup in the deck must arrive as text, never as tags.
        for value in note.fields:
            check("<script" not in value.lower(), f"{label}: {card['id']} has a raw <script> tag: {value!r}")
    if flavour == "apkg":
        check_siblings_are_buried(col, expected, label)
    return notes


def check_siblings_are_buried(col, expected, label):
    """The deck's options bury siblings, and Anki's scheduler shows one card per note."""
    did = col.get_card(col.find_cards("")[0]).did
    conf = col.decks.config_dict_for_deck_id(did)
    check(conf["new"]["bury"], f"{label}: deck options do not bury new siblings")
    check(conf["rev"]["bury"], f"{label}: deck options do not bury review siblings")
    check(conf.get("buryInterdayLearning"), f"{label}: deck options do not bury learning siblings")
    col.decks.select(did)
    queued = col.sched.get_queued_cards(fetch_limit=1000).cards
    nids = [col.get_card(q.card.id).nid for q in queued]
    check(len(nids) == len(set(nids)), f"{label}: Anki queued {len(nids)} cards of only {len(set(nids))} notes")
    several = sum(1 for m in expected.values() if len(m) > 1)
    check(several > 0, f"{label}: test setup: some fact should have several cards")
    check(len(nids) == min(len(expected), conf["new"]["perDay"]),
          f"{label}: Anki queued {len(nids)} new cards, expected one per note ({len(expected)})")


def fresh_collection(tmp, name):
    return Collection(os.path.join(tmp, name + ".anki2"))


def import_apkg(col, path):
    # As with "Import any deck presets" ticked in Anki's import dialog: the
    # package's preset buries siblings (Anki's Default preset does not).
    options = ImportAnkiPackageOptions(with_deck_configs=True)
    req = ImportAnkiPackageRequest(package_path=path, options=options)
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
                    g = package_guid(v2, v2[cid]) if flavour == "apkg" else guid(v2[cid])
                    note = notes.get(g)
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
