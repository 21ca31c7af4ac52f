//! The `.apkg` export: a zip holding `collection.anki2`, an Anki collection in the
//! schema-11 layout that every Anki version since 2.1 imports, and an empty
//! `media` map.
//!
//! Schema 11 keeps note types, decks and deck options as JSON in the single `col`
//! row; notes and cards are rows of their own. The cards of one fact are the
//! cards of one note ([`super::anki::fact_notes`]), and the deck has its own
//! options preset that buries siblings, so Anki shows one card of a fact a day.
//! Note and card ids are the export time in milliseconds plus a counter (Anki
//! shows them as "added" dates); what makes a re-import update rather than
//! duplicate is the note GUID ([`super::anki::fact_guid`]), and Anki only
//! updates a note whose `mod` time is newer, which is why the caller passes the
//! export time in.

use super::anki::{
    AnkiOptions, FACT_FIELDS, FACT_NOTE_TYPE_ID, FACT_NOTE_TYPE_NAME, FactNote, NOTE_CSS,
    TEMPLATES, fact_notes, normalize_deck_name, strip_html, template, template_fields,
};
use crate::error::{Error, Result};
use crate::model::{Deck, content_hash};
use rusqlite::{Connection, params};
use serde_json::{Value as Json, json};
use sha1::{Digest, Sha1};
use std::io::{Cursor, Write};

/// Tables of an Anki schema-11 collection.
const SCHEMA: &str = "
CREATE TABLE col (
    id integer primary key, crt integer not null, mod integer not null,
    scm integer not null, ver integer not null, dty integer not null,
    usn integer not null, ls integer not null, conf text not null,
    models text not null, decks text not null, dconf text not null,
    tags text not null
);
CREATE TABLE notes (
    id integer primary key, guid text not null, mid integer not null,
    mod integer not null, usn integer not null, tags text not null,
    flds text not null, sfld integer not null, csum integer not null,
    flags integer not null, data text not null
);
CREATE TABLE cards (
    id integer primary key, nid integer not null, did integer not null,
    ord integer not null, mod integer not null, usn integer not null,
    type integer not null, queue integer not null, due integer not null,
    ivl integer not null, factor integer not null, reps integer not null,
    lapses integer not null, left integer not null, odue integer not null,
    odid integer not null, flags integer not null, data text not null
);
CREATE TABLE revlog (
    id integer primary key, cid integer not null, usn integer not null,
    ease integer not null, ivl integer not null, lastIvl integer not null,
    factor integer not null, time integer not null, type integer not null
);
CREATE TABLE graves (usn integer not null, oid integer not null, type integer not null);
";

/// Anki's indexes, built after the rows are in: one pass instead of one
/// update per row.
const INDEXES: &str = "
CREATE INDEX ix_notes_usn ON notes (usn);
CREATE INDEX ix_cards_usn ON cards (usn);
CREATE INDEX ix_revlog_usn ON revlog (usn);
CREATE INDEX ix_cards_nid ON cards (nid);
CREATE INDEX ix_cards_sched ON cards (did, queue, due);
CREATE INDEX ix_revlog_cid ON revlog (cid);
CREATE INDEX ix_notes_csum ON notes (csum);
";

/// Renders a deck as the bytes of an `.apkg` file.
pub fn render(deck: &Deck, opts: &AnkiOptions) -> Result<Vec<u8>> {
    let deck_name = normalize_deck_name(&opts.deck_name);
    let notes = fact_notes(deck);
    let db = tempfile::Builder::new()
        .prefix("factdeck-apkg-")
        .suffix(".anki2")
        .tempfile()
        .map_err(|e| Error::Other(format!("cannot create a temporary collection: {e}")))?;
    write_collection(
        db.path(),
        &deck_name,
        &deck.deck.description,
        &notes,
        opts.timestamp,
    )
    .map_err(|e| Error::Other(format!("cannot build the Anki collection: {e}")))?;
    let collection = std::fs::read(db.path()).map_err(|e| Error::io(db.path(), e))?;
    zip_package(&collection)
        .map_err(|e| Error::Other(format!("cannot write the Anki package: {e}")))
}

