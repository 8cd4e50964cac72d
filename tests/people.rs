//! One table per mechanism of name recognition and resolution: people, places and
//! organizations the gazetteer lacks, what keeps a capitalized word from becoming a person,
//! the article's full names outranking the gazetteer's surnames, and the gender a person
//! gets. Each row is a sentence written for the purpose and what its entities must (and must
//! not) be; the speaker rows say whose name a quote ends up with.

use whosaid::{Document, EntityKind, Extractor, Gender, Speaker};

use EntityKind::{Location, Organization, Person};
use Gender::{Female, Male};

/// One case: a text, an entity it must have (by name, with that kind and gender), and names
/// no entity of the kind `absent_kind` may have.
struct EntityTest {
    line: u32,
    text: &'static str,
    /// The entity's name, kind and gender (`None`: it must have none).
    want: Option<(&'static str, EntityKind, Option<Gender>)>,
    /// Names that must not be an entity of this kind.
    absent: &'static [&'static str],
    absent_kind: EntityKind,
}

macro_rules! e {
    ($text:expr, want: $want:expr, absent: $absent:expr, as $kind:expr $(,)?) => {
        EntityTest {
            line: line!(),
            text: $text,
            want: $want,
            absent: $absent,
            absent_kind: $kind,
        }
    };
}

fn check(tests: &[EntityTest]) {
    let extractor = Extractor::new();
    for test in tests {
        let row = format!("tests/people.rs:{}: {:?}", test.line, test.text);
        let doc = extractor.extract(test.text);
        let names: Vec<(&str, EntityKind)> = doc
            .entities
            .iter()
            .map(|e| (e.name.as_str(), e.kind))
            .collect();
        if let Some((name, kind, gender)) = test.want {
            let e = doc.entities.iter().find(|e| e.name == name);
            let e = e.unwrap_or_else(|| panic!("{row}: no entity {name:?} in {names:?}"));
            assert_eq!(e.kind, kind, "{row}: kind of {name:?}");
            assert_eq!(e.gender, gender, "{row}: gender of {name:?}");
        }
        for absent in test.absent {
            assert!(
                !names.contains(&(absent, test.absent_kind)),
                "{row}: {absent:?} must not be a {:?}: {names:?}",
                test.absent_kind
            );
        }
    }
}

#[test]
fn a_known_given_name_starts_a_person() {
    check(&[
        e!("Gail Hutchins, who owns a bakery on Harbor Street, said sales fell.",
           want: Some(("Gail Hutchins", Person, Some(Female))), absent: &["Harbor Street"], as Person),
        e!("Jane Smith, 42, said the rent rose.",
           want: Some(("Jane Smith", Person, Some(Female))), absent: &[], as Person),
        e!("Police were told that Marcus Webb left early.",
           want: Some(("Marcus Webb", Person, Some(Male))), absent: &[], as Person),
        e!("The board met and Jean-Pierre Dufresne spoke first.",
           want: Some(("Jean-Pierre Dufresne", Person, Some(Male))), absent: &[], as Person),
        e!("The motion came from Mary K. Lindqvist Jr. last week.",
           want: Some(("Mary K. Lindqvist Jr.", Person, Some(Female))), absent: &[], as Person),
        // A hyphenated given name opening the sentence, before its cue.
        e!("Jean-Luc Picard said the ship was ready.",
           want: Some(("Jean-Luc Picard", Person, Some(Male))), absent: &["Luc Picard"], as Person),
        // A surname alone gives no gender, hyphenated or not.
        e!("The vote, Smith-Jones said, was fair.",
           want: Some(("Smith-Jones", Person, None)), absent: &[], as Person),
        // A name borne by both sexes gives no gender.
        e!("Supporters cheered as Taylor Brennan arrived.",
           want: Some(("Taylor Brennan", Person, None)), absent: &[], as Person),
    ]);
}

