//! Word lists, one home for each, named for what it means, and the word classes of
//! attribution built from them.
//!
//! A list here is never written out again inline elsewhere, so that a word added once counts
//! everywhere it should. Lists are lowercase unless their doc says otherwise.

use once_cell::sync::Lazy;

use crate::hash::{key_set_of, lower_key, set_of, FastMap, FastSet};

/// Words that end with a dot without ending a sentence when a capitalized word follows.
#[rustfmt::skip]
pub(crate) const ABBREVIATIONS: &[&str] = &[
    "Mr", "Mrs", "Ms", "Mx", "Dr", "Prof", "Gen", "Lt", "Col", "Maj", "Capt", "Cmdr", "Adm", "Sgt",
    "Cpl", "Pvt", "Sen", "Rep", "Gov", "Pres", "Amb", "Sec", "Supt", "Insp", "Det", "Rev", "Fr",
    "St", "Mt", "Ft", "Jr", "Sr", "No", "Nos", "Inc", "Corp", "Co", "Ltd", "Bros", "Jan", "Feb",
    "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec", "vs", "v", "Ave", "Blvd",
    "Rd", "Dept", "Univ", "approx", "est", "Calif", "Mass", "Conn", "Penn", "Ariz", "Fla", "Ga",
    "Ill", "Md", "Mich", "Minn", "Wash", "Va", "Tenn", "Wis", "Ky", "La", "Ala", "Okla", "Ore",
    "Colo", "Nev", "Del", "Const", "Cst", "Pte", "Coun", "Cllr", "Hon", "Ont", "Que", "Alta",
    "Sask", "Nfld",
];

/// The length in bytes of the longest word of a list: a word longer than that is in no set
/// made of the list, which a length test says before any hashing.
const fn longest(words: &[&str]) -> usize {
    let (mut i, mut n) = (0, 0);
    while i < words.len() {
        if words[i].len() > n {
            n = words[i].len();
        }
        i += 1;
    }
    n
}

/// A filter on a list's words by first byte and length: for each first byte, a bit set of
/// the lengths in bytes of the words starting with it (15 standing for 15 and more). A word
/// it rules out is in no set made of the list, at one table lookup instead of a hash.
pub(crate) struct LengthFilter([u16; 256]);

impl LengthFilter {
    /// The filter of the first words of `words` (up to a space or a hyphen: "Blue" of "Blue
    /// Jays", "Tiger" of "Tiger-Cats").
    pub(crate) const fn of_first_words(words: &[&str]) -> LengthFilter {
        let mut table = [0u16; 256];
        let mut i = 0;
        while i < words.len() {
            let w = words[i].as_bytes();
            let mut n = 0;
            while n < w.len() && w[n] != b' ' && w[n] != b'-' {
                n += 1;
            }
            if n > 0 {
                table[w[0] as usize] |= 1 << min(n, 15);
            }
            i += 1;
        }
        LengthFilter(table)
    }

    /// Whether `word` may be one of the filter's words.
    #[inline]
    pub(crate) fn may_hold(&self, word: &str) -> bool {
        let b = word.as_bytes();
        b.first()
            .is_some_and(|&x| self.0[usize::from(x)] & (1 << b.len().min(15)) != 0)
    }
}

const fn min(a: usize, b: usize) -> usize {
    if a < b {
        a
    } else {
        b
    }
}

/// Whether `word` (without its dot) is an abbreviation that takes a dot: "Mr", "Gov", "Jan".
///
/// Asked at every word before a full stop, so it is a length test and at most one set lookup,
/// not a scan of the list.
pub(crate) fn is_abbreviation(word: &str) -> bool {
    const LONGEST: usize = longest(ABBREVIATIONS);
    static SET: Lazy<FastSet<&'static str>> = Lazy::new(|| set_of(ABBREVIATIONS));
    word.len() <= LONGEST && SET.contains(word)
}

/// Capitalized words that start sentences or clauses and are never part of a person's name.
#[rustfmt::skip]
pub(crate) const NOT_NAME: &[&str] = &[
    "The", "A", "An", "This", "That", "These", "Those", "He", "She", "It", "They", "We", "I", "You",
    "His", "Her", "Its", "Their", "Our", "My", "Your", "In", "On", "At", "For", "From", "With",
    "By", "After", "Before", "But", "And", "Or", "If", "When", "While", "As", "Despite", "Although",
    "Meanwhile", "However", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday",
    "Sunday", "January", "February", "March", "April", "May", "June", "July", "August", "September",
    "October", "November", "December", "Today", "Yesterday", "Tomorrow", "Asked", "According",
    "Speaking", "Last", "Next", "Earlier", "Later", "Now", "Then", "There", "Here", "Some", "Many",
    "Most", "Other", "Others", "Both", "All", "No", "Not", "So", "Yet", "Still", "Also", "Even",
    "Just", "Only", "Why", "What", "Who", "How", "Where", "Which", "Mr", "Mrs", "Ms", "Dr", "Mr.",
    "Mrs.", "Ms.", "Dr.", "Sen.", "Rep.", "Gov.", "Gen.", "Said", "Says", "Told", "Under", "Over",
    "About", "Into", "Through", "During", "Without", "Within", "Against", "Among", "Between",
    "Because", "Since", "Until", "Unless", "Though", "Whether", "Such", "Every", "Each", "Any",
    "Several", "Few", "More", "Less", "Once", "Twice", "Former", "New", "Senior", "Top", "Chief",
    "Deputy", "Acting", "Interim", "Along", "Across", "Near", "Outside", "Inside", "Beyond",
    "Behind", "Toward", "Towards", "Around", "Off", "Upon", "Via", "Per",
];