/// Anki's deck id for a deck name: a stable number derived from the name, so a
/// deck keeps its id across exports. Kept below 2^53 because Anki reads these
/// ids from JSON.
pub fn deck_id(name: &str) -> i64 {
    let hash = content_hash(&["anki deck", name]);
    let n = u64::from_str_radix(&hash[..12], 16).unwrap_or(0);
    1_000_000_000_000 + (n % 1_000_000_000_000) as i64
}

/// Anki's duplicate-check number: the first 8 hex digits of the SHA-1 of the
/// note's first field with HTML removed.
pub fn field_checksum(first_field: &str) -> i64 {
    let digest = Sha1::digest(strip_html(first_field).as_bytes());
    i64::from(u32::from_be_bytes([
        digest[0], digest[1], digest[2], digest[3],
    ]))
}

fn write_collection(
    path: &std::path::Path,
    deck_name: &str,
    description: &str,
    notes: &[FactNote],
    timestamp: i64,
) -> rusqlite::Result<()> {
    let mut conn = Connection::open(path)?;
    // A throwaway file: durability would only cost time.
    conn.execute_batch(
        "PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF; \
         PRAGMA locking_mode = EXCLUSIVE; PRAGMA cache_size = -65536;",
    )?;
    conn.execute_batch(SCHEMA)?;
    let millis = timestamp.saturating_mul(1000);
    let leaf_id = deck_id(deck_name);
    let tx = conn.transaction()?;
    tx.execute(
        "INSERT INTO col VALUES (1, ?1, ?2, ?2, 11, 0, 0, 0, ?3, ?4, ?5, ?6, '{}')",
        params![
            timestamp,
            millis,
            collection_conf(leaf_id).to_string(),
            models_json(leaf_id, timestamp).to_string(),
            decks_json(deck_name, description, timestamp).to_string(),
            dconf_json(timestamp).to_string(),
        ],
    )?;
    {
        let mut add_note = tx.prepare(
            "INSERT INTO notes (id, guid, mid, mod, usn, tags, flds, sfld, csum, flags, data)
             VALUES (?1, ?2, ?3, ?4, -1, ?5, ?6, ?7, ?8, 0, '')",
        )?;
        let mut add_card = tx.prepare(
            "INSERT INTO cards (id, nid, did, ord, mod, usn, type, queue, due, ivl, factor,
                                reps, lapses, left, odue, odid, flags, data)
             VALUES (?1, ?2, ?3, ?4, ?5, -1, 0, 0, ?6, 0, 0, 0, 0, 0, 0, 0, 0, '')",
        )?;
        let mut flds = String::new();
        let mut card_id = millis;
        for (i, note) in notes.iter().enumerate() {
            let id = millis + i as i64;
            flds.clear();
            for (j, f) in note.fields.iter().enumerate() {
                if j > 0 {
                    flds.push('\x1f');
                }
                flds.push_str(f);
            }
            let tags = if note.tags.is_empty() {
                String::new()
            } else {
                format!(" {} ", note.tags.join(" "))
            };
            add_note.execute(params![
                id,
                note.guid,
                FACT_NOTE_TYPE_ID,
                timestamp,
                tags,
                flds,
                strip_html(&note.fields[0]),
                field_checksum(&note.fields[0]),
            ])?;
            // Siblings share their note's place in the new-card queue.
            for &ord in &note.cards {
                add_card.execute(params![
                    card_id,
                    id,
                    leaf_id,
                    ord as i64,
                    timestamp,
                    i as i64 + 1
                ])?;
                card_id += 1;
            }
        }
    }
    tx.execute_batch(INDEXES)?;
    tx.commit()?;
    conn.close().map_err(|(_, e)| e)
}