#[test]
fn heads_make_places_and_firms() {
    check(&[
        // An unknown acronym in running text is an organization; a title, a measure or an
        // all-capital phrase is not.
        e!("The students' fees went up, and TSU has said it is reviewing the increase.",
           want: Some(("TSU", Organization, None)), absent: &[], as Person),
        // A head inside a name with no common given name makes no person, and its plural
        // is no club's nickname; a place before it is part of it.
        e!("She said Halifax Harbour Bridges had promised a study.",
           want: Some(("Halifax Harbour Bridges", Organization, None)),
           absent: &["Harbour Bridges", "Halifax Harbour Bridges"], as Person),
        e!("A cyclist was killed on the Macdonald Bridge on Friday.",
           want: Some(("Macdonald Bridge", Location, None)), absent: &["Macdonald Bridge"], as Person),
        // An organization described as one: after its noun, or before an apposition that
        // ends on one; a place inside is part of it.
        e!("The accounting firm Raymond Chabot Grant Thornton was appointed monitor.",
           want: Some(("Raymond Chabot Grant Thornton", Organization, None)),
           absent: &["Raymond Chabot Grant Thornton"], as Person),
        e!("Meubles Gagné, the family-owned furniture chain that has been a fixture of Quebec malls, said it would close 11 stores.",
           want: Some(("Meubles Gagné", Organization, None)), absent: &["Meubles Gagné"], as Person),
        e!("Noel Abalos, a spokesperson for the advocacy group Migrante Alberta, said such stories are common.",
           want: Some(("Migrante Alberta", Organization, None)), absent: &["Alberta"], as Location),
        // A place described as one, and names after "in" or after a person and "of".
        e!("Stanley Mission, a community of about 1,600 people on the Churchill River, joined the search.",
           want: Some(("Stanley Mission", Location, None)), absent: &["Stanley Mission"], as Person),
        e!("Bernice Charles, a band councillor in Stanley Mission, said 40 people joined.",
           want: Some(("Bernice Charles", Person, Some(Female))), absent: &["Stanley Mission"], as Person),
        e!("Police said Gerald Ratt of Stanley Mission was found alive.",
           want: Some(("Gerald Ratt", Person, Some(Male))), absent: &["Stanley Mission"], as Person),
        e!("Shrs offered by company N / A",
           want: None, absent: &["N"], as Organization),
        // An unknown word or a town before a known organization named by its head is
        // another organization.
        e!("Meubles Gagné owes $17 million to the National Bank of Canada.",
           want: Some(("National Bank of Canada", Organization, None)), absent: &["Bank of Canada"], as Organization),
        e!("Westmount Bank of Canada says its profit fell 41 per cent.",
           want: Some(("Westmount Bank of Canada", Organization, None)), absent: &["Bank of Canada"], as Organization),
        // A professional team by its nickname alone, in a headline too; the team the
        // article names in full where it does.
        e!("Jets land veteran O'Halloran from Senators ahead of trade deadline\n\nThe Jets' general manager said the price was fair.",
           want: Some(("Jets", Organization, None)), absent: &["Senators"], as Person),
        e!("The Toronto Blue Jays won again. The Jays started the night 12 games under .500.",
           want: Some(("Toronto Blue Jays", Organization, None)), absent: &["Jays"], as Organization),
        // A first name no list has, before a surname the article uses alone as a speaker's.
        e!("For most of her life, Elisapee Tunnuq sold her prints for $40 apiece. \"I made them for the store,\" Tunnuq said.",
           want: Some(("Elisapee Tunnuq", Person, Some(Female))), absent: &[], as Person),
        // A surname after "d’".
        e!("Progressive Conservative health critic Marguerite d’Entremont called the closures a slow emergency.",
           want: Some(("Marguerite d’Entremont", Person, Some(Female))), absent: &["Marguerite"], as Person),
        // Capitalized words the gazetteer does not know before a country: a body named for
        // it; not a compass word.
        e!("Ria Chandrasekaran, campaign director at Clean Shorelines Canada, called the plan a first step.",
           want: Some(("Clean Shorelines Canada", Organization, None)), absent: &["Canada"], as Location),
        e!("Food banks across Western Canada are busy.",
           want: None, absent: &["Western Canada"], as Organization),
        // After "the", a place that is also a given name and a capitalized plural are a
        // team, and the town alone stands for it where it qualifies a noun.
        e!("The Oshawa Generals beat the Kingston Frontenacs 4-3. He skated around two Kingston defencemen.",
           want: Some(("Kingston Frontenacs", Organization, None)), absent: &["Kingston Frontenacs"], as Person),
        e!("The Toronto Blue Jays beat the Boston Red Sox 5-4 on Tuesday, as Toronto won for only the second time in 11 games.",
           want: Some(("Toronto Blue Jays", Organization, None)), absent: &["Toronto"], as Location),
        // A known place and "and" open no name: a list of places.
        e!("The first nurses start in Toronto, Ottawa and Peel Region by March.",
           want: Some(("Peel Region", Location, None)), absent: &["Ottawa and Peel Region"], as Location),
        e!("The round drew money from BDC Capital, the venture arm of the Business Development Bank of Canada.",
           want: Some(("Business Development Bank of Canada", Organization, None)), absent: &["Development Bank of Canada"], as Organization),
        // A part of a known place, named after it in the possessive with a place's word.
        e!("A judge certified a class action over flooding in Winnipeg's North End.",
           want: Some(("North End", Location, None)), absent: &[], as Person),
        e!("In Ottawa’s ByWard Market, Tomás Ferreira owns two restaurants. Calgary's Naheed Nenshi ate there.",
           want: Some(("ByWard Market", Location, None)), absent: &["Naheed Nenshi"], as Location),
        // A gazetteer surname before a lowercase place noun names the place, no person.
        e!("Tuyet Nguyen waited 45 minutes for a bus at Blair station with her daughter.",
           want: Some(("Tuyet Nguyen", Person, Some(Female))), absent: &["Tony Blair"], as Person),
        // A relative named by a given name alone between commas, of the relation's gender.
        e!("Bautista came to Canada in 2014, leaving her son, Joshua, with her sister.",
           want: Some(("Joshua", Person, Some(Male))), absent: &[], as Organization),
        e!("Lorne Paquette, 72, and his wife, Gail, loaded two dogs into the car.",
           want: Some(("Gail", Person, Some(Female))), absent: &[], as Organization),
        // A party label before a name is a title.
        e!("Conservative Ernie Kerkhoven took 54 per cent of the vote.",
           want: Some(("Ernie Kerkhoven", Person, Some(Male))), absent: &[], as Person),
        // A hyphen does not count toward a name's words.
        e!("Jean-Sébastien Le Bouthillier, a former NHL scout, said the price was fair.",
           want: Some(("Jean-Sébastien Le Bouthillier", Person, Some(Male))), absent: &["Bouthillier"], as Person),
        // Nor does a gazetteer surname end a hyphenated one, unless the first part is known.
        e!("Lydia Adjei-Brown, a political scientist, said turnout was low.",
           want: Some(("Lydia Adjei-Brown", Person, Some(Female))), absent: &["Lydia Adjei"], as Person),
        e!("Aides prepared the Trump-Putin summit in Helsinki.",
           want: Some(("Vladimir Putin", Person, Some(Male))), absent: &[], as Location),
        // "Region" is a place's head, "District" and "Band" an organization's.
        e!("Teachers in Durham Region walked out on Tuesday.",
           want: Some(("Durham Region", Location, None)), absent: &["Durham Region"], as Person),
        e!("The Cariboo Regional District said the order covered 2,000 homes.",
           want: Some(("Cariboo Regional District", Organization, None)), absent: &["Regional District"], as Person),
        // No gazetteer name starts after the "O’" of a surname.
        e!("Coun. Meaghan O’Driscoll-Lam said the lanes had tripled cycling trips.",
           want: Some(("Meaghan O’Driscoll-Lam", Person, Some(Female))), absent: &["Dan Driscoll"], as Person),
        // A gazetteer organization's one-word alias after a given name is the surname, there
        // and alone later on.
        e!("Mayor John Tory voted with the majority. Tory said the city would look at other streets.",
           want: Some(("John Tory", Person, Some(Male))), absent: &["Conservative Party"], as Organization),
        // A dateline's town is written in title case with its particle lowercase.
        e!("BAY DE VERDE, N.L. — Bride Walsh was born in Bay de Verde in 1915.",
           want: Some(("Bay de Verde", Location, None)), absent: &["Bay de Verde"], as Person),
        // After a title or a role, a given name and a head are a person.
        e!("Defence lawyer Brian Church said his client was remorseful.",
           want: Some(("Brian Church", Person, Some(Male))), absent: &["Brian Church"], as Organization),
        e!("Brian Church, a defence lawyer, said his client was remorseful.",
           want: Some(("Brian Church", Person, Some(Male))), absent: &["Brian Church"], as Organization),
        // A known one is the gazetteer's entry.
        e!("The students' visas were delayed, and IRCC has said it is reviewing the files.",
           want: Some(("Immigration, Refugees and Citizenship Canada", Organization, None)),
           absent: &["IRCC"], as Organization),
        // A known place or nationality before an organization's name is part of the name;
        // the gazetteer's own organization of that country keeps its entity.
        e!("Lawyers told the Nova Scotia Supreme Court that the contract was void.",
           want: Some(("Nova Scotia Supreme Court", Organization, None)), absent: &["Nova Scotia"], as Location),
        e!("The Canadian Red Cross said 40 families were housed.",
           want: Some(("Canadian Red Cross", Organization, None)), absent: &["Red Cross"], as Organization),
        e!("The U.S. Treasury Department said sanctions would follow.",
           want: Some(("U.S. Treasury", Organization, None)), absent: &["United States"], as Location),
        // After "of", a list of what the body is for, and "the".
        e!("The Ministry of Agriculture, Food and Rural Affairs said the fund would open in May.",
           want: Some(("Ministry of Agriculture, Food and Rural Affairs", Organization, None)), absent: &["Rural Affairs"], as Organization),
        e!("The Department of Health and Human Services said it would appeal.",
           want: Some(("Department of Health and Human Services", Organization, None)), absent: &[], as Person),
        e!("The theatre got $40,000 from the Canada Council for the Arts last year.",
           want: Some(("Canada Council for the Arts", Organization, None)), absent: &["Canada Council"], as Organization),
        // A possessive right before a head is part of the name, but not a person's.
        e!("The Calder County District Attorney’s Office said charges would be reviewed by a prosecutor next week.",
           want: Some(("Calder County District Attorney’s Office", Organization, None)), absent: &["Calder County"], as Location),
        e!("The Maritime Nurses’ Association said the wait for a bed had doubled since the spring.",
           want: Some(("Maritime Nurses’ Association", Organization, None)), absent: &["Maritime Nurses"], as Organization),
        e!("Protesters gathered at Founder’s Park on Monday to oppose the bill.",
           want: Some(("Founder’s Park", Location, None)), absent: &[], as Person),
        e!("Jane Smith's Main Street bakery closed after the owners said they would retire in the spring.",
           want: Some(("Main Street", Location, None)), absent: &["Jane Smith's Main Street"], as Location),
        // A hyphen inside a word of the name.
        e!("He met officials from Agri-Food Innovation Council in the morning before the session began.",
           want: Some(("Agri-Food Innovation Council", Organization, None)), absent: &["Food Innovation Council"], as Organization),
        // A body of a country or province, named by what it does or by an acronym.
        e!("Health Canada said the recall covers 40,000 units sold since March.",
           want: Some(("Health Canada", Organization, None)), absent: &["Canada"], as Location),
        e!("CUPE Ontario president Fred Hahn said the deal was poor for members.",
           want: Some(("CUPE Ontario", Organization, None)), absent: &["Ontario"], as Location),
        e!("Quillfeather went public on the Toronto Stock Exchange in 2021 at C$18 a share.",
           want: Some(("Toronto Stock Exchange", Organization, None)), absent: &["Toronto"], as Location),
        e!("Hundreds of residents packed the Oakhurst Glen Municipal Building on Tuesday night for the vote.",
           want: Some(("Oakhurst Glen Municipal Building", Location, None)), absent: &["Oakhurst Glen"], as Location),
        // A possessive head ends the name, without its "'s".
        e!("Patients at Saint John Regional Hospital’s emergency department waited a record 11 hours on Monday.",
           want: Some(("Saint John Regional Hospital", Organization, None)), absent: &["Saint John"], as Location),
        // Local businesses and schools by their heads; a mall is a place.
        e!("She has run Tidewell Bakery on the corner for 19 years, she said on Tuesday.",
           want: Some(("Tidewell Bakery", Organization, None)), absent: &["Tidewell Bakery"], as Person),
        e!("Students will be reassigned to Lakeview Elementary next fall, the district said.",
           want: Some(("Lakeview Elementary", Organization, None)), absent: &[], as Person),
        e!("The apartments will rise on the former Glenview Mall site next to the highway.",
           want: Some(("Glenview Mall", Location, None)), absent: &[], as Person),
        e!("A spokesperson for Northgate Property Management said the building would be repaired.",
           want: Some(("Northgate Property Management", Organization, None)), absent: &[], as Person),
        // A role word inside a run, a few words before its head, is part of the name.
        e!("The Elmwood Volunteer Fire Department responded to the call at 3 a.m. on Sunday.",
           want: Some(("Elmwood Volunteer Fire Department", Organization, None)), absent: &["Fire Department"], as Organization),
        e!("The Halifax Regional Municipality said the snow-clearing budget had run out by February.",
           want: Some(("Halifax Regional Municipality", Organization, None)), absent: &["Regional Municipality"], as Person),
        // A rare given name ("Saint") does not stop a possessive inside a name.
        e!("Students at Saint Mary's University held a walkout on Thursday afternoon in the rain.",
           want: Some(("Saint Mary's University", Organization, None)), absent: &["Mary's University"], as Organization),
        // Light rail and the Greater Toronto Area are no organizations.
        e!("A spokesperson for Metrolinx said the Eglinton Crosstown LRT would open across the GTA next year.",
           want: Some(("Metrolinx", Organization, None)), absent: &["LRT", "GTA"], as Organization),
        e!("Crews from Halifax Transit and Nova Scotia Power worked through the night to restore service.",
           want: Some(("Halifax Transit", Organization, None)), absent: &["Halifax"], as Location),
        // Regions news names: the gazetteer's, not two places.
        e!("She said at least six universities in Atlantic Canada expected to raise tuition next year.",
           want: Some(("Atlantic Canada", Location, None)), absent: &["Atlantic"], as Location),
        // Conference and Collective are organization heads.
        e!("The win moves Carrick to 9-3 in the Northeast Athletic Conference (NEAC).",
           want: Some(("Northeast Athletic Conference", Organization, None)), absent: &[], as Person),
        e!("The Harbour Merchants Collective said the plan was rushed.",
           want: Some(("Harbour Merchants Collective", Organization, None)), absent: &["Harbour Merchants Collective"], as Person),
        // A head after a hyphen ends a surname, not a place's name.
        e!("Lakers coach Monica Reyes-Hall, whose team had lost twice, told reporters the bus was late.",
           want: Some(("Monica Reyes-Hall", Person, Some(Female))), absent: &["Monica Reyes-Hall"], as Location),
        // A short line that ends a sentence is no headline; an age in commas names a person.
        e!("Ruth Ames met Tom Brandt, 61, on Monday.",
           want: Some(("Tom Brandt", Person, Some(Male))), absent: &["Ames"], as Location),
        // A union's local is an organization of its own.
        e!("Members of Amalgamated Transit Union Local 1385 voted to strike.",
           want: Some(("Amalgamated Transit Union Local 1385", Organization, None)), absent: &[], as Person),
        e!("The Canadian Union of Public Employees (CUPE) said talks stalled. CUPE Local 2210 will vote.",
           want: Some(("CUPE Local 2210", Organization, None)), absent: &[], as Person),
        // A known place after "and" is another name.
        e!("He studied at the University of Leeds and Oxford.",
           want: Some(("University of Leeds", Organization, None)), absent: &["University of Leeds and Oxford"], as Organization),
        e!("The guard signed a two-year deal, and the NBA said it would review the contract.",
           want: Some(("NBA", Organization, None)), absent: &[], as Person),
        e!("The company's CEO said GDP growth of 2 PCT was too slow for the plan to work.",
           want: None, absent: &["CEO", "GDP", "PCT"], as Organization),
        e!("Results from Friday's games, with KANSAS CITY at home, were posted by the league.",
           want: None, absent: &["KANSAS", "CITY"], as Organization),
        // A dateline's town, one place with its title-case form; a town before its region.
        e!("Mill Closure Hits Town\n\nALDEN FALLS, Ohio — The mill in Alden Falls will close, the company said on Tuesday.",
           want: Some(("Alden Falls", Location, None)), absent: &["ALDEN FALLS"], as Location),
        e!("Mill Closure Hits Town\n\nKESTREL BAY — The mill will close, the company said on Tuesday.",
           want: Some(("KESTREL BAY", Location, None)), absent: &[], as Person),
        e!("Scores\n\nSOCCER - Results of matches played on Saturday in the league.",
           want: None, absent: &["SOCCER"], as Location),
        e!("The plant in Traralgon, Ohio, will close next year, the company said.",
           want: Some(("Traralgon", Location, None)), absent: &[], as Person),
        e!("Jane Smith, Ohio's governor, said the plant would close next year.",
           want: Some(("Jane Smith", Person, Some(Female))), absent: &["Jane Smith"], as Location),
        // A team opening with a dateline's town.
        e!("Wildcats Win\n\nMONCTON, N.B. — The Moncton Wildcats beat Halifax 3-2 in overtime on Friday.",
           want: Some(("Moncton Wildcats", Organization, None)), absent: &[], as Person),
        // Town heads, a role word before a street head, a road by its number.
        e!("The crash happened near Alden Falls on Tuesday, police said.",
           want: Some(("Alden Falls", Location, None)), absent: &["Alden Falls"], as Person),
        e!("Traffic on Queen Street was slow for most of the morning.",
           want: Some(("Queen Street", Location, None)), absent: &["Street"], as Location),
        e!("A stretch of Route 35 was closed for most of the morning.",
           want: Some(("Route 35", Location, None)), absent: &[], as Person),
        // A given name and a head that is also a surname: a person, but after "at".
        e!("Kim Hall said the vote was close and the count was fair.",
           want: Some(("Kim Hall", Person, None)), absent: &["Kim Hall"], as Location),
        e!("Residents said they gathered at Grace Park in the evening to protest the plan.",
           want: Some(("Grace Park", Location, None)), absent: &["Grace Park"], as Person),
        e!("Jackson Avenue was closed on Monday.",
           want: Some(("Jackson Avenue", Location, None)), absent: &["Jackson Avenue"], as Person),
        e!("Marcus Webb, an analyst at Piper Sandler, said the shares were cheap.",
           want: Some(("Marcus Webb", Person, Some(Male))), absent: &["Piper Sandler"], as Person),
        e!("Fans of Ashford Rovers filled the ground.",
           want: Some(("Ashford Rovers", Organization, None)), absent: &["Ashford Rovers"], as Person),
        e!("Halvorsen Foods Inc. said profits rose. Halvorsen Foods will hire 200 workers.",
           want: Some(("Halvorsen Foods Inc.", Organization, None)), absent: &["Halvorsen Foods"], as Organization),
        e!("She studied at the University of Toronto before moving.",
           want: Some(("University of Toronto", Organization, None)), absent: &["Toronto"], as Location),
        e!("The United Food and Commercial Workers union said talks had stalled.",
           want: Some(("United Food and Commercial Workers", Organization, None)), absent: &[], as Person),
        // A known place and a capitalized plural: a team, and the city is not mentioned there.
        e!("The Toronto Maple Leafs lost again.",
           want: Some(("Toronto Maple Leafs", Organization, None)), absent: &["Toronto"], as Location),
        // A known place after a compass word is part of a longer place.
        e!("Storms hit West Texas and East London on Monday.",
           want: Some(("West Texas", Location, None)), absent: &["Texas", "London"], as Location),
        // A known place before a number is a team in a score or a table, but for a dateline
        // and a place after a preposition.
        e!("Results on Saturday: Toronto 4 Montreal 2, Ottawa 3 Boston 1.",
           want: Some(("Montreal", Organization, None)), absent: &["Toronto", "Montreal", "Ottawa", "Boston"], as Location),
        e!("AMERICAN LEAGUE\nNEW YORK 74 59 .556 -\nKANSAS CITY 61 74 .452 20",
           want: Some(("KANSAS CITY", Organization, None)), absent: &["New York", "Kansas City"], as Location),
        // A place the article inferred is the team wherever it is named.
        e!("Millbrook High School beat Carver Valley 23-20 on Friday. Carver Valley had won nine straight.",
           want: Some(("Carver Valley", Organization, None)), absent: &["Carver Valley"], as Location),
        // Before a year, an event: neither place nor team.
        e!("Athletes who won medals at London 2012 were honoured on Friday in a ceremony.",
           want: None, absent: &["London"], as Organization),
        e!("LONDON 1996-08-30\nPrices rose.",
           want: Some(("London", Location, None)), absent: &[], as Location),
        e!("She moved to Toronto 15 years ago.",
           want: Some(("Toronto", Location, None)), absent: &[], as Location),
        // A place that is a given name, before a surname, is a person.
        e!("Jordan Ellis said the plan worked.",
           want: Some(("Jordan Ellis", Person, None)), absent: &["Jordan Ellis"], as Organization),
        // A role word before a head is part of the name.
        e!("The club has led the Premier League since the start of the season.",
           want: Some(("Premier League", Organization, None)), absent: &["League"], as Organization),
        // A run going on past its head is not cut at the head.
        e!("He won at the Lausanne International Film Festival on Sunday.",
           want: None, absent: &["Lausanne International"], as Organization),
        // Places opened by their word ("River", "County", "Port of"), not a board named for
        // one nor an event; places listed with a known place.
        e!("Councillors approved a greenway along the River Cullane in County Clarragh.",
           want: Some(("River Cullane", Location, None)), absent: &["River Cullane"], as Person),
        e!("About 560 dockworkers at the Port of Saltwick walked out. The Lake Ossary Schools board met. Troops left after the Gulf War.",
           want: Some(("Port of Saltwick", Location, None)), absent: &["Lake Ossary", "Gulf War"], as Location),
        e!("Hospitals in Halifax, Bathford and Miramack were closing beds. In Halifax, Tom Pagnozzi had three hits.",
           want: Some(("Miramack", Location, None)), absent: &["Bathford Tom Pagnozzi", "Tom Pagnozzi"], as Location),
        // A town the gazetteer lacks, where only a place fits: after "in", "near", "from",
        // or "to" after a verb of motion; not inside a name, not before a currency, a
        // number or a possessive, not a law.
        e!("The company employs about 260 people at its plant in Ballycarrig.",
           want: Some(("Ballycarrig", Location, None)), absent: &[], as Location),
        e!("Obi, who moved to Corrabeg from Ndaku as a child, scored twice.",
           want: Some(("Ndaku", Location, None)), absent: &[], as Location),
        e!("Brent Arnason, the mayor of Southwick Hills, said the town had asked for a branch.",
           want: Some(("Southwick Hills", Location, None)), absent: &["Southwick Hills"], as Person),
        e!("He drove himself to Stellarton, only to find the emergency room closed.",
           want: Some(("Stellarton", Location, None)), absent: &[], as Location),
        e!("He spends his days off watching Hockey Night in Quellmore reruns.",
           want: None, absent: &["Quellmore"], as Location),
        e!("Revenue rose to C$41.6 million, up from C$38.2 million.",
           want: None, absent: &["C"], as Location),
        e!("The union said it had invested in Grade 12 tutoring, in Tamarack's new plant and in the Death in Custody Reporting Act.",
           want: None, absent: &["Grade", "Tamarack", "Custody Reporting Act"], as Location),
        // Where someone works or whom someone speaks for, after a role word: an
        // organization, but for a title or a person named after it.
        e!("Tovah Lind, a mining analyst at Brackwater Genuity, said investors were nervous.",
           want: Some(("Brackwater Genuity", Organization, None)), absent: &["Brackwater Genuity"], as Person),
        e!("A spokesperson for Nordvik Line said two ships had been diverted.",
           want: Some(("Nordvik Line", Organization, None)), absent: &["Nordvik Line"], as Location),
        e!("A spokesperson for Transportation Minister Caroline Mulroney said the review was under way.",
           want: None, absent: &["Transportation"], as Organization),
        // A source cited after "according to" is an organization where it opens on no given
        // name, and the club named before where it is one's short form.
        e!("Prices rose in every capital city except Perth, according to Tallow Analytics.",
           want: Some(("Tallow Analytics", Organization, None)), absent: &["Tallow Analytics"], as Person),
        e!("Drumcarra Rovers FC won 2-1. According to Rovers, the crowd was the largest in a decade.",
           want: Some(("Drumcarra Rovers FC", Organization, None)), absent: &["Rovers"], as Organization),
        // Teams named as opponents: after a word for playing or beating, of two words or
        // after "the", or before a score; not a name going on past "of", nor one word alone.
        e!("The Harrisford Foxes beat the Lansdale Ironmen 9-3 on Saturday night.",
           want: Some(("Lansdale Ironmen", Organization, None)), absent: &["Lansdale Ironmen"], as Person),
        e!("Carrick hosts Otter Creek State on Saturday.",
           want: Some(("Otter Creek State", Organization, None)), absent: &["Otter Creek State"], as Person),
        e!("They planned to visit the Tower of London. Semenko beat Wroblewska in three sets.",
           want: None, absent: &["Tower", "Wroblewska"], as Organization),
        // A local government named for its place is an organization, of which the place is
        // part.
        e!("Homeowners sued the City of Winnipeg over the flooding.",
           want: Some(("City of Winnipeg", Organization, None)), absent: &["Winnipeg"], as Location),
        e!("A spokesperson for the Town of Corrabeg Falls said the road would reopen.",
           want: Some(("Town of Corrabeg Falls", Organization, None)), absent: &["Corrabeg Falls"], as Location),
        // Place heads of coasts and peninsulas; a title before a hyphenated given name and a
        // head makes a person; a nation's name is a body, but "a First Nation" is no name.
        e!("Meteorologist Kerry-Anne Power said the storm had stalled off the Avalon Peninsula.",
           want: Some(("Kerry-Anne Power", Person, Some(Female))), absent: &["Avalon Peninsula"], as Person),
        e!("Chief Harold Sampson-Eustache of the Tranquille Lake First Nation told the panel it had never agreed. The First Nation said it would appeal.",
           want: Some(("Tranquille Lake First Nation", Organization, None)), absent: &["First Nation"], as Organization),
        // After "at", a person where an age follows.
        e!("The officer fired twice at Kwame Osei-Bonsu, 34, in a hallway.",
           want: Some(("Kwame Osei-Bonsu", Person, Some(Male))), absent: &["Kwame Osei-Bonsu"], as Organization),
        // A name a noun of place follows, or opening on a compass word, is a place.
        e!("A pipeline through the Thompson-Nicola region has done more harm. If it leaks into the North Thompson, we lose the salmon.",
           want: Some(("Thompson-Nicola", Location, None)), absent: &["Thompson-Nicola", "North Thompson"], as Person),
        // Heads that open a French name, and theatres and oil companies.
        e!("Groupe Rivebelle said in a statement that it would fight the suit.",
           want: Some(("Groupe Rivebelle", Organization, None)), absent: &["Groupe Rivebelle"], as Person),
        e!("The Calder Playhouse will close. Premier Blaine Higgs, a former Irving Oil executive, said nothing.",
           want: Some(("Calder Playhouse", Organization, None)), absent: &["Calder Playhouse", "Irving Oil"], as Person),
        // A venue named for a sponsor the gazetteer knows, and one ending on "Place".
        e!("The Raptors beat Cleveland 112-106 on Wednesday night at Scotiabank Arena.",
           want: Some(("Scotiabank Arena", Location, None)), absent: &["Scotiabank"], as Organization),
        e!("The crowd of 5,841 was the largest at Prospera Place this season.",
           want: Some(("Prospera Place", Location, None)), absent: &["Prospera Place"], as Person),
        // A Korean given name's lowercase second syllable; "Elder" is a title.
        e!("Ji-woo Han, an economist at the University of Calgary, said the change was modest.",
           want: Some(("Ji-woo Han", Person, None)), absent: &[], as Person),
        e!("Elder Mabel Jules, 79, spoke to the panel for several minutes.",
           want: Some(("Mabel Jules", Person, Some(Female))), absent: &["Elder Mabel Jules"], as Person),
        // A given name that is also a word starts a name before an apposition that
        // describes a person, not before one that names a place.
        e!("Among them was Jasmine Lagimodière, a bartender who was taking out the recycling.",
           want: Some(("Jasmine Lagimodière", Person, Some(Female))), absent: &[], as Person),
        e!("They moved to Golden Acres, a community of about 400 people.",
           want: None, absent: &["Golden Acres"], as Person),
        // A month that is a given name, before a surname and an age or a verb of saying.
        e!("June Pelletier, 78, of Strasbourg, said she had voted against the deal.",
           want: Some(("June Pelletier", Person, Some(Female))), absent: &["June Pelletier"], as Organization),
        e!("The vote was held in June. Results come in May.",
           want: None, absent: &["June", "May"], as Person),
    ]);
}

