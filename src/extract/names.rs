//! Word lists that tell people from organisations and find who is speaking:
//! titles and roles, reporting verbs, organisation and outlet words, and the
//! small function words that open sentences but never names.
//!
//! Every check is case-insensitive and allocation-free: words longer than the
//! longest listed word are never in a list.

/// A person's grammatical gender as the document shows it (pronouns, titles).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Gender {
    Male,
    Female,
}

/// Titles and roles that stand before a name ("Governor", "Sen.", "spokeswoman").
const TITLES: &[&str] = &[
    "president",
    "governor",
    "gov",
    "mayor",
    "senator",
    "sen",
    "representative",
    "rep",
    "reps",
    "congressman",
    "congresswoman",
    "congressmember",
    "councilmember",
    "councilman",
    "councilwoman",
    "councilor",
    "councillor",
    "alderman",
    "alderwoman",
    "alder",
    "assemblyman",
    "assemblywoman",
    "assemblymember",
    "delegate",
    "del",
    "speaker",
    "leader",
    "whip",
    "secretary",
    "attorney",
    "general",
    "commissioner",
    "chairman",
    "chairwoman",
    "chairperson",
    "chair",
    "director",
    "administrator",
    "judge",
    "justice",
    "sheriff",
    "chief",
    "superintendent",
    "ambassador",
    "comptroller",
    "controller",
    "treasurer",
    "auditor",
    "clerk",
    "supervisor",
    "trustee",
    "manager",
    "executive",
    "advocate",
    "prosecutor",
    "counsel",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "adviser",
    "advisor",
    "aide",
    "strategist",
    "economist",
    "analyst",
    "officer",
    "detective",
    "sergeant",
    "sgt",
    "captain",
    "capt",
    "colonel",
    "col",
    "lieutenant",
    "lt",
    "admiral",
    "adm",
    "gen",
    "commander",
    "cmdr",
    "dr",
    "doctor",
    "mr",
    "mrs",
    "ms",
    "miss",
    "prof",
    "professor",
    "rev",
    "reverend",
    "pastor",
    "bishop",
    "rabbi",
    "imam",
    "pope",
    "king",
    "queen",
    "prince",
    "princess",
    "minister",
    "premier",
    "chancellor",
    "ceo",
    "cfo",
    "founder",
    "cofounder",
    "co-founder",
    "dean",
    "provost",
    "principal",
    "coach",
    "inspector",
    "deputy",
    "lady",
    "sir",
    "dame",
    "lord",
    "candidate",
    "nominee",
    "challenger",
    "incumbent",
    "lawmaker",
    "legislator",
    "official",
    "staffer",
    "researcher",
    "scientist",
    "historian",
    "author",
    "columnist",
    "correspondent",
    "editor",
    "anchor",
    "host",
    "activist",
    "organizer",
    "head",
    "atty",
    "supt",
    "hon",
    "judge",
    "magistrate",
    "marshal",
    "administrator",
    "attorney-general",
    "vice-president",
    "surgeon",
    "member",
];

/// Words that sharpen a title into a role ("Deputy Press Secretary",
/// "Senate Minority Leader", "Communications Director").
const ROLE_MODIFIERS: &[&str] = &[
    "vice",
    "deputy",
    "assistant",
    "associate",
    "acting",
    "interim",
    "lieutenant",
    "lt",
    "chief",
    "senior",
    "press",
    "communications",
    "executive",
    "general",
    "attorney",
    "under",
    "principal",
    "first",
    "prime",
    "surgeon",
    "solicitor",
    "inspector",
    "majority",
    "minority",
    "senate",
    "house",
    "council",
    "budget",
    "finance",
    "policy",
    "health",
    "education",
    "defense",
    "homeland",
    "security",
    "treasury",
    "commerce",
    "labor",
    "energy",
    "transportation",
    "agriculture",
    "interior",
    "housing",
    "veterans",
    "police",
    "fire",
    "schools",
    "campaign",
    "county",
    "borough",
    "managing",
    "board",
    "assembly",
    "school",
    "public",
    "former",
    "incoming",
    "outgoing",
    "state",
    "city",
    "federal",
    "town",
    "national",
    "regional",
];