/// Whether `word` is a day of the week written with a capital: "Monday", not "monday" or
/// "MONDAY".
pub(crate) fn is_capitalized_weekday(word: &str) -> bool {
    let w = word.as_bytes();
    WEEKDAYS.iter().any(|d| {
        let d = d.as_bytes();
        d.len() == w.len() && d[0].to_ascii_uppercase() == w[0] && d[1..] == w[1..]
    })
}

/// Whether `word` is one of [`PARTICLES`], ASCII case ignored: "De" opening a sentence.
/// Asked of capitalized words, most of them longer than any particle: a length test first.
pub(crate) fn is_particle_any_case(word: &str) -> bool {
    const LONGEST: usize = longest(PARTICLES);
    word.len() <= LONGEST && PARTICLES.iter().any(|p| p.eq_ignore_ascii_case(word))
}

/// Particles that may sit inside a name: "Ursula von der Leyen", "Bashar al-Assad".
#[rustfmt::skip]
pub(crate) const PARTICLES: &[&str] = &[
    "von", "van", "der", "den", "de", "da", "di", "du", "del", "la", "le", "bin", "al", "ibn",
    "dos", "das",
];

/// Capitalized particles of Gaelic surnames: "Siobhán Ní Bhriain", "Seán Mac Giolla", "Ó
/// Súilleabháin".
pub(crate) const CAPITAL_PARTICLES: &[&str] = &["Ní", "Nic", "Mac", "Ó", "Ua", "Uí", "Mhic"];

/// Suffixes after a person's surname: "Curtis Hale III", "Martin Luther King Jr.".
pub(crate) const NAME_SUFFIXES: &[&str] = &["Jr.", "Jr", "Sr.", "Sr", "II", "III", "IV"];

/// The heads of a source the article leaves unnamed after "a": "a spokesperson for …", "an
/// official at …".
pub(crate) const UNNAMED_SOURCES: &[&str] = &[
    "spokesperson",
    "spokesman",
    "spokeswoman",
    "official",
    "aide",
    "representative",
    "source",
    "staffer",
    "adviser",
    "advisor",
    "insider",
    "employee",
    "executive",
];

/// Plural heads of unnamed sources: "Agency officials", "company executives".
pub(crate) const UNNAMED_PLURALS: &[&str] = &[
    "officials",
    "sources",
    "spokespeople",
    "spokespersons",
    "representatives",
    "executives",
    "aides",
    "staffers",
    "insiders",
    "employees",
    "analysts",
    "experts",
    "residents",
    "workers",
    "members",
    "leaders",
    "advisers",
    "advisors",
];

/// Acronyms that name no organization: titles, measures, currencies, time zones, medicine,
/// finance and technology. Any other acronym of three to six capitals that the article
/// writes in running text is taken for an organization (`TSU`, `FRHA`).
#[rustfmt::skip]
pub(crate) const NOT_ORG_ACRONYMS: &[&str] = &[
    "CEO", "CFO", "COO", "CTO", "CIO", "CMO", "MPP", "MLA", "MPS", "MEP", "MEPS", "GDP", "GNP",
    "CPI", "COVID", "SARS", "HIV", "AIDS", "DNA", "RNA", "ICU", "EMS", "EMT", "CPR", "MRI",
    "ADHD", "PTSD", "BMI", "IVF", "ATM", "SUV", "SUVS", "DUI", "DWI", "PPE", "LGBT", "LGBTQ",
    "USD", "CAD", "AUD", "GBP", "EUR", "NZD", "JPY", "CNY", "VAT", "GST", "HST", "PST", "RRSP",
    "TFSA", "NFT", "NFTS", "FAQ", "ASAP", "FYI", "RIP", "MVP", "TBD", "TBA", "PDF", "URL",
    "API", "CPU", "GPU", "VIP", "CBD", "THC", "LED", "LCD", "USB", "SIM", "PIN", "UFO", "NDA",
    "SAT", "GPA", "STEM", "ESL", "MBA", "PHD", "DIY", "BBQ", "ETA", "AWOL", "RSVP", "UTC",
    "EST", "EDT", "CST", "CDT", "MST", "MDT", "PDT", "GMT", "BST", "AEST", "KPH", "MPH", "OTC",
    "ETF", "ETFS", "REIT", "ESG", "YOY", "EPS", "EBITDA", "ROI", "IRR", "NAV", "AUM", "LNG",
    "IPO", "IPOS", "EV", "EVS", "GPS", "WIFI", "ICBM", "IED", "AWD", "RBI", "ERA",
    "OMG", "LOL", "CCTV", "HVAC", "OK", "AKA", "TV", "PM", "AM", "PCT", "YTD", "QTR", "AVG",
    "LRT", "GTA", "CERB", "CPP", "OAS", "MAID",
];

/// Whether `word` is one of [`NOT_ORG_ACRONYMS`]: at one set lookup, as every acronym in
/// running text asks.
pub(crate) fn is_not_org_acronym(word: &str) -> bool {
    static SET: Lazy<FastSet<&'static str>> = Lazy::new(|| set_of(NOT_ORG_ACRONYMS));
    SET.contains(word)
}

/// Nouns that describe an organization by the word its name has: "the union" is the one
/// named "… Union", "the league" the "… League".
#[rustfmt::skip]
pub(crate) const NAMED_ORG_NOUNS: &[&str] = &[
    "union", "university", "college", "school", "council", "agency", "department", "ministry",
    "commission", "committee", "board", "authority", "club", "hospital", "association",
    "institute", "foundation", "museum", "league", "party", "court", "bank", "service", "office",
    "federation", "society", "network", "conference", "gallery", "county", "library",
    "centre", "center", "theatre", "orchestra", "tribunal", "clinic",
];