/// The news abbreviations of US states and Canadian provinces, and those that are also
/// something else only after a town and a comma or a party and a hyphen.
#[test]
fn abbreviations_name_states_and_provinces() {
    check(&[
        e!("He grew up in Hartford, Conn., and moved to Regina, Sask., in 2010.",
           want: Some(("Connecticut", Location, None)), absent: &[], as Person),
        e!("He grew up in Hartford, Conn., and moved to Regina, Sask., in 2010.",
           want: Some(("Saskatchewan", Location, None)), absent: &[], as Person),
        e!("B.C. Premier David Eby said the budget was tight.",
           want: Some(("British Columbia", Location, None)), absent: &[], as Person),
        e!("Rep. Stephen Lynch (D-Mass.) said the law was clear.",
           want: Some(("Massachusetts", Location, None)), absent: &[], as Person),
        e!("They attended a solemn requiem Mass. Then they left.",
           want: None, absent: &["Massachusetts"], as Location),
        e!("The city was founded in 500 B.C. by traders.",
           want: None, absent: &["British Columbia"], as Location),
        e!("Miss. Jones taught the class.",
           want: None, absent: &["Mississippi"], as Location),
    ]);
}

/// Every mention of an entity the article introduces, by the forms it uses later.
#[test]
fn later_mentions_find_their_entity() {
    let rows: &[(u32, &str, &str, &[&str])] = &[
        (line!(), "The Canadian Union of Public Employees (CUPE) said talks stalled. CUPE said it would strike.",
         "Canadian Union of Public Employees", &["Canadian Union of Public Employees", "CUPE", "CUPE"]),
        (line!(), "Adaeze Okafor, a nurse, said the wait was long. Adaeze said she had waited six hours.",
         "Adaeze Okafor", &["Adaeze Okafor", "Adaeze"]),
        (line!(), "Halvorsen Foods Inc. said profits rose. Halvorsen Foods will hire 200 workers.",
         "Halvorsen Foods Inc.", &["Halvorsen Foods Inc.", "Halvorsen Foods"]),
        (line!(), "A manager at Brightline Logistics Inc. was fired. Brightline said it would appeal.",
         "Brightline Logistics Inc.", &["Brightline Logistics Inc.", "Brightline"]),
        // The name without its heads, one head off at a time, and a club's nickname.
        (line!(), "Shares of Granite State Capital Holdings rose. Granite State said the deal would close.",
         "Granite State Capital Holdings", &["Granite State Capital Holdings", "Granite State"]),
        (line!(), "Millbrook High School beat Carver 23-20. Millbrook had lost twice.",
         "Millbrook High School", &["Millbrook High School", "Millbrook"]),
        // A university by its place, as its teams are called.
        (line!(), "The University of Tantramar will raise tuition. Tantramar said the cap hurt.",
         "University of Tantramar", &["University of Tantramar", "Tantramar"]),
        (line!(), "Kingsport Rovers FC won 2-0. Kingsport Rovers lead the table, and Rovers manager Kasper Holm was pleased.",
         "Kingsport Rovers FC", &["Kingsport Rovers FC", "Kingsport Rovers", "Rovers"]),
        // A known town that names a club is the club where it acts or qualifies, and the
        // town after a preposition of place.
        (line!(), "The Toronto Maple Leafs lost 3-2 in Toronto. Toronto had led, and Toronto coach Craig Berube was angry.",
         "Toronto Maple Leafs", &["Toronto Maple Leafs", "Toronto", "Toronto"]),
        (line!(), "It was a night for the Toronto Maple Leafs. The Maple Leafs won in overtime.",
         "Toronto Maple Leafs", &["Toronto Maple Leafs", "Maple Leafs"]),
        // A headline's name is the article's longer one, not the town inside it.
        (line!(), "Oakhurst Glen Council Approves 212 Apartments\n\nOAKHURST GLEN, Ore. — The Oakhurst Glen Council voted 5-2 on Tuesday to approve the plan.",
         "Oakhurst Glen Council", &["Oakhurst Glen Council", "Oakhurst Glen Council"]),
        // A public body's name without its head is its place, not a short form.
        (line!(), "The Port Hallett Regional Council voted 7-4. Port Hallett will rebuild the road.",
         "Port Hallett Regional Council", &["Port Hallett Regional Council"]),
        // "of" after a legal suffix is not part of the name.
        (line!(), "The developer, Bellweather Holdings LLC of Princeton, plans 40 homes.",
         "Bellweather Holdings LLC", &["Bellweather Holdings LLC"]),
    ];
    let extractor = Extractor::new();
    for &(line, text, name, want) in rows {
        let doc = extractor.extract(text);
        let e = doc.entities.iter().find(|e| e.name == name);
        let e = e.unwrap_or_else(|| panic!("tests/people.rs:{line}: no {name:?}"));
        let got: Vec<&str> = e.mentions.iter().map(|m| m.text.as_str()).collect();
        assert_eq!(got, want, "tests/people.rs:{line}");
    }
}