/// Words that make a capitalized phrase an organisation, place or thing, not a person.
const ORG_WORDS: &[&str] = &[
    "house",
    "senate",
    "congress",
    "office",
    "offices",
    "department",
    "dept",
    "committee",
    "subcommittee",
    "council",
    "party",
    "news",
    "post",
    "times",
    "press",
    "agency",
    "city",
    "county",
    "state",
    "states",
    "university",
    "college",
    "school",
    "schools",
    "academy",
    "institute",
    "foundation",
    "association",
    "union",
    "court",
    "administration",
    "bureau",
    "commission",
    "board",
    "authority",
    "company",
    "corporation",
    "corp",
    "inc",
    "llc",
    "group",
    "center",
    "centre",
    "hospital",
    "fund",
    "service",
    "services",
    "police",
    "network",
    "radio",
    "magazine",
    "journal",
    "tribune",
    "herald",
    "gazette",
    "daily",
    "street",
    "avenue",
    "road",
    "boulevard",
    "square",
    "river",
    "island",
    "bridge",
    "tunnel",
    "subway",
    "airport",
    "station",
    "tower",
    "building",
    "desk",
    "republicans",
    "democrats",
    "republican",
    "democratic",
    "democrat",
    "caucus",
    "coalition",
    "alliance",
    "federation",
    "guard",
    "army",
    "navy",
    "force",
    "corps",
    "district",
    "borough",
    "village",
    "town",
    "township",
    "nation",
    "nations",
    "republic",
    "kingdom",
    "act",
    "bill",
    "law",
    "amendment",
    "program",
    "plan",
    "initiative",
    "project",
    "report",
    "security",
    "social",
    "media",
    "white",
    "oval",
    "capitol",
    "federal",
    "national",
    "american",
    "america",
    "americans",
    "united",
    "treasury",
    "pentagon",
    "kremlin",
    "medicare",
    "medicaid",
    "census",
    "reserve",
    "system",
    "authority",
    "market",
    "exchange",
    "council",
    "assembly",
    "legislature",
    "government",
    "ministry",
    "embassy",
    "consulate",
    "club",
    "team",
    "league",
    "stadium",
    "museum",
    "library",
    "gallery",
    "theater",
    "theatre",
    "mall",
    "plaza",
    "hotel",
    "navy",
    "yard",
    "landfill",
    "highway",
    "freeway",
    "valley",
    "mountain",
    "mountains",
    "lake",
    "beach",
    "coast",
    "county's",
    "north",
    "south",
    "east",
    "west",
    "northern",
    "southern",
    "eastern",
    "western",
    "new",
    "los",
    "san",
    "santa",
    "fort",
    "port",
    "mount",
    "google",
    "twitter",
    "facebook",
    "telegram",
    "youtube",
    "tiktok",
    "instagram",
    "truth",
    "internet",
    "web",
    "online",
    "app",
    "inc.",
    "co",
    "ltd",
    "compact",
    "order",
    "orders",
    "room",
    "suite",
    "route",
    "interstate",
    "deal",
    "summit",
    "conference",
    "convention",
    "forum",
    "day",
    "week",
    "year",
    "month",
    "era",
    "war",
    "age",
    "covid",
    "god",
    "christmas",
    "thanksgiving",
    "easter",
    "ramadan",
    "hanukkah",
    "halloween",
    "independence",
    "memorial",
    "labor",
    "veterans",
    "avenue",
    "tunnel",
    "line",
    "metro",
    "transit",
    "authority",
    "housing",
    "health",
    "care",
    "insurance",
    "energy",
    "power",
    "electric",
    "gas",
    "water",
    "oil",
    "industries",
    "holdings",
    "partners",
    "capital",
    "ventures",
    "labs",
    "technologies",
    "systems",
    "solutions",
    "global",
    "international",
    "worldwide",
];

/// Organisation words that are also common surnames ("Jo Park"): they only
/// count when the phrase has no given name before them.
const WEAK_ORG_WORDS: &[&str] = &["park", "hall", "church", "bank"];

