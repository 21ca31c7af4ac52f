//! Word files (`.docx`): paragraphs and headings from the document XML.
//!
//! A `.docx` is a zip of XML parts; `word/document.xml` holds the body. Each
//! paragraph (`w:p`) is a line, a table row (`w:tr`) one line with its cells
//! separated by tabs, and a line break (`w:br`) a new line. The title is the
//! document's own (`docProps/core.xml`), else its first Title or Heading 1
//! paragraph. Parts are read through a cap, so a zip bomb stops early.

use super::{Document, InputFormat, Skip, fail};
use quick_xml::Reader;
use quick_xml::events::Event;
use std::io::Read;

/// The most a part of the zip may inflate to.
const PART_CAP: u64 = 64 * 1024 * 1024;

/// Reads a Word file's bytes.
pub fn read(name: &str, bytes: &[u8]) -> Result<Document, Skip> {
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes))
        .map_err(|e| fail(name, format!("not a Word (.docx) file: {e}")))?;
    let body = part(&mut zip, "word/document.xml")
        .map_err(|why| fail(name, why))?
        .ok_or_else(|| fail(name, "not a Word (.docx) file: no word/document.xml inside"))?;
    let (text, heading) =
        paragraphs(&body).map_err(|e| fail(name, format!("damaged document XML: {e}")))?;
    let core_title = part(&mut zip, "docProps/core.xml")
        .ok()
        .flatten()
        .and_then(|xml| element_text(&xml, "title"));
    if text.trim().is_empty() {
        return Err(fail(name, "the document has no text"));
    }
    let mut doc = Document::plain(name, InputFormat::Docx, text);
    doc.title = core_title
        .filter(|t| !t.trim().is_empty())
        .or(heading)
        .unwrap_or_default();
    Ok(doc)
}

/// The text of a part, or `None` when the zip lacks it.
fn part(
    zip: &mut zip::ZipArchive<std::io::Cursor<&[u8]>>,
    path: &str,
) -> Result<Option<String>, String> {
    let file = match zip.by_name(path) {
        Ok(f) => f,
        Err(zip::result::ZipError::FileNotFound) => return Ok(None),
        Err(e) => return Err(format!("cannot read {path}: {e}")),
    };
    let mut bytes = Vec::new();
    file.take(PART_CAP + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| format!("cannot read {path}: {e}"))?;
    if bytes.len() as u64 > PART_CAP {
        return Err(format!(
            "{path} inflates past {}; stopped reading",
            super::format_size(PART_CAP)
        ));
    }
    Ok(Some(String::from_utf8_lossy(&bytes).into_owned()))
}

/// The lines of the body, and the first Title or Heading 1 paragraph.
fn paragraphs(xml: &str) -> Result<(String, Option<String>), quick_xml::Error> {
    let mut reader = Reader::from_str(xml);
    let mut out = String::new();
    let mut para = String::new();
    let mut in_text = false;
    let mut heading = None;
    let mut is_heading = false;
    let mut row: Option<Vec<String>> = None;
    let mut cell: Option<String> = None;
    loop {
        match reader.read_event()? {
            Event::Start(e) => match e.local_name().as_ref() {
                "t" => in_text = true,
                "tr" => row = Some(Vec::new()),
                "tc" => cell = Some(String::new()),
                "p" => {
                    para.clear();
                    is_heading = false;
                }
                _ => {}
            },
            Event::Empty(e) => match e.local_name().as_ref() {
                "tab" => para.push('\t'),
                "br" | "cr" => para.push('\n'),
                "pStyle" => {
                    let style = e
                        .attributes()
                        .flatten()
                        .find(|a| a.key.local_name().as_ref() == "val")
                        .map(|a| a.value.to_ascii_lowercase())
                        .unwrap_or_default();
                    is_heading = style == "title" || style == "heading1";
                }
                _ => {}
            },
            Event::Text(t) if in_text => para.push_str(&t.into_inner()),
            Event::GeneralRef(r) if in_text => {
                let ch = match r.resolve_char_ref() {
                    Ok(Some(c)) => Some(c),
                    _ => match r.into_inner().as_ref() {
                        "amp" => Some('&'),
                        "lt" => Some('<'),
                        "gt" => Some('>'),
                        "quot" => Some('"'),
                        "apos" => Some('\''),
                        _ => None,
                    },
                };
                para.extend(ch);
            }
            Event::End(e) => match e.local_name().as_ref() {
                "t" => in_text = false,
                "p" => {
                    let line = para.trim();
                    if is_heading && heading.is_none() && !line.is_empty() {
                        heading = Some(line.to_string());
                    }
                    match &mut cell {
                        Some(c) => {
                            if !c.is_empty() && !line.is_empty() {
                                c.push(' ');
                            }
                            c.push_str(&line.replace('\n', " "));
                        }
                        None => {
                            out.push_str(line);
                            out.push('\n');
                        }
                    }
                    para.clear();
                }
                "tc" => {
                    if let (Some(cells), Some(c)) = (&mut row, cell.take())
                        && !c.is_empty()
                    {
                        cells.push(c);
                    }
                }
                "tr" => {
                    if let Some(cells) = row.take() {
                        out.push_str(&cells.join("\t"));
                        out.push('\n');
                    }
                }
                _ => {}
            },
            Event::Eof => break,
            _ => {}
        }
    }
    Ok((out, heading))
}

