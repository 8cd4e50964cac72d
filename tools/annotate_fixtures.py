#!/usr/bin/env python3
"""Build tests/fixtures/annotated.jsonl from the fixture articles and the annotations below.

Standard library only. Offsets are never written by hand: every span is located in the article
text with str.find, and the script fails loudly when a string is missing or ambiguous.

Usage (from the repository root or anywhere):

    python3 tools/annotate_fixtures.py           # rebuild annotated.jsonl, then verify it
    python3 tools/annotate_fixtures.py --check   # verify only; fail if the file is stale
    python3 tools/annotate_fixtures.py --stats   # also print counts per kind and speaker type

How an entry is resolved
------------------------
Each entry is D(...) (direct), M(...) (mixed) or I(...) (indirect) with:

  text     the exact content span. Direct spans include their quote marks; mixed spans are the
           reported content including the quoted fragment and its marks; indirect spans are the
           content after the cue, without a leading "that" and without the final period.
           It must occur exactly once in the article, unless `occ` (0-based occurrence) is given.
  speaker  the source as written ("she", "the minister", "Doe"), or None.
  cue      the reporting word(s) as written ("said", "According to"), or None (dash attribution,
           follow-on paragraph).
  stype    speaker type, for statistics only (not written to the JSONL): one of SPEAKER_TYPES.

The speaker and cue are searched as whole words in a *region*, outside every content span of the
article (so "he said" inside a quotation is never taken for an attribution):
  - by default, the paragraph(s) the content span overlaps;
  - para=-1: the paragraph before the span (a follow-on quote paragraph with no attribution);
  - ctx="...": a context string that must occur exactly once in the article and contain the
    speaker and cue (sp_ctx / cue_ctx set them separately).
Within the region the speaker (and the cue) must occur exactly once, else the script stops.
"""

import json
import os
import sys
from collections import Counter

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
FIXTURES = os.path.join(ROOT, "tests", "fixtures")
OUT = os.path.join(FIXTURES, "annotated.jsonl")

SPEAKER_TYPES = {
    "full-name",     # full name, with or without a title: "Senate Majority Leader John Thune"
    "surname",       # surname (or short name) after first mention: "Thune", "von der Leyen"
    "pronoun",       # he / she / they / it (it: an organization)
    "title",         # a role noun: "the chief", "the governor", "a spokeswoman for the trust"
    "apposition",    # name with an apposition: "Priya Nandakumar, an analyst at ..., noted"
    "organization",  # "The Kremlin", "the company", "Police", "the utility"
    "document",      # a statement, letter, study, data: "the statement said", "according to LSEG"
    "unnamed",       # anonymous people: "officials", "a senior official", "Analysts"
    "none",          # no source in the text
}

OPEN_MARKS = "\"“«"
CLOSE_MARKS = "\"”»"
DOUBLE_MARKS = set("\"“”«»")


class AnnotationError(Exception):
    pass


def _entry(kind, text, speaker, cue, stype, **opts):
    unknown = set(opts) - {"occ", "ctx", "sp_ctx", "cue_ctx", "para"}
    if unknown:
        raise AnnotationError(f"unknown option(s) {sorted(unknown)} for {text[:40]!r}")
    if stype not in SPEAKER_TYPES:
        raise AnnotationError(f"unknown speaker type {stype!r} for {text[:40]!r}")
    if (speaker is None) != (stype == "none"):
        raise AnnotationError(f"speaker {speaker!r} does not fit type {stype!r}")
    return dict(kind=kind, text=text, speaker=speaker, cue=cue, stype=stype, **opts)


def D(text, speaker, cue, stype, **opts):
    return _entry("direct", text, speaker, cue, stype, **opts)


def M(text, speaker, cue, stype, **opts):
    return _entry("mixed", text, speaker, cue, stype, **opts)


def I(text, speaker, cue, stype, **opts):
    return _entry("indirect", text, speaker, cue, stype, **opts)


# --------------------------------------------------------------------------------------------
# Annotations, one list per fixture (file tests/fixtures/<slug>.txt).
# Straight-quote articles use r'''...''' strings so that " and ' can be written as they appear.
# --------------------------------------------------------------------------------------------

ARTICLES = {}

ARTICLES["politics-shutdown-deadline"] = [
    M(r'''Senate Democrats were "holding the country hostage" over a stopgap spending bill''',
      "President Donald Trump", "said", "full-name"),
    D(r'''"We've given them everything they asked for, and they keep moving the goalposts. It's not going to work this time."''',
      "Trump", "said", "surname"),
    D(r'''"If the government closes, that's on them,"''', "he", "said", "pronoun"),
    D(r'''"Nobody else."''', "he", "said", "pronoun"),
    I("the chamber would vote as early as Wednesday on a measure that funds federal agencies through mid-December",
      "Senate Majority Leader John Thune", "told", "full-name"),
    I("the bill did not yet have the 60 votes it needs to advance", "He", "acknowledged", "pronoun"),
    D(r'''"We're close, but close doesn't keep the lights on at the national parks,"''',
      "Thune", "said", "surname"),
    I("Republicans had written the bill without consulting Democrats",
      "Senate Minority Leader Chuck Schumer", "argued", "full-name"),
    I("his caucus would not support it unless it restored funding for health insurance subsidies that expire at the end of the year",
      "Senate Minority Leader Chuck Schumer", "insisted", "full-name"),
    D(r'''"The president keeps saying, 'Sign it or else,' as if that were a negotiation,"''',
      "Schumer", "said", "surname"),
    D(r'''"It is not. It is a ransom note."''', "Schumer", "said", "surname"),
    I("the administration had prepared lists of employees who would be furloughed and had instructed agencies to review them",
      "A senior White House official", "said", "unnamed"),
    I("a shutdown lasting two weeks would cost the economy about $6 billion in lost output, most of which would not be recovered",
      "the Congressional Budget Office", "According to", "organization"),
    I("he opposes the idea", "Thune", "said", "surname"),
    I("previous closures had little lasting effect on growth", "Analysts", "noted", "unnamed"),
    I("a lengthy one could delay the release of key economic data, including the monthly jobs report",
      "they", "warned", "pronoun"),
    M(r'''Republicans "own this shutdown" and would pay for it at the polls next year''',
      "Rep. Hakeem Jeffries", "wrote", "apposition"),
    I("they were preparing legal challenges to any layoffs ordered during a lapse in funding",
      "Federal employee unions", "said", "organization"),
]