fn zip_package(collection: &[u8]) -> zip::result::ZipResult<Vec<u8>> {
    use zip::write::SimpleFileOptions;
    // A fixed date keeps the package byte-identical for identical input.
    // Level 1: most of the size saving of deflate at a fraction of the time.
    let options = SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated)
        .compression_level(Some(1))
        .last_modified_time(zip::DateTime::default());
    let mut zip = zip::ZipWriter::new(Cursor::new(Vec::new()));
    zip.start_file("collection.anki2", options)?;
    zip.write_all(collection)?;
    zip.start_file("media", options)?;
    zip.write_all(b"{}")?;
    Ok(zip.finish()?.into_inner())
}

fn collection_conf(deck_id: i64) -> Json {
    json!({
        "activeDecks": [deck_id],
        "curDeck": deck_id,
        "curModel": FACT_NOTE_TYPE_ID.to_string(),
        "addToCur": true,
        "collapseTime": 1200,
        "dueCounts": true,
        "estTimes": true,
        "newBury": true,
        "newSpread": 0,
        "nextPos": 1,
        "sortBackwards": false,
        "sortType": "noteFld",
        "timeLim": 0
    })
}

fn models_json(deck_id: i64, timestamp: i64) -> Json {
    let fields: Vec<Json> = FACT_FIELDS
        .iter()
        .enumerate()
        .map(|(ord, name)| {
            json!({
                "name": name, "ord": ord, "sticky": false, "rtl": false,
                "font": "Arial", "size": 20, "media": []
            })
        })
        .collect();
    let templates: Vec<Json> = (0..TEMPLATES.len())
        .map(|ord| {
            let (name, qfmt, afmt) = template(ord);
            json!({
                "name": name, "ord": ord, "qfmt": qfmt, "afmt": afmt,
                "bqfmt": "", "bafmt": "", "did": null, "bfont": "", "bsize": 0
            })
        })
        .collect();
    // Which field each template needs (older Ankis read this; newer ones work
    // it out from the templates).
    let req: Vec<Json> = (0..TEMPLATES.len())
        .map(|ord| json!([ord, "all", [template_fields(ord).0]]))
        .collect();
    let mut models = serde_json::Map::new();
    models.insert(
        FACT_NOTE_TYPE_ID.to_string(),
        json!({
            "id": FACT_NOTE_TYPE_ID,
            "name": FACT_NOTE_TYPE_NAME,
            "type": 0,
            "mod": timestamp,
            "usn": -1,
            "sortf": 0,
            "did": deck_id,
            "tmpls": templates,
            "flds": fields,
            "css": NOTE_CSS,
            "latexPre": "\\documentclass[12pt]{article}\n\\special{papersize=3in,5in}\n\\usepackage[utf8]{inputenc}\n\\usepackage{amssymb,amsmath}\n\\pagestyle{empty}\n\\setlength{\\parindent}{0in}\n\\begin{document}\n",
            "latexPost": "\\end{document}",
            "latexsvg": false,
            "req": req,
            "tags": [],
            "vers": []
        }),
    );
    Json::Object(models)
}

/// The Default deck plus every level of `deck_name` (`A`, `A::B`, …), so the
/// sub-deck's parents exist in the package too.
fn decks_json(deck_name: &str, description: &str, timestamp: i64) -> Json {
    let mut decks = serde_json::Map::new();
    decks.insert("1".into(), deck_entry(1, "Default", "", timestamp));
    let parts: Vec<&str> = deck_name.split("::").collect();
    for depth in 1..=parts.len() {
        let name = parts[..depth].join("::");
        let id = deck_id(&name);
        let desc = if depth == parts.len() {
            description
        } else {
            ""
        };
        decks.insert(id.to_string(), deck_entry(id, &name, desc, timestamp));
    }
    Json::Object(decks)
}

