//! Finds money: "$10 billion", "$3,500", "$4.2billion", "$2.5M", "€20m",
//! "USD 5 million", "5 million dollars", "75 cents". The grammar pieces here
//! (currency before or after, scale words) are used by the amount reader in
//! [`super::numbers`], which also handles ranges and qualifiers.

use super::scan::{self, Ctx, Kind};
use super::text::Text;
use super::words;
use super::{FactKind, Found};

/// Every money fact in the text.
pub fn find(text: &Text<'_>) -> Vec<Found> {
    scan::find(text)
        .into_iter()
        .filter(|f| f.kind == FactKind::Money)
        .collect()
}

/// A currency written before an amount at token `i` ("$", "US$", "€", "USD"):
/// its ISO code and the token where the number should start.
pub fn currency_prefix(ctx: &Ctx<'_>, i: usize) -> Option<(&'static str, usize)> {
    match ctx.toks.get(i)?.kind {
        Kind::Punct(c) => {
            let code = words::currency_symbol(c)?;
            // "US$" was read at the letters already.
            if c == '$' && i > 0 && ctx.glued(i) && ctx.word(i - 1).is_some() {
                return None;
            }
            Some((code, i + 1))
        }
        Kind::Word => {
            let raw = ctx.word(i)?;
            if ctx.is_punct(i + 1, &['$']) && ctx.glued(i + 1) {
                if i > 0 && ctx.glued(i) && ctx.word(i - 1).is_some() {
                    return None;
                }
                return Some((words::dollar_prefix(raw)?, i + 2));
            }
            let code = words::currency_code(raw)?;
            ctx.num(i + 1)?;
            Some((code, i + 1))
        }
        Kind::Num(_) => None,
    }
}

/// A scale after an amount of money at token `k` ("billion", glued "bn",
/// "M", "m", "-billion"): its exponent and the token after it.
pub fn scale_after(ctx: &Ctx<'_>, k: usize) -> Option<(i32, usize)> {
    if let Some(raw) = ctx.word(k) {
        if let Some(e) = ctx.lower(k).and_then(|l| words::scale_word(l.as_str())) {
            return Some((e, k + 1));
        }
        if let Some(e) = words::money_scale_abbr(raw) {
            // Spaced single letters are too ambiguous ("$5 M Street").
            if ctx.glued(k) || raw.len() > 1 {
                return Some((e, k + 1));
            }
        }
        return None;
    }
    if ctx.is_punct(k, &['-']) && ctx.glued(k) && ctx.glued(k + 1) {
        let e = ctx
            .lower(k + 1)
            .and_then(|l| words::scale_word(l.as_str()))?;
        return Some((e, k + 2));
    }
    None
}

/// A currency named after an amount at token `k` ("dollars", "U.S. dollars",
/// "Canadian dollars", "euros", "cents", "USD"): code, factor to the main
/// unit, and the token after it.
pub fn currency_suffix(ctx: &Ctx<'_>, k: usize) -> Option<(&'static str, f64, usize)> {
    if ctx.glued(k) {
        return None;
    }
    if let Some(code) = ctx.word(k).and_then(words::currency_code) {
        return Some((code, 1.0, k + 1));
    }
    // "U.S. dollars", "US dollars"
    let mut j = k;
    let mut named: Option<&'static str> = None;
    if ctx.word(j) == Some("U")
        && ctx.is_punct(j + 1, &['.'])
        && ctx.word(j + 2) == Some("S")
        && ctx.is_punct(j + 3, &['.'])
    {
        j += 4;
    } else if let Some(w) = ctx.word(j) {
        named = match w {
            "US" | "American" => Some("USD"),
            "Canadian" => Some("CAD"),
            "Australian" => Some("AUD"),
            "Mexican" => Some("MXN"),
            _ => None,
        };
        if named.is_some() || w == "US" {
            j += 1;
        }
    }
    let l = ctx.lower(j)?;
    let (code, factor) = words::currency_noun(l.as_str())?;
    let code = if code == "USD" || code == "MXN" {
        named.unwrap_or(code)
    } else {
        code
    };
    Some((code, factor, j + 1))
}

#[cfg(test)]
mod tests {
    use crate::extract::extract;
    use crate::model::FactKind;

    fn money(s: &str) -> Vec<(String, f64, String, Option<String>)> {
        extract("t", s)
            .facts
            .into_iter()
            .filter(|f| f.kind() == FactKind::Money)
            .map(|f| {
                (
                    f.text.clone(),
                    f.value.as_f64().unwrap_or(f64::NAN),
                    f.currency().unwrap_or_default().to_string(),
                    f.qualifier().map(str::to_string),
                )
            })
            .collect()
    }

    fn values(s: &str) -> Vec<f64> {
        money(s).into_iter().map(|m| m.1).collect()
    }

    #[test]
    fn dollar_amounts_with_scale_words_and_letters() {
        assert_eq!(
            values("It cost $10 billion, $3,500, $1.744 trillion, $4.2billion and $2.5M."),
            vec![1e10, 3500.0, 1_744_000_000_000.0, 4.2e9, 2.5e6]
        );
    }

    #[test]
    fn other_currencies_and_currency_words() {
        let m = money("Paid USD 5 million, 5 million dollars, €20m, £3bn and 75 cents.");
        let got: Vec<(f64, &str)> = m.iter().map(|x| (x.1, x.2.as_str())).collect();
        assert_eq!(
            got,
            vec![
                (5e6, "USD"),
                (5e6, "USD"),
                (2e7, "EUR"),
                (3e9, "GBP"),
                (0.75, "USD")
            ]
        );
    }

    #[test]
    fn ranges_share_the_scale_word() {
        assert_eq!(
            values("Estimates run from $5 to $7 billion, or $5-7 million."),
            vec![5e9, 7e9, 5e6, 7e6]
        );
        assert_eq!(values("between $800 and $1.2 million"), vec![800.0, 1.2e6]);
    }

    #[test]
    fn qualifiers_are_kept_outside_the_span() {
        let m = money("The state had up to $10 billion and approximately $18 billion.");
        assert_eq!(m[0].0, "$10 billion");
        assert_eq!(m[0].3.as_deref(), Some("up to"));
        assert_eq!(m[1].3.as_deref(), Some("approximately"));
    }

    #[test]
    fn spelled_amounts_with_currency_words() {
        assert_eq!(
            values("a billion dollars and two and a half million dollars"),
            vec![1e9, 2.5e6]
        );
    }

    #[test]
    fn a_year_after_a_dollar_sign_is_money() {
        assert_eq!(values("It costs $2021 now."), vec![2021.0]);
    }
}
