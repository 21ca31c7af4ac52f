//! Word lists shared by the number and date finders: months, scale words,
//! qualifiers, function words, identifier words and counted-noun shapes.
//!
//! Every function takes an ASCII-lowercased word (see [`Lower`]); lists are
//! `match` arms so the compiler turns them into a handful of comparisons.

use arrayvec::ArrayString;

/// A word lowercased without allocating: the word itself when it is
/// lowercase already (most words), else a copy on the stack.
#[derive(Clone, Copy)]
pub enum Lower<'a> {
    Same(&'a str),
    Folded(ArrayString<24>),
}

impl<'a> Lower<'a> {
    /// The lowercase form of an ASCII word of at most 24 bytes (a curly
    /// apostrophe counts as `'`); `None` for anything else.
    pub fn of(word: &'a str) -> Option<Lower<'a>> {
        let bytes = word.as_bytes();
        if bytes.len() <= 24
            && bytes
                .iter()
                .all(|b| !b.is_ascii_uppercase() && b.is_ascii())
        {
            return Some(Lower::Same(word));
        }
        if bytes.len() > 26 {
            return None;
        }
        let mut buf = ArrayString::<24>::new();
        if word.is_ascii() {
            buf.try_push_str(word).ok()?;
            buf.make_ascii_lowercase();
            return Some(Lower::Folded(buf));
        }
        for (k, piece) in word.split('’').enumerate() {
            if k > 0 {
                buf.try_push('\'').ok()?;
            }
            if !piece.is_ascii() {
                return None;
            }
            buf.try_push_str(piece).ok()?;
        }
        buf.make_ascii_lowercase();
        Some(Lower::Folded(buf))
    }

    /// The lowercase word.
    pub fn as_str(&self) -> &str {
        match self {
            Lower::Same(s) => s,
            Lower::Folded(buf) => buf.as_str(),
        }
    }
}

/// The month a name or abbreviation stands for (1-12); `abbr` says whether
/// it was the abbreviation (which needs a period or a number after it).
pub fn month(w: &str) -> Option<(u32, bool)> {
    Some(match w {
        "january" => (1, false),
        "february" => (2, false),
        "march" => (3, false),
        "april" => (4, false),
        "may" => (5, false),
        "june" => (6, false),
        "july" => (7, false),
        "august" => (8, false),
        "september" => (9, false),
        "october" => (10, false),
        "november" => (11, false),
        "december" => (12, false),
        "jan" => (1, true),
        "feb" => (2, true),
        "mar" => (3, true),
        "apr" => (4, true),
        "jun" => (6, true),
        "jul" => (7, true),
        "aug" => (8, true),
        "sep" | "sept" => (9, true),
        "oct" => (10, true),
        "nov" => (11, true),
        "dec" => (12, true),
        _ => return None,
    })
}

/// Days of the week, which look like names before a comma.
pub fn weekday(w: &str) -> bool {
    matches!(
        w,
        "monday" | "tuesday" | "wednesday" | "thursday" | "friday" | "saturday" | "sunday"
    )
}

/// Words before a bare month that make it a date ("in October", "mid-October").
pub fn month_context(w: &str) -> bool {
    matches!(
        w,
        "in" | "since"
            | "until"
            | "till"
            | "by"
            | "through"
            | "thru"
            | "from"
            | "during"
            | "before"
            | "after"
            | "between"
            | "of"
            | "early"
            | "mid"
            | "late"
            | "around"
            | "into"
            | "throughout"
            | "starting"
            | "beginning"
    )
}

/// Decimal exponent of a scale word written out (`million` is 6).
pub fn scale_word(w: &str) -> Option<i32> {
    Some(match w {
        "hundred" => 2,
        "thousand" => 3,
        "million" => 6,
        "billion" => 9,
        "trillion" => 12,
        _ => return None,
    })
}

/// Decimal exponent of a scale abbreviation after an amount of money
/// (`$2.5M`, `€20m`, `$4bn`, `$5K`). Case matters for single letters.
pub fn money_scale_abbr(raw: &str) -> Option<i32> {
    Some(match raw {
        "k" | "K" => 3,
        "m" | "M" | "mn" | "Mn" | "mln" | "mil" | "MM" => 6,
        "b" | "B" | "bn" | "Bn" | "bln" | "BN" => 9,
        "t" | "T" | "tn" | "trn" | "Tn" => 12,
        _ => return None,
    })
}

/// Scale abbreviations accepted glued to a count ("2.5M people", "5K runners").
pub fn count_scale_abbr(raw: &str) -> Option<i32> {
    Some(match raw {
        "K" | "k" => 3,
        "M" => 6,
        "B" | "bn" => 9,
        _ => return None,
    })
}

/// ISO 4217 codes written before or after an amount ("USD 5 million").
pub fn currency_code(raw: &str) -> Option<&'static str> {
    Some(match raw {
        "USD" => "USD",
        "EUR" => "EUR",
        "GBP" => "GBP",
        "JPY" => "JPY",
        "CAD" => "CAD",
        "AUD" => "AUD",
        "CHF" => "CHF",
        "CNY" => "CNY",
        "INR" => "INR",
        "MXN" => "MXN",
        _ => return None,
    })
}

