//! Plain data shared by the pipeline stages: facts, cards and decks.
//!
//! Every stage hands these structs to the next; none reaches back into another
//! stage. Field order here is the field order in JSON and TOML output, so keep it
//! stable: decks are meant to diff cleanly.

use serde::ser::SerializeStruct;
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use sha2::{Digest, Sha256};
use std::fmt;

/// The current version of the deck file format (`format = 1`).
pub const DECK_FORMAT: u32 = 1;

/// What a fact is about.
#[derive(Serialize, Deserialize, Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[serde(rename_all = "snake_case")]
pub enum FactKind {
    Date,
    Money,
    Percent,
    Quantity,
    Quote,
}

impl FactKind {
    /// Every kind, in output order.
    pub const ALL: [FactKind; 5] = [
        FactKind::Date,
        FactKind::Money,
        FactKind::Percent,
        FactKind::Quantity,
        FactKind::Quote,
    ];

    /// The lowercase name used in files and on the command line.
    pub fn as_str(self) -> &'static str {
        match self {
            FactKind::Date => "date",
            FactKind::Money => "money",
            FactKind::Percent => "percent",
            FactKind::Quantity => "quantity",
            FactKind::Quote => "quote",
        }
    }
}

impl fmt::Display for FactKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A fact's normalized value: a number (money, percent, quantity) or text
/// (an ISO 8601 date such as `2025-11-17`, `2025-11`, `2025`, `--11-21`; a quote's words).
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq)]
#[serde(untagged)]
pub enum Value {
    Number(f64),
    Text(String),
}

impl Value {
    /// The number, when the value is one.
    pub fn as_f64(&self) -> Option<f64> {
        match self {
            Value::Number(n) => Some(*n),
            Value::Text(_) => None,
        }
    }

    /// The text, when the value is text.
    pub fn as_text(&self) -> Option<&str> {
        match self {
            Value::Number(_) => None,
            Value::Text(s) => Some(s),
        }
    }
}

impl Value {
    /// Whether this value has the form its kind needs: a finite number for
    /// money, percents and quantities (not `"lots"`, `nan` or `-inf`).
    pub fn fits(&self, kind: FactKind) -> bool {
        match (kind, self) {
            (FactKind::Money | FactKind::Percent | FactKind::Quantity, Value::Number(n)) => {
                n.is_finite()
            }
            // Hand-written decks may give the figure as written ("$18 billion"):
            // text holding a digit is a figure, text without one ("lots") is not.
            (FactKind::Money | FactKind::Percent | FactKind::Quantity, Value::Text(t)) => {
                t.chars().any(|c| c.is_ascii_digit())
            }
            (FactKind::Date | FactKind::Quote, _) => true,
        }
    }
}

impl fmt::Display for Value {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Value::Number(n) if n.fract() == 0.0 && n.abs() < 1e15 => write!(f, "{}", *n as i64),
            Value::Number(n) => write!(f, "{n}"),
            Value::Text(s) => f.write_str(s),
        }
    }
}

/// A stable content hash: the first 16 hex digits of SHA-256 over the parts,
/// each followed by a NUL byte. Documented so other tools can recompute ids.
pub fn content_hash(parts: &[&str]) -> String {
    content_hash_hex(parts)
        .iter()
        .map(|&b| char::from(b))
        .collect()
}

/// [`content_hash`] as ASCII hex digits, without allocating.
pub fn content_hash_hex(parts: &[&str]) -> [u8; 16] {
    let mut h = Sha256::new();
    for p in parts {
        h.update(p.as_bytes());
        h.update([0u8]);
    }
    hex16(&h.finalize())
}

/// [`content_hash_hex`] of the parts already joined, each followed by its
/// NUL byte: one call into SHA-256 instead of two per part.
pub fn content_hash_hex_joined(joined: &[u8]) -> [u8; 16] {
    hex16(&Sha256::digest(joined))
}