/// Words for a level of government or a public service before an organization noun ("the
/// city council", "the provincial ministry"): they do not have to be in its name.
#[rustfmt::skip]
pub(crate) const GOVERNMENT_LEVELS: &[&str] = &[
    "city", "town", "county", "village", "municipal", "local", "regional", "provincial", "state",
    "federal", "national", "school", "district",
];

/// Last words that make a capitalized name an organization.
#[rustfmt::skip]
pub(crate) const ORG_HEADS: &[&str] = &[
    "Corp", "Corp.", "Corporation", "Inc", "Inc.", "Ltd", "Ltd.", "LLC", "Company", "Co.", "Group",
    "Party", "Council", "Committee", "Commission", "Department", "Ministry", "Agency", "Bank",
    "University", "College", "Institute", "Foundation", "Association", "Union", "Court", "Police",
    "Hospital", "Office", "Authority", "Board", "Service", "Administration", "Bureau", "Federation",
    "League", "Club", "Network", "Times", "Post", "News", "Journal", "FC", "Airlines", "Motors",
    "Partners", "Holdings", "Systems", "Labs", "Technologies", "Center", "Centre", "School",
    "Society", "Fund", "Trust", "Institution", "Alliance", "Coalition", "Campaign", "Semiconductor",
    "Semiconductors", "Energy", "Pharmaceuticals", "Capital", "Airways", "Media", "Communications",
    "Electric", "Industries", "Insurance", "Health", "Foods", "Software", "Robotics",
    "Therapeutics", "Logistics", "Financial", "Securities", "Ventures", "Studios", "Records",
    "Press", "Reports", "Review", "Institutes", "Programme", "Program", "Organization",
    "Organisation", "Initiative", "Forum", "Watch", "International", "Museum", "Church", "Team",
    "Exchange", "Conference", "Collective", "Elementary", "Secondary", "Academy", "Bakery",
    "Diner", "Cafe", "Café", "Restaurant", "Brewery", "Brewing", "Pharmacy", "Clinic",
    "Outfitters", "Research", "Consulting", "Construction", "Roofing", "Farms", "Dairy", "Salon",
    "Management", "Properties", "Realty", "Developments", "Municipality", "Legion",
    "Co-operative", "Cooperatives", "Transit", "Hydro", "Power", "Railway", "Rail", "Ferries",
    "Secretariat", "Directorate", "Legislature", "Libraries", "Gallery", "Force", "Guild",
    "Fellowship", "Ministries", "Shelter", "Brothers", "Mutual",
    "Department", "Senate", "Assembly", "Parliament", "Rovers", "Athletic", "Wanderers",
    "Rangers", "Albion", "Institutet", "Services", "Markets", "Stores", "Bancorp",
    "Associates", "Cooperative", "Co-op", "Brewing", "Brewery", "Hotels", "Resorts", "Realty",
    "Properties", "Construction", "Consulting", "Solutions", "Enterprises", "Manufacturing",
    "Mining", "Resources", "Automotive", "Limited", "plc", "PLC", "AG", "GmbH", "LLP",
    "Academy", "Orchestra", "Theatre", "Theater", "Library", "Clinic", "Tribunal", "Caucus",
    "Guard", "Army", "Navy", "Corps", "Employees", "Workers", "Teachers", "Nurses", "Chamber",
    "District", "Band", "Nation", "Playhouse", "Oil", "Regulator", "Ombudsman", "United",
];

/// Heads that open an organization's name, as French names do: "Groupe Rivebelle", "Caisse
/// Desjardins", "Régie du logement".
pub(crate) const ORG_PREFIXES: &[&str] = &[
    "Groupe",
    "Banque",
    "Société",
    "Caisse",
    "Université",
    "Institut",
    "Fondation",
    "Collège",
    "Régie",
    "Conseil",
    "Hôpital",
    "Clinique",
    "Polytechnique",
    "Cégep",
    "Commission",
    "Confédération",
    "Syndicat",
    "Fédération",
    "Association",
    "Comité",
];

/// Organization heads that the article drops once the organization is named in full, leaving
/// the words before them as its short form: companies ("Granite State" of Granite State
/// Capital Holdings), schools ("Millbrook" of Millbrook High School, "Carrick" of the
/// University of Carrick) and sports clubs ("Harrowgate" of Harrowgate Athletic). Not the
/// public bodies named for their place ("Halifax Regional Police" is not "Halifax"), whose
/// heads are not here. "Elementary", "High", "Middle" and "Secondary" are no heads of their
/// own but come off with "School".
#[rustfmt::skip]
pub(crate) const SHORT_FORM_HEADS: &[&str] = &[
    "Corp", "Corp.", "Corporation", "Inc", "Inc.", "Ltd", "Ltd.", "LLC", "LLP", "Limited", "plc",
    "PLC", "AG", "GmbH", "Company", "Co.", "Group", "Holdings", "Capital", "Bank", "Bancorp",
    "Securities", "Partners", "Associates", "Foods", "Motors", "Airlines", "Airways", "Systems",
    "Labs", "Technologies", "Software", "Logistics", "Financial", "Ventures", "Studios", "Records",
    "Energy", "Pharmaceuticals", "Media", "Communications", "Electric", "Industries", "Insurance",
    "Robotics", "Therapeutics", "Markets", "Stores", "Brewing", "Brewery", "Hotels", "Resorts",
    "Realty", "Properties", "Construction", "Consulting", "Solutions", "Enterprises",
    "Manufacturing", "Mining", "Resources", "Automotive", "Semiconductor", "Semiconductors",
    "Gold", "Minerals", "Metals", "Analytics", "University", "College", "School", "Academy", "Elementary", "High", "Middle", "Secondary",
    "FC", "AFC", "SC", "CF", "Club", "Athletic", "Rovers", "Wanderers", "Rangers", "Albion",
    "United", "Networks", "Network", "Pipeline", "Pipelines", "Telecom", "Entertainment",
    "Devices", "Medical", "Infrastructure",
    "Pharma", "Biosciences", "Brands", "Products", "Shipping", "Aerospace", "Steel", "Chemicals",
    "Apparel",
];