/// Function words and common sentence openers: never part of a name.
const STOP_WORDS: &[&str] = &[
    "the",
    "a",
    "an",
    "and",
    "or",
    "but",
    "nor",
    "in",
    "on",
    "at",
    "of",
    "for",
    "to",
    "from",
    "by",
    "with",
    "as",
    "if",
    "when",
    "while",
    "after",
    "before",
    "despite",
    "yet",
    "still",
    "this",
    "that",
    "these",
    "those",
    "it",
    "he",
    "she",
    "they",
    "we",
    "i",
    "you",
    "his",
    "her",
    "their",
    "our",
    "my",
    "your",
    "its",
    "both",
    "each",
    "every",
    "some",
    "many",
    "most",
    "more",
    "moreover",
    "however",
    "meanwhile",
    "also",
    "then",
    "now",
    "just",
    "why",
    "what",
    "how",
    "who",
    "whom",
    "whose",
    "where",
    "which",
    "whether",
    "is",
    "are",
    "was",
    "were",
    "be",
    "been",
    "did",
    "does",
    "do",
    "could",
    "would",
    "will",
    "should",
    "can",
    "may",
    "might",
    "must",
    "not",
    "no",
    "only",
    "even",
    "so",
    "because",
    "although",
    "though",
    "since",
    "until",
    "under",
    "over",
    "through",
    "throughout",
    "behind",
    "beyond",
    "among",
    "across",
    "against",
    "during",
    "without",
    "within",
    "according",
    "speaking",
    "asked",
    "here",
    "there",
    "all",
    "any",
    "one",
    "two",
    "three",
    "last",
    "next",
    "ex",
    "yes",
    "please",
    "thanks",
    "thank",
    "dear",
    "hello",
    "image",
    "photo",
    "video",
    "watch",
    "read",
    "click",
    "share",
    "subscribe",
    "follow",
    "email",
    "contact",
    "related",
    "source",
    "sources",
    "update",
    "updated",
    "breaking",
    "exclusive",
    "opinion",
    "analysis",
    "note",
    "about",
    "above",
    "below",
    "upon",
    "into",
    "onto",
    "like",
    "unlike",
    "than",
    "once",
    "twice",
    "again",
    "instead",
    "indeed",
    "perhaps",
    "maybe",
    "today",
    "tonight",
    "tomorrow",
    "yesterday",
    "earlier",
    "later",
    "finally",
    "first",
    "second",
    "third",
    "other",
    "others",
    "another",
    "such",
    "several",
    "few",
    "much",
    "very",
    "officials",
    "critics",
    "democrats",
    "republicans",
    "residents",
    "experts",
    "analysts",
    "sources",
    "advocates",
    "activists",
    "opponents",
    "supporters",
    "lawmakers",
    "leaders",
    "voters",
    "observers",
    "economists",
    "researchers",
    "scientists",
    "investigators",
    "prosecutors",
    "authorities",
    "organizers",
    "members",
    "parents",
    "students",
    "teachers",
    "workers",
    "people",
    "officers",
    "witnesses",
    "neighbors",
    "aides",
    "staff",
    "spokespeople",
    "everyone",
    "nobody",
    "someone",
    "anyone",
    "everybody",
    "somebody",
    "none",
    "per",
    "via",
    "re",
    "fwd",
    "frequently",
    "questions",
    "answers",
    "faq",
    "background",
    "summary",
    "overview",
    "key",
    "takeaways",
    "highlights",
    "sign",
    "log",
    "get",
    "stay",
    "thought",
    "did",
    "could",
    "why",
    "mr",
];

/// Month and weekday names: capitalized but never names.
const CALENDAR: &[&str] = &[
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
    "jan",
    "feb",
    "mar",
    "apr",
    "jun",
    "jul",
    "aug",
    "sep",
    "sept",
    "oct",
    "nov",
    "dec",
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
];

/// Verbs that attribute speech, in the forms used around quotations.
const REPORTING_VERBS: &[&str] = &[
    "said",
    "written",
    "reported",
    "reports",
    "snaps",
    "uttered",
    "says",
    "added",
    "adds",
    "explained",
    "explains",
    "stated",
    "states",
    "declared",
    "declares",
    "told",
    "tells",
    "wrote",
    "writes",
    "noted",
    "notes",
    "continued",
    "continues",
    "remarked",
    "argued",
    "argues",
    "insisted",
    "insists",
    "asserted",
    "asserts",
    "claimed",
    "claims",
    "warned",
    "warns",
    "replied",
    "replies",
    "responded",
    "responds",
    "answered",
    "recalled",
    "recalls",
    "acknowledged",
    "acknowledges",
    "admitted",
    "admits",
    "announced",
    "announces",
    "observed",
    "emphasized",
    "emphasised",
    "emphasizes",
    "stressed",
    "stresses",
    "cautioned",
    "conceded",
    "concedes",
    "countered",
    "joked",
    "quipped",
    "tweeted",
    "posted",
    "predicted",
    "predicts",
    "promised",
    "promises",
    "vowed",
    "vows",
    "pledged",
    "pledges",
    "urged",
    "urges",
    "asked",
    "asks",
    "concluded",
    "reiterated",
    "testified",
    "boasted",
    "complained",
    "lamented",
    "suggested",
    "suggests",
    "maintained",
    "maintains",
    "contended",
    "mused",
    "shouted",
    "exclaimed",
    "wondered",
    "agreed",
    "confirmed",
    "confirms",
    "highlighted",
    "went",
    "fired",
    "shot",
    "chimed",
    "blasted",
    "charged",
    "alleged",
    "thundered",
    "snapped",
    "retorted",
    "reflected",
    "proclaimed",
    "assured",
    "reminded",
    "mentioned",
    "disclosed",
    "revealed",
    "recounted",
    "texted",
    "emailed",
    "whispered",
    "yelled",
    "teased",
    "opined",
    "elaborated",
    "indicated",
    "signaled",
    "hinted",
    "pointed",
    "described",
    "called",
    "offered",
    "began",
    "say",
    "tell",
    "write",
    "explain",
    "add",
    "speaking",
    "saying",
    "adding",
    "noting",
    "telling",
    "writing",
    "explaining",
    "declaring",
    "arguing",
    "warning",
    "insisting",
    "asking",
    "stating",
    "stressing",
    "emphasizing",
    "calling",
    "describing",
    "acknowledging",
    "admitting",
    "recalling",
    "promising",
    "vowing",
    "urging",
    "predicting",
    "pointing",
    "posting",
    "tweeting",
    "responding",
    "replying",
    "answering",
    "continuing",
    "concluding",
    "suggesting",
    "claiming",
    "asserting",
    "proclaiming",
    "remarking",
    "quipping",
    "joking",
    "cautioning",
    "conceding",
];

