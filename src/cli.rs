//! The command line: clap types only. Each subcommand's arguments are checked
//! once here and handed to `cmd::*` as a validated config.

use crate::model::CardType;
use crate::source::{InputFormat, ReadOptions};
use clap::{Args, Parser, Subcommand, ValueEnum};
use std::path::PathBuf;

/// Turn fact sheets and news articles into quizzes and flashcards.
#[derive(Parser, Debug)]
#[command(name = "factdeck", version, about, long_about = None)]
#[command(propagate_version = true, arg_required_else_help = true)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

/// factdeck's subcommands, in pipeline order.
#[derive(Subcommand, Debug)]
pub enum Command {
    /// Find dates, money, percentages, quantities and quotes in documents
    Extract(ExtractArgs),
    /// Extract facts from documents and write a TOML deck of questions
    Generate(GenerateArgs),
    /// Validate deck files and report every problem
    Check(CheckArgs),
    /// Quiz yourself in the terminal, with spaced repetition
    Quiz(QuizArgs),
    /// Show what is due, learned and retained for a deck
    Stats(StatsArgs),
    /// Fit the spaced-repetition parameters to your own review history
    Optimize(OptimizeArgs),
    /// Export a deck to Anki, CSV, print, Kahoot, Quizlet, Blooket, Gimkit, Moodle or Canvas
    Export(ExportArgs),
    /// Review cards in the browser: keep, drop, edit, then export
    Review(ReviewArgs),
}

/// Output format of `extract`.
#[derive(ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum ExtractFormat {
    /// A readable table (default on a terminal)
    Table,
    /// JSON Lines: one fact per line (default when piped)
    Json,
    /// TOML: an array of [[facts]] tables
    Toml,
}

#[derive(Args, Debug)]
pub struct ExtractArgs {
    /// Documents: text, Markdown, web pages, PDFs, .docx files, http(s)
    /// URLs, or - for standard input
    #[arg(required = true, value_name = "FILE")]
    pub files: Vec<PathBuf>,
    /// Print the plain text read from each document, with the line numbers
    /// facts refer to, instead of the facts
    #[arg(long)]
    pub text: bool,
    #[command(flatten)]
    pub input: InputArgs,
    /// Output format [default: table on a terminal, json otherwise]
    #[arg(long, short = 'f', value_enum)]
    pub format: Option<ExtractFormat>,
    /// Only these kinds (comma-separated: date,money,percent,quantity,quote)
    #[arg(long, value_delimiter = ',', value_name = "KINDS")]
    pub kinds: Vec<String>,
    /// Also list the people each document names and the outlets it cites
    #[arg(long)]
    pub people: bool,
}

#[derive(Args, Debug)]
pub struct GenerateArgs {
    /// Documents to make questions from: text, Markdown, web pages, PDFs,
    /// .docx files, http(s) URLs, or - for standard input
    #[arg(required = true, value_name = "FILE")]
    pub files: Vec<PathBuf>,
    #[command(flatten)]
    pub input: InputArgs,
    /// Where to write the deck
    #[arg(long, short = 'o', value_name = "DECK.toml")]
    pub output: PathBuf,
    /// Deck title [default: the first document's title]
    #[arg(long)]
    pub title: Option<String>,
    /// Deck description
    #[arg(long, default_value = "")]
    pub description: String,
    /// Seed for shuffling options and choosing distractors
    #[arg(long, default_value_t = 1)]
    pub seed: u64,
    /// Card types to make (comma-separated) [default: all]
    #[arg(long, value_delimiter = ',', value_parser = CardTypes, value_name = "TYPES")]
    pub types: Vec<CardType>,
    /// At most this many cards, best facts first
    #[arg(long, value_name = "N")]
    pub max_cards: Option<usize>,
    /// Cards per fact, of the types that suit it best [default: 1, or one of
    /// each type given with --types]
    #[arg(long, value_name = "N")]
    pub per_fact: Option<usize>,
    /// Overwrite the output file if it exists
    #[arg(long)]
    pub force: bool,
    /// Regenerate an existing deck, keeping the keep/drop decisions and hand edits
    /// of every card that survives
    #[arg(long)]
    pub update: bool,
}

/// How documents are read (shared by `extract` and `generate`).
#[derive(Args, Debug, Clone)]
pub struct InputArgs {
    /// Read every document as this format [default: detected from its
    /// content, extension or content type]
    #[arg(long, value_enum, value_name = "FORMAT")]
    pub input_format: Option<InputFormat>,
    /// Read at most this much from one document (bytes, or with K, M, G)
    #[arg(long, value_name = "SIZE", default_value = "64M", value_parser = crate::source::parse_size)]
    pub max_input_size: u64,
}