/// Heads that make a company of an organization's name (beside the legal suffixes): what
/// "the company" or "the firm" looks for first.
#[rustfmt::skip]
pub(crate) const COMPANY_HEADS: &[&str] = &[
    "Company", "Co.", "Group", "Holdings", "Capital", "Bancorp", "Securities", "Partners",
    "Associates", "Foods", "Motors", "Airlines", "Airways", "Systems", "Labs", "Technologies",
    "Software", "Logistics", "Financial", "Ventures", "Studios", "Energy", "Pharmaceuticals",
    "Communications", "Electric", "Industries", "Insurance", "Robotics", "Therapeutics",
    "Markets", "Stores", "Brewing", "Brewery", "Hotels", "Resorts", "Realty", "Properties",
    "Construction", "Consulting", "Solutions", "Enterprises", "Manufacturing", "Mining",
    "Resources", "Automotive", "Semiconductor", "Networks", "Pipeline", "Pipelines", "Telecom",
    "Brands", "Products", "Shipping", "Aerospace", "Steel", "Chemicals", "Devices", "Gold",
    "Minerals", "Metals", "Analytics", "Roofing", "Farms", "Dairy", "Bakery", "Outfitters",
    "Infrastructure",
];

/// The words a sports club's name may end in after its nickname ("Kingsport Rovers FC").
pub(crate) const CLUB_SUFFIXES: &[&str] = &["FC", "AFC", "SC", "CF"];
/// Club heads that the article uses alone for the club ("the Athletic defense", "Rovers
/// manager").
/// Nicknames of the professional teams Canadian news names without their town ("the Jets
/// acquired …", "Blue Jays rally past Red Sox"): the NHL's, the CFL's, the Canadian teams of
/// the NBA, MLB and MLS, and the best-known American teams of other leagues. Nicknames that
/// are also common words written with a capital ("Wild", "Stars", "Kings", "Heat", "Magic",
/// "Senators" in US politics is lowercase) are left out where the word reads otherwise.
#[rustfmt::skip]
pub(crate) const TEAM_NICKNAMES: &[&str] = &[
    // NHL
    "Maple Leafs", "Canadiens", "Habs", "Senators", "Jets", "Oilers", "Flames", "Canucks",
    "Bruins", "Sabres", "Red Wings", "Panthers", "Blackhawks", "Avalanche", "Blue Jackets",
    "Ducks", "Coyotes", "Predators", "Blues", "Sharks", "Kraken", "Golden Knights",
    "Capitals", "Hurricanes", "Devils", "Islanders", "Flyers", "Penguins", "Rangers",
    // CFL
    "Argonauts", "Argos", "Alouettes", "Als", "Redblacks", "Tiger-Cats", "Ticats",
    "Roughriders", "Riders", "Blue Bombers", "Bombers", "Stampeders", "Stamps", "Elks",
    "Eskimos", "BC Lions",
    // NBA, MLB, MLS (Canada), and others often in the news
    "Raptors", "Blue Jays", "Jays", "Whitecaps", "Red Sox", "White Sox", "Yankees", "Mets",
    "Dodgers", "Cubs", "Orioles", "Phillies", "Astros", "Mariners", "Lakers", "Celtics",
    "Knicks", "Warriors", "Cavaliers", "Patriots", "Cowboys", "Packers", "Steelers",
];

pub(crate) const CLUB_NICKNAMES: &[&str] = &[
    "Athletic",
    "Rovers",
    "Wanderers",
    "Rangers",
    "Albion",
    "United",
];

/// Last words that make a capitalized name a place: "Harbor Street", "Dunmore Road",
/// "Whitfield Stadium".
#[rustfmt::skip]
pub(crate) const PLACE_HEADS: &[&str] = &[
    "Street", "St.", "Road", "Rd.", "Avenue", "Ave.", "Boulevard", "Blvd.", "Lane", "Drive",
    "Highway", "Parkway", "Square", "Park", "Stadium", "Arena", "Palace", "Bridge", "River",
    "Lake", "County", "Valley", "Mountain", "Mountains", "Island", "Islands", "Bay", "Beach",
    "Hall", "Tower", "Plaza", "Field", "Airport", "Station", "Township", "Province", "Harbour",
    "Canal", "Creek", "Heights", "Hills", "Gardens", "Terrace", "Falls", "Springs", "Hollow",
    "Crossing", "Junction", "Landing", "Crescent", "Commons", "Harbor", "Cove", "Mills", "Grove",
    "Glen", "Ridge", "Row", "Hill", "Port", "Quay", "Wharf", "Pier", "Marina", "Reservoir",
    "Building", "Mall", "Region", "Market", "Peninsula", "Coast", "Gulf", "Strait", "Inlet",
    "Estuary", "Oval", "Circus", "Parade", "Plains", "Place",
];

/// Place heads that are also common surnames: "Grace Park" and "Kim Hall" may be people.
pub(crate) const SURNAME_HEADS: &[&str] = &[
    "Park", "Hall", "Field", "Lane", "Hill", "Hills", "Mills", "Grove", "Glen", "Ridge", "Bay",
    "Bridge", "Rivers", "Tower", "Beach", "Port", "Street", "Cove", "Lake", "Row",
];