/// The first 8 bytes of a digest as 16 hex digits.
fn hex16(digest: &[u8]) -> [u8; 16] {
    const HEX: &[u8; 16] = b"0123456789abcdef";
    let mut out = [0u8; 16];
    for (pair, b) in out.chunks_exact_mut(2).zip(&digest[..8]) {
        pair[0] = HEX[usize::from(b >> 4)];
        pair[1] = HEX[usize::from(b & 0xf)];
    }
    out
}

/// Identifies a fact: `content_hash([kind, value, text, sentence])`.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[serde(transparent)]
pub struct FactId(pub String);

impl FactId {
    /// The id of a fact with this kind, value, exact text and sentence.
    pub fn of(kind: FactKind, value: &Value, text: &str, sentence: &str) -> FactId {
        FactId::from_hex(fact_id_hex(kind, value, text, sentence, &mut Vec::new()))
    }

    /// The id whose 16 hex digits are `hex` (from [`fact_id_hex`]).
    pub fn from_hex(hex: [u8; 16]) -> FactId {
        FactId(hex.iter().map(|&b| char::from(b)).collect())
    }
}

/// [`FactId::of`] as hex digits, joining the parts in `joined` (reused by
/// callers that make many ids, so no allocation per id).
pub fn fact_id_hex(
    kind: FactKind,
    value: &Value,
    text: &str,
    sentence: &str,
    joined: &mut Vec<u8>,
) -> [u8; 16] {
    use std::io::Write as _;
    joined.clear();
    joined.extend_from_slice(kind.as_str().as_bytes());
    joined.push(0);
    // The value as `Display` writes it; writing to a Vec cannot fail.
    let _ = match value {
        Value::Number(n) if n.fract() == 0.0 && n.abs() < 1e15 => write!(joined, "{}", *n as i64),
        Value::Number(n) => write!(joined, "{n}"),
        Value::Text(t) => joined.write_all(t.as_bytes()),
    };
    joined.push(0);
    joined.extend_from_slice(text.as_bytes());
    joined.push(0);
    joined.extend_from_slice(sentence.as_bytes());
    joined.push(0);
    content_hash_hex_joined(joined)
}

impl fmt::Display for FactId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// Identifies a card: `content_hash([fact id, card type])`, so regenerating a deck
/// updates cards instead of duplicating them.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[serde(transparent)]
pub struct CardId(pub String);

impl CardId {
    /// The id of the card of this type made from this fact.
    pub fn of(fact: &FactId, card_type: CardType) -> CardId {
        CardId(content_hash(&[&fact.0, card_type.as_str()]))
    }
}

impl fmt::Display for CardId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// What a fact says about its kind beyond its value: the one home of every
/// kind-specific field. A fact's [`FactKind`] is its detail's
/// ([`Detail::kind`]), so a money fact cannot carry a speaker.
///
/// In files the detail is not a table of its own: its fields sit among the
/// fact's keys (`currency = "USD"`), in the order of [`Detail::KEYS`], each
/// left out when empty, exactly as before the type existed.
#[derive(Clone, Debug, PartialEq)]
pub enum Detail {
    Date {
        /// "early", "late", "mid-" where stated ("in early 2026").
        qualifier: Option<String>,
    },
    Money {
        /// ISO 4217 code (`USD`).
        currency: Option<String>,
        /// "approximately", "up to", "more than", "nearly"… where stated.
        qualifier: Option<String>,
    },
    Percent {
        /// `percent` or `percentage points`.
        unit: Option<String>,
        qualifier: Option<String>,
    },
    Quantity {
        /// What is counted (`residents`).
        unit: Option<String>,
        qualifier: Option<String>,
    },
    Quote {
        /// By the fullest name the document gives.
        speaker: Option<String>,
        speaker_role: Option<String>,
        /// The outlet the quote is credited to ("Associated Press").
        outlet: Option<String>,
    },
}

/// The kind-specific keys as read from a file, before they are checked
/// against the fact's kind (see [`Detail::from_keys`]).
#[derive(Deserialize, Default, Debug)]
pub struct DetailKeys {
    pub currency: Option<String>,
    pub qualifier: Option<String>,
    pub unit: Option<String>,
    pub speaker: Option<String>,
    pub speaker_role: Option<String>,
    pub outlet: Option<String>,
}