/// A currency symbol written before an amount.
pub fn currency_symbol(c: char) -> Option<&'static str> {
    Some(match c {
        '$' => "USD",
        '€' => "EUR",
        '£' => "GBP",
        '¥' => "JPY",
        '₹' => "INR",
        '₩' => "KRW",
        _ => return None,
    })
}

/// Letters glued before `$` that name another dollar ("C$", "US$").
pub fn dollar_prefix(raw: &str) -> Option<&'static str> {
    Some(match raw {
        "US" => "USD",
        "C" | "CA" | "CAN" => "CAD",
        "A" | "AU" => "AUD",
        "NZ" => "NZD",
        "HK" => "HKD",
        "S" => "SGD",
        "R" => "BRL",
        "Mex" => "MXN",
        _ => return None,
    })
}

/// Currency nouns after an amount ("5 million dollars"): code and the
/// factor to the main unit.
pub fn currency_noun(w: &str) -> Option<(&'static str, f64)> {
    Some(match w {
        "dollars" | "dollar" => ("USD", 1.0),
        "cents" | "cent" => ("USD", 0.01),
        "euros" | "euro" => ("EUR", 1.0),
        "yen" => ("JPY", 1.0),
        "pesos" => ("MXN", 1.0),
        "sterling" => ("GBP", 1.0),
        _ => return None,
    })
}

/// Qualifiers, longest first, as lowercase word sequences, and the canonical
/// form reported.
pub const QUALIFIERS: &[(&[&str], &str)] = &[
    (&["a", "little", "more", "than"], "more than"),
    (&["a", "little", "over"], "over"),
    (&["no", "more", "than"], "no more than"),
    (&["no", "fewer", "than"], "no fewer than"),
    (&["no", "less", "than"], "no less than"),
    (&["as", "many", "as"], "as many as"),
    (&["as", "much", "as"], "as much as"),
    (&["as", "few", "as"], "as few as"),
    (&["as", "little", "as"], "as little as"),
    (&["as", "high", "as"], "as high as"),
    (&["as", "low", "as"], "as low as"),
    (&["just", "shy", "of"], "nearly"),
    (&["in", "excess", "of"], "more than"),
    (&["just", "over"], "just over"),
    (&["just", "under"], "just under"),
    (&["well", "over"], "well over"),
    (&["well", "above"], "well above"),
    (&["well", "below"], "well below"),
    (&["more", "than"], "more than"),
    (&["less", "than"], "less than"),
    (&["fewer", "than"], "fewer than"),
    (&["greater", "than"], "more than"),
    (&["up", "to"], "up to"),
    (&["at", "least"], "at least"),
    (&["at", "most"], "at most"),
    (&["close", "to"], "close to"),
    (&["upwards", "of"], "upwards of"),
    (&["upward", "of"], "upwards of"),
    (&["an", "estimated"], "estimated"),
    (&["approximately"], "approximately"),
    (&["approx"], "approximately"),
    (&["roughly"], "roughly"),
    (&["about"], "about"),
    (&["around"], "around"),
    (&["nearly"], "nearly"),
    (&["almost"], "almost"),
    (&["over"], "over"),
    (&["under"], "under"),
    (&["some"], "some"),
    (&["estimated"], "estimated"),
    (&["exactly"], "exactly"),
    (&["only"], "only"),
    (&["just"], "just"),
    (&["below"], "below"),
    (&["above"], "above"),
];

