//! Word wrapping for the quiz's text, so that prompts, options and feedback
//! break between words at the terminal's width instead of mid-word.

/// Wraps `text` at word boundaries so no line is wider than `width` columns
/// (when a word alone is wider, it gets a line of its own).
///
/// The first line starts after `first` columns already written (an option's
/// `  2) `); each continuation line is indented by `indent` spaces, so wrapped
/// options stay under their text. A line's own leading spaces are kept.
/// Existing line breaks are kept; a trailing newline stays. With no width
/// (output is not a terminal), the text is returned unchanged.
pub fn wrap(text: &str, width: Option<usize>, first: usize, indent: usize) -> String {
    // Too narrow to be useful: let the terminal do what it can.
    let Some(width) = width.filter(|&w| w > indent + 10) else {
        return text.to_string();
    };
    let mut out = String::with_capacity(text.len() + 16);
    for (n, line) in text.split('\n').enumerate() {
        if n > 0 {
            out.push('\n');
        }
        let lead = line.len() - line.trim_start_matches(' ').len();
        out.push_str(&line[..lead]);
        let mut col = if n == 0 { first } else { 0 } + lead;
        let mut fresh = true;
        for word in line.split_whitespace() {
            let w = word.chars().count();
            if !fresh && col + 1 + w > width {
                out.push('\n');
                out.push_str(&" ".repeat(indent));
                col = indent;
                fresh = true;
            }
            if !fresh {
                out.push(' ');
                col += 1;
            }
            out.push_str(word);
            col += w;
            fresh = false;
        }
    }
    out
}

/// The width to wrap at on a terminal: one column short of its width, as
/// some terminals put a line that fills the last column on a line of its own.
pub fn terminal_width() -> Option<usize> {
    crossterm::terminal::size()
        .ok()
        .map(|(cols, _)| usize::from(cols).saturating_sub(1))
        .filter(|&w| w > 0)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn widest(s: &str) -> usize {
        s.lines().map(|l| l.chars().count()).max().unwrap_or(0)
    }

    #[test]
    fn long_text_breaks_between_words_within_the_width() {
        let text = "How many residents of the riverside district were moved before the flood barrier was finished?\n";
        let w = wrap(text, Some(40), 0, 0);
        assert!(widest(&w) <= 40, "{w}");
        assert!(w.ends_with('\n'), "{w:?}");
        // Same words in the same order: only spaces became line breaks.
        assert_eq!(
            w.split_whitespace().collect::<Vec<_>>(),
            text.split_whitespace().collect::<Vec<_>>()
        );
        assert!(w.lines().count() >= 3, "{w}");
    }

    #[test]
    fn continuation_lines_keep_the_option_indentation() {
        let w = wrap(
            "the regional transit authority and the county water board jointly",
            Some(30),
            5,
            5,
        );
        let lines: Vec<&str> = w.lines().collect();
        assert!(lines.len() >= 3, "{w}");
        assert!(lines[0].chars().count() + 5 <= 30, "{w}");
        for l in &lines[1..] {
            assert!(l.starts_with("     ") && !l.starts_with("      "), "{w}");
            assert!(l.chars().count() <= 30, "{w}");
        }
    }

    #[test]
    fn leading_spaces_stay_and_short_text_is_untouched() {
        assert_eq!(wrap("  short note\n", Some(80), 0, 2), "  short note\n");
        let w = wrap(
            "  “a quoted sentence that is long” — board.txt:7",
            Some(20),
            0,
            2,
        );
        assert!(w.starts_with("  “a quoted"), "{w}");
        assert!(w.lines().skip(1).all(|l| l.starts_with("  ")), "{w}");
    }

    #[test]
    fn a_word_wider_than_the_line_gets_its_own_line_and_no_width_means_no_wrap() {
        let long = "see https://example.org/a/very/long/path/that/cannot/break here";
        let w = wrap(long, Some(20), 0, 0);
        assert_eq!(
            w.lines().collect::<Vec<_>>(),
            [
                "see",
                "https://example.org/a/very/long/path/that/cannot/break",
                "here"
            ]
        );
        assert_eq!(wrap(long, None, 0, 0), long);
    }
}