impl Detail {
    /// Every kind-specific key, in file order.
    pub const KEYS: [&'static str; 6] = [
        "currency",
        "qualifier",
        "unit",
        "speaker",
        "speaker_role",
        "outlet",
    ];

    /// The detail of a `kind` fact with nothing stated.
    pub fn none(kind: FactKind) -> Detail {
        match kind {
            FactKind::Date => Detail::Date { qualifier: None },
            FactKind::Money => Detail::Money {
                currency: None,
                qualifier: None,
            },
            FactKind::Percent => Detail::Percent {
                unit: None,
                qualifier: None,
            },
            FactKind::Quantity => Detail::Quantity {
                unit: None,
                qualifier: None,
            },
            FactKind::Quote => Detail::Quote {
                speaker: None,
                speaker_role: None,
                outlet: None,
            },
        }
    }

    /// The kind of fact this detail belongs to.
    pub fn kind(&self) -> FactKind {
        match self {
            Detail::Date { .. } => FactKind::Date,
            Detail::Money { .. } => FactKind::Money,
            Detail::Percent { .. } => FactKind::Percent,
            Detail::Quantity { .. } => FactKind::Quantity,
            Detail::Quote { .. } => FactKind::Quote,
        }
    }

    /// The field stored under `key` (one of [`Detail::KEYS`]), when this
    /// kind has it.
    pub fn slot(&mut self, key: &str) -> Option<&mut Option<String>> {
        match (self, key) {
            (
                Detail::Date { qualifier }
                | Detail::Money { qualifier, .. }
                | Detail::Percent { qualifier, .. }
                | Detail::Quantity { qualifier, .. },
                "qualifier",
            ) => Some(qualifier),
            (Detail::Money { currency, .. }, "currency") => Some(currency),
            (Detail::Percent { unit, .. } | Detail::Quantity { unit, .. }, "unit") => Some(unit),
            (Detail::Quote { speaker, .. }, "speaker") => Some(speaker),
            (Detail::Quote { speaker_role, .. }, "speaker_role") => Some(speaker_role),
            (Detail::Quote { outlet, .. }, "outlet") => Some(outlet),
            _ => None,
        }
    }

