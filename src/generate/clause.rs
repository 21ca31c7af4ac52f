//! Cutting a long sentence down to the clause that carries a fact, so a card
//! reads well on its own, and framing it with a slot where the answer goes.

/// Marks where the fact's text was taken out of a sentence.
pub(super) const SLOT: char = '\u{E000}';

/// Sentences up to this many words are kept whole.
const LONG_SENTENCE: usize = 25;

/// A clause shorter than this is joined to its neighbour.
const SHORT_CLAUSE: usize = 7;

/// Conjunctions that may start an independent clause after a comma; the cut
/// drops them ("…, and the crew returned on …" → "The crew returned on …").
const CLAUSE_CONJUNCTIONS: &[&str] = &["and", "but", "so", "yet", "while", "whereas"];

/// A sentence (or clause) with one slot where the fact's text stood.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Frame {
    text: String,
}

impl Frame {
    /// Frames `sentence` around the first occurrence of `span`; `None` when the
    /// span is not in the sentence.
    pub fn new(sentence: &str, span: &str) -> Option<Frame> {
        if span.trim().is_empty() || sentence.contains(SLOT) {
            return None;
        }
        let at = sentence.find(span)?;
        let mut text = String::with_capacity(sentence.len());
        text.push_str(&sentence[..at]);
        text.push(SLOT);
        text.push_str(&sentence[at + span.len()..]);
        Some(Frame { text })
    }

    /// The framed text with the slot as [`SLOT`] (for rewriting around it).
    pub(super) fn text(&self) -> &str {
        &self.text
    }

    /// A frame from rewritten text; `None` unless it holds exactly one slot.
    pub(super) fn from_text(text: String) -> Option<Frame> {
        (text.matches(SLOT).count() == 1).then_some(Frame { text })
    }

    /// Whether the slot stands inside quotation marks (a figure someone said).
    pub fn slot_in_quote(&self) -> bool {
        let Some(at) = self.text.find(SLOT) else {
            return false;
        };
        let before = &self.text[..at];
        let after = &self.text[at..];
        let opened = before.matches('“').count() > before.matches('”').count();
        // A quotation begun in an earlier sentence closes after the slot.
        let closes = after.matches('”').count() > after.matches('“').count();
        opened || closes || before.matches('"').count() % 2 == 1
    }

    /// Whether the slot stands in parentheses (a conversion such as
    /// "(£720bn)" or an aside), not in the statement itself.
    pub fn slot_in_parentheses(&self) -> bool {
        let Some(at) = self.text.find(SLOT) else {
            return false;
        };
        let before = &self.text[..at];
        before.matches('(').count() > before.matches(')').count()
    }

    /// The text with the slot filled.
    pub fn with(&self, fill: &str) -> String {
        self.text.replacen(SLOT, fill, 1)
    }

    /// The text with the slot shown as a blank.
    pub fn blank(&self) -> String {
        self.with("____")
    }

    /// The text around the slot, without it (to test what the prompt gives away).
    pub fn context(&self) -> String {
        self.with(" ")
    }

    /// Whether the slot is one end of a range ("2021–____", "$5 to ____"):
    /// a made-up value there could put the ends in the wrong order, so such
    /// a fact is asked only as a blank to fill.
    pub fn in_range(&self) -> bool {
        let Some((before, after)) = self.text.split_once(SLOT) else {
            return false;
        };
        let dash = |c: char| matches!(c, '-' | '–' | '—');
        let figure = |c: Option<char>| c.is_some_and(|c| c.is_ascii_digit() || c == '$');
        let ends_figure = |s: &str| s.chars().next_back().is_some_and(|c| c.is_ascii_digit());
        // "between ____ and 75 cents", "between 2019 and ____"
        let between = (before.ends_with("between ") && after.starts_with(" and "))
            || before
                .strip_suffix(" and ")
                .and_then(|b| b.rsplit_once("between "))
                .is_some_and(|(_, first)| first.split_whitespace().count() <= 3);
        between
            || before.strip_suffix(dash).is_some_and(ends_figure)
            || after
                .strip_prefix(dash)
                .is_some_and(|t| figure(t.chars().next()))
            || before.strip_suffix(" to ").is_some_and(ends_figure)
            || after
                .strip_prefix(" to ")
                .is_some_and(|t| figure(t.chars().next()))
    }