/// Prepositions of place, before which a capitalized run is where something is.
pub(crate) const LOCATIVE_PREPOSITIONS: &[&str] = &[
    "in", "at", "on", "near", "to", "from", "into", "across", "outside", "along", "around",
    "through", "toward", "towards", "past", "off", "via",
];

/// Words that name a road by its number: "Route 35", "Highway 101".
pub(crate) const NUMBERED_ROADS: &[&str] = &["Route", "Highway", "Interstate", "Hwy.", "Hwy"];

/// The legal suffixes of company names, which the article drops after the first mention.
pub(crate) const LEGAL_SUFFIXES: &[&str] = &[
    "Inc.",
    "Inc",
    "Corp.",
    "Corp",
    "Corporation",
    "Ltd.",
    "Ltd",
    "Limited",
    "LLC",
    "LLP",
    "plc",
    "PLC",
    "Co.",
    "AG",
    "SA",
    "S.A.",
    "GmbH",
    "N.V.",
    "NV",
    "Holdings",
    "Group",
];

/// Words that, capitalized right before a country, province or state, name a body of it:
/// "Health Canada", "Statistics Canada", "Tourism Nova Scotia", "Hockey Canada", "Sport
/// England", "Elections Ontario", "Team Canada".
#[rustfmt::skip]
pub(crate) const AGENCY_WORDS: &[&str] = &[
    "Health", "Transport", "Statistics", "Parks", "Elections", "Employment", "Service",
    "Tourism", "Destination", "Infrastructure", "Environment", "Justice", "Finance", "Industry",
    "Immigration", "Agriculture", "Heritage", "Housing", "Hydro", "Sport", "Hockey", "Soccer",
    "Football", "Rugby", "Cricket", "Tennis", "Golf", "Swimming", "Athletics", "Skate",
    "Curling", "Cycling", "Rowing", "Basketball", "Baseball", "Volleyball", "Gymnastics",
    "Team", "Visit", "Invest", "Export", "Arts", "Air",
];

/// Adverbs and auxiliaries skipped between a subject and its cue, besides "-ly" adverbs.
#[rustfmt::skip]
pub(crate) const ADVERBS_OR_AUX: &[&str] = &[
    "also", "has", "had", "have", "then", "later", "again", "once", "further", "earlier",
    "often", "always", "never", "would", "will", "did", "does", "do", "last", "yesterday",
    "today", "tonight", "just", "already", "even", "still", "long", "first", "now", "soon",
    "ever", "since", "too", "meanwhile",
];

/// Bits of [`word_class`]: the lists a capitalized word, as written, is in.
pub(crate) mod class {
    /// [`NOT_NAME`](super::NOT_NAME).
    pub(crate) const NOT_NAME: u8 = 1;
    /// [`ORG_HEADS`](super::ORG_HEADS).
    pub(crate) const ORG_HEAD: u8 = 2;
    /// [`PLACE_HEADS`](super::PLACE_HEADS).
    pub(crate) const PLACE_HEAD: u8 = 4;
}

/// The lists of [`class`] a word is in, as written, in one lookup. A filter of 512 bytes on
/// the word's length and first, second and last bytes answers most words that are in none
/// (most names) before the word is hashed.
pub(crate) fn word_class(word: &str) -> u8 {
    struct Classes {
        filter: [u64; 64],
        map: FastMap<&'static str, u8>,
        longest: usize,
    }
    fn slot(w: &[u8]) -> usize {
        let (first, last) = (w[0] as usize, w[w.len() - 1] as usize);
        let second = w.get(1).map_or(0, |&b| b as usize);
        (w.len() * 131 + first * 31 + second * 1031 + last) & 4095
    }
    static CLASSES: Lazy<Classes> = Lazy::new(|| {
        let mut c = Classes {
            filter: [0; 64],
            map: FastMap::default(),
            longest: 0,
        };
        let lists = [
            (NOT_NAME, class::NOT_NAME),
            (ORG_HEADS, class::ORG_HEAD),
            (PLACE_HEADS, class::PLACE_HEAD),
        ];
        for (list, bit) in lists {
            for &w in list {
                *c.map.entry(w).or_insert(0) |= bit;
                let s = slot(w.as_bytes());
                c.filter[s / 64] |= 1 << (s % 64);
                c.longest = c.longest.max(w.len());
            }
        }
        c
    });
    let b = word.as_bytes();
    if b.is_empty() || b.len() > CLASSES.longest {
        return 0;
    }
    let s = slot(b);
    if CLASSES.filter[s / 64] & (1 << (s % 64)) == 0 {
        return 0;
    }
    CLASSES.map.get(word).copied().unwrap_or(0)
}

/// Whether `word`, as written, is in [`NOT_NAME`] ([`word_class`]).
pub(crate) fn is_not_name(word: &str) -> bool {
    word_class(word) & class::NOT_NAME != 0
}

/// Whether `word` is a surname glued to a French elided particle written capitalized, as at
/// the start of a sentence: "D'Astous-Cormier" for "d'Astous-Cormier". Not "O'Brien".
pub(crate) fn is_elided_particle_capitalized(word: &str) -> bool {
    let mut chars = word.chars();
    matches!(
        (chars.next(), chars.next(), chars.next()),
        (Some('D' | 'L'), Some('\'' | '’'), Some(c)) if c.is_uppercase()
    )
}