impl InputArgs {
    /// The options the source stage reads with.
    pub fn read_options(&self) -> ReadOptions {
        ReadOptions {
            format: self.input_format,
            max_input: self.max_input_size,
        }
    }
}

/// How a deck file is read (shared by the commands that read one).
#[derive(Args, Debug, Clone)]
pub struct DeckInputArgs {
    /// Read at most this much of a deck file (bytes, or with K, M, G)
    #[arg(long, value_name = "SIZE", default_value = "64M", value_parser = crate::source::parse_size)]
    pub max_input_size: u64,
}

#[derive(Args, Debug)]
pub struct CheckArgs {
    /// Deck files to validate
    #[arg(required = true, value_name = "DECK.toml")]
    pub decks: Vec<PathBuf>,
    #[command(flatten)]
    pub input: DeckInputArgs,
}

#[derive(Args, Debug)]
pub struct QuizArgs {
    /// The deck to study
    #[arg(value_name = "DECK.toml")]
    pub deck: PathBuf,
    #[command(flatten)]
    pub deck_input: DeckInputArgs,
    /// Ask every card, ignoring the schedule
    #[arg(long)]
    pub cram: bool,
    /// At most this many cards this session
    #[arg(long, value_name = "N")]
    pub limit: Option<usize>,
    /// Only these card types (comma-separated)
    #[arg(long, value_delimiter = ',', value_parser = CardTypes, value_name = "TYPES")]
    pub types: Vec<CardType>,
    /// Seed for the order of cards and options
    #[arg(long)]
    pub seed: Option<u64>,
    /// Review database [default: factdeck/state.sqlite3 in the platform data directory]
    #[arg(long, value_name = "FILE", env = "FACTDECK_STATE")]
    pub state: Option<PathBuf>,
}

#[derive(Args, Debug)]
pub struct StatsArgs {
    /// The deck to report on
    #[arg(value_name = "DECK.toml")]
    pub deck: PathBuf,
    #[command(flatten)]
    pub deck_input: DeckInputArgs,
    /// Review database [default: factdeck/state.sqlite3 in the platform data directory]
    #[arg(long, value_name = "FILE", env = "FACTDECK_STATE")]
    pub state: Option<PathBuf>,
}

#[derive(Args, Debug)]
pub struct OptimizeArgs {
    /// Review database [default: factdeck/state.sqlite3 in the platform data directory]
    #[arg(long, value_name = "FILE", env = "FACTDECK_STATE")]
    pub state: Option<PathBuf>,
}

/// Export targets.
#[derive(ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum ExportFormat {
    /// An Anki package (.apkg) that Anki opens directly
    Apkg,
    /// Anki's plain-text import format (File > Import)
    AnkiText,
    /// Printable double-sided cards (HTML)
    Cards,
    /// A classroom worksheet with answer key (HTML)
    Worksheet,
    /// CSV for spreadsheets, one row per card
    Csv,
    /// Kahoot's quiz spreadsheet (.xlsx) for "Import spreadsheet"
    Kahoot,
    /// Quizlet's import text: term, tab, definition; a card a line
    Quizlet,
    /// Blooket's CSV import template
    Blooket,
    /// Gimkit's CSV import template
    Gimkit,
    /// Moodle GIFT text
    Gift,
    /// Moodle XML
    Moodle,
    /// IMS QTI 1.2 package (.zip) for Canvas
    Qti,
}

/// Paper sizes for printable output.
#[derive(ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum Paper {
    Letter,
    A4,
}

/// How printed card backs are laid out.
#[derive(ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum Duplex {
    /// Flip on the long edge (most printers' default)
    Long,
    /// Flip on the short edge
    Short,
    /// Single-sided: fold each card over
    None,
}