/// Words that may stand between a speaker and the verb ("Smith later said").
const ADVERBS: &[&str] = &[
    "also",
    "later",
    "then",
    "previously",
    "once",
    "again",
    "recently",
    "earlier",
    "today",
    "yesterday",
    "tonight",
    "simply",
    "further",
    "had",
    "has",
    "have",
    "would",
    "will",
    "has",
    "was",
    "reportedly",
    "publicly",
    "privately",
    "repeatedly",
    "quickly",
    "previously",
    "even",
    "still",
    "often",
    "last",
    "this",
    "week",
    "month",
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
];

/// Prepositions and similar words after which a name is an object, not a subject.
const OBJECT_MARKERS: &[&str] = &[
    "to",
    "with",
    "about",
    "against",
    "for",
    "from",
    "by",
    "of",
    "at",
    "on",
    "in",
    "into",
    "toward",
    "towards",
    "like",
    "than",
    "between",
    "among",
    "over",
    "under",
    "as",
    "upon",
    "onto",
    "behind",
    "beside",
    "near",
    "the",
    "a",
    "an",
    "and",
    "or",
    "nor",
    "versus",
    "vs",
    "unlike",
    "including",
    "named",
    "called",
    "labeled",
    "praised",
    "criticized",
    "met",
    "thanked",
    "urged",
    "asked",
    "told",
    "defeated",
    "endorsed",
    "beat",
    "replace",
    "replaced",
    "succeed",
    "succeeded",
    "accused",
    "sued",
    "appointed",
    "nominated",
    "elected",
];

/// Words in the name of a news organisation.
const OUTLET_WORDS: &[&str] = &[
    "news",
    "post",
    "times",
    "journal",
    "magazine",
    "press",
    "radio",
    "television",
    "tv",
    "tribune",
    "herald",
    "gazette",
    "daily",
    "network",
    "broadcasting",
    "wire",
    "chronicle",
    "observer",
    "examiner",
    "inquirer",
    "dispatch",
    "telegraph",
    "guardian",
    "globe",
    "newsday",
    "newsweek",
    "reporter",
    "bulletin",
    "courier",
    "sentinel",
    "register",
    "star-ledger",
    "monitor",
    "review",
    "insider",
    "reuters",
    "bloomberg",
    "politico",
    "axios",
    "cnn",
    "nbc",
    "cbs",
    "abc",
    "msnbc",
    "cnbc",
    "npr",
    "pbs",
    "bbc",
    "ap",
    "afp",
    "upi",
    "fox",
    "newsmax",
    "semafor",
    "vox",
    "slate",
    "propublica",
    "breitbart",
    "univision",
    "telemundo",
    "huffpost",
    "buzzfeed",
    "gothamist",
    "c-span",
    "thehill",
    "mediaite",
    "salon",
    "cnbc",
    "espn",
    "wsj",
];

/// Titles that tell a person's gender.
const MALE_TITLES: &[&str] = &[
    "mr",
    "congressman",
    "councilman",
    "spokesman",
    "chairman",
    "assemblyman",
    "alderman",
    "king",
    "prince",
    "father",
    "brother",
    "sir",
    "lord",
];
const FEMALE_TITLES: &[&str] = &[
    "mrs",
    "ms",
    "miss",
    "congresswoman",
    "councilwoman",
    "spokeswoman",
    "chairwoman",
    "assemblywoman",
    "alderwoman",
    "queen",
    "princess",
    "sister",
    "lady",
    "dame",
];