fn deck_entry(id: i64, name: &str, description: &str, timestamp: i64) -> Json {
    let conf = if id == 1 { 1 } else { DECK_OPTIONS_ID };
    json!({
        "id": id, "name": name, "desc": description, "mod": timestamp, "usn": -1,
        "conf": conf, "dyn": 0, "collapsed": false, "browserCollapsed": false,
        "extendNew": 10, "extendRev": 50,
        "newToday": [0, 0], "revToday": [0, 0], "lrnToday": [0, 0], "timeToday": [0, 0]
    })
}

/// The id of factdeck's deck options preset. Anki imports a preset it does not
/// have yet and keeps one it has (so a teacher's later changes survive a
/// re-import); Anki's own Default preset buries nothing, hence a preset of ours.
pub const DECK_OPTIONS_ID: i64 = 1_731_580_000_201;

/// Deck options: Anki's Default preset, and factdeck's, which buries the
/// siblings of a card shown today (new, review and learning cards alike).
fn dconf_json(timestamp: i64) -> Json {
    let preset = |id: i64, name: &str, bury: bool, modified: i64| {
        json!({
            "id": id, "name": name, "mod": modified, "usn": -1, "maxTaken": 60,
            "autoplay": true, "timer": 0, "replayq": true, "dyn": false,
            "buryInterdayLearning": bury,
            "new": {
                "delays": [1, 10], "ints": [1, 4, 7], "initialFactor": 2500,
                "order": 1, "perDay": 20, "bury": bury, "separate": true
            },
            "rev": {
                "perDay": 200, "ease4": 1.3, "fuzz": 0.05, "ivlFct": 1,
                "maxIvl": 36500, "minSpace": 1, "bury": bury
            },
            "lapse": {
                "delays": [10], "mult": 0, "minInt": 1, "leechFails": 8, "leechAction": 0
            }
        })
    };
    let mut dconf = serde_json::Map::new();
    dconf.insert("1".into(), preset(1, "Default", false, 0));
    dconf.insert(
        DECK_OPTIONS_ID.to_string(),
        preset(DECK_OPTIONS_ID, "factdeck", true, timestamp),
    );
    Json::Object(dconf)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{CardType, DECK_FORMAT, DeckInfo};
    use crate::render::anki::tests::card;
    use std::io::Read;

    fn deck() -> Deck {
        let mut cloze = card(CardType::Cloze, "The fund holds ____ today.", "$9 million");
        cloze.hint = Some("a dollar amount".into());
        cloze.sentence = "The fund holds $9 million today.".into();
        // The same fact asked another way: a sibling in the cloze card's note.
        let mut choice = card(
            CardType::MultipleChoice,
            "How much does the fund hold?",
            "$9 million",
        );
        choice.fact = cloze.fact.clone();
        choice.id = crate::model::CardId::of(&choice.fact, choice.card_type);
        choice.options = vec!["$9 million".into(), "$4 million".into()];
        let mut loose = card(CardType::TrueFalse, "A card of its own.", "True");
        loose.fact = crate::model::FactId(String::new());
        Deck {
            format: DECK_FORMAT,
            deck: DeckInfo {
                title: "Town budget".into(),
                description: String::new(),
                created: "2025-01-01".into(),
                seed: 1,
                sources: Vec::new(),
            },
            conflicts: Vec::new(),
            facts: Vec::new(),
            cards: vec![
                cloze,
                card(CardType::ShortAnswer, "How much?", "$5 & more"),
                choice,
                loose,
            ],
        }
    }

    fn opts() -> AnkiOptions {
        AnkiOptions {
            deck_name: "Civics::Town budget".into(),
            timestamp: 1_700_000_000,
        }
    }

    fn unzip(bytes: &[u8]) -> (Vec<u8>, String) {
        let mut zip = zip::ZipArchive::new(Cursor::new(bytes)).expect("zip");
        let mut col = Vec::new();
        zip.by_name("collection.anki2")
            .expect("collection")
            .read_to_end(&mut col)
            .expect("read");
        let mut media = String::new();
        zip.by_name("media")
            .expect("media")
            .read_to_string(&mut media)
            .expect("read");
        (col, media)
    }

    #[test]
    fn package_holds_a_schema_11_collection_with_one_note_per_fact() {
        let (col, media) = unzip(&render(&deck(), &opts()).expect("render"));
        assert_eq!(media, "{}");
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("c.anki2");
        std::fs::write(&path, col).expect("write");
        let conn = Connection::open(&path).expect("open");
        let ver: i64 = conn
            .query_row("SELECT ver FROM col", [], |r| r.get(0))
            .expect("ver");
        assert_eq!(ver, 11);
        let (notes, cards): (i64, i64) = conn
            .query_row(
                "SELECT (SELECT count(*) FROM notes), (SELECT count(*) FROM cards)",
                [],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .expect("counts");
        assert_eq!(
            (notes, cards),
            (3, 4),
            "one note per fact, one for the loose card"
        );
        let decks: String = conn
            .query_row("SELECT decks FROM col", [], |r| r.get(0))
            .expect("decks");
        let decks: Json = serde_json::from_str(&decks).expect("json");
        let mut names: Vec<&str> = decks
            .as_object()
            .expect("object")
            .values()
            .filter_map(|d| d["name"].as_str())
            .collect();
        names.sort();
        assert_eq!(names, ["Civics", "Civics::Town budget", "Default"]);
        let (nid, mid, guid, flds, sfld, csum): (i64, i64, String, String, String, i64) = conn
            .query_row(
                "SELECT id, mid, guid, flds, sfld, csum FROM notes ORDER BY id LIMIT 1",
                [],
                |r| {
                    Ok((
                        r.get(0)?,
                        r.get(1)?,
                        r.get(2)?,
                        r.get(3)?,
                        r.get(4)?,
                        r.get(5)?,
                    ))
                },
            )
            .expect("note");
        assert_eq!(mid, FACT_NOTE_TYPE_ID);
        assert_eq!(guid, format!("factdeck-fact-f-The fund holds ____ today."));
        let fields: Vec<&str> = flds.split('\x1f').collect();
        assert_eq!(fields.len(), FACT_FIELDS.len());
        assert_eq!(sfld, "The fund holds $9 million today.");
        assert_eq!(csum, field_checksum(&sfld));
        assert_eq!(
            fields[1],
            "The fund holds <span class=cloze>[a dollar amount]</span> today."
        );
        assert!(
            fields[3].starts_with("How much does the fund hold?"),
            "{}",
            fields[3]
        );
        assert!(fields[5].is_empty(), "no who-said card: {}", fields[5]);
        // The fact's two cards are siblings: one note, the templates of their types.
        let mut ords: Vec<i64> = conn
            .prepare("SELECT ord FROM cards WHERE nid = ?1 ORDER BY ord")
            .expect("prepare")
            .query_map([nid], |r| r.get(0))
            .expect("query")
            .collect::<rusqlite::Result<_>>()
            .expect("rows");
        ords.dedup();
        assert_eq!(ords, [0, 1]);
        let conf: i64 = conn
            .query_row("SELECT decks FROM col", [], |r| r.get::<_, String>(0))
            .map(|d| {
                let d: Json = serde_json::from_str(&d).expect("json");
                d[deck_id("Civics::Town budget").to_string()]["conf"]
                    .as_i64()
                    .expect("conf")
            })
            .expect("decks");
        assert_eq!(conf, DECK_OPTIONS_ID);
    }

    #[test]
    fn same_input_gives_identical_bytes() {
        assert_eq!(
            render(&deck(), &opts()).expect("one"),
            render(&deck(), &opts()).expect("two")
        );
    }

    #[test]
    fn checksum_matches_anki_definition() {
        // sha1("hello") = aaf4c61d…; Anki keeps the first 8 hex digits.
        assert_eq!(field_checksum("<b>hello</b>"), 0xaaf4_c61d);
    }
}
