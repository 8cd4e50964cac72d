//! Role nouns: the generic titles news puts before a name ("Mayor Jane Doe"), in an apposition
//! ("Jane Doe, the mayor") or alone as a speaker ("the mayor said").

/// Generic roles, lowercase, singular and plural. Longer phrases win over their parts when
/// matched leftmost-longest ("foreign minister" over "minister").
#[rustfmt::skip]
pub(crate) const ROLES: &[&str] = &[
    "president", "vice president", "president-elect", "prime minister", "deputy prime minister",
    "minister", "foreign minister", "defense minister", "defence minister", "finance minister",
    "interior minister", "secretary", "secretary of state", "secretary-general",
    "secretary general", "senator", "sen.", "representative", "rep.", "deputy representative",
    "permanent representative", "congressman", "congresswoman", "lawmaker", "legislator",
    "governor", "gov.", "mayor", "deputy mayor", "councilman", "councilwoman", "councillor",
    "councilor", "council member", "alderman", "chancellor", "king", "queen", "prince", "princess",
    "pope", "emperor", "sheikh", "ambassador", "envoy", "diplomat", "spokesman", "spokeswoman",
    "spokesperson", "press secretary", "chief", "police chief", "fire chief", "chief executive",
    "chief executive officer", "ceo", "chief financial officer", "cfo", "chief economist",
    "economist", "analyst", "strategist", "chairman", "chairwoman", "chair", "chairperson",
    "director", "executive director", "managing director", "head", "leader", "founder",
    "co-founder", "owner", "president and ceo", "manager", "general manager", "coach", "head coach",
    "captain", "striker", "goalkeeper", "midfielder", "defender", "forward", "quarterback",
    "pitcher", "player", "general", "gen.", "lt.", "lieutenant", "colonel", "col.", "major",
    "commander", "admiral", "sergeant", "sgt.", "officer", "detective", "sheriff", "judge",
    "justice", "chief justice", "prosecutor", "district attorney", "attorney", "attorney general",
    "lawyer", "defense attorney", "professor", "prof.", "dr.", "doctor", "researcher", "scientist",
    "physician", "nurse", "teacher", "principal", "superintendent", "commissioner", "inspector",
    "official", "officials", "spokesmen", "adviser", "advisor", "aide", "candidate",
    "nominee", "activist", "organizer", "author", "editor", "reporter", "executive", "residents",
    "resident", "witness", "rev.", "reverend", "bishop", "archbishop", "rabbi", "imam", "cardinal",
    "mr.", "mrs.", "ms.", "mr", "mrs", "ms", "dr", "administrator", "city administrator",
    "city manager", "meteorologist", "forecaster", "businessman", "businesswoman", "entrepreneur",
    "actor", "actress", "singer", "artist", "writer", "novelist", "filmmaker", "musician",
    "designer", "architect", "engineer", "farmer", "student", "historian", "epidemiologist",
    "pollster", "fellow", "partner", "trader", "investor", "developer", "consultant", "vice chair",
    "treasurer", "clerk", "auditor", "referee", "premier", "deputy premier", "comptroller",
    "controller", "mp", "mpp", "mla", "trustee", "winger", "rookie", "goaltender", "goalie",
    "netminder", "defenceman", "defenseman", "playwright", "poet", "composer", "pharmacist",
    "toxicologist", "pathologist", "psychologist", "criminologist", "sociologist",
    "organiser", "paramedic", "firefighter", "constable", "const.", "union president",
    "cllr", "cllr.", "councilmember", "alderwoman", "alderperson", "assemblymember",
    "shortstop", "outfielder", "infielder", "linebacker", "batsman", "wicketkeeper", "sprinter",
    "swimmer", "skier", "cyclist", "golfer", "jockey", "assistant coach", "photographer", "chef",
    "choreographer", "producer", "coroner", "psychiatrist", "dentist", "veterinarian", "surgeon",
    "planner",
    "coordinator", "volunteer", "pastor", "priest", "chaplain", "grand chief", "deputy chief",
    "deputy minister", "registrar", "provost", "lecturer", "instructor", "landlord", "tenant",
    "shopkeeper", "electrician", "mechanic", "plumber", "crown attorney", "crown prosecutor",
    "defence lawyer", "defense lawyer", "defence attorney", "vice-president",
    "det.", "supt.", "capt.", "cpl.", "corporal", "cst.", "insp.", "maj.", "pte.", "staff sgt.",
    "coun.",
    "staff sergeant", "father", "fr.", "elder", "critic", "health critic", "mna", "reeve", "warden",
    "chief medical officer", "medical officer of health", "health officer",
    "provincial health officer", "district judge", "circuit judge", "county judge",
    "superior court judge", "superior court justice", "provincial court judge",
    // Party labels before a name: "Liberal Priya Sethi-Morrison", "Republican Sen. Ted Cruz".
    "liberal", "conservative", "new democrat", "republican", "democrat",
];