ARTICLES["ukraine-ceasefire-talks"] = [
    I("Ukraine would not trade territory for a ceasefire",
      "Ukrainian President Volodymyr Zelensky", "said", "full-name"),
    D("“Ukraine’s borders are not a bargaining chip,”", "Zelensky", "told", "surname"),
    D("“and nobody in this room is authorized to sell them.”", "Zelensky", "told", "surname"),
    M("the alliance’s members were “united and unwavering” in their support for Kyiv",
      "Rutte", "said", "surname"),
    I("a new package of air-defense systems would be delivered before winter",
      "Rutte", "announced", "surname"),
    D("“There is nothing new in it,”", "he", "told", "pronoun"),
    D("“It is the same idea in a different wrapper.”", "he", "told", "pronoun"),
    M("any settlement would have to recognize “the realities on the ground,”",
      "Peskov", "added", "surname"),
    M("Russian President Vladimir Putin remained “open to dialogue” but that Kyiv’s Western backers were prolonging the war",
      "The Kremlin", "said", "organization"),
    M("Moscow’s counterproposal a “dangerous illusion”",
      "French President Emmanuel Macron", "called", "full-name"),
    I("any pause that allowed Russia to regroup would only prolong the fighting",
      "French President Emmanuel Macron", "warned", "full-name"),
    D("“Peace cannot mean the surrender of the victim,”", "Macron", "said", "surname"),
    # follow-on paragraph, no attribution of its own
    D("“Europe learned that lesson in the ’30s, and it learned it at great cost. We will not be asked to learn it again.”",
      "Macron", None, "surname", para=-1),
    I("the EU would propose a new package of sanctions next week",
      "European Commission President Ursula von der Leyen", "wrote", "full-name"),
    I("overnight drone attacks had damaged energy facilities in three regions, leaving more than 200,000 households without power",
      "Officials in Kyiv", "said", "unnamed"),
    I("its forces had shot down 41 Ukrainian drones over the Belgorod and Kursk regions",
      "Russia’s Defense Ministry", "claimed", "organization"),
    M("the Geneva meeting was “unlikely to produce a breakthrough” but could agree on a new exchange of prisoners",
      "A senior European diplomat", "said", "unnamed"),
    M("he remained ready to talk “in any format” that included security guarantees for Ukraine",
      "Zelensky", "said", "surname"),
    I("winter would bring new pressure on the country’s power grid", "He", "acknowledged", "pronoun"),
    D("“We’ve been through three winters like this,”", "he", "said", "pronoun"),
    D("“It’s hard. But it isn’t new.”", "he", "said", "pronoun"),
]

ARTICLES["mideast-gaza-crossings"] = [
    I("famine conditions were spreading across the territory's north",
      "U.N. Secretary-General Antonio Guterres", "warning", "full-name"),
    D(r'''"Every hour that trucks sit idle at the border,"''', "Guterres", "told", "surname"),
    D(r'''"is measured in lives."''', "Guterres", "told", "surname"),
    D(r'''"This is not a logistics problem,"''', "he", "added", "pronoun"),
    D(r'''"It is a political choice, and it can be reversed tomorrow."''', "he", "added", "pronoun"),
    I("more than 4,000 trucks had entered Gaza in the past month and that the bottleneck lay in distribution inside the territory, not at the crossings",
      "A spokesman for COGAT", "said", "title"),
    M(r'''Israel would "not be lectured" by the United Nations''',
      "Israeli Prime Minister Benjamin Netanyahu", "told", "full-name"),
    I("Hamas was diverting supplies",
      "Israeli Prime Minister Benjamin Netanyahu", "insisted", "full-name"),
    M(r'''Cairo had kept the Rafah crossing ready "around the clock,"''',
      "Egypt's Foreign Minister Badr Abdelatty", "emphasized", "full-name"),
    I("Egypt was prepared to host a new round of talks on a truce and the release of hostages",
      "Egypt's Foreign Minister Badr Abdelatty", "said", "full-name"),
    D(r'''"Egypt has done its part. The trucks are ready, the drivers are ready,"''',
      "the minister", "said", "title"),
    I("mediators from Egypt and Qatar have presented both sides with a revised framework that would begin with a six-week pause in fighting",
      "a senior official involved in the negotiations", "According to", "unnamed"),
    D(r'''"We are closer than we were in the spring, but the last mile is always the hardest,"''',
      "the official", "said", "title"),
    M(r'''its mediators were in "continuous contact" with both delegations''',
      "Qatar's Foreign Ministry", "stated", "organization"),
    I("it had been able to reach only a third of the people it planned to feed in September",
      "The World Food Programme", "said", "organization", ctx="The World Food Programme said"),
    I("aid workers were seeing children who had not eaten for days",
      "Samer Haddad", "said", "apposition", ctx="Samer Haddad, said"),
    D(r'''"I have worked in Darfur, in Yemen, in South Sudan. I have not seen anything like the speed of this,"''',
      "Haddad", "said", "surname"),
    I("The Security Council is expected to vote later this week on a resolution demanding unhindered access",
      "diplomats", "said", "unnamed", ctx="diplomats said"),
    M(r'''it was studying the mediators' proposal "positively and responsibly" and would deliver its response within days''',
      "Hamas", "said", "organization", ctx="Hamas said"),
    I("Israel's negotiating team is due to travel to Cairo on Wednesday",
      "an Israeli official", "said", "unnamed", ctx="an Israeli official said"),
    I("flour prices in southern Gaza had risen tenfold since the summer",
      "The U.N. agency for Palestinian refugees", "said", "organization"),
]