    /// Every key with its value (`None` when empty or not of this kind), in
    /// file order: what the writers write.
    pub fn keys(&self) -> [(&'static str, Option<&str>); 6] {
        [
            ("currency", self.currency()),
            ("qualifier", self.qualifier()),
            ("unit", self.unit()),
            ("speaker", self.speaker()),
            ("speaker_role", self.speaker_role()),
            ("outlet", self.outlet()),
        ]
    }

    /// The detail of a `kind` fact read from a file's keys, or an error
    /// naming a key given that this kind does not have.
    pub fn from_keys(kind: FactKind, keys: DetailKeys) -> Result<Detail, String> {
        let mut d = Detail::none(kind);
        let given = [
            ("currency", keys.currency),
            ("qualifier", keys.qualifier),
            ("unit", keys.unit),
            ("speaker", keys.speaker),
            ("speaker_role", keys.speaker_role),
            ("outlet", keys.outlet),
        ];
        for (key, value) in given {
            let Some(value) = value else { continue };
            match d.slot(key) {
                Some(slot) => *slot = Some(value),
                None => {
                    let has: Vec<&str> = Detail::KEYS
                        .into_iter()
                        .filter(|k| Detail::none(kind).slot(k).is_some())
                        .collect();
                    return Err(format!(
                        "`{key}` does not apply to a {kind} fact (it may have {})",
                        has.join(", ")
                    ));
                }
            }
        }
        Ok(d)
    }

    /// Writes the non-empty keys as fields of a struct being serialized.
    fn serialize_keys<S: SerializeStruct>(&self, s: &mut S) -> Result<(), S::Error> {
        for (key, value) in self.keys() {
            match value {
                Some(v) => s.serialize_field(key, v)?,
                None => s.skip_field(key)?,
            }
        }
        Ok(())
    }

    /// ISO 4217 code of a money fact.
    pub fn currency(&self) -> Option<&str> {
        match self {
            Detail::Money { currency, .. } => currency.as_deref(),
            _ => None,
        }
    }

    /// "approximately", "up to", "early"… where stated (not for quotes).
    pub fn qualifier(&self) -> Option<&str> {
        match self {
            Detail::Date { qualifier }
            | Detail::Money { qualifier, .. }
            | Detail::Percent { qualifier, .. }
            | Detail::Quantity { qualifier, .. } => qualifier.as_deref(),
            Detail::Quote { .. } => None,
        }
    }

    /// What a quantity counts; `percent` / `percentage points` for percents.
    pub fn unit(&self) -> Option<&str> {
        match self {
            Detail::Percent { unit, .. } | Detail::Quantity { unit, .. } => unit.as_deref(),
            _ => None,
        }
    }

    /// A quote's speaker.
    pub fn speaker(&self) -> Option<&str> {
        match self {
            Detail::Quote { speaker, .. } => speaker.as_deref(),
            _ => None,
        }
    }

    /// A quote's speaker's role.
    pub fn speaker_role(&self) -> Option<&str> {
        match self {
            Detail::Quote { speaker_role, .. } => speaker_role.as_deref(),
            _ => None,
        }
    }

    /// The outlet a quote is credited to.
    pub fn outlet(&self) -> Option<&str> {
        match self {
            Detail::Quote { outlet, .. } => outlet.as_deref(),
            _ => None,
        }
    }
}

/// What a fact states, wherever it was found: the part an extracted [`Fact`]
/// and a deck's [`DeckFact`] share. Each adds its provenance (a document,
/// line and byte range; or every source that states it) and derefs to this,
/// so `fact.text` and `fact.speaker()` read the same on both.
#[derive(Clone, Debug, PartialEq)]
pub struct Statement {
    pub id: FactId,
    /// The exact span in the source; for quotes the words inside the marks.
    pub text: String,
    pub value: Value,
    pub detail: Detail,
    /// The whole sentence, cleaned of markup and extra whitespace.
    pub sentence: String,
}

impl Statement {
    /// A statement whose id is the content hash of its kind, value, text
    /// and sentence.
    pub fn new(value: Value, text: String, detail: Detail, sentence: String) -> Statement {
        Statement {
            id: FactId::of(detail.kind(), &value, &text, &sentence),
            text,
            value,
            detail,
            sentence,
        }
    }

