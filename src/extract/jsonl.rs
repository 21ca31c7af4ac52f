//! Facts written as JSON Lines straight from the finders' output, without
//! building a [`Fact`](crate::model::Fact) for each: `extract` prints
//! millions of them, and the document path, a sentence's cleaned text and
//! its JSON form are shared by many.
//!
//! The bytes are exactly what `serde_json::to_writer` gives for a `Fact`
//! (same field order, same escapes, same number forms); the tests check it.

use super::Found;
use super::text::{Cursor, RecentSentences, Text, clean_into};
use crate::model::{Value, fact_id_hex};

/// Writes one document's facts as JSON lines.
pub struct FactLines {
    /// `,"doc":"…","kind":"` — the document's path, escaped once.
    doc: Vec<u8>,
    sentences: RecentSentences<Sentence>,
    /// Reused while cleaning a sentence.
    cleaned: String,
    /// Reused for the parts of the id, joined.
    joined: Vec<u8>,
    /// Facts come in order of position: lookups go on from the last.
    cursor: Cursor,
}

/// A cleaned sentence and its JSON string form.
struct Sentence {
    cleaned: String,
    json: Vec<u8>,
}

impl FactLines {
    /// A writer for the facts of the document at `doc` (the path as given).
    pub fn new(doc: &str) -> FactLines {
        let mut prefix = Vec::with_capacity(doc.len() + 20);
        prefix.extend_from_slice(b",\"doc\":");
        push_str(&mut prefix, doc);
        prefix.extend_from_slice(b",\"kind\":\"");
        FactLines {
            doc: prefix,
            sentences: RecentSentences::default(),
            cleaned: String::new(),
            joined: Vec::new(),
            cursor: Cursor::default(),
        }
    }

    /// Appends the line of `f`, found in `text`, to `out`.
    pub fn write(&mut self, text: &Text<'_>, f: &Found, out: &mut Vec<u8>) {
        let span = match &f.text {
            Some(t) => t.as_str(),
            None => text.src.get(f.start..f.end).unwrap_or_default(),
        };
        let range = text.sentence_range_at(&mut self.cursor, f.start, f.end);
        let cleaned = &mut self.cleaned;
        let sentence = self.sentences.get_or_insert_with(range, || {
            clean_into(&text.src[range.0..range.1], cleaned);
            let mut json = Vec::with_capacity(cleaned.len() + 2);
            push_str(&mut json, cleaned);
            Sentence {
                cleaned: cleaned.clone(),
                json,
            }
        });
        let id = fact_id_hex(f.kind, &f.value, span, &sentence.cleaned, &mut self.joined);

        out.extend_from_slice(b"{\"id\":\"");
        out.extend_from_slice(&id);
        out.push(b'"');
        out.extend_from_slice(&self.doc);
        out.extend_from_slice(f.kind.as_str().as_bytes());
        out.extend_from_slice(b"\",\"text\":");
        push_str(out, span);
        out.extend_from_slice(b",\"value\":");
        match &f.value {
            Value::Number(n) => push_f64(out, *n),
            Value::Text(t) => push_str(out, t),
        }
        for (name, field) in f.detail.keys() {
            if let Some(v) = field {
                out.extend_from_slice(b",\"");
                out.extend_from_slice(name.as_bytes());
                out.extend_from_slice(b"\":");
                push_str(out, v);
            }
        }
        out.extend_from_slice(b",\"sentence\":");
        out.extend_from_slice(&sentence.json);
        out.extend_from_slice(b",\"line\":");
        push_usize(out, text.line_at(&mut self.cursor, f.start));
        out.extend_from_slice(b",\"start\":");
        push_usize(out, f.start);
        out.extend_from_slice(b",\"end\":");
        push_usize(out, f.end);
        out.extend_from_slice(b"}\n");
    }
}

/// A number as serde_json writes an `f64` (`null` when not finite).
fn push_f64(out: &mut Vec<u8>, n: f64) {
    // serde_json's own float formatting, so the digits match exactly; writing
    // to a Vec cannot fail.
    let _ = serde_json::to_writer(&mut *out, &n);
}

/// Decimal digits of `n`, two at a time.
fn push_usize(out: &mut Vec<u8>, mut n: usize) {
    const PAIRS: &[u8; 200] = b"0001020304050607080910111213141516171819\
                                2021222324252627282930313233343536373839\
                                4041424344454647484950515253545556575859\
                                6061626364656667686970717273747576777879\
                                8081828384858687888990919293949596979899";
    let mut digits = [0u8; 20];
    let mut i = digits.len();
    while n >= 10 {
        let pair = 2 * (n % 100);
        n /= 100;
        i -= 2;
        digits[i..i + 2].copy_from_slice(&PAIRS[pair..pair + 2]);
    }
    if n > 0 || i == digits.len() {
        i -= 1;
        // n < 10 here, so the cast keeps it.
        digits[i] = b'0' + n as u8;
    }
    out.extend_from_slice(&digits[i..]);
}