/// Whether `word` is a surname glued to an elided particle, lowercase: "d’Entremont",
/// "d'Astous".
pub(crate) fn is_prefixed_surname(word: &str) -> bool {
    let mut chars = word.chars();
    matches!(
        (chars.next(), chars.next(), chars.next()),
        (Some(p), Some('\'' | '’'), Some(c)) if p.is_ascii_lowercase() && c.is_uppercase()
    )
}

/// Whether a word can be part of a person's name: capitalized, not a word that opens
/// sentences ([`NOT_NAME`]), not an acronym or a possessive.
///
/// # Performance
///
/// Asked at most capitalized words, so an ASCII word is judged in one pass over its bytes
/// and the list lookup is filtered ([`word_class`]); a caller that has the word's class
/// already asks [`has_name_shape`] alone.
pub(crate) fn is_name_word(w: &str) -> bool {
    has_name_shape(w) && !is_not_name(w)
}

/// [`is_name_word`] but for the [`NOT_NAME`] test: capitalized, not an acronym or a
/// possessive.
pub(crate) fn has_name_shape(w: &str) -> bool {
    let b = w.as_bytes();
    let Some(&first) = b.first() else {
        return false;
    };
    let possessive = w.ends_with("'s") || w.ends_with("’s");
    if first.is_ascii() {
        if !first.is_ascii_uppercase() || possessive {
            return false;
        }
        // Most names: a lowercase letter second is no acronym, whatever follows.
        if b.get(1).is_some_and(u8::is_ascii_lowercase) {
            return true;
        }
        if !w.is_ascii() {
            return !is_acronym_like(w);
        }
        // All-capital words of two or more letters are acronyms, not names; initials
        // ("G.K.") are not acronyms.
        let (mut letters, mut upper, mut dotted_run, mut initials) = (0, 0, 0, true);
        for &c in b {
            if c == b'.' {
                dotted_run = 0;
                continue;
            }
            dotted_run += 1;
            if dotted_run > 1 {
                initials = false;
            }
            if c.is_ascii_alphabetic() {
                letters += 1;
                upper += usize::from(c.is_ascii_uppercase());
            }
        }
        let initials = initials && b.contains(&b'.');
        return !(letters >= 2 && upper == letters && !initials);
    }
    let upper_first = w.chars().next().is_some_and(char::is_uppercase);
    upper_first && !possessive && !is_acronym_like(w)
}

/// The general form of [`is_name_word`]'s acronym test, for words with non-ASCII chars.
fn is_acronym_like(w: &str) -> bool {
    let letters = w.chars().filter(|c| c.is_alphabetic()).count();
    let upper = w.chars().filter(|c| c.is_uppercase()).count();
    let initials = w.contains('.') && w.split('.').all(|p| p.chars().count() <= 1);
    letters >= 2 && upper == letters && !initials
}

/// Whether the word is an "-ly" adverb: "repeatedly", "publicly", "eventually", "barely".
#[inline]
pub(crate) fn is_ly_adverb(word: &str) -> bool {
    word.len() > 4 && word.ends_with("ly") && word.bytes().all(|b| b.is_ascii_lowercase())
}

/// Words skipped between a subject and its cue: "Smith also said", "Jones has repeatedly said".
pub(crate) fn is_adverb_or_aux(word: &str) -> bool {
    static SET: Lazy<FastSet<u128>> = Lazy::new(|| key_set_of(ADVERBS_OR_AUX));
    is_ly_adverb(word) || lower_key(word).is_some_and(|k| SET.contains(&k))
}