/// Function words: they end a counted-noun phrase and are never units.
pub fn function_word(w: &str) -> bool {
    matches!(
        w,
        "a" | "an"
            | "the"
            | "of"
            | "in"
            | "on"
            | "at"
            | "to"
            | "for"
            | "from"
            | "by"
            | "with"
            | "and"
            | "or"
            | "but"
            | "nor"
            | "than"
            | "that"
            | "which"
            | "who"
            | "whom"
            | "whose"
            | "this"
            | "these"
            | "those"
            | "is"
            | "are"
            | "was"
            | "were"
            | "be"
            | "been"
            | "being"
            | "has"
            | "have"
            | "had"
            | "do"
            | "does"
            | "did"
            | "will"
            | "would"
            | "could"
            | "should"
            | "may"
            | "might"
            | "must"
            | "can"
            | "shall"
            | "as"
            | "per"
            | "not"
            | "no"
            | "so"
            | "if"
            | "into"
            | "onto"
            | "over"
            | "under"
            | "about"
            | "after"
            | "before"
            | "since"
            | "until"
            | "while"
            | "during"
            | "each"
            | "every"
            | "all"
            | "some"
            | "any"
            | "most"
            | "such"
            | "its"
            | "it"
            | "their"
            | "his"
            | "her"
            | "our"
            | "your"
            | "my"
            | "they"
            | "he"
            | "she"
            | "we"
            | "you"
            | "i"
            | "them"
            | "him"
            | "us"
            | "me"
            | "there"
            | "here"
            | "then"
            | "when"
            | "where"
            | "why"
            | "how"
            | "what"
            | "also"
            | "just"
            | "only"
            | "even"
            | "still"
            | "already"
            | "yet"
            | "ago"
            | "later"
            | "earlier"
            | "annually"
            | "alone"
            | "apiece"
            | "among"
            | "between"
            | "against"
            | "across"
            | "through"
            | "toward"
            | "towards"
            | "up"
            | "down"
            | "out"
            | "off"
            | "again"
            | "both"
            | "either"
            | "neither"
            | "because"
            | "though"
            | "although"
            | "whether"
            | "around"
            | "nearly"
            | "almost"
            | "approximately"
            | "roughly"
            | "another"
            | "said"
            | "says"
    )
}