/// Common US given names, used only to guess which pronoun fits a person.
const MALE_NAMES: &[&str] = &[
    "james",
    "john",
    "robert",
    "michael",
    "william",
    "david",
    "richard",
    "joseph",
    "thomas",
    "charles",
    "christopher",
    "daniel",
    "matthew",
    "anthony",
    "mark",
    "donald",
    "steven",
    "steve",
    "paul",
    "andrew",
    "joshua",
    "kenneth",
    "kevin",
    "brian",
    "george",
    "timothy",
    "ronald",
    "edward",
    "jason",
    "jeffrey",
    "ryan",
    "jacob",
    "gary",
    "nicholas",
    "eric",
    "jonathan",
    "stephen",
    "larry",
    "justin",
    "scott",
    "brandon",
    "benjamin",
    "samuel",
    "gregory",
    "frank",
    "will",
    "grant",
    "dean",
    "dale",
    "chase",
    "lane",
    "rich",
    "alexander",
    "raymond",
    "patrick",
    "jack",
    "dennis",
    "jerry",
    "tyler",
    "aaron",
    "jose",
    "adam",
    "henry",
    "nathan",
    "douglas",
    "zachary",
    "peter",
    "kyle",
    "walter",
    "ethan",
    "jeremy",
    "harold",
    "keith",
    "christian",
    "roger",
    "noah",
    "gerald",
    "carl",
    "terry",
    "sean",
    "austin",
    "arthur",
    "lawrence",
    "jesse",
    "dylan",
    "bryan",
    "joe",
    "jordan",
    "billy",
    "bruce",
    "albert",
    "willie",
    "gabriel",
    "logan",
    "alan",
    "juan",
    "wayne",
    "roy",
    "ralph",
    "randy",
    "eugene",
    "vincent",
    "russell",
    "elijah",
    "louis",
    "bobby",
    "philip",
    "johnny",
    "mike",
    "chuck",
    "bill",
    "tom",
    "jim",
    "bob",
    "dan",
    "ted",
    "ron",
    "rand",
    "mitch",
    "bernie",
    "barack",
    "hakeem",
    "marco",
    "rick",
    "greg",
    "chris",
    "tim",
    "pete",
    "jd",
    "hunter",
    "ben",
    "nick",
    "tony",
    "ken",
    "jeff",
    "doug",
    "brad",
    "todd",
    "chad",
    "luis",
    "carlos",
    "miguel",
    "ahmed",
    "mohammed",
    "muhammad",
    "ali",
    "omar",
    "eric",
    "bill",
    "andy",
    "ed",
    "al",
    "fred",
    "hank",
    "lee",
    "ray",
    "glenn",
    "kurt",
    "dave",
    "matt",
    "josh",
    "jake",
];
const FEMALE_NAMES: &[&str] = &[
    "mary",
    "patricia",
    "jennifer",
    "linda",
    "elizabeth",
    "barbara",
    "susan",
    "jessica",
    "sarah",
    "karen",
    "lisa",
    "nancy",
    "betty",
    "margaret",
    "sandra",
    "ashley",
    "kimberly",
    "emily",
    "donna",
    "michelle",
    "carol",
    "amanda",
    "dorothy",
    "melissa",
    "deborah",
    "stephanie",
    "rebecca",
    "sharon",
    "laura",
    "cynthia",
    "kathleen",
    "kathy",
    "kate",
    "katie",
    "amy",
    "angela",
    "shirley",
    "anna",
    "brenda",
    "pamela",
    "emma",
    "nicole",
    "helen",
    "samantha",
    "katherine",
    "catherine",
    "christine",
    "debra",
    "rachel",
    "carolyn",
    "janet",
    "ruth",
    "maria",
    "heather",
    "diane",
    "virginia",
    "julie",
    "joyce",
    "victoria",
    "olivia",
    "kelly",
    "christina",
    "lauren",
    "joan",
    "evelyn",
    "judith",
    "megan",
    "cheryl",
    "andrea",
    "hannah",
    "martha",
    "jacqueline",
    "frances",
    "gloria",
    "ann",
    "teresa",
    "kathryn",
    "sara",
    "janice",
    "jean",
    "alice",
    "madison",
    "doris",
    "abigail",
    "julia",
    "judy",
    "grace",
    "denise",
    "amber",
    "marilyn",
    "beverly",
    "danielle",
    "theresa",
    "sophia",
    "marie",
    "diana",
    "brittany",
    "natalie",
    "isabella",
    "charlotte",
    "rose",
    "hope",
    "faith",
    "joy",
    "june",
    "may",
    "alexis",
    "kayla",
    "hillary",
    "kamala",
    "letitia",
    "elise",
    "alexandria",
    "nikki",
    "karine",
    "karoline",
    "kristi",
    "tulsi",
    "gretchen",
    "kathy",
    "jane",
    "janet",
    "susie",
    "liz",
    "maxine",
    "ilhan",
    "rashida",
    "ayanna",
    "pramila",
    "marjorie",
    "lauren",
    "ana",
    "rosa",
    "carmen",
    "lucia",
    "fatima",
    "aisha",
    "priya",
    "mei",
    "yvette",
    "tamika",
    "keisha",
    "latoya",
    "ebony",
    "monica",
    "erica",
    "tina",
    "wendy",
    "rita",
    "peggy",
    "sally",
    "molly",
    "ellen",
    "claire",
    "eleanor",
    "jill",
    "melania",
    "ivanka",
    "michele",
    "muriel",
    "lori",
    "karen",
    "london",
    "tiffany",
    "vanessa",
    "valerie",
    "paula",
    "gina",
    "elena",
    "sonia",
    "amy",
    "stacey",
    "tammy",
];