/// Gender from the article's own pronouns, where the name gives none.
#[test]
fn pronouns_give_a_gender() {
    check(&[
        e!("Jordan Ellis said the plan worked. \"It is fine,\" she said.",
           want: Some(("Jordan Ellis", Person, Some(Female))), absent: &[], as Organization),
        e!("Taylor Brennan said the rent rose. \"We cannot pay,\" he said.",
           want: Some(("Taylor Brennan", Person, Some(Male))), absent: &[], as Organization),
        // "they" gives none.
        e!("Taylor Brennan said the rent rose. \"We cannot pay,\" they said.",
           want: Some(("Taylor Brennan", Person, None)), absent: &[], as Organization),
        // The narrative's pronouns too, not only the speaker's.
        e!("Jordan Ellis has run the bakery since 2004. Her father opened it in 1971.",
           want: Some(("Jordan Ellis", Person, Some(Female))), absent: &[], as Organization),
        e!("Taylor Brennan coaches the under-12 team. He took over in March.",
           want: Some(("Taylor Brennan", Person, Some(Male))), absent: &[], as Organization),
        // A pronoun inside a quote is the speaker's own words, not the narrative's.
        e!("Taylor Brennan met the owners on Friday. \"She told us to wait,\" the owners said.",
           want: Some(("Taylor Brennan", Person, None)), absent: &[], as Organization),
        // "X … said she": the article outranks the given names' list, and that pronoun then
        // finds her; not a relative named after "his" or "her", who speaks of another.
        e!("Jess Laframboise, 24, who works at a parts plant, said she had almost skipped the vote. \"I looked them up on my phone,\" she said.",
           want: Some(("Jess Laframboise", Person, Some(Female))), absent: &[], as Organization),
        e!("His billet mother, Darlene Fitzsimmons, said he eats a loaf of bread a day.",
           want: Some(("Darlene Fitzsimmons", Person, Some(Female))), absent: &[], as Organization),
    ]);
}