/// Honorifics that mark a name but say nothing about a role.
pub(crate) fn is_honorific(role: &str) -> bool {
    matches!(role, "mr." | "mrs." | "ms." | "mr" | "mrs" | "ms")
}

/// The head noun of a role phrase ("foreign minister" → "minister"), used to link
/// "the minister" to the person introduced as "Foreign Minister Sergei Lavrov".
pub(crate) fn head(role: &str) -> &str {
    const ABBREVIATED: [(&str, &str); 18] = [
        ("gov", "governor"),
        ("sen", "senator"),
        ("rep", "representative"),
        ("gen", "general"),
        ("lt", "lieutenant"),
        ("col", "colonel"),
        ("sgt", "sergeant"),
        ("prof", "professor"),
        ("dr", "doctor"),
        ("supt", "superintendent"),
        ("det", "detective"),
        ("capt", "captain"),
        ("cpl", "corporal"),
        ("cst", "constable"),
        ("insp", "inspector"),
        ("maj", "major"),
        ("pte", "private"),
        ("coun", "councillor"),
    ];
    let last = role.rsplit([' ', '-']).next().unwrap_or(role);
    let bare = last.trim_end_matches('.');
    // Abbreviated titles stand for their nouns: "Gov. Kim Reynolds" is "the governor".
    ABBREVIATED
        .iter()
        .find(|(short, _)| short.eq_ignore_ascii_case(bare))
        .map_or(bare, |&(_, full)| full)
}

/// Whether two role heads ([`head`]) name the same office: "judge" and "justice",
/// "spokesman" and "spokesperson", "chairman" and "chair", "councillor" and "councilwoman",
/// so that "the judge said" finds the person introduced as "Justice Margaret Oduya".
pub(crate) fn same_office(a: &str, b: &str) -> bool {
    /// Heads that name one office, a group a line.
    const OFFICES: &[&[&str]] = &[
        &["judge", "justice"],
        &["spokesman", "spokeswoman", "spokesperson"],
        &["chairman", "chairwoman", "chair", "chairperson"],
        &[
            "councillor",
            "councilor",
            "councilman",
            "councilwoman",
            "alderman",
            "councilmember",
        ],
        &["congressman", "congresswoman"],
        &["businessman", "businesswoman"],
        &["officer", "constable"],
    ];
    a == b
        || OFFICES
            .iter()
            .any(|group| group.contains(&a) && group.contains(&b))
}

/// The head nouns of every role, for telling a role word in a speaker's phrase.
static HEADS: once_cell::sync::Lazy<std::collections::HashSet<&'static str>> =
    once_cell::sync::Lazy::new(|| ROLES.iter().map(|r| head(r)).collect());

/// Whether `word`, in any case, is a role of one word ("Coach", "MAYOR", "Secretary-General").
///
/// A set lookup for words of up to 15 bytes (every role of one word but a few), a scan of
/// the list for longer ones.
pub(crate) fn is_role(word: &str) -> bool {
    static SET: once_cell::sync::Lazy<crate::hash::FastSet<u128>> =
        once_cell::sync::Lazy::new(|| crate::hash::key_set_of(ROLES));
    match crate::hash::lower_key(word) {
        Some(k) => SET.contains(&k),
        None => ROLES.iter().any(|r| r.eq_ignore_ascii_case(word)),
    }
}

/// Whether `word` (lowercase) is the head noun of a role: "minister", "spokeswoman".
pub(crate) fn is_head(word: &str) -> bool {
    HEADS.contains(word)
}