/// Name suffixes that are not a last name.
const SUFFIXES: &[&str] = &["jr", "sr", "ii", "iii", "iv"];

/// Words of other lists (titles, organisation words) that are also common
/// surnames: right after a known given name that opens a name, they end it
/// ("Ana White", "Ken Doctor") instead of ending the run as an office.
const SURNAME_WORDS: &[&str] = &[
    "white",
    "day",
    "power",
    "law",
    "lake",
    "west",
    "north",
    "south",
    "east",
    "street",
    "young",
    "doctor",
    "king",
    "dean",
    "judge",
    "bishop",
    "marshal",
    "major",
    "chancellor",
    "page",
    "beach",
    "coast",
];

/// Which lists a word is in: one bit per list.
pub type Flags = u32;
pub const TITLE: Flags = 1;
pub const MODIFIER: Flags = 1 << 1;
pub const ORG: Flags = 1 << 2;
pub const WEAK_ORG: Flags = 1 << 3;
pub const STOP: Flags = 1 << 4;
pub const CALENDAR_WORD: Flags = 1 << 5;
pub const VERB: Flags = 1 << 6;
pub const ADVERB: Flags = 1 << 7;
pub const OBJECT: Flags = 1 << 8;
pub const OUTLET: Flags = 1 << 9;
pub const MALE_TITLE: Flags = 1 << 10;
pub const FEMALE_TITLE: Flags = 1 << 11;
pub const MALE_NAME: Flags = 1 << 12;
pub const FEMALE_NAME: Flags = 1 << 13;
pub const SUFFIX: Flags = 1 << 14;
pub const SURNAME_WORD: Flags = 1 << 15;

/// Longest word any list holds (a test checks it): longer words are in no list.
const MAX_LISTED: usize = 16;

/// A word of up to [`MAX_LISTED`] bytes as two integers, zero-padded.
type Key = (u64, u64);

/// Slots in the open-addressed word table: a power of two, at most a third full.
const TABLE_BITS: u32 = 12;
const SLOTS: usize = 1 << TABLE_BITS;

/// Every listed word with the lists it is in, open-addressed by [`probe`],
/// built at compile time. The lists are looked up for every capitalized
/// word, mostly for words in no list: a lookup reads a 16-bit tag per slot
/// from an 8 KB array that stays in cache, and the 64 KB of keys only when
/// a tag matches.
struct Table {
    /// Per slot: 0 when empty, else bits of the key's hash (never 0).
    tags: [u16; SLOTS],
    keys: [Key; SLOTS],
    flags: [Flags; SLOTS],
}

static LISTS: Table = build_table();

const fn build_table() -> Table {
    let mut t = Table {
        tags: [0; SLOTS],
        keys: [(0, 0); SLOTS],
        flags: [0; SLOTS],
    };
    let all: [(&[&str], Flags); 16] = [
        (TITLES, TITLE),
        (ROLE_MODIFIERS, MODIFIER),
        (ORG_WORDS, ORG),
        (WEAK_ORG_WORDS, WEAK_ORG),
        (STOP_WORDS, STOP),
        (CALENDAR, CALENDAR_WORD),
        (REPORTING_VERBS, VERB),
        (ADVERBS, ADVERB),
        (OBJECT_MARKERS, OBJECT),
        (OUTLET_WORDS, OUTLET),
        (MALE_TITLES, MALE_TITLE),
        (FEMALE_TITLES, FEMALE_TITLE),
        (MALE_NAMES, MALE_NAME),
        (FEMALE_NAMES, FEMALE_NAME),
        (SUFFIXES, SUFFIX),
        (SURNAME_WORDS, SURNAME_WORD),
    ];
    let mut l = 0;
    while l < all.len() {
        let (words, flag) = all[l];
        let mut k = 0;
        while k < words.len() {
            // The lists are lowercase ASCII of at most MAX_LISTED bytes (a
            // test checks that every word is found).
            let key = pack(words[k].as_bytes());
            let (mut i, tag) = probe(key);
            while t.tags[i] != 0 && !(t.keys[i].0 == key.0 && t.keys[i].1 == key.1) {
                i = (i + 1) % SLOTS;
            }
            t.tags[i] = tag;
            t.keys[i] = key;
            t.flags[i] |= flag;
            k += 1;
        }
        l += 1;
    }
    t
}