    /// What the fact is about: its detail's kind, so the two cannot disagree.
    pub fn kind(&self) -> FactKind {
        self.detail.kind()
    }
    pub fn currency(&self) -> Option<&str> {
        self.detail.currency()
    }
    pub fn qualifier(&self) -> Option<&str> {
        self.detail.qualifier()
    }
    pub fn unit(&self) -> Option<&str> {
        self.detail.unit()
    }
    pub fn speaker(&self) -> Option<&str> {
        self.detail.speaker()
    }
    pub fn speaker_role(&self) -> Option<&str> {
        self.detail.speaker_role()
    }
    pub fn outlet(&self) -> Option<&str> {
        self.detail.outlet()
    }
}

/// One fact found in one document, with where it came from (its provenance).
#[derive(Clone, Debug, PartialEq)]
pub struct Fact {
    pub statement: Statement,
    /// The document's path as given on the command line.
    pub doc: String,
    /// 1-based line of `start`.
    pub line: usize,
    /// Byte offsets of `text` in the file.
    pub start: usize,
    pub end: usize,
    /// The 1-based page, for paged documents (PDF).
    pub page: Option<u32>,
}

impl std::ops::Deref for Fact {
    type Target = Statement;
    fn deref(&self) -> &Statement {
        &self.statement
    }
}

impl std::ops::DerefMut for Fact {
    fn deref_mut(&mut self) -> &mut Statement {
        &mut self.statement
    }
}

/// Field order of JSON and TOML output: `id, doc, kind, text, value`, the
/// detail's keys, `sentence, line, start, end, page`.
impl Serialize for Fact {
    fn serialize<S: Serializer>(&self, ser: S) -> Result<S::Ok, S::Error> {
        let st = &self.statement;
        let mut s = ser.serialize_struct("Fact", 16)?;
        s.serialize_field("id", &st.id)?;
        s.serialize_field("doc", &self.doc)?;
        s.serialize_field("kind", &st.kind())?;
        s.serialize_field("text", &st.text)?;
        s.serialize_field("value", &st.value)?;
        st.detail.serialize_keys(&mut s)?;
        s.serialize_field("sentence", &st.sentence)?;
        s.serialize_field("line", &self.line)?;
        s.serialize_field("start", &self.start)?;
        s.serialize_field("end", &self.end)?;
        match &self.page {
            Some(p) => s.serialize_field("page", p)?,
            None => s.skip_field("page")?,
        }
        s.end()
    }
}

/// A [`Fact`] as read from a file.
#[derive(Deserialize)]
struct FactIn {
    id: FactId,
    doc: String,
    kind: FactKind,
    text: String,
    value: Value,
    #[serde(flatten)]
    detail: DetailKeys,
    sentence: String,
    line: usize,
    start: usize,
    end: usize,
    #[serde(default)]
    page: Option<u32>,
}

impl<'de> Deserialize<'de> for Fact {
    fn deserialize<D: Deserializer<'de>>(de: D) -> Result<Fact, D::Error> {
        let f = FactIn::deserialize(de)?;
        let detail = Detail::from_keys(f.kind, f.detail)
            .map_err(|e| serde::de::Error::custom(format!("fact {}: {e}", f.id)))?;
        Ok(Fact {
            statement: Statement {
                id: f.id,
                text: f.text,
                value: f.value,
                detail,
                sentence: f.sentence,
            },
            doc: f.doc,
            line: f.line,
            start: f.start,
            end: f.end,
            page: f.page,
        })
    }
}

/// A person a document names, with every name it uses for them.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct Person {
    /// The fullest name ("Donald J. Trump").
    pub name: String,
    /// Other names for the same person ("Trump", "President Trump").
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub aliases: Vec<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub role: Option<String>,
}

/// Everything extracted from one document.
#[derive(Serialize, Deserialize, Clone, Debug, Default, PartialEq)]
pub struct Extraction {
    pub doc: String,
    pub facts: Vec<Fact>,
    pub people: Vec<Person>,
    pub outlets: Vec<String>,
}

/// The kinds of card.
#[derive(Serialize, Deserialize, Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[serde(rename_all = "snake_case")]
pub enum CardType {
    Cloze,
    MultipleChoice,
    WhoSaid,
    TrueFalse,
    ShortAnswer,
}

impl CardType {
    /// Every card type, in output order.
    pub const ALL: [CardType; 5] = [
        CardType::Cloze,
        CardType::MultipleChoice,
        CardType::WhoSaid,
        CardType::TrueFalse,
        CardType::ShortAnswer,
    ];

    /// The snake_case name used in files and on the command line.
    pub fn as_str(self) -> &'static str {
        match self {
            CardType::Cloze => "cloze",
            CardType::MultipleChoice => "multiple_choice",
            CardType::WhoSaid => "who_said",
            CardType::TrueFalse => "true_false",
            CardType::ShortAnswer => "short_answer",
        }
    }

    /// Parses a name as written on the command line (`multiple_choice` or `multiple-choice`).
    pub fn parse(s: &str) -> Option<CardType> {
        let s = s.trim().replace('-', "_");
        CardType::ALL.into_iter().find(|t| t.as_str() == s)
    }
}