ARTICLES["business-chipmaker-earnings"] = [
    I("demand for its data-center chips showed no sign of slowing",
      "Norvale Semiconductor", "saying", "organization"),
    I("net income rose to $1.42 billion, or $2.05 a share, in the three months ended Sept. 28, from $1.03 billion a year earlier",
      "The company", "said", "organization"),
    I("Analysts had expected revenue of $6.5 billion", "LSEG", "according to", "document"),
    # this paragraph is repeated at the end of the article (scraper duplicate): first occurrence only
    D("“We’re shipping every wafer we can get our hands on,”",
      "Chief Executive Maria O’Brien", "said", "full-name", occ=0),
    D("“Customers aren’t asking whether they need more capacity. They’re asking how soon.”",
      "Chief Executive Maria O’Brien", "said", "full-name", occ=0),
    I("the company expected fourth-quarter revenue of $7.2 billion to $7.4 billion and would raise capital spending to about $9 billion next year, mostly to expand a plant in Arizona",
      "O’Brien", "said", "surname"),
    I("gross margins would narrow slightly in the coming quarter as the new plant ramped up",
      "Dev Raman", "cautioned", "apposition"),
    D("“It’s a good problem to have, but it is a cost,”", "he", "said", "pronoun"),
    I("three customers accounted for more than half of Norvale’s data-center sales",
      "Priya Nandakumar", "noted", "apposition"),
    I("the concentration left the company exposed if any of them pulled back",
      "She", "argued", "pronoun"),
    D("“The story is great until it isn’t,”", "Nandakumar", "said", "surname"),
    D("“Everyone remembers what happened to memory makers in the late ’90s.”",
      "Nandakumar", "said", "surname"),
    I("the rules had cost the company about $300 million in sales this year", "She", "told", "pronoun"),
    I("a licensing arrangement under discussion in Washington could recover part of that",
      "She", "suggested", "pronoun"),
    D("“We follow the rules as they’re written, and we plan for them to change,”",
      "the company’s chief executive", "said", "title"),
    I("the buyback would be completed over two years", "It", "said", "pronoun"),
]

ARTICLES["economy-fed-holds-rates"] = [
    M(r'''policymakers wanted to see "more evidence" that inflation was returning to the central bank's 2% target before lowering borrowing costs''',
      "Chair Jerome Powell", "said", "full-name"),
    I("it would keep the federal funds rate in a range of 4.25% to 4.50%",
      "the Federal Open Market Committee", "said", "organization"),
    M(r'''job gains had slowed but that the unemployment rate "remains low" by historical standards''',
      "It", "noted", "pronoun"),
    I("Two members of the committee dissented", "the statement", "said", "document"),
    M(r'''the economy was "in a good place" and that the Fed could afford to wait''',
      "Powell", "told", "surname"),
    # one quote over two paragraphs: no closing mark at the end of the first paragraph
    D(r'''"We don't think we need to be in a hurry. The labor market is solid, and inflation has come down a long way, though it's still above where we want it.'''
      "\n\n"
      r'''"If the data come in as we expect, we'll have the opportunity to adjust policy. If they don't, we're well positioned to hold for longer."''',
      "Powell", "said", "surname"),
    I("higher import duties had pushed up prices for some goods", "Powell", "acknowledged", "surname"),
    M(r'''the effect was likely to be "a one-time shift in the price level" rather than lasting inflation''',
      "Powell", "argued", "surname"),
    D(r'''"Too Late Powell has done it again,"''', "Trump", "wrote", "surname", ctx="Trump wrote"),
    M(r'''rates should be "at least three points lower" by now''', "Trump", "adding", "surname",
      sp_ctx="Trump wrote"),
    I("he would not comment on them", "Powell", "said", "surname", ctx="Powell said he"),
    D(r'''"We're going to keep doing our jobs,"''', "he", "said", "pronoun", ctx="he said."),
    M(r'''disinflation in the euro zone was "well on track" but that the bank would not commit to a particular path''',
      "European Central Bank President Christine Lagarde", "said", "full-name"),
    I("further cuts may not be needed", "several ECB policymakers", "suggested", "unnamed"),
    I("they still expected the Fed to cut rates in December",
      "Economists at Goldman Sachs", "wrote", "unnamed"),
    I("the odds had narrowed", "Economists at Goldman Sachs", "said", "unnamed"),
    I("Markets had priced in a roughly 30% chance of a cut at this meeting",
      "CME Group's FedWatch tool", "according to", "document"),
]