#[test]
fn words_that_are_also_names_need_context() {
    check(&[
        // "May" is a month here, not the gazetteer's Theresa May nor a new person.
        e!("The report is due by May 3, officials said.",
           want: None, absent: &["Theresa May", "May"], as Person),
        e!("In May the council voted again.",
           want: None, absent: &["Theresa May", "May"], as Person),
        // Named in full, the gazetteer's entry keeps its one-word alias.
        e!("Theresa May spoke first. May said the deal was done.",
           want: Some(("Theresa May", Person, Some(Female))), absent: &[], as Person),
    ]);
}

#[test]
fn the_article_outranks_the_gazetteer() {
    check(&[
        e!("Goalkeeper Sam Whitaker made 31 saves. Whitaker said the team held on.",
           want: Some(("Sam Whitaker", Person, Some(Male))), absent: &["Matthew Whitaker"], as Person),
        // A gazetteer surname that is a given name, before another name word, is someone
        // else's given name.
        e!("Quarterback Cameron Li completed 19 of 27 passes for 241 yards and two touchdowns on Friday.",
           want: Some(("Cameron Li", Person, None)), absent: &["David Cameron"], as Person),
        // A possessive ends a name.
        e!("She had earlier set up Priyanka Dhillon’s opener with a long throw that the defense never cleared.",
           want: Some(("Priyanka Dhillon", Person, Some(Female))), absent: &[], as Organization),
        // A given name that is also a word ("colleen") counts inside a sentence.
        e!("The shelter is run by Colleen Driscoll. Driscoll said beds were full.",
           want: Some(("Colleen Driscoll", Person, Some(Female))), absent: &[], as Person),
        // A place after a given name is the surname, there and alone later on.
        e!("Film director Neil Jordan said he would visit. Jordan added that it was late.",
           want: Some(("Neil Jordan", Person, Some(Male))), absent: &["Jordan"], as Location),
        e!("Mayor Sarah Houston said the budget was balanced. Houston added that taxes would rise.",
           want: Some(("Sarah Houston", Person, Some(Female))), absent: &["Houston"], as Location),
        e!("Tom Cleveland said the team would win.",
           want: Some(("Tom Cleveland", Person, Some(Male))), absent: &["Cleveland"], as Location),
        e!("\"We won,\" said Harold Houston Jr. on Monday.",
           want: Some(("Harold Houston Jr.", Person, Some(Male))), absent: &["Houston"], as Location),
        // Not a place in capitals (a dateline), nor one before another name word, nor after a
        // given name that is a rare word.
        e!("Officials said Houston would flood. HOUSTON police said roads were closed.",
           want: Some(("Houston", Location, None)), absent: &[], as Person),
        e!("Tennis Canada said the event would go ahead.",
           want: None, absent: &["Tennis Canada"], as Person),
    ]);
}