/// Words that end a noun phrase when walking back from a cue.
#[rustfmt::skip]
pub(crate) const STOP: &[&str] = &[
    "is", "was", "were", "are", "be", "been", "being", "has", "have", "had", "do", "does", "did",
    "will", "would", "could", "should", "may", "might", "can", "must", "not", "to", "by", "with",
    "in", "on", "at", "for", "from", "of", "about", "into", "over", "after", "before", "than", "as",
    "that", "which", "who", "whom", "whose", "and", "or", "but", "if", "when", "while", "because",
    "so", "where", "although", "though", "since", "until", "also", "said", "says", "told", "it",
    "there", "what", "how", "why", "whether", "then", "meanwhile", "however", "this", "these",
    "those", "we", "i", "you", "me", "us", "him", "them", "no", "yes", "not", "during", "under",
    "against", "through", "without", "like", "unlike", "even", "just", "despite", "amid", "among",
    "toward", "towards", "upon", "within", "across", "behind", "beyond", "via", "per", "whereas",
    "unless", "once", "now", "here", "all", "any",
];
/// Verbs whose that-less complement is almost always a clause.
#[rustfmt::skip]
pub(crate) const SAYING: &[&str] = &[
    "say", "tell", "claim", "argue", "insist", "believe", "think", "contend", "assert", "predict",
    "warn", "reply", "tweet", "testify", "allege",
];
/// Words before a colon that introduce something other than speech.
#[rustfmt::skip]
pub(crate) const NOT_SPEAKERS: &[&str] = &[
    "update", "updated", "note", "editor", "editor's", "correction", "related", "read", "watch",
    "photo", "photos", "video", "source", "sources", "tags", "topics", "advertisement", "by",
    "posted", "published", "filed", "contact", "email", "follow", "share", "caption", "credit",
    "image", "warning", "spoiler", "question", "answer", "q", "a", "trending", "breaking",
    "exclusive", "opinion", "analysis", "live", "subscribe", "sign", "click", "see", "more", "also",
    "disclosure", "disclaimer", "listen", "the", "this", "here", "why", "what", "how", "when",
    "where", "who", "in", "on", "at", "for", "with", "and", "but", "or", "if", "as", "time", "date",
    "location", "where", "price", "cost", "total", "score", "result", "results",
];
/// Cue verbs of knowing rather than saying: they report content, never a quote's words.
pub(crate) const COGNITION: &[&str] = &[
    "find",
    "know",
    "learn",
    "show",
    "understand",
    "hope",
    "fear",
    "think",
    "believe",
    "wonder",
];
/// The days of the week, lowercase.
#[rustfmt::skip]
pub(crate) const WEEKDAYS: &[&str] = &[
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
];
/// Besides [`WEEKDAYS`], times that may stand between a subject and its cue: "Acme on
/// Wednesday reported", "the mayor last night said".
#[rustfmt::skip]
pub(crate) const DAY_TIMES: &[&str] = &[
    "night", "morning", "afternoon", "evening", "week", "today", "yesterday",
];
/// The most tokens reported content may hold; bounds the work on a runaway sentence.
pub(crate) const MAX_CONTENT: usize = 160;
/// Cue verbs whose base form is also a common noun.
#[rustfmt::skip]
pub(crate) const NOUN_TOO: &[&str] = &[
    "comment", "report", "note", "claim", "state", "answer", "estimate", "promise", "tweet",
    "charge", "show", "find", "point", "counter", "hope", "fear", "joke", "reply", "remark",
    "pledge", "vow", "call", "label", "brand", "term", "signal", "hint", "demand", "stress",
    "boast", "caution", "concede", "comment", "post", "add", "warn", "respond", "agree",
];
/// Prepositions allowed inside a speaker's noun phrase after a role or a name:
/// "a spokeswoman for the agency", "Lavrov of Russia".
pub(crate) const NP_PREPOSITIONS: &[&str] = &["of", "for", "at", "from", "with", "to"];
/// Prepositions that open an adverbial between a cue and its content: "wrote in a note to
/// clients that", "said in a statement released on Friday: …".
pub(crate) const CUE_PREPOSITIONS: &[&str] = &[
    "in", "on", "at", "during", "via", "after", "before", "through", "over", "with",
];
pub(crate) const PRONOUNS: &[&str] = &["he", "she", "they", "it", "we", "i"];
/// Words that can start a reported clause without "that".
#[rustfmt::skip]
pub(crate) const AUXILIARIES: &[&str] = &[
    "be", "is", "was", "were", "are", "will", "would", "could", "should", "can", "may", "might",
    "must", "has", "have", "had", "did", "does", "do", "won't", "wouldn't", "can't", "couldn't",
    "isn't", "wasn't", "aren't", "weren't", "didn't", "doesn't", "don't", "hasn't", "haven't",
    "shall",
];
/// Adverbials between a cue and its content: "said in a statement that", "told reporters on
/// Tuesday that".
#[rustfmt::skip]
pub(crate) const BRIDGE: &[&str] = &[
    "on", "in", "at", "during", "last", "this", "earlier", "late", "early", "a", "an", "the",
    "statement", "interview", "news", "conference", "press", "briefing", "reporters", "journalists",
    "him", "her", "them", "us", "me", "week", "month", "year", "monday", "tuesday", "wednesday",
    "thursday", "friday", "saturday", "sunday", "morning", "afternoon", "evening", "night", "today",
    "yesterday", "also", "later", "repeatedly", "previously", "recently", "again", "publicly",
    "privately", "separately", "television", "radio", "speech", "letter", "post", "email",
    "remarks", "written", ",", "an", "to", "his", "her", "their",
];

/// "and", "but": a coordinated clause may follow.
/// (Words of three bytes: `content_end` asks only such words.)
pub(crate) const AND_BUT: &[&str] = &["and", "but"];
/// Words that negate a cue before it, or refuse the speech.
pub(crate) const NEGATIONS: &[&str] = &["not", "never", "n't", "declined", "refused"];
/// Articles and possessive determiners: "the minister", "his aide", "their spokesman".
pub(crate) const DETERMINERS: &[&str] = &["the", "a", "an", "his", "her", "its", "their"];
/// "a", "an", "the".
pub(crate) const ARTICLES: &[&str] = &["a", "an", "the"];
/// Besides [`DETERMINERS`], words before a cue word that make it a noun: "our report", "to
/// answer".
pub(crate) const BEFORE_NOUN: &[&str] = &["our", "my", "to"];
/// Besides [`DETERMINERS`], words a subject never ends on: "sent out a call following the".
#[rustfmt::skip]
pub(crate) const NOT_SUBJECT_ENDS: &[&str] = &[
    "our", "my", "this", "that", "these", "those", "some", "many", "few", "fewer", "more", "most",
];
/// Words after a speaker that end its noun phrase: "said Doe, who …", "said Doe in a
/// statement", "said Jane Doe of Ohio".
#[rustfmt::skip]
pub(crate) const AFTER_SPEAKER: &[&str] = &[
    "who", "in", "on", "at", "during", "after", "before", "when", "while", "as", "of",
];
/// Words a sentence may open with before its subject: "But Trump …", "Meanwhile, the mayor …".
#[rustfmt::skip]
pub(crate) const SENTENCE_OPENERS: &[&str] = &[
    "but", "and", "so", "yet", "still", "meanwhile", "however", "then", "now", "also",
];
/// Irregular past forms that end a subject's noun phrase: "The businessman began …".
#[rustfmt::skip]
pub(crate) const IRREGULAR_PAST: &[&str] = &[
    "began", "went", "made", "took", "gave", "came", "got", "saw", "met", "spent", "led", "spoke",
    "wrote", "held", "left", "won", "lost", "ran", "brought", "thought", "kept", "sent", "stood",
    "became", "knew",
];
/// Forms of "be" (and "get") that make a cue passive: "was told", "got asked".
#[rustfmt::skip]
pub(crate) const BE_FORMS: &[&str] = &[
    "be", "been", "is", "was", "were", "are", "am", "'s", "’s", "get", "got",
];
/// Adverbs between a form of "be" and a cue: "was also told".
pub(crate) const BE_ADVERBS: &[&str] = &[
    "also",
    "still",
    "now",
    "again",
    "repeatedly",
    "not",
    "being",
];
/// Words after a comma that open a new clause, ending reported content.
#[rustfmt::skip]
pub(crate) const CLAUSE_OPENERS: &[&str] = &[
    "according", "which", "while", "whereas", "although", "though", "who",
];
/// Words before a cue's base form that make it a verb: "they report", "will comment".
#[rustfmt::skip]
pub(crate) const VERB_BEFORE: &[&str] = &[
    "i", "we", "you", "they", "will", "would", "could", "should", "can", "may", "might", "must",
    "did", "do", "does", "also", "often", "always", "never", "not", "then",
];