/// Words that, right before a number, make it a label rather than a count
/// ("Section 232", "District 22", "Route 9", "page 4").
pub fn identifier_word(w: &str) -> bool {
    matches!(
        w,
        "section"
            | "sec"
            | "sections"
            | "district"
            | "route"
            | "highway"
            | "hwy"
            | "interstate"
            | "room"
            | "rm"
            | "suite"
            | "ste"
            | "apartment"
            | "apt"
            | "unit"
            | "box"
            | "lot"
            | "page"
            | "pages"
            | "pp"
            | "chapter"
            | "ch"
            | "title"
            | "article"
            | "art"
            | "amendment"
            | "rule"
            | "form"
            | "item"
            | "line"
            | "phase"
            | "grade"
            | "level"
            | "tier"
            | "stage"
            | "step"
            | "exit"
            | "gate"
            | "pier"
            | "terminal"
            | "platform"
            | "track"
            | "channel"
            | "station"
            | "precinct"
            | "ward"
            | "flight"
            | "bus"
            | "train"
            | "order"
            | "resolution"
            | "bill"
            | "act"
            | "law"
            | "code"
            | "proposition"
            | "prop"
            | "measure"
            | "question"
            | "number"
            | "no"
            | "nos"
            | "num"
            | "version"
            | "model"
            | "class"
            | "category"
            | "zone"
            | "region"
            | "division"
            | "block"
            | "parcel"
            | "building"
            | "floor"
            | "local"
            | "top"
            | "figure"
            | "fig"
            | "table"
            | "appendix"
            | "schedule"
            | "part"
            | "volume"
            | "vol"
            | "issue"
            | "episode"
            | "season"
            | "game"
            | "week"
            | "day"
            | "covid"
            | "hb"
            | "sb"
            | "ab"
            | "hr"
            | "res"
            | "ordinance"
            | "docket"
            | "case"
            | "lane"
            | "pillar"
            | "priority"
            | "goal"
            | "objective"
            | "option"
            | "plan"
            | "program"
            | "slide"
            | "exhibit"
            | "attachment"
            | "footnote"
            | "note"
            | "paragraph"
            | "clause"
            | "subsection"
            | "tab"
            | "size"
            | "type"
            | "mile"
            | "marker"
            | "county"
            | "ballot"
            | "bullet"
            | "id"
            | "ext"
            | "extension"
            | "phone"
            | "tel"
            | "fax"
            | "call"
            | "dial"
            | "text"
            | "zip"
            | "pin"
    )
}

/// Nouns for time, measure and people that are counted even when singular or
/// irregular ("feet", "people", "staff"), or that a year-shaped number before
/// them makes a count ("2021 people" is not a date).
pub fn count_noun(w: &str) -> bool {
    matches!(
        w,
        "people"
            | "persons"
            | "children"
            | "men"
            | "women"
            | "kids"
            | "adults"
            | "residents"
            | "citizens"
            | "voters"
            | "workers"
            | "employees"
            | "students"
            | "teachers"
            | "families"
            | "households"
            | "homes"
            | "houses"
            | "units"
            | "jobs"
            | "members"
            | "officers"
            | "troops"
            | "soldiers"
            | "patients"
            | "cases"
            | "deaths"
            | "beds"
            | "seats"
            | "votes"
            | "acres"
            | "miles"
            | "feet"
            | "ft"
            | "yards"
            | "meters"
            | "metres"
            | "kilometers"
            | "km"
            | "tons"
            | "tonnes"
            | "pounds"
            | "lbs"
            | "lb"
            | "kg"
            | "gallons"
            | "liters"
            | "barrels"
            | "hours"
            | "minutes"
            | "seconds"
            | "days"
            | "weeks"
            | "months"
            | "years"
            | "decades"
            | "staff"
            | "staffers"
            | "personnel"
            | "police"
            | "cattle"
            | "livestock"
            | "aircraft"
            | "sheep"
            | "deer"
            | "fish"
            | "mph"
            | "mw"
            | "gw"
            | "kw"
            | "kwh"
            | "mwh"
            | "gwh"
            | "megawatts"
            | "gigawatts"
            | "vehicles"
            | "cars"
            | "buses"
            | "trucks"
            | "schools"
            | "hospitals"
            | "businesses"
            | "companies"
            | "countries"
            | "states"
            | "counties"
            | "cities"
            | "towns"
            | "passengers"
            | "riders"
            | "visitors"
            | "immigrants"
            | "migrants"
            | "refugees"
            | "applicants"
            | "recipients"
            | "beneficiaries"
            | "customers"
            | "signatures"
            | "ballots"
            | "participants"
            | "volunteers"
            | "victims"
            | "individuals"
            | "americans"
            | "veterans"
            | "seniors"
            | "doses"
            | "tests"
            | "pages"
            | "words"
    )
}