impl fmt::Display for CardType {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Where a deck fact was stated: a document and a line.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct SourceRef {
    pub doc: String,
    pub line: usize,
}

/// A source document of a deck.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq, Eq)]
pub struct SourceDoc {
    pub path: String,
    pub title: String,
    pub sha256: String,
    /// For a fetched page: the URL read and when (RFC 3339, UTC).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub fetched_at: Option<String>,
}

/// The `[deck]` table.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq)]
pub struct DeckInfo {
    pub title: String,
    #[serde(default)]
    pub description: String,
    /// When the deck was generated, `YYYY-MM-DD`.
    #[serde(default)]
    pub created: String,
    #[serde(default)]
    pub seed: u64,
    #[serde(default)]
    pub sources: Vec<SourceDoc>,
}

/// A fact as stored in a deck: merged over every document that states it.
#[derive(Clone, Debug, PartialEq)]
pub struct DeckFact {
    pub statement: Statement,
    /// Every document and line that states this fact (at least one).
    pub sources: Vec<SourceRef>,
}

impl std::ops::Deref for DeckFact {
    type Target = Statement;
    fn deref(&self) -> &Statement {
        &self.statement
    }
}

impl std::ops::DerefMut for DeckFact {
    fn deref_mut(&mut self) -> &mut Statement {
        &mut self.statement
    }
}

/// Field order of a `[[facts]]` table: `id, kind, text, value`, the detail's
/// keys, `sentence, sources`.
impl Serialize for DeckFact {
    fn serialize<S: Serializer>(&self, ser: S) -> Result<S::Ok, S::Error> {
        let st = &self.statement;
        let mut s = ser.serialize_struct("DeckFact", 12)?;
        s.serialize_field("id", &st.id)?;
        s.serialize_field("kind", &st.kind())?;
        s.serialize_field("text", &st.text)?;
        s.serialize_field("value", &st.value)?;
        st.detail.serialize_keys(&mut s)?;
        s.serialize_field("sentence", &st.sentence)?;
        s.serialize_field("sources", &self.sources)?;
        s.end()
    }
}

/// The keys of a `[[facts]]` table, in the order [`DeckFact`] writes them:
/// `id, kind, text, value`, [`Detail::KEYS`], `sentence, sources`. The deck
/// schema's list of known keys is this one (a new detail key joins it).
pub const DECK_FACT_KEYS: [&str; 12] = {
    let mut keys = [""; 12];
    keys[0] = "id";
    keys[1] = "kind";
    keys[2] = "text";
    keys[3] = "value";
    let mut i = 0;
    while i < Detail::KEYS.len() {
        keys[4 + i] = Detail::KEYS[i];
        i += 1;
    }
    keys[10] = "sentence";
    keys[11] = "sources";
    keys
};

/// A [`DeckFact`] as read from a deck file.
#[derive(Deserialize)]
struct DeckFactIn {
    id: FactId,
    kind: FactKind,
    text: String,
    value: Value,
    #[serde(flatten)]
    detail: DetailKeys,
    sentence: String,
    sources: Vec<SourceRef>,
}

impl<'de> Deserialize<'de> for DeckFact {
    fn deserialize<D: Deserializer<'de>>(de: D) -> Result<DeckFact, D::Error> {
        let f = DeckFactIn::deserialize(de)?;
        let detail = Detail::from_keys(f.kind, f.detail)
            .map_err(|e| serde::de::Error::custom(format!("fact {}: {e}", f.id)))?;
        Ok(DeckFact {
            statement: Statement {
                id: f.id,
                text: f.text,
                value: f.value,
                detail,
                sentence: f.sentence,
            },
            sources: f.sources,
        })
    }
}