/// A set of word classes, as bits.
#[derive(Clone, Copy)]
pub(crate) struct Class(pub(crate) u16);

impl Class {
    pub(crate) const STOP_WORD: Class = Class(1);
    pub(crate) const PRONOUN: Class = Class(1 << 1);
    pub(crate) const AUXILIARY: Class = Class(1 << 2);
    pub(crate) const BRIDGING: Class = Class(1 << 3);
    pub(crate) const NP_PREPOSITION: Class = Class(1 << 4);
    pub(crate) const NOT_SPEAKER: Class = Class(1 << 5);
    pub(crate) const WEEKDAY: Class = Class(1 << 6);
    pub(crate) const AND_BUT: Class = Class(1 << 7);
    pub(crate) const NEGATION: Class = Class(1 << 8);
    pub(crate) const DETERMINER: Class = Class(1 << 9);
    pub(crate) const BE_FORM: Class = Class(1 << 10);
    pub(crate) const BE_ADVERB: Class = Class(1 << 11);
    pub(crate) const CLAUSE_OPENER: Class = Class(1 << 12);
    pub(crate) const VERB_BEFORE: Class = Class(1 << 13);
    /// Words between a subject and its cue ([`is_adverb_or_aux`]).
    pub(crate) const ADVERB_OR_AUX: Class = Class(1 << 14);
    /// Set on every looked-up token, so that 0 means "not looked up yet".
    const KNOWN: u16 = 1 << 15;

    /// The classes of a word, ASCII case ignored.
    pub(crate) fn of(word: &str) -> u16 {
        /// The word lists by [`lower_key`], and a bit set of their words' shapes (length,
        /// first and last letter) that turns away nearly every other word at one bit test.
        struct Lists {
            words: FastMap<u128, u16>,
            shapes: [u64; SHAPES / 64],
        }
        const SHAPES: usize = 16 * 32 * 32;
        /// The shape of a word of up to 15 bytes that starts and ends with an ASCII letter.
        fn shape(w: &[u8]) -> Option<usize> {
            match (w.first(), w.last()) {
                (Some(&f), Some(&l))
                    if w.len() < 16 && f.is_ascii_alphabetic() && l.is_ascii_alphabetic() =>
                {
                    Some((w.len() * 32 + usize::from(f & 31)) * 32 + usize::from(l & 31))
                }
                _ => None,
            }
        }
        static LISTS: Lazy<Lists> = Lazy::new(|| {
            let lists = [
                (STOP, Class::STOP_WORD),
                (PRONOUNS, Class::PRONOUN),
                (AUXILIARIES, Class::AUXILIARY),
                (BRIDGE, Class::BRIDGING),
                (NP_PREPOSITIONS, Class::NP_PREPOSITION),
                (NOT_SPEAKERS, Class::NOT_SPEAKER),
                (WEEKDAYS, Class::WEEKDAY),
                (DAY_TIMES, Class::WEEKDAY),
                (AND_BUT, Class::AND_BUT),
                (NEGATIONS, Class::NEGATION),
                (DETERMINERS, Class::DETERMINER),
                (BEFORE_NOUN, Class::DETERMINER),
                (BE_FORMS, Class::BE_FORM),
                (BE_ADVERBS, Class::BE_ADVERB),
                (CLAUSE_OPENERS, Class::CLAUSE_OPENER),
                (VERB_BEFORE, Class::VERB_BEFORE),
                (ADVERBS_OR_AUX, Class::ADVERB_OR_AUX),
            ];
            let mut words = FastMap::default();
            let mut shapes = [0u64; SHAPES / 64];
            for (list, class) in lists {
                for &w in list {
                    debug_assert_eq!(w, w.to_ascii_lowercase());
                    if let Some(key) = lower_key(w) {
                        *words.entry(key).or_insert(0) |= class.0;
                    }
                    if let Some(s) = shape(w.as_bytes()) {
                        shapes[s / 64] |= 1 << (s % 64);
                    }
                }
            }
            Lists { words, shapes }
        });
        let lists = &*LISTS;
        let mut bits = Class::KNOWN;
        if is_ly_adverb(word) {
            bits |= Class::ADVERB_OR_AUX.0;
        }
        // A word of a shape no listed word has is in no list. (Every listed word that does
        // not start and end with a letter has no shape and is looked up.)
        if let Some(s) = shape(word.as_bytes()) {
            if lists.shapes[s / 64] & (1 << (s % 64)) == 0 {
                return bits;
            }
        }
        bits | lower_key(word)
            .and_then(|key| lists.words.get(&key).copied())
            .unwrap_or(0)
    }
}