/// The text of the first element named `local` (any namespace).
fn element_text(xml: &str, local: &str) -> Option<String> {
    let mut reader = Reader::from_str(xml);
    let mut inside = false;
    let mut text = String::new();
    loop {
        match reader.read_event().ok()? {
            Event::Start(e) if e.local_name().as_ref() == local => inside = true,
            Event::Text(t) if inside => text.push_str(&t.into_inner()),
            Event::End(e) if inside && e.local_name().as_ref() == local => {
                return Some(text.trim().to_string());
            }
            Event::Eof => return None,
            _ => {}
        }
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use std::io::Write;

    /// A minimal .docx with these body paragraphs (`#` starts a Heading 1)
    /// and, when given, a table row.
    pub(crate) fn make_docx(paras: &[&str], row: &[&str], title: Option<&str>) -> Vec<u8> {
        let mut body = String::new();
        for p in paras {
            match p.strip_prefix('#') {
                Some(h) => body.push_str(&format!(
                    r#"<w:p><w:pPr><w:pStyle w:val="Heading1"/></w:pPr><w:r><w:t>{h}</w:t></w:r></w:p>"#
                )),
                None => body.push_str(&format!(
                    r#"<w:p><w:r><w:t xml:space="preserve">{p}</w:t></w:r></w:p>"#
                )),
            }
        }
        if !row.is_empty() {
            body.push_str("<w:tbl><w:tr>");
            for c in row {
                body.push_str(&format!(
                    "<w:tc><w:p><w:r><w:t>{c}</w:t></w:r></w:p></w:tc>"
                ));
            }
            body.push_str("</w:tr></w:tbl>");
        }
        let doc = format!(
            r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>{body}</w:body></w:document>"#
        );
        let mut buf = std::io::Cursor::new(Vec::new());
        {
            let mut z = zip::ZipWriter::new(&mut buf);
            let o = zip::write::SimpleFileOptions::default();
            z.start_file("word/document.xml", o).expect("zip");
            z.write_all(doc.as_bytes()).expect("zip");
            if let Some(t) = title {
                z.start_file("docProps/core.xml", o).expect("zip");
                z.write_all(format!(r#"<?xml version="1.0"?><cp:coreProperties xmlns:cp="x" xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:title>{t}</dc:title></cp:coreProperties>"#).as_bytes()).expect("zip");
            }
            z.finish().expect("zip");
        }
        buf.into_inner()
    }

    #[test]
    fn paragraphs_headings_and_rows_become_lines() {
        let bytes = make_docx(
            &[
                "#Budget Report",
                "The council spent $4.2 million &amp; more in 2023.",
                "Second paragraph.",
            ],
            &["Roads", "$1.1 million"],
            None,
        );
        let d = read("r.docx", &bytes).expect("reads");
        assert_eq!(
            d.text,
            "Budget Report\nThe council spent $4.2 million & more in 2023.\nSecond paragraph.\nRoads\t$1.1 million\n"
        );
        assert_eq!(d.title, "Budget Report");
        let d = read("r.docx", &make_docx(&["x"], &[], Some("Own Title"))).expect("reads");
        assert_eq!(d.title, "Own Title");
    }

    #[test]
    fn not_a_zip_is_refused() {
        let Err(Skip::Failed(e)) = read("x.docx", b"PK\x03\x04garbage") else {
            panic!("refused")
        };
        assert!(e.to_string().starts_with("x.docx: not a Word"), "{e}");
    }
}
