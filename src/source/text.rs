//! Text and Markdown files: bytes to text, keeping the way back.
//!
//! UTF-8 (a BOM dropped; invalid bytes become U+FFFD with a warning) and
//! UTF-16 with a BOM are decoded; a file with NUL bytes otherwise is binary.
//! A lone carriage return (old Mac line ends) becomes a line feed, byte for
//! byte, so line numbers count it. [`OffsetMap`] turns offsets in the text
//! back into offsets in the file, so a fact's `start`/`end` count the file's
//! bytes whatever the decoding did.

use super::{Document, InputFormat, Skip};

/// Offsets in decoded text → offsets in the file's bytes.
#[derive(Debug, Clone, Default)]
pub struct OffsetMap {
    /// Sorted `(text offset, file offset)` points where the two drift apart;
    /// between points both advance together. Empty: the same offsets.
    points: Vec<(usize, usize)>,
    /// UTF-16 text: file offset = `base` + 2 × (UTF-16 units of the text
    /// before the offset). Checkpoints every [`UTF16_STEP`] bytes of text
    /// keep a lookup short.
    utf16: Option<Utf16Map>,
}

#[derive(Debug, Clone)]
struct Utf16Map {
    text: String,
    /// `(text offset, file offset)` at char boundaries, ascending.
    checkpoints: Vec<(usize, usize)>,
}

const UTF16_STEP: usize = 4096;

impl OffsetMap {
    /// Whether text offsets are file offsets.
    pub fn is_identity(&self) -> bool {
        self.points.is_empty() && self.utf16.is_none()
    }

    /// The file offset of text offset `at`.
    pub fn to_file(&self, at: usize) -> usize {
        if let Some(m) = &self.utf16 {
            let i = m.checkpoints.partition_point(|p| p.0 <= at).max(1) - 1;
            let (t, f) = m.checkpoints.get(i).copied().unwrap_or((0, 0));
            let units: usize = m
                .text
                .get(t..at.min(m.text.len()))
                .map_or(0, |s| s.chars().map(char::len_utf16).sum());
            return f + 2 * units;
        }
        match self.points.partition_point(|p| p.0 <= at).checked_sub(1) {
            None => at,
            Some(k) => {
                let (t, f) = self.points[k];
                f + (at - t)
            }
        }
    }
}

/// Reads a text or Markdown file's bytes.
pub fn read(name: &str, bytes: Vec<u8>, format: InputFormat) -> Result<Document, Skip> {
    let (mut text, offsets, warnings) = decode(name, bytes)?;
    lone_cr_to_lf(&mut text);
    let mut doc = Document::plain(name, format, text);
    doc.offsets = offsets;
    doc.warnings = warnings;
    Ok(doc)
}

/// Decodes bytes: UTF-16 with a BOM, else UTF-8 (lossy, with a warning).
pub fn decode(name: &str, bytes: Vec<u8>) -> Result<(String, OffsetMap, Vec<String>), Skip> {
    if let Some(big_endian) = match bytes.get(..2) {
        Some([0xFF, 0xFE]) => Some(false),
        Some([0xFE, 0xFF]) => Some(true),
        _ => None,
    } {
        return Ok(decode_utf16(name, &bytes[2..], big_endian));
    }
    let head = &bytes[..bytes.len().min(8192)];
    if memchr::memchr(0, head).is_some() {
        return Err(Skip::Binary(format!(
            "{name}: looks like a binary file; skipped"
        )));
    }
    let mut map = OffsetMap::default();
    let bom = if bytes.starts_with(b"\xEF\xBB\xBF") {
        map.points.push((0, 3));
        3
    } else {
        0
    };
    let mut warnings = Vec::new();
    // Valid UTF-8 without a BOM (the common case) keeps its buffer and is
    // validated once.
    let bytes = if bom == 0 {
        match String::from_utf8(bytes) {
            Ok(text) => return Ok((text, map, warnings)),
            Err(e) => e.into_bytes(),
        }
    } else {
        bytes
    };
    let text = match std::str::from_utf8(&bytes[bom..]) {
        Ok(s) => s.to_string(),
        Err(e) => {
            let at = bom + e.valid_up_to();
            warnings.push(format!(
                "{name}: invalid UTF-8 at byte {at}; decoded with replacement characters"
            ));
            lossy(&bytes[bom..], bom, &mut map)
        }
    };
    Ok((text, map, warnings))
}

/// Lossy UTF-8, recording where the text and the file drift apart.
fn lossy(bytes: &[u8], base: usize, map: &mut OffsetMap) -> String {
    let mut out = String::with_capacity(bytes.len() + 16);
    let mut file = base;
    for chunk in bytes.utf8_chunks() {
        out.push_str(chunk.valid());
        file += chunk.valid().len();
        let bad = chunk.invalid().len();
        if bad > 0 {
            out.push('\u{FFFD}');
            file += bad;
            map.points.push((out.len(), file));
        }
    }
    out
}