/// Up to [`MAX_LISTED`] bytes as a [`Key`], zero-padded (at compile time).
const fn pack(word: &[u8]) -> Key {
    let mut lo = 0u64;
    let mut hi = 0u64;
    let mut i = 0;
    while i < word.len() && i < MAX_LISTED {
        if i < 8 {
            lo |= (word[i] as u64) << (8 * i);
        } else {
            hi |= (word[i] as u64) << (8 * (i - 8));
        }
        i += 1;
    }
    (lo, hi)
}

/// Where a key's search starts in the table, and its tag.
const fn probe(key: Key) -> (usize, u16) {
    let h = (key.0.wrapping_mul(0x9E37_79B9_7F4A_7C15) ^ key.1).wrapping_mul(0xFF51_AFD7_ED55_8CCD);
    ((h >> (64 - TABLE_BITS)) as usize, (h >> 24) as u16 | 1)
}

/// An ASCII word of 1 to [`MAX_LISTED`] bytes, lowercased, as a [`Key`].
fn key_of(word: &[u8]) -> Option<Key> {
    if word.is_empty() || word.len() > MAX_LISTED {
        return None;
    }
    let mut buf = [0u8; MAX_LISTED];
    buf[..word.len()].copy_from_slice(word);
    let mut lo = [0u8; 8];
    let mut hi = [0u8; 8];
    lo.copy_from_slice(&buf[..8]);
    hi.copy_from_slice(&buf[8..]);
    let (lo, hi) = (u64::from_le_bytes(lo), u64::from_le_bytes(hi));
    const HIGH: u64 = 0x8080_8080_8080_8080;
    if (lo | hi) & HIGH != 0 {
        return None;
    }
    // Capitals to lowercase, eight bytes at once: 0x20 added where a byte is
    // at least 'A' and below '['.
    let lower = |x: u64| {
        let upper = (x + 0x3F3F_3F3F_3F3F_3F3F) & !(x + 0x2525_2525_2525_2525) & HIGH;
        x | (upper >> 2)
    };
    Some((lower(lo), lower(hi)))
}

/// The lists `word` is in, looked up lowercased, ignoring a trailing period
/// and treating a curly apostrophe as a straight one (`Gov.`, `Don’t`).
pub fn flags(word: &str) -> Flags {
    let word = word.strip_suffix('.').unwrap_or(word);
    let bytes = word.as_bytes();
    let key = if bytes.is_ascii() {
        key_of(bytes)
    } else {
        // Only the curly apostrophe is read as ASCII; other non-ASCII words
        // are in no list.
        let mut buf = [0u8; MAX_LISTED];
        let mut n = 0;
        for (i, part) in word.split('’').enumerate() {
            if i > 0 {
                if n >= MAX_LISTED {
                    return 0;
                }
                buf[n] = b'\'';
                n += 1;
            }
            if n + part.len() > MAX_LISTED {
                return 0;
            }
            buf[n..n + part.len()].copy_from_slice(part.as_bytes());
            n += part.len();
        }
        key_of(&buf[..n])
    };
    let Some(key) = key else {
        return 0;
    };
    let t = &LISTS;
    let (mut i, tag) = probe(key);
    loop {
        let have = t.tags[i];
        if have == tag && t.keys[i] == key {
            return t.flags[i];
        }
        if have == 0 {
            return 0;
        }
        i = (i + 1) % SLOTS;
    }
}

fn listed(flag: Flags, word: &str) -> bool {
    flags(word) & flag != 0
}

/// A title or role word ("Governor", "gov.", "spokeswoman", "Mayor-elect").
pub fn is_title(word: &str) -> bool {
    listed(TITLE, strip_elect(word))
}

/// `Mayor-elect` → `Mayor`; other words unchanged.
fn strip_elect(word: &str) -> &str {
    // "Ex-Sen.": a former holder still carries the title.
    let word = word
        .strip_prefix("Ex-")
        .or_else(|| word.strip_prefix("ex-"))
        .unwrap_or(word);
    for suffix in ["-elect", "-Elect", "-designate", "-Designate"] {
        if let Some(b) = word.strip_suffix(suffix) {
            return b;
        }
    }
    word
}

/// A word that may stand before a title as part of the role.
pub fn is_role_modifier(word: &str) -> bool {
    listed(MODIFIER, word)
}

/// A word that marks an organisation, place or event.
pub fn is_org_word(word: &str) -> bool {
    listed(ORG, word)
}

/// An organisation word that is also a surname ("Park", "Hall").
pub fn is_weak_org_word(word: &str) -> bool {
    listed(WEAK_ORG, word)
}

/// A function word or sentence opener.
pub fn is_stop_word(word: &str) -> bool {
    listed(STOP, word)
}

/// A month or weekday.
pub fn is_calendar_word(word: &str) -> bool {
    listed(CALENDAR_WORD, word)
}

/// A verb (or participle) that attributes speech.
pub fn is_reporting_verb(word: &str) -> bool {
    listed(VERB, word)
}

