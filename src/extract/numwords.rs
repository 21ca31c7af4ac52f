//! Numbers spelled out in words: "eight and a half million", "a million",
//! "two hundred fifty thousand", "twenty-five".

use super::scan::Ctx;
use super::words;

/// A spelled-out number found at a token.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Spelled {
    pub value: f64,
    /// The token after the number.
    pub end: usize,
    /// The largest scale word used (0 when none: "twenty-five").
    pub scale: i32,
}

#[derive(Clone, Copy, PartialEq)]
enum Last {
    None,
    Unit,
    Tens,
    Hundred,
    Scale,
}

/// The value of a lowercase number word below a hundred ("seven", "forty"),
/// and whether it is a multiple of ten that may take a unit after it.
pub fn small(w: &str) -> Option<(f64, bool)> {
    crate::lexicon::small_number(w)
}

/// Whether a lowercase word can begin a spelled-out number.
pub fn may_start(w: &str) -> bool {
    matches!(w, "a" | "an" | "half") || small(w).is_some()
}

fn lower_at<'a>(ctx: &Ctx<'a>, i: usize) -> Option<words::Lower<'a>> {
    ctx.lower(i)
}

fn scale_at(ctx: &Ctx<'_>, i: usize) -> Option<i32> {
    words::scale_word(lower_at(ctx, i)?.as_str())
}

/// Whether the words at `i` are "and a half" / "and one half".
fn and_a_half(ctx: &Ctx<'_>, i: usize) -> bool {
    ctx.is_word(i, "and")
        && (ctx.is_word(i + 1, "a") || ctx.is_word(i + 1, "one"))
        && ctx.is_word(i + 2, "half")
}

/// The spelled-out number starting at token `i`, if any.
pub fn parse(ctx: &Ctx<'_>, i: usize) -> Option<Spelled> {
    let first = lower_at(ctx, i)?;
    let first = first.as_str();
    // "half a million"
    if first == "half" {
        if (ctx.is_word(i + 1, "a") || ctx.is_word(i + 1, "an"))
            && let Some(e) = scale_at(ctx, i + 2).filter(|&e| e >= 3)
        {
            return Some(Spelled {
                value: 0.5 * 10f64.powi(e),
                end: i + 3,
                scale: e,
            });
        }
        // "half a percentage point"
        if (ctx.is_word(i + 1, "a") || ctx.is_word(i + 1, "an"))
            && (ctx.is_word(i + 2, "percentage") || ctx.is_word(i + 2, "percent"))
        {
            return Some(Spelled {
                value: 0.5,
                end: i + 2,
                scale: 0,
            });
        }
        return None;
    }
    let mut total = 0.0f64;
    let mut cur = 0.0f64;
    let mut last = Last::None;
    let mut scale = 0;
    let mut j = i;
    if first == "a" || first == "an" {
        scale_at(ctx, i + 1)?;
        cur = 1.0;
        last = Last::Unit;
        j = i + 1;
    } else if small(first).is_none() {
        return None;
    }
    let mut end = j;
    while let Some(l) = lower_at(ctx, j) {
        let w = l.as_str();
        if let Some((v, tens)) = small(w) {
            let ok = match last {
                Last::None | Last::Hundred | Last::Scale => true,
                Last::Unit | Last::Tens => false,
            };
            if !ok {
                break;
            }
            cur += v;
            j += 1;
            last = if tens { Last::Tens } else { Last::Unit };
            // "twenty-five"
            if tens
                && ctx.is_punct(j, &['-', '‐'])
                && ctx.glued(j)
                && ctx.glued(j + 1)
                && let Some((u, false)) = lower_at(ctx, j + 1).and_then(|l| small(l.as_str()))
                && u < 10.0
            {
                cur += u;
                j += 2;
                last = Last::Unit;
            }
            end = j;
            continue;
        }
        if let Some(e) = words::scale_word(w) {
            if last == Last::None || last == Last::Scale {
                break;
            }
            if e == 2 {
                if last == Last::Hundred {
                    break;
                }
                cur *= 100.0;
                last = Last::Hundred;
            } else {
                total += cur * 10f64.powi(e);
                cur = 0.0;
                last = Last::Scale;
            }
            scale = scale.max(e);
            j += 1;
            end = j;
            continue;
        }
        if w == "and" && last != Last::None {
            if and_a_half(ctx, j) && matches!(last, Last::Unit | Last::Tens) {
                // "eight and a half million": the half belongs to the scale after it.
                if scale_at(ctx, j + 3).is_some_and(|e| e >= 3) {
                    cur += 0.5;
                    j += 3;
                    continue;
                }
                break;
            }
            if matches!(last, Last::Hundred | Last::Scale)
                && lower_at(ctx, j + 1).is_some_and(|l| small(l.as_str()).is_some())
            {
                j += 1;
                last = Last::Hundred;
                continue;
            }
        }
        break;
    }
    if end == i {
        return None;
    }
    let value = total + cur;
    Some(Spelled { value, end, scale })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::scan::tokenize;

    fn spelled(s: &str) -> Option<(f64, i32, usize)> {
        let mut toks = Vec::new();
        tokenize(s, 0, s.len(), &mut toks);
        let ctx = Ctx {
            src: s,
            toks: &toks,
        };
        parse(&ctx, 0).map(|p| (p.value, p.scale, p.end))
    }

    #[test]
    fn reads_scaled_and_compound_numbers() {
        assert_eq!(
            spelled("eight and a half million people"),
            Some((8_500_000.0, 6, 5))
        );
        assert_eq!(spelled("a million kids"), Some((1_000_000.0, 6, 2)));
        assert_eq!(
            spelled("two hundred fifty thousand"),
            Some((250_000.0, 3, 4))
        );
        assert_eq!(spelled("twenty-five percent"), Some((25.0, 0, 3)));
        assert_eq!(spelled("half a billion"), Some((500_000_000.0, 9, 3)));
        assert_eq!(spelled("half a percentage point"), Some((0.5, 0, 2)));
        assert_eq!(spelled("one hundred and five"), Some((105.0, 2, 4)));
    }

    #[test]
    fn stops_before_words_that_are_not_part_of_it() {
        assert_eq!(spelled("two men and a half"), Some((2.0, 0, 1)));
        assert_eq!(spelled("a man"), None);
        assert_eq!(spelled("one two"), Some((1.0, 0, 1)));
        assert_eq!(spelled("million"), None);
    }
}