/// Whose full name a quote's speaker ends up with, and which entity.
#[test]
fn speakers_get_the_articles_full_name() {
    let rows: &[(u32, &str, &str, &str)] = &[
        (line!(), "Goalkeeper Sam Whitaker made 31 saves. \"We held on,\" Whitaker said.",
         "We held on,", "Sam Whitaker"),
        // A plural's apostrophe inside the subject's name.
        (line!(), "The Tantramar Students' Union (TSU) called the increase \"a bill for a policy students had nothing to do with.\"",
         "the increase \"a bill for a policy students had nothing to do with.\"", "Tantramar Students' Union"),
        // "The company" is no stock exchange.
        (line!(), "Quillfeather Software Inc. listed on the Toronto Stock Exchange in 2021. The company said it would cut 400 jobs.",
         "it would cut 400 jobs", "Quillfeather Software Inc."),
        // A quote-only paragraph after a paragraph about one person, who names another only
        // as a possessive.
        (line!(), "Taylor Quinn scored twice on Saturday.\n\nQuinn, who has played every minute of the season, had earlier set up Priyanka Dhillon’s opener with a long throw.\n\n“Today we actually did it, in front of 2,400 people.”\n",
         "Today we actually did it, in front of 2,400 people.", "Taylor Quinn"),
        // Police and military ranks, abbreviated, are titles, not names.
        (line!(), "RCMP Cpl. Jennifer Clarke said the driver was taken to hospital. \"Charges are pending,\" Clarke said.",
         "Charges are pending,", "Jennifer Clarke"),
        // After "according to", the owner of what is cited, where the phrase is no one's.
        (line!(), "Traders see a 70% chance of a cut in March, according to CME Group's FedWatch tool.",
         "Traders see a 70% chance of a cut in March", "CME Group"),
        // The possessive's apostrophe of a plural inside the cited name is no end of it.
        (line!(), "According to the Registered Nurses' Association of Ontario, the province has the fewest nurses per capita.",
         "the province has the fewest nurses per capita", "Registered Nurses' Association of Ontario"),
        // A town and its province after the apposition are the apposition's, and of two
        // appositions the person comes before the first.
        (line!(), "Doug Lavallée, 63, of Sudbury, Ont., said he and his wife had walked all day.",
         "he and his wife had walked all day", "Doug Lavallée"),
        (line!(), "\"We lost here twice,\" Hana Takahashi, an outside hitter from Richmond, B.C., said.",
         "We lost here twice,", "Hana Takahashi"),
        (line!(), "Élise Brassard, president of the Canadian Plastics Alliance, an industry group based in Mississauga, Ont., said the sector was ready.",
         "the sector was ready", "Élise Brassard"),
        // A relative named alone is the person the article introduced by that relation;
        // a spouse either way round.
        (line!(), "Abigail Coffin and her brother, Eli Coffin, fish 800 traps. Her brother said the cut was too deep.",
         "the cut was too deep", "Eli Coffin"),
        (line!(), "Tony Ferreira and his wife, Linda Ferreira, run about 300 cattle. Her husband said the line would cross their land.",
         "the line would cross their land", "Tony Ferreira"),
        // A relative named in apposition inside a relative clause is not the subject.
        (line!(), "Gurpreet Sandhu, who grows vegetables near Osler with her husband, Harjit Sandhu, said the market mattered.",
         "the market mattered", "Gurpreet Sandhu"),
        // "who" after an apposition is the person before it.
        (line!(), "The trend is long, according to Nolan Wuttunee, a business professor at the University of Regina, who said mergers had cut the number of credit unions.",
         "mergers had cut the number of credit unions", "Nolan Wuttunee"),
        // A surname with a French elided particle, capitalized at a sentence's start and
        // lowercase after it.
        (line!(), "Finance Minister Gérald d'Astous-Cormier tabled the budget.\n\nThe surplus was real.\n\n\"We did it,\" d'Astous-Cormier said.",
         "We did it,", "Gérald d'Astous-Cormier"),
        (line!(), "Finance Minister Gérald d'Astous-Cormier tabled the budget.\n\nD'Astous-Cormier said the surplus was real.",
         "the surplus was real", "Gérald d'Astous-Cormier"),
        // "The company" is the latest organization named like a company, not a union named
        // since by its acronym; a lowercase "plc" is part of the name.
        (line!(), "Dockworkers rejected a pay offer from Saltmarsh Port Holdings plc, which runs the port. The Dock and Harbour Workers' Union (DHWU) said members would strike. DHWU organizer Ann Lowe spoke first. The company said the offer was fair.",
         "the offer was fair", "Saltmarsh Port Holdings plc"),
        // A team that only modifies a role noun is not the speaker; the role's person is.
        (line!(), "Ballarat Miners captain Tayla Driscoll made 112 on Sunday, and Ballarat won by six wickets.\n\n\"We batted well,\" the Ballarat captain said.",
         "We batted well,", "Tayla Driscoll"),
        // Title words no list has before a common given name and a surname; a surname
        // glued to its particle by a hyphen.
        (line!(), "Township Supervisor Marisol Estrada said the water was safe to drink.",
         "the water was safe to drink", "Marisol Estrada"),
        (line!(), "Curator Layla al-Hashimi said the show was ready.\n\n\"It took years,\" Dr. al-Hashimi said.",
         "It took years,", "Layla al-Hashimi"),
        // A description no sentence before fits is the person the article follows.
        (line!(), "Maricel Bautista came to Calgary in 2014. Bautista cleaned houses and sent money home.\n\nHer son Joshua, now 14, arrived on Friday. He said he had seen snow only in movies.\n\nThe airport was busy. Flights were late.\n\nThe single mother said her first priority was school.",
         "her first priority was school", "Maricel Bautista"),
        // An age, a town and a relative clause between the name and the cue.
        (line!(), "Mary Pelletier, 78, of Strasbourg, who has been a member for 51 years, said she had voted against the deal.",
         "she had voted against the deal", "Mary Pelletier"),
        // "Father" is a title.
        (line!(), "Father Tom Sheehan, the parish priest, said he keeps his sermons short.",
         "he keeps his sermons short", "Tom Sheehan"),
        // A person described by a noun no one was given as a role: the one the sentences
        // before are about.
        (line!(), "Saskatchewan linebacker Jérémie St-Onge had two sacks. The Montreal native said the crowd was loud.",
         "the crowd was loud", "Jérémie St-Onge"),
        (line!(), "Ethan Whitebird made 39 saves. “You can’t ask a 16-year-old goalie to win alone,” his coach said. “That one’s on me,” the goalie said.",
         "That one’s on me,", "Ethan Whitebird"),
        // A "she" coreference leaves unresolved: the person who spoke just before.
        (line!(), "Ratt’s daughter, Cheyenne Ratt, was waiting at the La Ronge airport when the helicopter landed.\n\n“He just looked at me and said, ‘I’m hungry, my girl.’ That was it. That was my dad,” she said, laughing through tears.\n\nThe 28-year-old said her father has trapped in the area for more than 40 years and knows it “better than his own kitchen.” She said the drive belt on his snowmobile snapped about two hours from home, and he decided to wait rather than walk out in the dark.",
         "the drive belt on his snowmobile snapped about two hours from home, and he decided to wait rather than walk out in the dark", "Cheyenne Ratt"),
        // "The father of two": the noun before "of" and a number; "told the jury" addresses
        // the jury, which is no part of what was said.
        (line!(), "Const. Brent Kowalchuk testified on Wednesday. The father of two told the jury he had not worked a patrol shift since.",
         "he had not worked a patrol shift since", "Brent Kowalchuk"),
        // A day between the cue and the content; a long prepositional phrase before "that",
        // with a participle or a noun that is also a cue in it.
        (line!(), "The Ontario Hockey League said on Friday it had suspended the defenceman for three games.",
         "it had suspended the defenceman for three games", "Ontario Hockey League"),
        (line!(), "ETFO president Sam Hammond said in a video posted to the union's website that the federation was prepared to escalate.",
         "the federation was prepared to escalate", "Sam Hammond"),
        (line!(), "Shane O'Halloran said on a video call from Ottawa that he found out about the trade from his agent.",
         "he found out about the trade from his agent", "Shane O'Halloran"),
        // A quote-only paragraph after a paragraph about a person named in apposition after
        // another's possessive; "told jurors" addresses the jurors.
        (line!(), "Abdi Farah was stabbed in 2018. Justice Karen Ostrowski-Yeung told jurors they could find Wasylyshyn guilty.\n\nFarah’s mother, Hodan Warsame, sat in the front row of the gallery on every day of the trial.\n\n“I came here every day so the jury would remember he had a mother.”\n",
         "I came here every day so the jury would remember he had a mother.", "Hodan Warsame"),
        // Lowercase role words before the name after a quote.
        (line!(), "\"Merchants are coming in record numbers,\" chief financial officer Amy Shapero said on a call with analysts.",
         "Merchants are coming in record numbers,", "Amy Shapero"),
        // "Const." and "Coun." are titles, and no sentence ends at their dot.
        (line!(), "\"Come forward,\" said Const. John MacLeod, a spokesperson for Halifax Regional Police.",
         "Come forward,", "John MacLeod"),
        (line!(), "Coun. Shawn Cleary said the vote was rushed. \"It was,\" Cleary said.",
         "It was,", "Shawn Cleary"),
        // A role word names its person: a position, an occupation.
        (line!(), "Goaltender Sam Whitaker made 41 saves. \"It found me a lot,\" Whitaker said.",
         "It found me a lot,", "Sam Whitaker"),
        (line!(), "Toxicologist Helen Tse testified on Monday. \"The level was high,\" Tse said.",
         "The level was high,", "Helen Tse"),
        (line!(), "Adaeze Okafor, a nurse, said the wait was long. \"We saw it coming,\" she said.",
         "We saw it coming,", "Adaeze Okafor"),
        (line!(), "Gail Hutchins, who owns a bakery on Harbor Street, said sales fell. \"We are holding on,\" she said.",
         "We are holding on,", "Gail Hutchins"),
        (line!(), "Jane Smith, 42, said the rent rose. \"I cannot pay it,\" she said.",
         "I cannot pay it,", "Jane Smith"),
        // A title is no part of the name.
        (line!(), "Ontario Premier Doug Ford said the deal was fair. \"We got it done,\" Ford said.",
         "We got it done,", "Doug Ford"),
        // Title and surname before the full name: one person.
        (line!(), "\"Stay calm,\" Coach Price said. Millbrook coach Darnell Price said the team was ready.",
         "Stay calm,", "Darnell Price"),
        (line!(), "Dr. Wei Lin said waits grew. \"We are full,\" Dr. Lin said.",
         "We are full,", "Wei Lin"),
        // After a title, a month is a given name.
        (line!(), "City Comptroller May Lindqvist, whose office flagged the gap, said: \"We must act.\"",
         "We must act.", "May Lindqvist"),
        // A description: the organization of that sort mentioned last.
        (line!(), "Halvorsen Foods Inc. said sales fell. \"We are sorry,\" the company said.",
         "We are sorry,", "Halvorsen Foods Inc."),
        (line!(), "The Canadian Union of Public Employees met on Friday. \"We will strike,\" the union said.",
         "We will strike,", "Canadian Union of Public Employees"),
        (line!(), "Fisheries and Oceans Canada counted 283,000 sockeye. The department said a fishway had helped.",
         "a fishway had helped", "Fisheries and Oceans Canada"),
        (line!(), "The Winnipeg Art Gallery opened the show on Friday. According to the gallery, her work is held in nine collections.",
         "her work is held in nine collections", "Winnipeg Art Gallery"),
        (line!(), "Red Tamarack Gold Inc. will close its mine. The Toronto-based company said 310 employees would lose their jobs.",
         "310 employees would lose their jobs", "Red Tamarack Gold Inc."),
        (line!(), "The Elementary Teachers' Federation of Ontario called the strike. According to the union, no new dates were set.",
         "no new dates were set", "Elementary Teachers' Federation of Ontario"),
        (line!(), "United Steelworkers Local 7135 represents the miners. Red Tamarack Gold Inc. will close the mine. According to the company, the cleanup will cost $65 million.",
         "the cleanup will cost $65 million", "Red Tamarack Gold Inc."),
        (line!(), "A man was found alive, RCMP say. Police said in a news release that he was spotted by a helicopter.",
         "he was spotted by a helicopter", "RCMP"),
        (line!(), "Halifax Regional Police arrested a man. \"We are searching,\" police said.",
         "We are searching,", "Halifax Regional Police"),
        // A source the article cites is not what it goes on to call "the company".
        (line!(), "Fieldnote Analytics Inc. raised $40 million. According to the tracking firm Northstar Venture Data, startups raised $310 million. The company said 80 jobs would be in Waterloo.",
         "80 jobs would be in Waterloo", "Fieldnote Analytics Inc."),
        (line!(), "Clark County Public Health declared an emergency. Twenty-four of the cases are children, the agency said.",
         "Twenty-four of the cases are children", "Clark County Public Health"),
        (line!(), "The Cedar Hollow Board of Education voted 5-2 to close the school. \"We had no choice,\" the district said.",
         "We had no choice,", "Cedar Hollow Board of Education"),
        // Surnames with particles, before a capitalized word, another particle or a hyphen.
        (line!(), "Ana de la Cruz painted the murals. \"They faded,\" De la Cruz said.",
         "They faded,", "Ana de la Cruz"),
        (line!(), "Siobhán Ní Bhriain, a nurse, said the ward was full. \"We wait,\" Ní Bhriain said.",
         "We wait,", "Siobhán Ní Bhriain"),
        (line!(), "Coun. Frank Di Pietro voted against the motion. \"We heard from owners,\" Di Pietro said.",
         "We heard from owners,", "Frank Di Pietro"),
        (line!(), "Pieter van der Berg farms near Regina. \"It is dry,\" Van der Berg said.",
         "It is dry,", "Pieter van der Berg"),
        (line!(), "Layla al-Hashimi, a chemist, said the test failed. \"It failed,\" al-Hashimi said.",
         "It failed,", "Layla al-Hashimi"),
        // A hyphenated surname before the cue; a suffix after the surname.
        (line!(), "Gareth Lloyd-Pryce said the vote was close. \"We lost,\" Lloyd-Pryce said.",
         "We lost,", "Gareth Lloyd-Pryce"),
        (line!(), "Gareth Lloyd-Pryce, a councillor in Cardiff, said the vote was close. \"We lost,\" he said.",
         "We lost,", "Gareth Lloyd-Pryce"),
        (line!(), "Curtis Hale III said the team was ready. \"We are proud,\" Hale said.",
         "We are proud,", "Curtis Hale III"),
        // An honorific says which of two people named in full, even one in the gazetteer.
        (line!(), "Micheál Martin visited on Monday. Deirdre Martin, a farmer, said the road was closed. \"It is bad,\" Ms Martin said.",
         "It is bad,", "Deirdre Martin"),
        // A surname two people share: the honorific says which.
        (line!(), "Eleni Papadakis and her husband, George Papadakis, ran the diner for 31 years. \"We lost everything,\" Ms. Papadakis said.",
         "We lost everything,", "Eleni Papadakis"),
        (line!(), "Eleni Papadakis and her husband, George Papadakis, ran the diner for 31 years. \"It will take a year,\" Mr. Papadakis said.",
         "It will take a year,", "George Papadakis"),
        // A description by another word for the same office.
        (line!(), "Ontario Superior Court Justice Margaret Oduya sentenced him on Friday. \"This was a betrayal,\" the judge said.",
         "This was a betrayal,", "Margaret Oduya"),
        // A source named in apposition is that person.
        (line!(), "\"We are proud,\" a spokeswoman, Ana Ruiz, said of the Canada Council.",
         "We are proud,", "Ana Ruiz"),
        // "Cllr" and "Councilmember" are titles, not names.
        (line!(), "Cllr Declan Moloney said the greenway would help. \"It will,\" Moloney said.",
         "It will,", "Declan Moloney"),
        // A role of sport or the arts before the name is a title too.
        (line!(), "Goaltender Sam Whitaker made 41 saves. \"It found me,\" Whitaker said.",
         "It found me,", "Sam Whitaker"),
        // An age description: the person given that age, else the one the sentence before
        // is about.
        (line!(), "Ruth Ames met Marcus Webb, 61, on Monday. \"It was close,\" the 61-year-old said.",
         "It was close,", "Marcus Webb"),
        (line!(), "Mathieu Cormier scored twice on Saturday. \"I waited three years,\" the 34-year-old winger said.",
         "I waited three years,", "Mathieu Cormier"),
        // A person outranks the organization named in the same phrase.
        (line!(), "Dr. Helen Tse of the Centre of Forensic Sciences told the jury that the sample was clear.",
         "the sample was clear", "Helen Tse"),
        // "They" after a sentence about "the company" is that company.
        (line!(), "Halvorsen Foods Inc. reported a loss. The company also said it would close a plant. They said workers would be offered jobs.",
         "workers would be offered jobs", "Halvorsen Foods Inc."),
        // "The company" is not the firm a source works at.
        (line!(), "Halvorsen Foods Inc. cut its forecast. Marcus Webb, an analyst at Tidemark Securities, said the cut was late. \"We will recover,\" the company said.",
         "We will recover,", "Halvorsen Foods Inc."),
        // A relative clause with an apposition of its own hangs from the person before "who".
        (line!(), "Ruth Ames, who founded the shelter with her brother, Marcus Webb, in 1998, said the beds were full.",
         "the beds were full", "Ruth Ames"),
        // A description with a word for the level of government before its noun.
        (line!(), "The Oakhurst Glen Council voted 6-3 on Monday. \"We listened,\" the town council said.",
         "We listened,", "Oakhurst Glen Council"),
        // A phrase cut at "and" inside an organization's name is that organization.
        (line!(), "The Food and Allied Workers Union, which represents the staff, said the plant would close.",
         "the plant would close", "Food and Allied Workers Union"),
    ];
    let extractor = Extractor::new();
    for &(line, text, quote, name) in rows {
        let doc = extractor.extract(text);
        let speaker = speaker_of(&doc, line, quote);
        assert_eq!(speaker.name, name, "tests/people.rs:{line}: name");
        let id = speaker.entity.as_deref().expect("an entity");
        assert_eq!(
            entity_name(&doc, id),
            name,
            "tests/people.rs:{line}: entity"
        );
    }
}