#[derive(Args, Debug)]
pub struct ExportArgs {
    /// The deck to export
    #[arg(value_name = "DECK.toml")]
    pub deck: PathBuf,
    #[command(flatten)]
    pub deck_input: DeckInputArgs,
    /// What to produce
    #[arg(long, value_enum)]
    pub to: ExportFormat,
    /// Output file
    #[arg(long, short = 'o', value_name = "FILE")]
    pub output: PathBuf,
    /// Overwrite the output file if it exists
    #[arg(long)]
    pub force: bool,
    /// Only these card types (comma-separated: cloze, multiple_choice, who_said, true_false, short_answer)
    #[arg(long, value_delimiter = ',', value_parser = CardTypes, value_name = "TYPES")]
    pub types: Vec<CardType>,
    /// Only cards with one of these tags (comma-separated)
    #[arg(long = "tag", value_delimiter = ',', value_name = "TAGS")]
    pub tags: Vec<String>,
    /// Only cards from these documents (path as in the deck, or file name; comma-separated)
    #[arg(long = "doc", value_delimiter = ',', value_name = "DOCS")]
    pub docs: Vec<String>,
    /// At most this many cards, spread over card types (worksheets: questions) [default: all; worksheets: up to 20]
    #[arg(long, value_name = "N")]
    pub count: Option<usize>,
    /// Seed for which cards --count takes, and for worksheet orders [default: 1]
    #[arg(long)]
    pub seed: Option<u64>,
    /// Anki deck name (`::` makes sub-decks), Moodle category or Canvas quiz title [default: the deck title]
    #[arg(long = "deck", value_name = "NAME")]
    pub deck_name: Option<String>,
    /// Paper size for cards and worksheets [default: letter]
    #[arg(long, value_enum)]
    pub paper: Option<Paper>,
    /// Cards per printed page: 4, 6, 8 or 10 [default: 8]
    #[arg(long, value_parser = PerPage)]
    pub per_page: Option<usize>,
    /// Duplex printing of card backs [default: long]
    #[arg(long, value_enum)]
    pub duplex: Option<Duplex>,
    /// Number of worksheet versions (A, B, …) [default: 1]
    #[arg(long, value_parser = clap::value_parser!(u32).range(1..=26))]
    pub versions: Option<u32>,
    /// Seconds per question: Kahoot 5, 10, 20, 30, 60, 90, 120 or 240; Blooket 1–300 [default: 20]
    #[arg(long, value_name = "SECONDS")]
    pub time_limit: Option<u32>,
    /// Start a CSV with a UTF-8 byte-order mark, so Excel shows accents and curly quotes [default: on for .csv]
    #[arg(long, overrides_with = "no_bom")]
    pub bom: bool,
    /// No byte-order mark on a CSV
    #[arg(long, overrides_with = "bom")]
    pub no_bom: bool,
}

// The renderers define their own options; the command line's are turned
// into them here, once.
impl GenerateArgs {
    /// Refuses a seed a deck file cannot hold and limits of 0.
    pub fn validate(&self) -> Result<(), String> {
        if i64::try_from(self.seed).is_err() {
            return Err(format!(
                "--seed must be at most {} (TOML integers are 64-bit signed)",
                i64::MAX
            ));
        }
        if self.per_fact == Some(0) {
            return Err("--per-fact must be at least 1".into());
        }
        if self.max_cards == Some(0) {
            return Err("--max-cards must be at least 1".into());
        }
        Ok(())
    }
}

impl ExportArgs {
    /// The formats an option applies to, as `--to` names them.
    fn applies(&self) -> [(&'static str, bool, &'static [ExportFormat]); 9] {
        use ExportFormat::*;
        [
            (
                "--deck",
                self.deck_name.is_some(),
                &[Apkg, AnkiText, Gift, Moodle, Qti],
            ),
            ("--paper", self.paper.is_some(), &[Cards, Worksheet]),
            ("--per-page", self.per_page.is_some(), &[Cards]),
            ("--duplex", self.duplex.is_some(), &[Cards]),
            ("--versions", self.versions.is_some(), &[Worksheet]),
            (
                "--time-limit",
                self.time_limit.is_some(),
                &[Kahoot, Blooket],
            ),
            ("--bom", self.bom, &[Csv]),
            ("--no-bom", self.no_bom, &[Csv]),
            // Without --count nothing is sampled, so only a worksheet uses a seed.
            (
                "--seed",
                self.seed.is_some() && self.count.is_none(),
                &[Worksheet],
            ),
        ]
    }

    /// Refuses an option given for a format that would ignore it, and a
    /// `--count` of 0.
    pub fn validate(&self) -> Result<(), String> {
        for (flag, given, formats) in self.applies() {
            if given && !formats.contains(&self.to) {
                let to = format_name(self.to);
                let names: Vec<String> = formats.iter().map(|f| format_name(*f)).collect();
                let hint = if flag == "--seed" {
                    " (with --count it picks which cards are taken)".to_string()
                } else {
                    String::new()
                };
                return Err(format!(
                    "{flag} does not apply to --to {to}; it is for --to {}{hint}",
                    names.join(", ")
                ));
            }
        }
        if self.count == Some(0) {
            return Err("--count must be at least 1".into());
        }
        Ok(())
    }
}

/// The name `--to` knows a format by.
fn format_name(f: ExportFormat) -> String {
    f.to_possible_value()
        .map(|v| v.get_name().to_string())
        .unwrap_or_default()
}

impl From<Paper> for crate::render::Paper {
    fn from(p: Paper) -> Self {
        match p {
            Paper::Letter => Self::Letter,
            Paper::A4 => Self::A4,
        }
    }
}

impl From<Duplex> for crate::render::Duplex {
    fn from(d: Duplex) -> Self {
        match d {
            Duplex::Long => Self::Long,
            Duplex::Short => Self::Short,
            Duplex::None => Self::None,
        }
    }
}