    /// Number of words, counting the slot as one.
    pub fn words(&self) -> usize {
        self.text.split_whitespace().count()
    }

    /// Cuts a long sentence to the clause holding the slot: splits at `;`,
    /// dashes and a comma before a conjunction (never inside quotation marks),
    /// joins clauses that are too short to stand alone, and tidies the result
    /// into a sentence of its own.
    pub fn clause(&self) -> Frame {
        if let Some(end) = dateline_end(&self.text) {
            let rest = self.text[end..].trim_start();
            if rest.split_whitespace().count() >= SHORT_CLAUSE.min(5) {
                return Frame {
                    text: rest.to_string(),
                }
                .clause();
            }
        }
        if self.words() <= LONG_SENTENCE {
            return self.clone();
        }
        let text = &self.text;
        let cuts = clause_starts(text);
        // Segments as (start, end) byte ranges.
        let mut segs: Vec<(usize, usize)> = Vec::new();
        let mut prev = 0;
        for &(cut_end, next_start) in &cuts {
            segs.push((prev, cut_end));
            prev = next_start;
        }
        segs.push((prev, text.len()));
        let slot_at = text.find(SLOT).unwrap_or(0);
        let Some(mut i) = segs.iter().position(|&(s, e)| s <= slot_at && slot_at < e) else {
            return self.clone();
        };
        let words = |r: (usize, usize)| text[r.0..r.1].split_whitespace().count();
        // Join with neighbours until the clause can stand alone.
        while words(segs[i]) < SHORT_CLAUSE && segs.len() > 1 {
            let merge_prev =
                i > 0 && (i + 1 >= segs.len() || words(segs[i - 1]) <= words(segs[i + 1]));
            if merge_prev {
                let (s, _) = segs[i - 1];
                segs[i - 1] = (s, segs[i].1);
                segs.remove(i);
                i -= 1;
            } else {
                let (_, e) = segs[i + 1];
                segs[i] = (segs[i].0, e);
                segs.remove(i + 1);
            }
        }
        let (s, e) = segs[i];
        if s == 0 && e == text.len() {
            return self.clone();
        }
        Frame {
            text: tidy(&text[s..e], e == text.len(), text),
        }
    }
}

/// The end of a news dateline ("WASHINGTON —", "SPRINGFIELD, Ill. (AP) —")
/// opening the text: where the story was filed, not part of what it says.
/// `None` when the slot is in it (a card about the dateline's own date).
fn dateline_end(text: &str) -> Option<usize> {
    let (dash, c) = text.char_indices().find(|&(_, c)| c == '—' || c == '–')?;
    let head = &text[..dash];
    if head.contains(SLOT) || head.split_whitespace().count() > 6 {
        return None;
    }
    let place = head
        .split(|c: char| !c.is_alphabetic())
        .find(|w| !w.is_empty())?;
    (place.chars().count() >= 3 && place.chars().all(char::is_uppercase))
        .then_some(dash + c.len_utf8())
}