/// An organization speaks by the fullest name the article writes for it, whatever the
/// gazetteer calls it; the entity keeps the gazetteer's name.
#[test]
fn organizations_speak_by_their_fullest_name_in_the_article() {
    let rows: &[(u32, &str, &str, &str, &str)] = &[
        (line!(), "The Canadian Football League fined the club on Monday. The CFL said the hit was illegal.",
         "the hit was illegal", "Canadian Football League", "CFL"),
        (line!(), "The CFL said the hit was illegal and fined the club.",
         "the hit was illegal and fined the club", "CFL", "CFL"),
    ];
    let extractor = Extractor::new();
    for &(line, text, quote, name, entity) in rows {
        let doc = extractor.extract(text);
        let speaker = speaker_of(&doc, line, quote);
        assert_eq!(speaker.name, name, "tests/people.rs:{line}: name");
        let id = speaker.entity.as_deref().expect("an entity");
        assert_eq!(
            entity_name(&doc, id),
            entity,
            "tests/people.rs:{line}: entity"
        );
    }
}

/// A source the article leaves unnamed speaks for an organization or a person but is neither:
/// the speaker is the words as written, with no entity.
#[test]
fn unnamed_sources_are_not_whom_they_speak_for() {
    let rows: &[(u32, &str, &str, &str)] = &[
        (line!(), "The Canada Council said it would review the grant. \"We are reviewing it,\" a spokesperson for the Canada Council said.",
         "We are reviewing it,", "a spokesperson for the Canada Council"),
        (line!(), "Gov. Kathy Hochul signed the bill. \"It is law,\" a spokesman for Gov. Kathy Hochul said.",
         "It is law,", "a spokesman for Gov. Kathy Hochul"),
        (line!(), "Halvorsen Foods Inc. cut 200 jobs. Company officials said the plant would stay open.",
         "the plant would stay open", "Company officials"),
        // An official's title no one was given is not whoever the sentences before are
        // about.
        (line!(), "The officer fired twice at Kwame Osei-Bonsu, 34, in a hallway. In a report, the director wrote that there were no grounds for charges.",
         "there were no grounds for charges", "the director"),
        // "and" and commas inside the name are no end of the phrase.
        (line!(), "A spokesperson for the Food and Drug Administration said the review would take a year.",
         "the review would take a year", "A spokesperson for the Food and Drug Administration"),
        (line!(), "A spokesperson for Immigration, Refugees and Citizenship Canada said the cap would be reviewed.",
         "the cap would be reviewed", "A spokesperson for Immigration, Refugees and Citizenship Canada"),
        // After "according to", a document and whose it is, as written.
        (line!(), "According to figures released by the Ministry of Health, paramedics waited 1.1 million hours.",
         "paramedics waited 1.1 million hours", "figures released by the Ministry of Health"),
        (line!(), "Paramedics waited 1.1 million hours, according to figures obtained by the town under freedom-of-information law.",
         "Paramedics waited 1.1 million hours", "figures obtained by the town under freedom-of-information law"),
        // A place that only qualifies the phrase's noun does not speak.
        (line!(), "Ontario nurses say they are burned out.",
         "they are burned out", "Ontario nurses"),
        // A description of someone just introduced unnamed is no one named.
        (line!(), "Badr Abdelatty said Egypt was ready. According to a senior official involved in the talks, a deal is near. \"We are closer,\" the official said.",
         "We are closer,", "the official"),
        // A year is no subject: the phrase before the clause's "who" is.
        (line!(), "The police officer who fatally shot Jordan Sakanee in 2017 believed the 26-year-old was about to stab his partner.",
         "the 26-year-old was about to stab his partner", "The police officer"),
        // A word between two hyphens is inside a compound.
        (line!(), "\"My wife would haunt me if I missed one,\" the retired tool-and-die maker said.",
         "My wife would haunt me if I missed one,", "the retired tool-and-die maker"),
        // A bare plural or body of people after a quote.
        (line!(), "\"It was loud,\" witnesses said.", "It was loud,", "witnesses"),
        (line!(), "\"We are searching,\" police said.", "We are searching,", "police"),
    ];
    let extractor = Extractor::new();
    for &(line, text, quote, name) in rows {
        let doc = extractor.extract(text);
        let speaker = speaker_of(&doc, line, quote);
        assert_eq!(
            (speaker.name.as_str(), speaker.entity.as_deref()),
            (name, None),
            "tests/people.rs:{line}"
        );
    }
}