#[derive(Args, Debug)]
pub struct ReviewArgs {
    /// The deck to review (the only file the page writes)
    #[arg(value_name = "DECK.toml")]
    pub deck: PathBuf,
    #[command(flatten)]
    pub deck_input: DeckInputArgs,
    /// Port on 127.0.0.1 [default: any free port]
    #[arg(long, default_value_t = 0)]
    pub port: u16,
    /// Do not open a browser; just print the address
    #[arg(long)]
    pub no_open: bool,
}

/// Card type names for `--types`, listed in `--help`.
#[derive(Clone, Copy, Debug)]
struct CardTypes;

/// Cards per printed page for `--per-page`, listed in `--help`.
#[derive(Clone, Copy, Debug)]
struct PerPage;

/// Runs a `&str` parser as clap's value parser, its message as clap's error.
fn parse_with<T>(
    cmd: &clap::Command,
    arg: Option<&clap::Arg>,
    value: &std::ffi::OsStr,
    parse: impl Fn(&str) -> Result<T, String>,
) -> Result<T, clap::Error> {
    let name = arg.map_or_else(String::new, |a| format!("--{} ", a.get_id()));
    let s = value.to_str().ok_or_else(|| {
        clap::Error::raw(
            clap::error::ErrorKind::InvalidUtf8,
            format!("{name}value is not valid UTF-8\n"),
        )
        .with_cmd(cmd)
    })?;
    parse(s).map_err(|m| {
        clap::Error::raw(clap::error::ErrorKind::InvalidValue, format!("{name}{m}\n")).with_cmd(cmd)
    })
}

impl clap::builder::TypedValueParser for CardTypes {
    type Value = CardType;

    fn parse_ref(
        &self,
        cmd: &clap::Command,
        arg: Option<&clap::Arg>,
        value: &std::ffi::OsStr,
    ) -> Result<CardType, clap::Error> {
        parse_with(cmd, arg, value, parse_card_type)
    }

    fn possible_values(
        &self,
    ) -> Option<Box<dyn Iterator<Item = clap::builder::PossibleValue> + '_>> {
        Some(Box::new(
            CardType::ALL
                .iter()
                .map(|t| clap::builder::PossibleValue::new(t.as_str())),
        ))
    }
}

impl clap::builder::TypedValueParser for PerPage {
    type Value = usize;

    fn parse_ref(
        &self,
        cmd: &clap::Command,
        arg: Option<&clap::Arg>,
        value: &std::ffi::OsStr,
    ) -> Result<usize, clap::Error> {
        parse_with(cmd, arg, value, parse_per_page)
    }

    fn possible_values(
        &self,
    ) -> Option<Box<dyn Iterator<Item = clap::builder::PossibleValue> + '_>> {
        Some(Box::new(
            ["4", "6", "8", "10"]
                .into_iter()
                .map(clap::builder::PossibleValue::new),
        ))
    }
}

fn parse_per_page(s: &str) -> Result<usize, String> {
    match s.parse::<usize>() {
        Ok(n @ (4 | 6 | 8 | 10)) => Ok(n),
        _ => Err(format!(
            "'{s}' cards per page is not offered (choose 4, 6, 8 or 10)"
        )),
    }
}

fn parse_card_type(s: &str) -> Result<CardType, String> {
    CardType::parse(s).ok_or_else(|| {
        let names: Vec<_> = CardType::ALL.iter().map(|t| t.as_str()).collect();
        format!(
            "unknown card type '{s}' (expected one of: {})",
            names.join(", ")
        )
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    #[test]
    fn cli_definition_is_consistent() {
        Cli::command().debug_assert();
    }

    #[test]
    fn help_lists_the_valid_types_and_cards_per_page() {
        let mut cmd = Cli::command();
        for sub in ["quiz", "generate", "export"] {
            let help = cmd
                .find_subcommand_mut(sub)
                .expect("subcommand")
                .render_long_help()
                .to_string();
            for t in CardType::ALL {
                assert!(help.contains(t.as_str()), "{sub} --help lacks {t}:\n{help}");
            }
            if sub == "export" {
                assert!(
                    help.contains("4, 6, 8, 10") || help.contains("- 10"),
                    "{help}"
                );
            }
        }
        let err = Cli::try_parse_from(["factdeck", "quiz", "d.toml", "--types", "essay"])
            .expect_err("unknown type");
        assert!(err.to_string().contains("expected one of"), "{err}");
        let ok = Cli::try_parse_from([
            "factdeck",
            "export",
            "d.toml",
            "--to",
            "cards",
            "-o",
            "x",
            "--per-page",
            "6",
        ])
        .expect("6 per page");
        let Command::Export(a) = ok.command else {
            panic!("export")
        };
        assert_eq!(a.per_page, Some(6));
    }
}