/// A question.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq)]
pub struct Card {
    pub id: CardId,
    #[serde(rename = "type")]
    pub card_type: CardType,
    pub fact: FactId,
    /// The fact's kind, copied here so renderers need not look it up.
    pub kind: FactKind,
    /// The question as shown. Cloze prompts mark the blank with `____`;
    /// true/false prompts are the statement to judge.
    pub prompt: String,
    /// What kind of answer is wanted ("a date", "a dollar amount", "who said it").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub hint: Option<String>,
    /// The correct answer; for true/false `True` or `False`.
    pub answer: String,
    /// Choices for multiple_choice and who_said (the answer is one of them),
    /// and `["True", "False"]` for true_false.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub options: Vec<String>,
    /// Other forms of the answer accepted when typed (`18 billion dollars`, `$18B`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub accepted: Vec<String>,
    /// A one-line explanation shown after answering (for true/false, the true statement).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub explanation: Option<String>,
    /// What the card changed in its source sentence so the prompt reads alone
    /// ("dropped \"But\"", "\"he\" → \"Dana Whitfield\""), for a teacher to check.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub rewritten: Vec<String>,
    /// The source sentence, its document and line.
    pub sentence: String,
    pub doc: String,
    pub line: usize,
    /// How many documents state the fact.
    #[serde(default = "one")]
    pub reported_by: usize,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub tags: Vec<String>,
    /// Dropped by a teacher in `factdeck review`: the card stays in the file so
    /// the decision survives `generate --update`, and every export skips it.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub dropped: bool,
}

fn one() -> usize {
    1
}

/// Two documents giving different values for the same thing.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq)]
pub struct Conflict {
    pub kind: FactKind,
    /// The words the two statements share ("federal funding").
    pub subject: String,
    /// The facts that disagree.
    pub facts: Vec<FactId>,
    /// A readable summary ("a.txt:3 says $10 billion; b.txt:7 says $12 billion").
    pub note: String,
}

/// A whole deck file.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq)]
pub struct Deck {
    pub format: u32,
    pub deck: DeckInfo,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub conflicts: Vec<Conflict>,
    #[serde(default)]
    pub facts: Vec<DeckFact>,
    #[serde(default)]
    pub cards: Vec<Card>,
}