fn decode_utf16(name: &str, body: &[u8], big_endian: bool) -> (String, OffsetMap, Vec<String>) {
    let units = body.chunks_exact(2).map(|p| {
        if big_endian {
            u16::from_be_bytes([p[0], p[1]])
        } else {
            u16::from_le_bytes([p[0], p[1]])
        }
    });
    let mut text = String::with_capacity(body.len() / 2);
    let mut checkpoints = vec![(0, 2)];
    let mut file = 2;
    let mut bad = false;
    for c in char::decode_utf16(units) {
        let (ch, n) = match c {
            Ok(ch) => (ch, ch.len_utf16()),
            Err(_) => {
                bad = true;
                ('\u{FFFD}', 1)
            }
        };
        if text.len() >= checkpoints.last().map_or(0, |c| c.0) + UTF16_STEP {
            checkpoints.push((text.len(), file));
        }
        text.push(ch);
        file += 2 * n;
    }
    // A lone replacement for an unpaired surrogate is one unit in the file
    // but `len_utf16` of U+FFFD is one too, so the arithmetic holds.
    let mut warnings = Vec::new();
    if bad {
        warnings.push(format!(
            "{name}: invalid UTF-16; decoded with replacement characters"
        ));
    }
    if body.len() % 2 == 1 {
        warnings.push(format!(
            "{name}: UTF-16 file with an odd number of bytes; the last byte ignored"
        ));
    }
    let map = OffsetMap {
        points: Vec::new(),
        utf16: Some(Utf16Map {
            text: text.clone(),
            checkpoints,
        }),
    };
    (text, map, warnings)
}

/// A carriage return not followed by a line feed becomes one: same length,
/// so offsets hold, and line numbers count old-Mac line ends.
fn lone_cr_to_lf(text: &mut String) {
    if memchr::memchr(b'\r', text.as_bytes()).is_none() {
        return;
    }
    let mut bytes = std::mem::take(text).into_bytes();
    for i in 0..bytes.len() {
        if bytes[i] == b'\r' && bytes.get(i + 1) != Some(&b'\n') {
            bytes[i] = b'\n';
        }
    }
    // Replacing one ASCII byte with another keeps the UTF-8 valid.
    *text = String::from_utf8(bytes).unwrap_or_default();
}

#[cfg(test)]
mod tests {
    use super::*;

    fn doc(bytes: &[u8]) -> Document {
        read("t.txt", bytes.to_vec(), InputFormat::Text).expect("reads")
    }

    #[test]
    fn invalid_utf8_warns_with_offset() {
        let d = doc(b"ok \xff then");
        assert_eq!(d.text, "ok \u{fffd} then");
        assert!(d.warnings[0].contains("byte 3"), "{:?}", d.warnings);
    }

    #[test]
    fn offsets_after_invalid_utf8_count_the_files_bytes() {
        let bytes = b"a\xff\xfe b \xc3 $5";
        let d = doc(bytes);
        let at = d.text.find('$').expect("found");
        let file_at = d.offsets.to_file(at);
        assert_eq!(&bytes[file_at..file_at + 2], b"$5");
    }

    #[test]
    fn utf8_bom_is_dropped_and_counted() {
        let d = doc(b"\xEF\xBB\xBFHello $5");
        assert_eq!(d.text, "Hello $5");
        assert_eq!(d.offsets.to_file(6), 9);
    }

    #[test]
    fn utf16_with_a_bom_is_decoded() {
        for big in [false, true] {
            let mut bytes = if big {
                vec![0xFE, 0xFF]
            } else {
                vec![0xFF, 0xFE]
            };
            for u in "Caf\u{e9} paid $5 on 3 May 1901".encode_utf16() {
                bytes.extend(if big {
                    u.to_be_bytes()
                } else {
                    u.to_le_bytes()
                });
            }
            let d = doc(&bytes);
            assert_eq!(d.text, "Caf\u{e9} paid $5 on 3 May 1901");
            let at = d.text.find('$').expect("found");
            // 2 (BOM) + 10 units before the '$', two bytes each.
            assert_eq!(d.offsets.to_file(at), 2 + 2 * 10);
        }
    }

    #[test]
    fn lone_carriage_returns_end_lines() {
        let d = doc(b"one\rtwo\r\nthree");
        assert_eq!(d.text, "one\ntwo\r\nthree");
        assert!(d.offsets.is_identity());
    }

    #[test]
    fn nul_bytes_mean_binary() {
        assert!(matches!(
            read("x.bin", vec![0x89, b'P', 0, 0], InputFormat::Text),
            Err(Skip::Binary(_))
        ));
    }
}