/// Where clauses end and the next begins: `(end of this clause, start of next)`.
fn clause_starts(text: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut in_quote = false;
    // Commas since the last cut: a third item after two ("A, B, and C") is
    // the end of a list, not a new clause.
    let mut commas = 0;
    let bytes = text.as_bytes();
    for (i, c) in text.char_indices() {
        match c {
            '“' => in_quote = true,
            '”' => in_quote = false,
            '"' => in_quote = !in_quote,
            _ => {}
        }
        if in_quote {
            continue;
        }
        let rest = &text[i..];
        if c == ';' {
            out.push((i, i + 1));
            commas = 0;
        } else if (c == '—' || c == '–') && i > 0 && bytes[i - 1] == b' ' {
            out.push((i, i + c.len_utf8()));
            commas = 0;
        } else if rest.starts_with(" -- ") {
            out.push((i, i + 3));
            commas = 0;
        } else if c == ',' {
            commas += 1;
            let next_word: String = rest[1..]
                .trim_start()
                .chars()
                .take_while(|c| c.is_alphabetic())
                .collect();
            // "between July 1, 2024, and July 1, 2025" joins two figures, not clauses.
            let after_conjunction = rest[1..]
                .trim_start()
                .get(next_word.len()..)
                .unwrap_or("")
                .trim_start();
            let joins_figures = after_conjunction
                .chars()
                .next()
                .is_some_and(|c| c.is_ascii_digit() || c == '$' || c == SLOT)
                || (1..=12)
                    .filter_map(crate::lexicon::month_name)
                    .filter_map(|m| m.get(..3))
                    .any(|m| after_conjunction.starts_with(m));
            let next_lower = next_word.to_lowercase();
            let ends_list = commas > 1 && (next_lower == "and" || next_lower == "or");
            if CLAUSE_CONJUNCTIONS.contains(&next_lower.as_str()) && !joins_figures && !ends_list {
                out.push((i, i + 1));
                commas = 0;
            }
        }
    }
    out
}