ARTICLES["sport-football-derby"] = [
    D("“I just closed my eyes and hoped,”", "Okafor", "said", "surname"),
    D("“Honestly, I didn’t see it go in. I heard the noise and then everyone was on top of me.”",
      "Okafor", "said", "surname"),
    D("“That’s what this group is about,”", "Harbourside manager Kate Delaney", "said", "full-name"),
    D("“We were second best for 45 minutes, and I told them so at half-time. I said, ‘If you want to be in the top six, play like it,’ and they did.”",
      "Harbourside manager Kate Delaney", "said", "full-name"),
    # follow-on paragraph, no attribution of its own
    D("“Daniel will get the headlines, and he deserves them. But look at Ryo’s numbers: he ran further than anyone on the pitch.”",
      "Harbourside manager Kate Delaney", None, "full-name", para=-1),
    I("the win was the best of her short tenure", "Delaney", "said", "surname"),
    I("Okafor had pushed defender Sam Whitlock before heading in", "He", "argued", "pronoun"),
    M("the referee, Martin Hale, had “bottled” the decision", "He", "said", "pronoun"),
    D("“It’s a foul every day of the week,”", "Pell", "said", "surname"),
    # one quote over two paragraphs
    D("“Every day. I’ve watched it ten times on the laptop, and ten times it’s a foul.\n\n"
      "“I’m not going to be fined for saying it. I’ll just say we deserved at least a point, and the players know it.”",
      "Pell", "said", "surname"),
    I("Ferreira had been taken off at half-time with a hamstring strain and would have a scan on Monday",
      "Pell", "confirmed", "surname"),
    I("Ashford have now gone seven matches without a win, their worst run since the 2018-19 season",
      "the league’s own figures", "According to", "document"),
    I("the striker stayed behind after training every day to practice headers", "Grant", "said", "surname"),
    D("“He’s annoying, to be honest,”", "Grant", "joked", "surname"),
    D("“You want to go home and he’s still there asking you to put crosses in.”",
      "Grant", "joked", "surname"),
    I("it would not comment on individual decisions", "PGMOL", "said", "organization"),
    I("the incident would be reviewed as part of its routine weekly analysis",
      "a spokesperson", "confirmed", "title"),
    I("The 8,900 crowd was the largest at Ashford’s ground in a decade", "the club", "said", "organization"),
]

ARTICLES["local-council-budget"] = [
    D(r'''"This is not the budget anyone would write if money were no object,"''',
      "Mayor Ellen Marsh", "said", "full-name"),
    D(r'''"But it's a responsible one, and it keeps people safe."''',
      "Mayor Ellen Marsh", "said", "full-name"),
    I("the new station, to be built on a vacant lot off Route 9, would cut emergency response times on the east side from about 11 minutes to under six",
      "Marsh", "said", "surname"),
    I("his department had responded to 214 calls in the east-side neighborhoods last year, including a house fire on Larch Street in March in which two children were injured",
      "Fire Chief Arnold Bisset", "told", "full-name"),
    D(r'''"Every minute matters in a fire. After about eight minutes, you're not saving a room anymore, you're saving a foundation,"''',
      "the chief", "said", "title"),
    D(r'''"I've been asking for this station since the '90s. I'd like to see it before I retire."''',
      "the chief", "said", "title"),
    I("the water rate increase would fall hardest on retirees and families on fixed incomes",
      "Councilman Tom Reyes", "argued", "full-name"),
    I("the city had not done enough to cut administrative costs first",
      "Councilman Tom Reyes", "claimed", "full-name"),
    D(r'''"We're asking people to pay more for the same water,"''', "Reyes", "said", "surname"),
    # one quote over two paragraphs
    D(r'''"I can't go home and tell my neighbors that's fair.'''
      "\n\n"
      r'''"If we'd started trimming two years ago, we wouldn't be here. I said so then, and I'm saying so now."''',
      "Reyes", "said", "surname"),
    I("the increase was needed to replace water mains, some of which date to the 1930s",
      "Councilwoman Dana Whitfield", "said", "full-name"),
    I("the city has recorded 37 main breaks since January", "Whitfield", "According to", "surname",
      ctx="According to Whitfield"),
    I("she would gladly pay more for water if it meant a fire truck could reach her block faster",
      "Linda Okoye", "said", "apposition"),
    D(r'''"I watched that house burn,"''', "she", "said", "pronoun"),
    D(r'''"Nobody on this street needs convincing."''', "she", "said", "pronoun"),
    I("Construction on the station is expected to begin in April", "city officials", "said", "unnamed"),
    # dash attribution, no reporting verb
    D(r'''"Nobody moved to Wrenfield for the water bills. They moved here because it's home."''',
      "Councilman Tom Reyes", None, "full-name"),
]

ARTICLES["science-teen-sleep-study"] = [
    I("Teenagers who regularly sleep fewer than seven hours a night improve their memory more slowly over two years than peers who get more rest",
      "a study", "according to", "document"),
    D("“The effect isn’t dramatic in any single term,”", "Voss", "said", "surname"),
    D("“But it compounds. By the end of two years, the short sleepers were roughly four months behind on the tasks we measured.”",
      "Voss", "said", "surname"),
    I("the gap persisted after accounting for screen time, household income and caffeine use",
      "The team", "wrote", "title"),
    I("the study could not prove that short sleep caused the slower gains",
      "they", "acknowledged", "pronoun"),
    I("the findings added to evidence that early classes work against adolescent biology",
      "Voss", "said", "surname"),
    D("“Teenagers’ body clocks shift later during puberty. Asking a 14-year-old to be sharp at 8:15 in the morning is like asking an adult to do algebra at 5,”",
      "she", "said", "pronoun"),
    # follow-on paragraph, no attribution of its own
    D("“We’re not saying phones don’t matter. We’re saying sleep matters on its own, and schools control part of it.”",
      "she", None, "pronoun", para=-1),
    M("the study was “careful and large”", "Dr. Marcus Bell", "said", "apposition"),
    I("sleep monitors can misjudge when a teenager actually falls asleep",
      "Dr. Marcus Bell", "cautioned", "apposition"),
    D("“Wrist devices are good, not perfect,”", "Bell", "said", "surname"),
    D("“and the kids who sleep least may also be the ones with the most going on at home.”",
      "Bell", "said", "surname"),
    I("it had no role in the design of the research or the interpretation of its results",
      "A spokeswoman for the trust", "said", "title"),
    M("the government would “look closely” at the findings before deciding whether to issue new guidance to schools",
      "Jenny Gilruth", "said", "apposition"),
    I("schools unable to move their start times could at least avoid scheduling tests in the first period of the day",
      "Voss", "suggested", "surname"),
    D("“It’s the cheapest fix there is,”", "she", "said", "pronoun"),
    D("“You don’t need a new timetable. You need a calendar and a bit of goodwill.”",
      "she", "said", "pronoun"),
    # the attribution interrupts the content; only the part before it is annotated
    I("The research team plans to follow the same pupils until they turn 18",
      "the university", "said", "organization"),
]