/// Counted nouns that are not plural in form but are units after any number.
pub fn invariant_unit(w: &str) -> bool {
    matches!(
        w,
        "people"
            | "children"
            | "men"
            | "women"
            | "feet"
            | "staff"
            | "personnel"
            | "police"
            | "cattle"
            | "livestock"
            | "aircraft"
            | "sheep"
            | "deer"
            | "fish"
            | "mph"
            | "km"
            | "kg"
            | "lb"
            | "lbs"
            | "ft"
            | "mw"
            | "gw"
            | "kw"
            | "kwh"
            | "mwh"
            | "gwh"
            | "crew"
            | "alumni"
            | "faculty"
            | "clergy"
            | "wildlife"
    )
}

/// Words ending in `s` that are not plural nouns.
pub fn false_plural(w: &str) -> bool {
    w.ends_with("ss")
        || w.ends_with("us")
        || w.ends_with("is")
        || w.ends_with("'s")
        || w.ends_with("ics")
        || matches!(
            w,
            "always"
                | "perhaps"
                | "whereas"
                | "was"
                | "has"
                | "does"
                | "its"
                | "this"
                | "thus"
                | "yes"
                | "less"
                | "unless"
                | "news"
                | "means"
                | "times"
                | "besides"
                | "afterwards"
                | "sometimes"
                | "nowadays"
                | "overseas"
                | "percents"
                | "thousands"
                | "millions"
                | "billions"
                | "trillions"
                | "hundreds"
                | "dozens"
                | "tens"
                | "ones"
                | "others"
                | "ours"
                | "yours"
                | "theirs"
                | "hers"
                | "says"
                | "goes"
                | "makes"
                | "takes"
                | "gets"
                | "gives"
                | "comes"
                | "seems"
                | "remains"
                | "includes"
                | "requires"
                | "provides"
                | "allows"
                | "shows"
                | "reports"
                | "plans"
                | "needs"
                | "wants"
                | "expects"
                | "estimates"
                | "serves"
                | "costs"
                | "pays"
                | "covers"
                | "affects"
                | "receives"
                | "begins"
                | "ends"
                | "lasts"
                | "runs"
                | "adds"
        )
}

/// Past-tense verbs that can follow a bare count ("more than 420,000 fled").
pub fn count_verb(w: &str) -> bool {
    if matches!(
        w,
        "fled"
            | "died"
            | "left"
            | "lost"
            | "won"
            | "came"
            | "went"
            | "took"
            | "got"
            | "ran"
            | "sat"
            | "stood"
            | "fell"
            | "rose"
            | "grew"
            | "spoke"
            | "gave"
            | "sought"
            | "slept"
            | "froze"
            | "swore"
            | "drove"
            | "flew"
            | "knew"
    ) {
        return true;
    }
    w.len() >= 5
        && w.ends_with("ed")
        && !w.ends_with("eed")
        && !matches!(
            w,
            "based" | "related" | "called" | "named" | "dated" | "aged" | "listed" | "titled"
        )
}

/// Nouns before "of" that make the number after them a count of themselves
/// ("a population of 1,204,000").
pub fn count_head(w: &str) -> bool {
    matches!(
        w,
        "population"
            | "enrollment"
            | "attendance"
            | "turnout"
            | "workforce"
            | "headcount"
            | "caseload"
            | "membership"
            | "crowd"
            | "ridership"
            | "backlog"
    )
}

/// Street words after a house number ("1600 Pennsylvania Avenue").
pub fn street_word(w: &str) -> bool {
    matches!(
        w,
        "street"
            | "st"
            | "avenue"
            | "ave"
            | "road"
            | "rd"
            | "boulevard"
            | "blvd"
            | "drive"
            | "dr"
            | "lane"
            | "ln"
            | "way"
            | "place"
            | "pl"
            | "court"
            | "ct"
            | "parkway"
            | "pkwy"
            | "highway"
            | "square"
            | "plaza"
            | "terrace"
            | "circle"
            | "pike"
            | "trail"
    )
}