/// Makes a clause read as a sentence: no leading conjunction, a capital
/// letter, and the sentence's own end mark (or a period).
fn tidy(clause: &str, is_last: bool, whole: &str) -> String {
    let mut t = clause
        .trim()
        .trim_start_matches([',', ';', '—', '–', '-'])
        .trim();
    let first: String = t.chars().take_while(|c| c.is_alphabetic()).collect();
    if CLAUSE_CONJUNCTIONS.contains(&first.to_lowercase().as_str()) && t.len() > first.len() {
        t = t[first.len()..].trim_start();
    }
    let t = t.trim_end_matches([',', ';', ':', ' ', '—', '–']);
    let mut out = String::with_capacity(t.len() + 1);
    let mut chars = t.chars();
    if let Some(c) = chars.next() {
        out.extend(c.to_uppercase());
        out.push_str(chars.as_str());
    }
    let ends = out.ends_with(['.', '!', '?', '”', '"']);
    if !ends {
        let mark = if is_last && whole.trim_end().ends_with('?') {
            '?'
        } else {
            '.'
        };
        out.push(mark);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn range_ends_are_recognised() {
        let range = |s: &str, span: &str| Frame::new(s, span).expect("frame").in_range();
        assert!(range("The 2026–27 school year starts soon.", "27"));
        assert!(range("The 2026–27 school year starts soon.", "2026"));
        assert!(range("It will cost $5 to $7 billion in all.", "$7 billion"));
        assert!(range("It will cost $5 to $7 billion in all.", "$5"));
        assert!(!range("Mid-2026 is the target.", "2026"));
        assert!(!range("Spending rose to $7 billion in 2024.", "$7 billion"));
        assert!(!range("The vote was 52 to adjourn early.", "52"));
        assert!(range("Fares rise between $1 and $2 a ride.", "$1"));
        assert!(range("Fares rise between $1 and $2 a ride.", "$2"));
        assert!(!range("Fares rose $1 and parking rose too.", "$1"));
    }

    #[test]
    fn short_sentences_are_kept_whole() {
        let f = Frame::new("The module landed on July 20, 1969.", "July 20, 1969").expect("frame");
        assert_eq!(f.clause().blank(), "The module landed on ____.");
    }

    #[test]
    fn long_sentence_is_cut_to_the_clause_with_the_fact() {
        let s = "The crew spent about two and a half hours walking on the surface and \
                 collected samples of rock and dust for study back home, and the command \
                 module splashed down in the Pacific Ocean on July 24, 1969, ending a mission \
                 watched by a vast audience.";
        let f = Frame::new(s, "July 24, 1969").expect("frame").clause();
        let text = f.blank();
        assert!(
            text.starts_with("The command module splashed down"),
            "{text}"
        );
        assert!(text.contains("____"), "{text}");
        assert!(!text.contains("collected samples"), "{text}");
        assert!(text.ends_with('.'), "{text}");
    }

    #[test]
    fn never_cuts_inside_a_quotation() {
        let s = "The commander said “we came in peace; we leave in peace, and we hope others follow” \
                 as the hatch closed after a long day on the surface that nobody on the team \
                 will forget, while the total budget for the whole program reached $25 billion.";
        let f = Frame::new(s, "$25 billion").expect("frame").clause();
        assert_eq!(
            f.blank(),
            "The total budget for the whole program reached ____."
        );
        let g = Frame::new(s, "we came").expect("frame").clause();
        assert!(
            g.with("we came").contains("we leave in peace, and we hope"),
            "{}",
            g.blank()
        );
    }

    #[test]
    fn a_comma_and_between_two_dates_is_not_a_clause_break() {
        let s = "The bureau released estimates today showing that the population of the \
                 nation grew by a large amount, or nearly one percent, between July 1, 2024, \
                 and July 1, 2025, reaching a new high for the country.";
        let f = Frame::new(s, "July 1, 2025").expect("frame").clause();
        assert!(
            f.blank().contains("between July 1, 2024, and ____"),
            "{}",
            f.blank()
        );
    }

    #[test]
    fn dateline_is_not_part_of_the_question() {
        let f = Frame::new(
            "WASHINGTON — New rules will cut added sugars in school meals by 2027, officials said.",
            "2027",
        )
        .expect("frame");
        assert_eq!(
            f.clause().blank(),
            "New rules will cut added sugars in school meals by ____, officials said."
        );
        let f = Frame::new(
            "SPRINGFIELD, Ill. (AP) — The House voted on Thursday to send $1.5 billion to transit agencies.",
            "$1.5 billion",
        )
        .expect("frame");
        assert!(f.clause().blank().starts_with("The House voted"));
        // A card about the dateline's own date keeps it.
        let f = Frame::new(
            "RIVERTON, March 12, 2025 — The council voted to approve the plan.",
            "March 12, 2025",
        )
        .expect("frame");
        assert!(f.clause().blank().starts_with("RIVERTON, ____ —"));
    }

    #[test]
    fn a_list_is_not_cut_before_its_last_item() {
        let s = "The county board, the water district, the port authority, and the \
                 harbor commission announced on Monday that they would share the cost of \
                 a $90 million seawall along the eastern shore of the bay.";
        let f = Frame::new(s, "$90 million").expect("frame").clause();
        assert!(
            f.blank()
                .contains("the port authority, and the harbor commission"),
            "{}",
            f.blank()
        );
    }

    #[test]
    fn a_figure_in_a_quotation_or_parentheses_is_marked() {
        let q = Frame::new("“We saved $4 million,” the clerk said.", "$4 million").expect("frame");
        assert!(q.slot_in_quote());
        let open = Frame::new(
            "Nine of ten agree — $4 million is enough.” Then he left.",
            "$4 million",
        )
        .expect("frame");
        assert!(open.slot_in_quote());
        let p = Frame::new("The fund spent $980m (£720m) in 2025.", "£720m").expect("frame");
        assert!(p.slot_in_parentheses());
        assert!(
            !Frame::new("The fund spent $980m in 2025.", "$980m")
                .expect("frame")
                .slot_in_quote()
        );
    }

    #[test]
    fn missing_span_gives_no_frame() {
        assert!(Frame::new("Nothing here.", "$5").is_none());
        assert!(Frame::new("Nothing here.", "").is_none());
    }
}