ARTICLES["courts-charity-fraud-sentencing"] = [
    D(r'''"You didn't steal from a faceless institution. You stole from sick children and from the people who trusted you to help them,"''',
      "U.S. District Judge Miriam Castellanos", "told", "full-name"),
    # follow-on paragraph, no attribution of its own
    D(r'''"The sentence has to say that clearly, so that the next person who sits in your chair understands it."''',
      "U.S. District Judge Miriam Castellanos", None, "full-name", para=-1),
    I("he created fake vendor accounts and invoices between 2017 and 2023 to move money out of the Hope Bridge Foundation, which paid travel costs for families of children with cancer",
      "Prosecutors", "said", "unnamed"),
    I("Lusk had continued to take money even after a board member raised questions about the charity's accounts in 2022",
      "She", "told", "pronoun"),
    D(r'''"When he was asked about the missing money, he said, 'It's a timing issue, it'll be back by Friday,'"''',
      "Dunn", "said", "surname"),
    D(r'''"It was never coming back."''', "Dunn", "said", "surname"),
    I("his client had a gambling addiction and had begun repaying the foundation by selling the lake house",
      "Paul Weintraub", "saying", "apposition"),
    D(r'''"I told myself I was borrowing,"''', "he", "said", "pronoun"),
    D(r'''"I know now that's a lie I told so I could keep doing it."''', "he", "said", "pronoun"),
    M(r'''the repayments were "a start, not a finish,"''', "Castellanos", "said", "surname"),
    I("the foundation had been forced to suspend its travel grants for nearly a year after the fraud came to light",
      "The judge", "noted", "title"),
    I("The case began when a bank flagged unusual transfers",
      "the Denver Police Department", "according to", "organization"),
    D(r'''"This was a case built on spreadsheets, not stakeouts,"''',
      "Officer Luis Ortega", "said", "apposition"),
    I("no one else was expected to be charged", "Police", "said", "organization"),
    I("it had rebuilt its finance team and reopened grant applications in September",
      "The Hope Bridge Foundation", "said", "organization", ctx="The Hope Bridge Foundation said"),
    D(r'''"Our families deserved better, and we intend to earn back their trust,"''',
      "the statement", "said", "document", ctx="the statement said"),
    I("his client would not appeal", "Weintraub", "said", "surname"),
]

ARTICLES["tech-eu-ai-rules"] = [
    I("the European Union would not pause its landmark artificial intelligence rules",
      "European Commission President Ursula von der Leyen", "said", "full-name"),
    D("“Europe did not write these rules to slow innovation down. We wrote them so that people can trust what they use.”",
      "von der Leyen", "said", "surname"),
    M("the rules on general-purpose AI models were “unclear and unworkable” in their current form",
      "an open letter", "argued", "document"),
    I("the requirements would cost it about €15 million a year", "Larkspur AI", "said", "organization"),
    I("compliance would fall hardest on smaller European firms rather than on the American giants the law was meant to rein in",
      "it", "claimed", "pronoun"),
    D("“We’re not asking for no rules. We’re asking for rules we can read.”",
      "Élodie Marchand", "wrote", "apposition"),
    I("the Commission would publish guidance and a code of practice to help companies comply",
      "Henna Virkkunen", "told", "apposition"),
    M("the deadlines in the law were “not up for negotiation” this year", "She", "insisted", "pronoun"),
    M("the rules amounted to “a tax on American innovation”", "The White House", "said", "organization"),
    I("Washington would respond if U.S. companies were singled out",
      "The White House", "warned", "organization"),
    D("“The companies want a rulebook written in pencil,”", "Ana Kovač", "said", "apposition"),
    D("“The law is already written in ink.”", "Ana Kovač", "said", "apposition"),
    I("the first obligations for general-purpose models took effect in August, and that fines for the most serious violations can reach 7% of a company’s global turnover",
      "Analysts", "noted", "unnamed"),
    M("the EU should “stop the clock” on parts of the law", "Ulf Kristersson", "argued", "apposition"),
    I("they shared his concerns", "officials from two other governments", "said", "unnamed"),
    # the quoted name of a package inside reported speech makes this mixed by the marks rule
    M("the executive would present a “digital omnibus” package in November to simplify reporting requirements",
      "A Commission spokesperson", "said", "title"),
    I("it would not change the law’s core obligations", "A Commission spokesperson", "stressed", "title"),
    I("Larkspur would comply regardless", "Marchand", "said", "surname", ctx="Marchand said"),
    D("“We’ll do the paperwork,”", "she", "said", "pronoun", ctx="she said"),
    D("“We just want to know which paperwork.”", "she", "said", "pronoun", ctx="she said"),
]