/// A word that may sit between a speaker and the reporting verb.
pub fn is_adverb(word: &str) -> bool {
    listed(ADVERB, word)
        || (word.len() > 4 && word.ends_with("ly") && word.chars().all(|c| c.is_lowercase()))
}

/// A word after which a name is more likely an object than a subject.
pub fn is_object_marker(word: &str) -> bool {
    listed(OBJECT, word)
        || (word.len() > 5 && word.ends_with("ing") && word.chars().all(|c| c.is_lowercase()))
}

/// A word that names or marks a news organisation.
pub fn is_outlet_word(word: &str) -> bool {
    listed(OUTLET, word)
}

/// A name suffix such as `Jr.` (checked directly: it is asked of every name word).
pub fn is_suffix(word: &str) -> bool {
    let w = word.strip_suffix('.').unwrap_or(word);
    w.len() <= 3
        && ["jr", "sr", "ii", "iii", "iv"]
            .iter()
            .any(|s| s.eq_ignore_ascii_case(w))
}

/// The gender a title implies (`Ms.`, `spokesman`).
pub fn title_gender(word: &str) -> Option<Gender> {
    let f = flags(word);
    if f & MALE_TITLE != 0 {
        Some(Gender::Male)
    } else if f & FEMALE_TITLE != 0 {
        Some(Gender::Female)
    } else {
        None
    }
}

/// The gender a common given name suggests.
pub fn first_name_gender(word: &str) -> Option<Gender> {
    let f = flags(word);
    if f & MALE_NAME != 0 {
        Some(Gender::Male)
    } else if f & FEMALE_NAME != 0 {
        Some(Gender::Female)
    } else {
        None
    }
}

/// The gender of a third-person pronoun, if `word` is one.
pub fn pronoun_gender(word: &str) -> Option<Gender> {
    match word {
        "he" | "He" | "HE" | "him" | "his" | "His" | "himself" => Some(Gender::Male),
        "she" | "She" | "SHE" | "her" | "Her" | "hers" | "herself" => Some(Gender::Female),
        _ => None,
    }
}

/// A subject pronoun that can say something ("he", "she").
pub fn is_subject_pronoun(word: &str) -> bool {
    matches!(word, "he" | "He" | "she" | "She")
}

/// A possessive pronoun ("his", "her").
pub fn is_possessive_pronoun(word: &str) -> bool {
    matches!(word, "his" | "His" | "her" | "Her")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_are_case_insensitive_and_ignore_periods_and_elect() {
        assert!(is_title("Gov."));
        assert!(is_title("Mayor-elect"));
        assert!(is_title("Ex-Sen."));
        assert!(is_title("Gov.-elect"));
        assert!(is_title("SPOKESWOMAN"));
        assert!(!is_title("Smith"));
        assert!(is_org_word("Department"));
        assert!(is_reporting_verb("Said"));
        assert!(!is_reporting_verb("sat"));
        assert_eq!(title_gender("Ms."), Some(Gender::Female));
        assert_eq!(first_name_gender("Robert"), Some(Gender::Male));
    }

    #[test]
    fn every_listed_word_fits_the_table_and_is_found() {
        let all: [&[&str]; 16] = [
            TITLES,
            ROLE_MODIFIERS,
            ORG_WORDS,
            WEAK_ORG_WORDS,
            STOP_WORDS,
            CALENDAR,
            REPORTING_VERBS,
            ADVERBS,
            OBJECT_MARKERS,
            OUTLET_WORDS,
            MALE_TITLES,
            FEMALE_TITLES,
            MALE_NAMES,
            FEMALE_NAMES,
            SUFFIXES,
            SURNAME_WORDS,
        ];
        for list in all {
            for w in list {
                assert!(w.len() <= MAX_LISTED, "{w}");
                assert!(flags(w) != 0, "{w}");
                assert!(flags(&w.to_uppercase()) == flags(w), "{w}");
            }
        }
        let n = LISTS.tags.iter().filter(|&&t| t != 0).count();
        assert!(3 * n < SLOTS, "the table is too full: {n} words");
        assert_eq!(flags("County’s"), flags("county's"));
        assert_ne!(flags("county's"), 0);
        assert_eq!(flags("Gov."), flags("gov"));
        assert_eq!(flags("govx"), 0);
        assert_eq!(flags("’"), 0);
        assert_eq!(flags("’s"), flags("'s"));
    }

    #[test]
    fn long_and_non_ascii_words_are_never_listed() {
        assert!(!is_title("Präsident"));
        assert!(!is_org_word(&"x".repeat(100)));
    }

    #[test]
    fn object_markers_include_participles() {
        assert!(is_object_marker("addressing"));
        assert!(is_object_marker("to"));
        assert!(!is_object_marker("Smith"));
    }
}