impl Deck {
    /// The fact a card was made from.
    pub fn fact(&self, id: &FactId) -> Option<&DeckFact> {
        self.facts.iter().find(|f| &f.id == id)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn content_hash_is_stable_across_releases() {
        // Pinned: changing the algorithm would orphan every review history.
        assert_eq!(
            content_hash(&["date", "2025-11-17"]),
            content_hash(&["date", "2025-11-17"])
        );
        assert_eq!(content_hash(&["a"]).len(), 16);
        // SHA-256("a\0") is ffe9aaea a2a2d504…; the id is its first 8 bytes in hex.
        assert_eq!(content_hash(&["a"]), "ffe9aaeaa2a2d504");
        assert_ne!(content_hash(&["ab", "c"]), content_hash(&["a", "bc"]));
        assert_eq!(
            content_hash_hex_joined(b"date\x002025-11-17\x00"),
            content_hash_hex(&["date", "2025-11-17"])
        );
    }

    #[test]
    fn fact_ids_hash_the_value_as_displayed() {
        for value in [
            Value::Number(4_500_000.0),
            Value::Number(-3.0),
            Value::Number(2.5),
            Value::Number(1e20),
            Value::Text("2025-11".into()),
        ] {
            let id = FactId::of(
                FactKind::Money,
                &value,
                "$4.5 million",
                "It cost $4.5 million.",
            );
            let parts = [
                "money",
                &value.to_string(),
                "$4.5 million",
                "It cost $4.5 million.",
            ];
            assert_eq!(id.0, content_hash(&parts));
        }
    }

    fn money_fact() -> Fact {
        let statement = Statement::new(
            Value::Number(18e9),
            "$18 billion".into(),
            Detail::Money {
                currency: Some("USD".into()),
                qualifier: Some("about".into()),
            },
            "It cost about $18 billion.".into(),
        );
        Fact {
            statement,
            doc: "a.md".into(),
            line: 3,
            start: 14,
            end: 25,
            page: None,
        }
    }

    #[test]
    fn a_fact_writes_its_detail_among_its_keys_in_file_order() {
        let f = money_fact();
        let json = serde_json::to_string(&f).unwrap_or_default();
        assert!(
            json.starts_with(r#"{"id":""#) && json.contains(
                r#","doc":"a.md","kind":"money","text":"$18 billion","value":18000000000.0,"currency":"USD","qualifier":"about","sentence":"It cost about $18 billion.","line":3,"start":14,"end":25}"#
            ),
            "{json}"
        );
        let back: Fact = serde_json::from_str(&json).expect("reads back");
        assert_eq!(back, f);
        let deck_fact = DeckFact {
            statement: f.statement.clone(),
            sources: vec![SourceRef {
                doc: "a.md".into(),
                line: 3,
            }],
        };
        let text = toml::to_string(&deck_fact).unwrap_or_default();
        let back: DeckFact = toml::from_str(&text).expect("reads back");
        assert_eq!(back, deck_fact);
        assert_eq!(back.currency(), Some("USD"));
        assert_eq!(back.speaker(), None);
    }

    #[test]
    fn a_key_of_another_kind_is_refused_not_dropped() {
        let text = r#"
id = "f1"
kind = "money"
text = "$5"
value = 5
unit = "residents"
sentence = "It cost $5."
sources = [{ doc = "a.md", line = 1 }]
"#;
        let err = toml::from_str::<DeckFact>(text).expect_err("a unit on money");
        assert!(
            err.to_string().contains(
                "`unit` does not apply to a money fact (it may have currency, qualifier)"
            ),
            "{err}"
        );
        let ok = toml::from_str::<DeckFact>(&text.replace("unit", "currency")).expect("ok");
        assert_eq!(ok.detail.kind(), FactKind::Money);
        for kind in FactKind::ALL {
            assert_eq!(Detail::none(kind).kind(), kind);
        }
    }

    #[test]
    fn a_deck_fact_writes_the_schema_keys_in_their_order() {
        let quote = Statement::new(
            Value::Text("We will.".into()),
            "We will.".into(),
            Detail::Quote {
                speaker: Some("Ana Ruiz".into()),
                speaker_role: Some("Mayor".into()),
                outlet: Some("Daily Post".into()),
            },
            "\"We will,\" said Mayor Ana Ruiz.".into(),
        );
        let mut written = Vec::new();
        let count = Statement::new(
            Value::Number(40.0),
            "40 residents".into(),
            Detail::Quantity {
                unit: Some("residents".into()),
                qualifier: None,
            },
            "Some 40 residents came.".into(),
        );
        for statement in [money_fact().statement, quote, count] {
            let fact = DeckFact {
                statement,
                sources: vec![SourceRef {
                    doc: "a.md".into(),
                    line: 1,
                }],
            };
            let text = toml::to_string(&fact).unwrap_or_default();
            let table: toml::Table = toml::from_str(&text).expect("toml");
            assert!(
                table.keys().all(|k| DECK_FACT_KEYS.contains(&k.as_str())),
                "{text}"
            );
            // Top-level keys in the order written (`[[sources]]` or `sources = …`).
            let keys: Vec<&str> = text
                .lines()
                .map(|l| {
                    l.trim_start_matches("[[")
                        .split([' ', ']'])
                        .next()
                        .unwrap_or("")
                })
                .filter(|k| table.contains_key(*k))
                .collect();
            assert_eq!(keys.len(), table.len(), "{text}");
            let mut order = DECK_FACT_KEYS.iter().filter(|k| keys.contains(k));
            assert!(keys.iter().all(|k| order.next() == Some(k)), "{text}");
            written.extend(keys.into_iter().map(str::to_string));
        }
        for key in DECK_FACT_KEYS {
            assert!(written.iter().any(|k| k == key), "{key} never written");
        }
    }

    #[test]
    fn card_type_parses_both_spellings() {
        assert_eq!(
            CardType::parse("multiple-choice"),
            Some(CardType::MultipleChoice)
        );
        assert_eq!(CardType::parse("who_said"), Some(CardType::WhoSaid));
        assert_eq!(CardType::parse("essay"), None);
    }
}