ARTICLES["weather-river-flooding"] = [
    I("Hundreds of residents of this river town were ordered to leave their homes on Sunday as the Kessler River rose toward a record crest after three days of torrential rain",
      "officials", "said", "unnamed"),
    I("The river is expected to crest at about 27 feet late Monday, nearly 4 feet above flood stage and higher than during the flood of 2008",
      "the National Weather Service", "according to", "organization"),
    D(r'''"We're asking people not to wait and see. If you're in the evacuation zone, leave now, while the roads are still open,"''',
      "Carla Jimenez", "said", "apposition"),
    I("about 1,200 homes lay inside the mandatory evacuation area and that two shelters had opened, at the high school and at a church on the north side of town",
      "Jimenez", "said", "surname"),
    I("National Guard troops would help fill sandbags and staff checkpoints",
      "Iowa Gov. Kim Reynolds", "announced", "full-name"),
    D(r'''"The next 48 hours are going to be hard,"''', "the governor", "said", "title"),
    D(r'''"Listen to local officials. They know these rivers better than anyone."''',
      "the governor", "said", "title"),
    I("more rain was possible on Tuesday", "Meteorologist Kyle Brandt", "warned", "full-name"),
    D(r'''"It's not a lot, maybe half an inch,"''', "he", "said", "pronoun"),
    D(r'''"but the ground is saturated, so every drop runs straight into the river."''',
      "he", "said", "pronoun"),
    I("she had moved her ovens' electrical panels upstairs after the last flood",
      "Mary O'Connell", "said", "full-name"),
    D(r'''"In '08 we lost everything. This time, I'm not taking chances,"''', "she", "said", "pronoun"),
    D(r'''"My husband says I'm crazy. I tell him, 'Crazy is standing in three feet of water.'"''',
      "she", "said", "pronoun"),
    I("Power was out for about 3,400 customers", "the utility", "said", "organization",
      ctx="the utility said"),
    I("three state highways were closed and that detours could add an hour to some trips",
      "A spokesperson for the Iowa Department of Transportation", "said", "title",
      cue_ctx="Department of Transportation said"),
    M(r'''the barrier would hold "if the forecast holds,"''',
      "City Administrator Joe Hruska", "told", "full-name"),
    I("crews would work through the night", "City Administrator Joe Hruska", "added", "full-name"),
    I("No injuries had been reported by Sunday evening",
      "the county sheriff's office", "according to", "organization"),
    I("The river is not expected to fall below flood stage until Thursday at the earliest",
      "forecasters", "said", "unnamed"),
]

ARTICLES["elections-mayoral-runoff"] = [
    I("City Councilwoman Renée Salcedo won Tuesday’s runoff for mayor of Port Averill, defeating businessman Walt Kimura by about 4,100 votes",
      "the Marrow County elections office", "according to", "organization"),
    M("her win was “a vote for the neighborhoods that have been waiting their turn.”",
      "She", "told", "pronoun"),
    D("“Tonight isn’t about me,”", "Salcedo", "said", "surname"),
    D("“It’s about the bus driver on Fifth Street and the nurse working a double at St. Vincent’s who still found time to vote.”",
      "Salcedo", "said", "surname"),
    I("his campaign had failed to win over voters on the city’s east side",
      "He", "acknowledged", "pronoun"),
    I("he would call Salcedo on Wednesday to offer his help with the transition", "He", "said", "pronoun"),
    D("“I ran because I thought City Hall needed someone who’d signed the front of a paycheck,”",
      "Kimura", "told", "surname"),
    D("“I still think that. But the voters have decided, and I respect it.”",
      "Kimura", "told", "surname"),
    I("Turnout was 38%, the highest for a city election since 2008",
      "the elections office", "said", "organization"),
    I("the city can permit 5,000 new homes in four years without raising property taxes",
      "Salcedo", "insisted", "surname"),
    M("the plan “a fairy tale with a ribbon on it.”", "Kimura", "called", "surname"),
    D("“Runoffs reward organization,”", "Imani Clarke", "said", "apposition"),
    D("“Salcedo had the unions and the neighborhood groups knocking on doors. Kimura had television ads. In a low-turnout race, doors win.”",
      "Imani Clarke", "said", "apposition"),
    I("Salcedo would take office with a council on which only three of nine members had endorsed her",
      "Clarke", "noted", "surname"),
    I("her first test would be the budget due in the spring", "Clarke", "suggested", "surname"),
    M("he had spoken with both candidates and that the city owed the new mayor “a fair start.”",
      "Frank Delgado", "said", "apposition"),
    I("outside groups spent more than $2.1 million on the race, most of it on television advertising supporting Kimura",
      "filings with the state", "According to", "document"),
    I("the campaign had knocked on 61,000 doors since the primary", "Teo Vargas", "said", "apposition",
      ctx="Teo Vargas, said"),
    D("“We didn’t have the money,”", "he", "said", "pronoun", ctx="he said"),
    D("“We had the people.”", "he", "said", "pronoun", ctx="he said"),
    # dash attribution, no reporting verb
    D("“The voters spoke. I heard them. Congratulations, Mayor-elect Salcedo.”",
      "Walt Kimura", None, "full-name"),
]