/// A surname two people share is a mention of the one the article named first, as a
/// speaker's name is: not of neither.
#[test]
fn a_shared_surname_is_the_first_named() {
    let text = "The officer shot Jordan Sakanee in 2017. His sister, Crystal Sakanee, attended every day. Sakanee had seemed calm, the officer said.";
    let doc = Extractor::new().extract(text);
    let mentions = |name: &str| -> Vec<&str> {
        let e = doc.entities.iter().find(|e| e.name == name);
        let e = e.unwrap_or_else(|| panic!("no {name:?}: {:#?}", doc.entities));
        e.mentions.iter().map(|m| m.text.as_str()).collect()
    };
    assert_eq!(mentions("Jordan Sakanee"), ["Jordan Sakanee", "Sakanee"]);
    assert_eq!(mentions("Crystal Sakanee"), ["Crystal Sakanee"]);
}

/// A company drops its legal suffix and its trade's head in its short form: "Red Tamarack"
/// of "Red Tamarack Gold Inc.", "Fieldnote" of "Fieldnote Analytics".
#[test]
fn short_forms_drop_the_trade() {
    let rows: &[(&str, &str, &[&str])] = &[
        (
            "Red Tamarack Gold Inc. will close the mine. Shares of Red Tamarack fell 14 per cent.",
            "Red Tamarack Gold Inc.",
            &["Red Tamarack Gold Inc.", "Red Tamarack"],
        ),
        (
            "Lumenhall Networks Inc. cut 140 jobs. Lumenhall said the cuts were final.",
            "Lumenhall Networks Inc.",
            &["Lumenhall Networks Inc.", "Lumenhall"],
        ),
        (
            "Cascade Ridge Pipeline Ltd. wants a second line. Cascade Ridge said it would wait.",
            "Cascade Ridge Pipeline Ltd.",
            &["Cascade Ridge Pipeline Ltd.", "Cascade Ridge"],
        ),
        (
            "Brackmoor Medical Devices Ltd. will add 250 jobs. Brackmoor was winning business.",
            "Brackmoor Medical Devices Ltd.",
            &["Brackmoor Medical Devices Ltd.", "Brackmoor"],
        ),
        (
            "Corravale United lost 2-1. Corravale manager Pat Kehoe said his side was tired.",
            "Corravale United",
            &["Corravale United", "Corravale"],
        ),
    ];
    let extractor = Extractor::new();
    for &(text, name, want) in rows {
        let doc = extractor.extract(text);
        let e = doc.entities.iter().find(|e| e.name == name);
        let e = e.unwrap_or_else(|| panic!("{text:?}: {:#?}", doc.entities));
        let mentions: Vec<&str> = e.mentions.iter().map(|m| m.text.as_str()).collect();
        assert_eq!(mentions, want, "{text:?}");
    }
}

/// A sentence opening on "Asked" reports the question put to someone: no quote of its own.
#[test]
fn an_opening_asked_is_no_quote() {
    let text = "Asked her secret to a long life, the 105-year-old did not hesitate. \"Don't be in a hurry,\" she said.";
    let doc = Extractor::new().extract(text);
    let cues: Vec<Option<&str>> = doc.quotes.iter().map(|q| q.cue.as_deref()).collect();
    assert_eq!(cues, [Some("said")], "{:#?}", doc.quotes);
}

/// A speaker no entity stands for is named as the article writes them in full: the given
/// name before a surname said alone, the name without the role words or "The" before it,
/// the name "the league" stands for. (Where recognition finds the entity, its name must be
/// the same.)
#[test]
fn unlinked_speakers_get_the_fullest_name_written() {
    let rows: &[(u32, &str, &str, &str)] = &[
        (line!(), "Zhanar Tokayeva opened the bakery in 2004. \"We will stay,\" Tokayeva said.",
         "We will stay,", "Zhanar Tokayeva"),
        // Of two people with the surname, the one the article introduced first.
        (line!(), "Eleni Papadakis has run the diner since 1983. Her son, George Papadakis, cooks. \"We lost everything,\" Papadakis said.",
         "We lost everything,", "Eleni Papadakis"),
        // A surname that is also a place, after a full name recognition missed.
        (line!(), "Sarah Houston's bakery flooded twice. \"We were flooded twice,\" Houston said.",
         "We were flooded twice,", "Sarah Houston"),
        // A title before a name is that name's, not the last person with the title.
        (line!(), "Carrick coach Terrence Gaines spoke first. Lakers coach Monica Reyes-Hall told reporters that the team was tired.",
         "the team was tired", "Monica Reyes-Hall"),
        // A "she" coreference cannot resolve, right after: that person.
        (line!(), "Lakers coach Monica Reyes-Hall told reporters that the team was tired. She said the bus had been late.",
         "the bus had been late", "Monica Reyes-Hall"),
        // "The" before a long name with commas; a compound of several hyphens before the
        // noun.
        (line!(), "The National Union of Rail, Maritime and Transport Workers said 3,000 members were out.",
         "3,000 members were out", "National Union of Rail, Maritime and Transport Workers"),
        (line!(), "Meubles Gagné, the furniture chain, will close 11 stores. The Saint-Hyacinthe-based retailer said sales had fallen.",
         "sales had fallen", "Meubles Gagné"),
        // A plural's possessive inside a name, and "The" before it.
        (line!(), "The Harbour Students' Union said the fees were too high.",
         "the fees were too high", "Harbour Students' Union"),
        (line!(), "Rovers lead the Northern Premier Women’s League by a point. The league said the crowd was a record.",
         "the crowd was a record", "Northern Premier Women’s League"),
        // Another word before the noun must be in the name: the parole board is no arts board.
        (line!(), "Ruth Ames chairs the Harbour Arts Board. \"We will decide in May,\" the parole board said.",
         "We will decide in May,", "the parole board"),
    ];
    let extractor = Extractor::new();
    for &(line, text, quote, name) in rows {
        let doc = extractor.extract(text);
        let speaker = speaker_of(&doc, line, quote);
        assert_eq!(speaker.name, name, "tests/people.rs:{line}");
        if let Some(id) = speaker.entity.as_deref() {
            assert_eq!(
                entity_name(&doc, id),
                name,
                "tests/people.rs:{line}: entity"
            );
        }
    }
}

/// The speaker of the quote whose text is `quote` (the row at `line` fails without one).
fn speaker_of<'d>(doc: &'d Document, line: u32, quote: &str) -> &'d Speaker {
    let q = doc.quotes.iter().find(|q| q.text == quote);
    let q = q.unwrap_or_else(|| {
        panic!(
            "tests/people.rs:{line}: no quote {quote:?}: {:#?}",
            doc.quotes
        )
    });
    q.speaker.as_ref().expect("a speaker")
}

/// The name of the entity `id` of `doc`, which must have it.
fn entity_name<'d>(doc: &'d Document, id: &str) -> &'d str {
    let e = doc.entities.iter().find(|e| e.id == id);
    &e.expect("in entities").name
}