/// `s` as a JSON string with serde_json's escapes: `"`, `\\` and control
/// characters only (short forms where JSON has them, else `\u00xx`).
pub fn push_str(out: &mut Vec<u8>, s: &str) {
    out.reserve(s.len() + 2);
    out.push(b'"');
    let b = s.as_bytes();
    let mut from = 0;
    loop {
        // Skip eight bytes at a time while none needs escaping; the next
        // escape is then within a word (or the short tail).
        let mut i = from;
        while let Some(chunk) = b.get(i..i + 8) {
            let mut w = [0u8; 8];
            w.copy_from_slice(chunk);
            if needs_escape(u64::from_le_bytes(w)) {
                break;
            }
            i += 8;
        }
        let Some(k) = b[i..]
            .iter()
            .position(|&c| c < 0x20 || c == b'"' || c == b'\\')
            .map(|p| i + p)
        else {
            break;
        };
        out.extend_from_slice(&b[from..k]);
        push_escape(out, b[k]);
        from = k + 1;
    }
    out.extend_from_slice(&b[from..]);
    out.push(b'"');
}

/// The escape of a byte that needs one.
fn push_escape(out: &mut Vec<u8>, c: u8) {
    let short = match c {
        b'"' => b'"',
        b'\\' => b'\\',
        0x08 => b'b',
        0x0c => b'f',
        b'\n' => b'n',
        b'\r' => b'r',
        b'\t' => b't',
        _ => 0,
    };
    if short != 0 {
        out.extend_from_slice(&[b'\\', short]);
    } else {
        const HEX: &[u8; 16] = b"0123456789abcdef";
        out.extend_from_slice(&[
            b'\\',
            b'u',
            b'0',
            b'0',
            HEX[usize::from(c >> 4)],
            HEX[usize::from(c & 0xf)],
        ]);
    }
}

/// Whether any of the eight bytes in `w` is a control character, `"` or `\\`.
fn needs_escape(w: u64) -> bool {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    // A byte below 0x20 (bytes of 0x80 and up are excluded by `!w`).
    let control = w.wrapping_sub(ONES * 0x20) & !w & HIGH;
    let zero = |x: u64| x.wrapping_sub(ONES) & !x & HIGH;
    control | zero(w ^ (ONES * u64::from(b'"'))) | zero(w ^ (ONES * u64::from(b'\\'))) != 0
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::{find_all, into_fact_for_test};

    fn serde_line(f: &crate::model::Fact) -> String {
        let mut s = serde_json::to_string(f).unwrap_or_default();
        s.push('\n');
        s
    }

    #[test]
    fn strings_escape_like_serde_json() {
        let all: String = (0u8..0x80).map(char::from).collect::<String>() + "é “x” 東\u{2028}";
        let mut out = Vec::new();
        push_str(&mut out, &all);
        assert_eq!(
            String::from_utf8(out).unwrap_or_default(),
            serde_json::to_string(&all).unwrap_or_default()
        );
    }

    #[test]
    fn escapes_are_found_at_every_position() {
        for at in 0..20 {
            for c in ['"', '\\', '\n', '\u{1}', '\u{1f}'] {
                let mut s: String = "abcdefghijklmnopqrst".into();
                s.replace_range(at..=at, &c.to_string());
                let s = s + "é tail";
                let mut out = Vec::new();
                push_str(&mut out, &s);
                assert_eq!(
                    String::from_utf8(out).unwrap_or_default(),
                    serde_json::to_string(&s).unwrap_or_default(),
                    "{s:?}"
                );
            }
        }
    }

    #[test]
    fn numbers_print_like_serde_json_and_display() {
        for n in [
            0.0,
            -0.0,
            1.0,
            4.5,
            932900000.0,
            1e15,
            1e16,
            1e21,
            0.1,
            -3.25,
            1e-7,
            2.5e300,
            f64::NAN,
            f64::INFINITY,
        ] {
            let mut out = Vec::new();
            push_f64(&mut out, n);
            assert_eq!(
                String::from_utf8(out).unwrap_or_default(),
                serde_json::to_string(&n).unwrap_or_default()
            );
        }
        for n in [
            0usize,
            7,
            10,
            99,
            100,
            101,
            1000,
            12345,
            9_000_000,
            usize::MAX,
        ] {
            let mut out = Vec::new();
            push_usize(&mut out, n);
            assert_eq!(out, n.to_string().into_bytes());
        }
    }

    #[test]
    fn lines_match_serde_json_of_the_facts() {
        let src = "# Budget\n\nOn March 3, 2024, the council approved $4.5 million \
                   (up 15% from 2023) for 1,200 \"new\" homes.\n\n\
                   \"We will build it now,\" Mayor Ann Lee said.\tAbout 30 people came.\n";
        let doc = "dir/a \"b\".md";
        let found = find_all(src);
        assert!(found.found.len() >= 5, "{}", found.found.len());
        let mut w = FactLines::new(doc);
        let mut ours = Vec::new();
        let mut theirs = String::new();
        for f in &found.found {
            w.write(&found.text, f, &mut ours);
            theirs.push_str(&serde_line(&into_fact_for_test(doc, &found.text, f)));
        }
        assert_eq!(String::from_utf8(ours).unwrap_or_default(), theirs);
    }
}