ARTICLES["culture-film-festival"] = [
    D("«I made this film for the people who kept the lights on while the rest of us slept»",
      "Dumont", "said", "surname"),
    D("«They never got a film. Now they have one.»", "Dumont", "said", "surname"),
    I("the decision had been unanimous", "Mette Holm", "said", "apposition"),
    D("«We argued about many things this week. We did not argue about this»", "Holm", "told", "surname"),
    I("the experience shaped the film's long, nearly wordless night scenes", "She", "said", "pronoun"),
    # dash attribution (pull quote), no reporting verb
    D("«Nobody applauds at 4 a.m. That was the film I wanted to make.»",
      "Claire Dumont", None, "full-name"),
    M("the win «a magnificent day for French cinema»",
      "French Culture Minister Rachida Dati", "called", "full-name"),
    M("Dumont had given «a face and a voice» to the country's health workers",
      "President Emmanuel Macron", "wrote", "full-name"),
    I("she had spent three weeks shadowing nurses at a hospital in Aix-en-Provence before filming began",
      "Lead actress Inès Belkacem", "said", "full-name"),
    D("«They laughed at me the first night, because I kept apologizing to everyone»",
      "Belkacem", "said", "surname"),
    D("«By the third week, I had stopped apologizing. That's when I understood the character.»",
      "Belkacem", "said", "surname"),
    M("the miners featured in the film «still have not been paid»", "Kamau", "said", "surname",
      ctx="Kamau said"),
    I("the festival had never accepted sponsorship from streaming platforms",
      "Paolo Ferri", "emphasized", "apposition"),
    I("this year's edition had sold a record 61,000 tickets", "Paolo Ferri", "said", "apposition"),
    D("«Audiences want to see films together, in the dark, with strangers»", "Ferri", "said", "surname"),
    D("«That hasn't changed, whatever people in California tell you.»", "Ferri", "said", "surname"),
    I("Distribution rights for North America were acquired by an independent company",
      "trade reports", "according to", "document"),
]


# --------------------------------------------------------------------------------------------
# Resolution
# --------------------------------------------------------------------------------------------

def find_all(hay, needle, lo=0, hi=None):
    hi = len(hay) if hi is None else hi
    out, i = [], hay.find(needle, lo, hi)
    while i != -1:
        out.append(i)
        i = hay.find(needle, i + 1, hi)
    return out


def whole_word(text, i, j):
    return (i == 0 or not text[i - 1].isalnum()) and (j == len(text) or not text[j].isalnum())


def paragraphs(text):
    """(start, end) of each paragraph; paragraphs are separated by blank lines."""
    out, pos = [], 0
    for chunk in text.split("\n\n"):
        out.append((pos, pos + len(chunk)))
        pos += len(chunk) + 2
    return out


def locate_span(slug, text, e):
    hits = find_all(text, e["text"])
    where = f"{slug}: {e['kind']} {e['text'][:60]!r}"
    if not hits:
        raise AnnotationError(f"{where}: content not found")
    occ = e.get("occ")
    if occ is None:
        if len(hits) != 1:
            raise AnnotationError(f"{where}: content occurs {len(hits)} times; give occ=")
        start = hits[0]
    else:
        if len(hits) <= occ:
            raise AnnotationError(f"{where}: occ={occ} but only {len(hits)} occurrence(s)")
        start = hits[occ]
    return start, start + len(e["text"])


def region_for(slug, text, e, span, ctx_key):
    """Region (lo, hi) in which the speaker or cue is searched."""
    ctx = e.get(ctx_key) or e.get("ctx")
    where = f"{slug}: {e['text'][:60]!r}"
    if ctx:
        hits = find_all(text, ctx)
        if len(hits) != 1:
            raise AnnotationError(f"{where}: context {ctx!r} occurs {len(hits)} times, need 1")
        return hits[0], hits[0] + len(ctx)
    paras = paragraphs(text)
    idx = [k for k, (a, b) in enumerate(paras) if a < span[1] and span[0] < b]
    if not idx:
        raise AnnotationError(f"{where}: span is in no paragraph")
    if e.get("para") == -1:
        if idx[0] == 0:
            raise AnnotationError(f"{where}: no previous paragraph")
        return paras[idx[0] - 1]
    if e.get("para") not in (None, -1):
        raise AnnotationError(f"{where}: para must be -1 or absent")
    return paras[idx[0]][0], paras[idx[-1]][1]


def locate_word(slug, text, e, span, needle, ctx_key, what, all_spans):
    """Whole-word occurrence of needle in the region, outside every annotated content span."""
    lo, hi = region_for(slug, text, e, span, ctx_key)
    hits = [i for i in find_all(text, needle, lo, hi)
            if whole_word(text, i, i + len(needle))
            and not any(i < b and a < i + len(needle) for a, b in all_spans)]
    if len(hits) != 1:
        raise AnnotationError(
            f"{slug}: {what} {needle!r} for {e['text'][:60]!r} occurs {len(hits)} times in "
            f"{text[lo:hi][:80]!r}..., need exactly 1 (give ctx=)")
    return hits[0], hits[0] + len(needle)


def build_article(slug, entries):
    path = os.path.join(FIXTURES, slug + ".txt")
    with open(path, encoding="utf-8") as f:
        text = f.read()
    title = text.split("\n", 1)[0].strip()
    quotes, stypes = [], []
    spans = [locate_span(slug, text, e) for e in entries]
    for e, (s, t) in zip(entries, spans):
        q = {"start": s, "end": t, "text": text[s:t], "kind": e["kind"]}
        if e["speaker"] is None:
            q.update(speaker=None, speaker_start=None, speaker_end=None)
        else:
            a, b = locate_word(slug, text, e, (s, t), e["speaker"], "sp_ctx", "speaker",
                               spans)
            q.update(speaker=text[a:b], speaker_start=a, speaker_end=b)
        if e["cue"] is None:
            q.update(cue=None, cue_start=None, cue_end=None)
        else:
            a, b = locate_word(slug, text, e, (s, t), e["cue"], "cue_ctx", "cue", spans)
            q.update(cue=text[a:b], cue_start=a, cue_end=b)
        q["has_source"] = q["speaker"] is not None
        quotes.append(q)
        stypes.append((s, e["stype"]))
    order = sorted(range(len(quotes)), key=lambda k: (quotes[k]["start"], quotes[k]["end"]))
    quotes = [quotes[k] for k in order]
    stypes = [stypes[k][1] for k in order]
    doc = {"id": f"fixtures/{slug}", "title": title, "text": text, "quotes": quotes}
    return doc, stypes


def build():
    docs, stats = [], []
    for slug in sorted(ARTICLES):
        doc, stypes = build_article(slug, ARTICLES[slug])
        docs.append(doc)
        stats.extend(zip([q["kind"] for q in doc["quotes"]], stypes))
    return docs, stats


def serialize(docs):
    return "".join(json.dumps(d, ensure_ascii=False) + "\n" for d in docs)


# --------------------------------------------------------------------------------------------
# Verification (second pass, over the written file)
# --------------------------------------------------------------------------------------------

def verify(path=OUT):
    errors = []
    seen_ids = set()
    n_docs = n_quotes = 0
    with open(path, encoding="utf-8") as f:
        lines = f.read().splitlines()
    for ln, line in enumerate(lines, 1):
        doc = json.loads(line)
        n_docs += 1
        did = doc["id"]
        if did in seen_ids:
            errors.append(f"line {ln}: duplicate id {did}")
        seen_ids.add(did)
        text = doc["text"]
        slug = did.split("/", 1)[1]
        with open(os.path.join(FIXTURES, slug + ".txt"), encoding="utf-8") as f:
            if f.read() != text:
                errors.append(f"{did}: text differs from {slug}.txt")
        if doc["title"] != text.split("\n", 1)[0].strip():
            errors.append(f"{did}: title is not the first line")
        prev = None
        spans = []
        for q in doc["quotes"]:
            n_quotes += 1
            tag = f"{did} [{q['start']}:{q['end']}]"
            if text[q["start"]:q["end"]] != q["text"]:
                errors.append(f"{tag}: text[start:end] != text")
            for key in ("speaker", "cue"):
                if q[key] is None:
                    if q[key + "_start"] is not None or q[key + "_end"] is not None:
                        errors.append(f"{tag}: {key} is null but has offsets")
                elif text[q[key + "_start"]:q[key + "_end"]] != q[key]:
                    errors.append(f"{tag}: {key} span {q[key]!r} does not match the text")
                elif q[key + "_start"] < q["end"] and q["start"] < q[key + "_end"]:
                    errors.append(f"{tag}: {key} overlaps the content span")
            if q["has_source"] != (q["speaker"] is not None):
                errors.append(f"{tag}: has_source disagrees with speaker")
            body = q["text"]
            marks = [c for c in body if c in DOUBLE_MARKS]
            if q["kind"] == "direct":
                if body[0] not in OPEN_MARKS or body[-1] not in CLOSE_MARKS:
                    errors.append(f"{tag}: direct span must start and end with quote marks")
            elif q["kind"] == "mixed":
                if not marks or (body[0] in OPEN_MARKS and body[-1] in CLOSE_MARKS):
                    errors.append(f"{tag}: mixed span must contain, not be, a quotation")
            elif q["kind"] == "indirect":
                if marks:
                    errors.append(f"{tag}: indirect span contains quote marks")
                if body.startswith("that ") or body.endswith("."):
                    errors.append(f"{tag}: indirect span has a leading 'that' or a final period")
            else:
                errors.append(f"{tag}: unknown kind {q['kind']!r}")
            if body != body.strip():
                errors.append(f"{tag}: span has surrounding whitespace")
            key = (q["start"], q["end"])
            if prev is not None and key < prev:
                errors.append(f"{tag}: quotes not sorted by start")
            prev = key
            spans.append(key)
        spans.sort()
        for (a, b), (c, d) in zip(spans, spans[1:]):
            if c < b:
                errors.append(f"{did}: spans [{a}:{b}] and [{c}:{d}] overlap")
        texts = [q["text"] for q in doc["quotes"]]
        dup = [t for t, n in Counter(texts).items() if n > 1]
        if dup:
            errors.append(f"{did}: same content annotated twice: {dup[0][:60]!r}")
    return n_docs, n_quotes, errors


def print_stats(docs, stats):
    kinds = Counter(k for k, _ in stats)
    stypes = Counter(s for _, s in stats)
    print(f"{len(docs)} articles, {len(stats)} quotes")
    print("per kind:    " + ", ".join(f"{k} {kinds[k]}" for k in ("direct", "mixed", "indirect")))
    print("per speaker: " + ", ".join(f"{s} {n}" for s, n in stypes.most_common()))
    cues = Counter(q["cue"].lower() if q["cue"] else None for d in docs for q in d["quotes"])
    print("per cue:     " + ", ".join(f"{c} {n}" for c, n in cues.most_common()))
    for d in docs:
        c = Counter(q["kind"] for q in d["quotes"])
        words = len(d["text"].split())
        print(f"  {d['id']:<42} {words:>4} words  direct {c['direct']:>2}  mixed {c['mixed']:>2}"
              f"  indirect {c['indirect']:>2}")


def main(argv):
    check_only = "--check" in argv
    try:
        docs, stats = build()
    except AnnotationError as err:
        sys.exit(f"annotation error: {err}")
    data = serialize(docs)
    if check_only:
        with open(OUT, encoding="utf-8") as f:
            if f.read() != data:
                sys.exit(f"{OUT} is stale: run tools/annotate_fixtures.py")
    else:
        with open(OUT, "w", encoding="utf-8") as f:
            f.write(data)
    n_docs, n_quotes, errors = verify(OUT)
    if errors:
        for err in errors:
            print("verify:", err, file=sys.stderr)
        sys.exit(f"verification failed with {len(errors)} error(s)")
    print(f"ok: {n_docs} articles, {n_quotes} quotes verified in {os.path.relpath(OUT, ROOT)}")
    if "--stats" in argv:
        print_stats(docs, stats)


if __name__ == "__main__":
    main(sys.argv[1:])
