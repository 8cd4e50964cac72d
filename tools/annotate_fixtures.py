#!/usr/bin/env python3
"""Build tests/fixtures/annotated.jsonl from the fixture articles and the annotations below.

Standard library only. Offsets are never written by hand: every span is located in the article
text with str.find, and the script fails loudly when a string is missing or ambiguous.

The annotation conventions follow PolNeAR's (../shared/eval/polnear_*.jsonl), the corpus whosaid
is measured on; tests/fixtures/README.md lists them with the counts that support them.

Usage (from the repository root or anywhere):

    python3 tools/annotate_fixtures.py           # rebuild annotated.jsonl, then verify it
    python3 tools/annotate_fixtures.py --check   # verify only; fail if the file is stale
    python3 tools/annotate_fixtures.py --stats   # also print counts per kind and speaker type

How an entry is resolved
------------------------
Each entry is D(...) (direct), M(...) (mixed) or I(...) (indirect) with:

  text     the exact content, as a string (one continuous span) or as a list of strings (the
           pieces of a discontinuous content, in text order: a direct quote interrupted by its
           attribution, `"A," she said, "B."` or `"A," she said. "B."`; a follow-on paragraph
           merged into the previous paragraph's quote; a quote running over a paragraph break;
           `Content, he said, more content`). The first piece must occur exactly once in the
           article, unless `occ` (0-based occurrence) is given; each later piece is its first
           occurrence after the previous piece. The span runs from the first piece's start to
           the last piece's end; the pieces are written as `fragments`.
           Direct content includes its quote marks; mixed and indirect content starts with the
           complementizer "that" when there is one and ends without the sentence's final period
           (a mixed span closing on a quoted fragment ends at the closing mark).
  speaker  the source as written ("she", "the minister", "Doe", "who", "Priya Nandakumar, an
           analyst at Halden Capital,"), or None.
  cue      the reporting word(s) as written ("said", "has said", "said:", "later said in a
           statement", "According to", "—"), or None.
  stype    speaker type, for statistics only (not written to the JSONL): one of SPEAKER_TYPES.

The speaker and cue are searched as whole words in a *region*, outside every content piece of the
article (so "he said" inside a quotation is never taken for an attribution):
  - by default, the paragraph(s) the content span overlaps;
  - ctx="...": a context string that must occur exactly once in the article and contain the
    speaker and cue (sp_ctx / cue_ctx set them separately).
Within the region the speaker (and the cue) must occur exactly once, else the script stops.
"""

import json
import os
import re
import sys
from collections import Counter

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
FIXTURES = os.path.join(ROOT, "tests", "fixtures")
OUT = os.path.join(FIXTURES, "annotated.jsonl")

SPEAKER_TYPES = {
    "full-name",     # full name, with title or descriptor: "Senate Majority Leader John Thune"
    "surname",       # surname (or short name) after first mention: "Thune", "von der Leyen"
    "pronoun",       # he / she / they / it (it: an organization)
    "relative",      # relative pronoun heading the cue's clause: "Abdelatty, who emphasized ..."
    "title",         # a role noun: "the chief", "the governor", "a spokeswoman for the trust"
    "apposition",    # name with its apposition: "Priya Nandakumar, an analyst at ..., noted"
    "organization",  # "The Kremlin", "the company", "Police", "the utility"
    "document",      # a statement, letter, study, data: "the statement said", "according to LSEG data"
    "unnamed",       # anonymous people: "officials", "a senior official", "Analysts"
    "none",          # no source in the text
}

OPEN_MARKS = "\"“«"
CLOSE_MARKS = "\"”»"
DOUBLE_MARKS = set("\"“”«»")
PARA_BREAK = "\n\n"


class AnnotationError(Exception):
    pass


def _entry(kind, text, speaker, cue, stype, **opts):
    pieces = [text] if isinstance(text, str) else list(text)
    label = pieces[0][:40] if pieces else "?"
    unknown = set(opts) - {"occ", "ctx", "sp_ctx", "cue_ctx"}
    if unknown:
        raise AnnotationError(f"unknown option(s) {sorted(unknown)} for {label!r}")
    if not pieces or not all(isinstance(p, str) and p for p in pieces):
        raise AnnotationError(f"content must be a non-empty string or list of strings: {text!r}")
    if not isinstance(text, str) and len(pieces) < 2:
        raise AnnotationError(f"a list of pieces needs at least two: {label!r}")
    if stype not in SPEAKER_TYPES:
        raise AnnotationError(f"unknown speaker type {stype!r} for {label!r}")
    if (speaker is None) != (stype == "none"):
        raise AnnotationError(f"speaker {speaker!r} does not fit type {stype!r}")
    return dict(kind=kind, pieces=pieces, speaker=speaker, cue=cue, stype=stype, **opts)


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
    M(r'''that Senate Democrats were "holding the country hostage" over a stopgap spending bill''',
      "President Donald Trump", "said", "full-name"),
    D(r'''"We've given them everything they asked for, and they keep moving the goalposts. It's not going to work this time."''',
      "Trump", "said:", "surname"),
    # split around its attribution: one span, two pieces
    D([r'''"If the government closes, that's on them,"''', r'''"Nobody else."'''],
      "he", "said", "pronoun"),
    I("the chamber would vote as early as Wednesday on a measure that funds federal agencies through mid-December",
      "Senate Majority Leader John Thune", "told", "full-name"),
    I("that the bill did not yet have the 60 votes it needs to advance", "He", "acknowledged", "pronoun"),
    D(r'''"We're close, but close doesn't keep the lights on at the national parks,"''',
      "Thune", "said", "surname"),
    I("that Republicans had written the bill without consulting Democrats",
      "Senate Minority Leader Chuck Schumer", "argued", "full-name"),
    I("his caucus would not support it unless it restored funding for health insurance subsidies that expire at the end of the year",
      "Senate Minority Leader Chuck Schumer", "insisted", "full-name"),
    D([r'''"The president keeps saying, 'Sign it or else,' as if that were a negotiation,"''',
       r'''"It is not. It is a ransom note."'''],
      "Schumer", "said", "surname"),
    I("the administration had prepared lists of employees who would be furloughed and had instructed agencies to review them",
      "A senior White House official", "said", "unnamed"),
    I("a shutdown lasting two weeks would cost the economy about $6 billion in lost output, most of which would not be recovered",
      "the Congressional Budget Office", "According to", "organization"),
    I("he opposes the idea", "Thune", "has said", "surname"),
    I("that previous closures had little lasting effect on growth", "Analysts", "noted", "unnamed"),
    I("that a lengthy one could delay the release of key economic data, including the monthly jobs report",
      "they", "warned", "pronoun"),
    M(r'''that Republicans "own this shutdown" and would pay for it at the polls next year''',
      "Rep. Hakeem Jeffries, the House Democratic leader,", "wrote", "apposition"),
    I("they were preparing legal challenges to any layoffs ordered during a lapse in funding",
      "Federal employee unions", "said", "organization"),
]

ARTICLES["ukraine-ceasefire-talks"] = [
    I("that Ukraine would not trade territory for a ceasefire",
      "Ukrainian President Volodymyr Zelensky", "said", "full-name"),
    D(["“Ukraine’s borders are not a bargaining chip,”",
       "“and nobody in this room is authorized to sell them.”"],
      "Zelensky", "told", "surname"),
    M("the alliance’s members were “united and unwavering” in their support for Kyiv",
      "Rutte", "said", "surname"),
    I("that a new package of air-defense systems would be delivered before winter",
      "Rutte", "announced", "surname"),
    D(["“There is nothing new in it,”", "“It is the same idea in a different wrapper.”"],
      "he", "told", "pronoun"),
    M("that any settlement would have to recognize “the realities on the ground,”",
      "Peskov", "added", "surname"),
    M("that Russian President Vladimir Putin remained “open to dialogue” but that Kyiv’s Western backers were prolonging the war",
      "The Kremlin", "later said in a statement", "organization"),
    M("Moscow’s counterproposal a “dangerous illusion”",
      "French President Emmanuel Macron", "called", "full-name"),
    I("that any pause that allowed Russia to regroup would only prolong the fighting",
      "French President Emmanuel Macron", "warned", "full-name"),
    # the next paragraph is a follow-on quote with no attribution: merged into this span
    D(["“Peace cannot mean the surrender of the victim,”",
       "“Europe learned that lesson in the ’30s, and it learned it at great cost. We will not be asked to learn it again.”"],
      "Macron", "said", "surname"),
    I("that the EU would propose a new package of sanctions next week",
      "European Commission President Ursula von der Leyen", "wrote", "full-name"),
    I("overnight drone attacks had damaged energy facilities in three regions, leaving more than 200,000 households without power",
      "Officials in Kyiv", "said", "unnamed"),
    I("its forces had shot down 41 Ukrainian drones over the Belgorod and Kursk regions",
      "Russia’s Defense Ministry", "claimed", "organization"),
    M("the Geneva meeting was “unlikely to produce a breakthrough” but could agree on a new exchange of prisoners",
      "A senior European diplomat", "said", "unnamed"),
    M("he remained ready to talk “in any format” that included security guarantees for Ukraine",
      "Zelensky", "said", "surname"),
    I("that winter would bring new pressure on the country’s power grid", "He", "acknowledged", "pronoun"),
    D(["“We’ve been through three winters like this,”", "“It’s hard. But it isn’t new.”"],
      "he", "said", "pronoun"),
]

ARTICLES["mideast-gaza-crossings"] = [
    I("that famine conditions were spreading across the territory's north",
      "U.N. Secretary-General Antonio Guterres", "warning", "full-name"),
    D([r'''"Every hour that trucks sit idle at the border,"''', r'''"is measured in lives."'''],
      "Guterres", "told", "surname"),
    D([r'''"This is not a logistics problem,"''',
       r'''"It is a political choice, and it can be reversed tomorrow."'''],
      "he", "added", "pronoun"),
    I("that more than 4,000 trucks had entered Gaza in the past month and that the bottleneck lay in distribution inside the territory, not at the crossings",
      "A spokesman for COGAT, the Israeli defense body that coordinates aid,", "said", "apposition"),
    M(r'''that Israel would "not be lectured" by the United Nations''',
      "Israeli Prime Minister Benjamin Netanyahu", "told", "full-name"),
    I("that Hamas was diverting supplies",
      "Israeli Prime Minister Benjamin Netanyahu", "insisted", "full-name"),
    # a relative clause: the relative pronoun is the source
    M(r'''that Cairo had kept the Rafah crossing ready "around the clock,"''',
      "who", "emphasized", "relative"),
    I("Egypt was prepared to host a new round of talks on a truce and the release of hostages",
      "Egypt's Foreign Minister Badr Abdelatty", "said", "full-name"),
    D(r'''"Egypt has done its part. The trucks are ready, the drivers are ready,"''',
      "the minister", "said", "title"),
    I("mediators from Egypt and Qatar have presented both sides with a revised framework that would begin with a six-week pause in fighting",
      "a senior official involved in the negotiations", "According to", "unnamed"),
    D(r'''"We are closer than we were in the spring, but the last mile is always the hardest,"''',
      "the official", "said", "title"),
    M(r'''that its mediators were in "continuous contact" with both delegations''',
      "Qatar's Foreign Ministry", "stated", "organization"),
    I("it had been able to reach only a third of the people it planned to feed in September",
      "The World Food Programme", "said", "organization", ctx="The World Food Programme said"),
    I("aid workers were seeing children who had not eaten for days",
      "Its regional director, Samer Haddad,", "said", "apposition",
      ctx="Its regional director, Samer Haddad, said"),
    D(r'''"I have worked in Darfur, in Yemen, in South Sudan. I have not seen anything like the speed of this,"''',
      "Haddad", "said", "surname"),
    I("The Security Council is expected to vote later this week on a resolution demanding unhindered access",
      "diplomats", "said", "unnamed", ctx="diplomats said"),
    M(r'''that it was studying the mediators' proposal "positively and responsibly" and would deliver its response within days''',
      "Hamas", "said in a statement", "organization", ctx="Hamas said in a statement"),
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
    I("Analysts had expected revenue of $6.5 billion", "LSEG data", "according to", "document"),
    # this paragraph is repeated at the end of the article (scraper duplicate): first occurrence only
    D(["“We’re shipping every wafer we can get our hands on,”",
       "“Customers aren’t asking whether they need more capacity. They’re asking how soon.”"],
      "Chief Executive Maria O’Brien", "said", "full-name", occ=0),
    I("the company expected fourth-quarter revenue of $7.2 billion to $7.4 billion and would raise capital spending to about $9 billion next year, mostly to expand a plant in Arizona",
      "O’Brien", "said", "surname"),
    I("that gross margins would narrow slightly in the coming quarter as the new plant ramped up",
      "The company’s chief financial officer, Dev Raman,", "cautioned", "apposition"),
    D("“It’s a good problem to have, but it is a cost,”", "he", "said", "pronoun"),
    I("that three customers accounted for more than half of Norvale’s data-center sales",
      "Priya Nandakumar, an analyst at Halden Capital,", "noted", "apposition"),
    I("that the concentration left the company exposed if any of them pulled back",
      "She", "argued", "pronoun"),
    D(["“The story is great until it isn’t,”",
       "“Everyone remembers what happened to memory makers in the late ’90s.”"],
      "Nandakumar", "said", "surname"),
    I("the rules had cost the company about $300 million in sales this year", "She", "told", "pronoun"),
    I("that a licensing arrangement under discussion in Washington could recover part of that",
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
    M(r'''that job gains had slowed but that the unemployment rate "remains low" by historical standards''',
      "It", "noted", "pronoun"),
    # the attribution interrupts the content: one span, two pieces
    I(["Two members of the committee dissented", "preferring a quarter-point cut"],
      "the statement", "said", "document"),
    M(r'''that the economy was "in a good place" and that the Fed could afford to wait''',
      "Powell", "told", "surname"),
    # one quote over two paragraphs (no closing mark at the end of the first): two pieces
    D([r'''"We don't think we need to be in a hurry. The labor market is solid, and inflation has come down a long way, though it's still above where we want it.''',
       r'''"If the data come in as we expect, we'll have the opportunity to adjust policy. If they don't, we're well positioned to hold for longer."'''],
      "Powell", "said:", "surname"),
    I("that higher import duties had pushed up prices for some goods", "Powell", "acknowledged", "surname"),
    M(r'''the effect was likely to be "a one-time shift in the price level" rather than lasting inflation''',
      "Powell", "argued", "surname"),
    D(r'''"Too Late Powell has done it again,"''', "Trump", "wrote", "surname", ctx="Trump wrote"),
    M(r'''that rates should be "at least three points lower" by now''', "Trump", "adding", "surname",
      sp_ctx="Trump wrote"),
    I("he would not comment on them", "Powell", "said", "surname", ctx="Powell said he"),
    D(r'''"We're going to keep doing our jobs,"''', "he", "said", "pronoun", ctx="he said."),
    M(r'''that disinflation in the euro zone was "well on track" but that the bank would not commit to a particular path''',
      "European Central Bank President Christine Lagarde", "said", "full-name"),
    I("that further cuts may not be needed", "several ECB policymakers", "have suggested", "unnamed"),
    I("that they still expected the Fed to cut rates in December",
      "Economists at Goldman Sachs", "wrote", "unnamed"),
    I("the odds had narrowed", "Economists at Goldman Sachs", "said", "unnamed"),
    I("Markets had priced in a roughly 30% chance of a cut at this meeting",
      "CME Group's FedWatch tool", "according to", "document"),
]

ARTICLES["sport-football-derby"] = [
    D(["“I just closed my eyes and hoped,”",
       "“Honestly, I didn’t see it go in. I heard the noise and then everyone was on top of me.”"],
      "Okafor", "said", "surname"),
    # split quote, then a follow-on paragraph with no attribution: one span, three pieces
    D(["“That’s what this group is about,”",
       "“We were second best for 45 minutes, and I told them so at half-time. I said, ‘If you want to be in the top six, play like it,’ and they did.”",
       "“Daniel will get the headlines, and he deserves them. But look at Ryo’s numbers: he ran further than anyone on the pitch.”"],
      "Harbourside manager Kate Delaney", "said", "full-name"),
    I("the win was the best of her short tenure", "Delaney", "said", "surname"),
    I("that Okafor had pushed defender Sam Whitlock before heading in", "He", "argued", "pronoun"),
    M("the referee, Martin Hale, had “bottled” the decision", "He", "said", "pronoun"),
    # split quote whose second part runs over two paragraphs: one span, three pieces
    D(["“It’s a foul every day of the week,”",
       "“Every day. I’ve watched it ten times on the laptop, and ten times it’s a foul.",
       "“I’m not going to be fined for saying it. I’ll just say we deserved at least a point, and the players know it.”"],
      "Pell", "said", "surname"),
    I("that Ferreira had been taken off at half-time with a hamstring strain and would have a scan on Monday",
      "Pell", "confirmed", "surname"),
    I("Ashford have now gone seven matches without a win, their worst run since the 2018-19 season",
      "the league’s own figures", "According to", "document"),
    I("the striker stayed behind after training every day to practice headers",
      "His teammate Grant", "said", "surname"),
    D(["“He’s annoying, to be honest,”",
       "“You want to go home and he’s still there asking you to put crosses in.”"],
      "Grant", "joked", "surname"),
    I("it would not comment on individual decisions", "The referees’ body, PGMOL,", "said",
      "organization"),
    I("that the incident would be reviewed as part of its routine weekly analysis",
      "a spokesperson", "confirmed", "title"),
    I("The 8,900 crowd was the largest at Ashford’s ground in a decade", "the club", "said", "organization"),
]

ARTICLES["local-council-budget"] = [
    D([r'''"This is not the budget anyone would write if money were no object,"''',
       r'''"But it's a responsible one, and it keeps people safe."'''],
      "Mayor Ellen Marsh", "said", "full-name"),
    I("the new station, to be built on a vacant lot off Route 9, would cut emergency response times on the east side from about 11 minutes to under six",
      "Marsh", "said", "surname"),
    I("that his department had responded to 214 calls in the east-side neighborhoods last year, including a house fire on Larch Street in March in which two children were injured",
      "Fire Chief Arnold Bisset", "told", "full-name"),
    D([r'''"Every minute matters in a fire. After about eight minutes, you're not saving a room anymore, you're saving a foundation,"''',
       r'''"I've been asking for this station since the '90s. I'd like to see it before I retire."'''],
      "the chief", "said", "title"),
    I("that the water rate increase would fall hardest on retirees and families on fixed incomes",
      "Councilman Tom Reyes", "argued", "full-name"),
    I("the city had not done enough to cut administrative costs first",
      "Councilman Tom Reyes", "claimed", "full-name"),
    # split quote whose second part runs over two paragraphs: one span, three pieces
    D([r'''"We're asking people to pay more for the same water,"''',
       r'''"I can't go home and tell my neighbors that's fair.''',
       r'''"If we'd started trimming two years ago, we wouldn't be here. I said so then, and I'm saying so now."'''],
      "Reyes", "said", "surname"),
    I("the increase was needed to replace water mains, some of which date to the 1930s",
      "Councilwoman Dana Whitfield", "said", "full-name"),
    I("the city has recorded 37 main breaks since January", "Whitfield", "According to", "surname",
      ctx="According to Whitfield"),
    I("she would gladly pay more for water if it meant a fire truck could reach her block faster",
      "Linda Okoye, a retired teacher who lives on Larch Street,", "said", "apposition"),
    D([r'''"I watched that house burn,"''', r'''"Nobody on this street needs convincing."'''],
      "she", "said", "pronoun"),
    I("Construction on the station is expected to begin in April", "city officials", "said", "unnamed"),
    # dash attribution: the dash is the cue
    D(r'''"Nobody moved to Wrenfield for the water bills. They moved here because it's home."''',
      "Councilman Tom Reyes", "—", "full-name"),
]

ARTICLES["science-teen-sleep-study"] = [
    I("Teenagers who regularly sleep fewer than seven hours a night improve their memory more slowly over two years than peers who get more rest",
      "a study of nearly 3,000 British secondary school pupils published on Monday",
      "according to", "document"),
    D(["“The effect isn’t dramatic in any single term,”",
       "“But it compounds. By the end of two years, the short sleepers were roughly four months behind on the tasks we measured.”"],
      "Voss", "said", "surname"),
    I("that the gap persisted after accounting for screen time, household income and caffeine use",
      "The team", "wrote", "title"),
    I("that the study could not prove that short sleep caused the slower gains",
      "they", "acknowledged", "pronoun"),
    I("the findings added to evidence that early classes work against adolescent biology",
      "Voss", "said", "surname"),
    # the next paragraph is a follow-on quote with no attribution: merged into this span
    D(["“Teenagers’ body clocks shift later during puberty. Asking a 14-year-old to be sharp at 8:15 in the morning is like asking an adult to do algebra at 5,”",
       "“We’re not saying phones don’t matter. We’re saying sleep matters on its own, and schools control part of it.”"],
      "she", "said", "pronoun"),
    M("the study was “careful and large”",
      "Dr. Marcus Bell, a pediatrician at Boston Children’s Hospital who was not involved in the research,",
      "said", "apposition"),
    I("that sleep monitors can misjudge when a teenager actually falls asleep",
      "Dr. Marcus Bell, a pediatrician at Boston Children’s Hospital who was not involved in the research,",
      "cautioned", "apposition"),
    D(["“Wrist devices are good, not perfect,”",
       "“and the kids who sleep least may also be the ones with the most going on at home.”"],
      "Bell", "said", "surname"),
    I("it had no role in the design of the research or the interpretation of its results",
      "A spokeswoman for the trust", "said", "title"),
    M("that the government would “look closely” at the findings before deciding whether to issue new guidance to schools",
      "Scotland’s education secretary, Jenny Gilruth,", "said in a statement", "apposition"),
    I("that schools unable to move their start times could at least avoid scheduling tests in the first period of the day",
      "Voss", "suggested", "surname"),
    D(["“It’s the cheapest fix there is,”",
       "“You don’t need a new timetable. You need a calendar and a bit of goodwill.”"],
      "she", "said", "pronoun"),
    # the attribution interrupts the content: one span, two pieces
    I(["The research team plans to follow the same pupils until they turn 18",
       "to see whether the gap narrows once they leave school"],
      "the university", "said", "organization"),
]

ARTICLES["courts-charity-fraud-sentencing"] = [
    # the next paragraph is a follow-on quote with no attribution: merged into this span
    D([r'''"You didn't steal from a faceless institution. You stole from sick children and from the people who trusted you to help them,"''',
       r'''"The sentence has to say that clearly, so that the next person who sits in your chair understands it."'''],
      "U.S. District Judge Miriam Castellanos", "told", "full-name"),
    I("he created fake vendor accounts and invoices between 2017 and 2023 to move money out of the Hope Bridge Foundation, which paid travel costs for families of children with cancer",
      "Prosecutors", "said", "unnamed"),
    I("that Lusk had continued to take money even after a board member raised questions about the charity's accounts in 2022",
      "She", "told", "pronoun"),
    D([r'''"When he was asked about the missing money, he said, 'It's a timing issue, it'll be back by Friday,'"''',
       r'''"It was never coming back."'''],
      "Dunn", "said", "surname"),
    I("his client had a gambling addiction and had begun repaying the foundation by selling the lake house",
      "Lusk's attorney, Paul Weintraub,", "saying", "apposition"),
    D([r'''"I told myself I was borrowing,"''',
       r'''"I know now that's a lie I told so I could keep doing it."'''],
      "he", "said", "pronoun"),
    M(r'''the repayments were "a start, not a finish,"''', "Castellanos", "said", "surname"),
    I("that the foundation had been forced to suspend its travel grants for nearly a year after the fraud came to light",
      "The judge", "noted", "title"),
    I("The case began when a bank flagged unusual transfers",
      "the Denver Police Department", "according to", "organization"),
    D(r'''"This was a case built on spreadsheets, not stakeouts,"''',
      "Officer Luis Ortega, a department spokesman", "said", "apposition"),
    I("no one else was expected to be charged", "Police", "said", "organization"),
    I("that it had rebuilt its finance team and reopened grant applications in September",
      "The Hope Bridge Foundation", "said in a statement", "organization",
      ctx="The Hope Bridge Foundation said in a statement"),
    D(r'''"Our families deserved better, and we intend to earn back their trust,"''',
      "the statement", "said", "document", ctx="the statement said"),
    I("that his client would not appeal", "Weintraub", "said", "surname"),
]

ARTICLES["tech-eu-ai-rules"] = [
    I("that the European Union would not pause its landmark artificial intelligence rules",
      "European Commission President Ursula von der Leyen", "said", "full-name"),
    D("“Europe did not write these rules to slow innovation down. We wrote them so that people can trust what they use.”",
      "von der Leyen", "said:", "surname"),
    # a relative clause: the relative pronoun is the source
    M("the rules on general-purpose AI models were “unclear and unworkable” in their current form",
      "that", "argued", "relative"),
    I("the requirements would cost it about €15 million a year",
      "Larkspur AI, a Paris-based start-up that signed the letter,", "said", "apposition"),
    I("that compliance would fall hardest on smaller European firms rather than on the American giants the law was meant to rein in",
      "it", "claimed", "pronoun"),
    D("“We’re not asking for no rules. We’re asking for rules we can read.”",
      "Its chief executive, Élodie Marchand,", "wrote", "apposition"),
    I("the Commission would publish guidance and a code of practice to help companies comply",
      "Henna Virkkunen, the EU’s executive vice president for tech sovereignty,", "told",
      "apposition"),
    M("that the deadlines in the law were “not up for negotiation” this year", "She", "insisted", "pronoun"),
    M("the rules amounted to “a tax on American innovation”", "The White House", "said", "organization"),
    I("that Washington would respond if U.S. companies were singled out",
      "The White House", "warned", "organization"),
    D(["“The companies want a rulebook written in pencil,”", "“The law is already written in ink.”"],
      "Ana Kovač, policy director at the advocacy group Digital Rights Watch", "said", "apposition"),
    I("that the first obligations for general-purpose models took effect in August, and that fines for the most serious violations can reach 7% of a company’s global turnover",
      "Analysts", "noted", "unnamed"),
    M("that the EU should “stop the clock” on parts of the law",
      "Sweden’s prime minister, Ulf Kristersson,", "has argued", "apposition"),
    I("that they shared his concerns", "officials from two other governments", "said", "unnamed"),
    # the quoted name of a package inside reported speech makes this mixed by the marks rule
    M("the executive would present a “digital omnibus” package in November to simplify reporting requirements",
      "A Commission spokesperson", "said", "title"),
    I("that it would not change the law’s core obligations", "A Commission spokesperson", "stressed", "title"),
    I("Larkspur would comply regardless", "Marchand", "said", "surname", ctx="Marchand said"),
    D(["“We’ll do the paperwork,”", "“We just want to know which paperwork.”"],
      "she", "said", "pronoun", ctx="she said"),
]

ARTICLES["weather-river-flooding"] = [
    I("Hundreds of residents of this river town were ordered to leave their homes on Sunday as the Kessler River rose toward a record crest after three days of torrential rain",
      "officials", "said", "unnamed"),
    I("The river is expected to crest at about 27 feet late Monday, nearly 4 feet above flood stage and higher than during the flood of 2008",
      "the National Weather Service", "according to", "organization"),
    D(r'''"We're asking people not to wait and see. If you're in the evacuation zone, leave now, while the roads are still open,"''',
      "Carla Jimenez, the county's emergency management director", "said", "apposition"),
    I("about 1,200 homes lay inside the mandatory evacuation area and that two shelters had opened, at the high school and at a church on the north side of town",
      "Jimenez", "said", "surname"),
    I("that National Guard troops would help fill sandbags and staff checkpoints",
      "Iowa Gov. Kim Reynolds", "announced", "full-name"),
    D([r'''"The next 48 hours are going to be hard,"''',
       r'''"Listen to local officials. They know these rivers better than anyone."'''],
      "the governor", "said", "title"),
    I("that more rain was possible on Tuesday",
      "Meteorologist Kyle Brandt of the weather service's Des Moines office", "warned", "full-name"),
    D([r'''"It's not a lot, maybe half an inch,"''',
       r'''"but the ground is saturated, so every drop runs straight into the river."'''],
      "he", "said", "pronoun"),
    I("she had moved her ovens' electrical panels upstairs after the last flood",
      "Mary O'Connell, 71", "said", "apposition"),
    D([r'''"In '08 we lost everything. This time, I'm not taking chances,"''',
       r'''"My husband says I'm crazy. I tell him, 'Crazy is standing in three feet of water.'"'''],
      "she", "said", "pronoun"),
    I("Power was out for about 3,400 customers", "the utility", "said", "organization",
      ctx="the utility said"),
    I("three state highways were closed and that detours could add an hour to some trips",
      "A spokesperson for the Iowa Department of Transportation", "said", "title",
      cue_ctx="Department of Transportation said"),
    M(r'''the barrier would hold "if the forecast holds,"''',
      "City Administrator Joe Hruska", "told", "full-name"),
    I("that crews would work through the night", "City Administrator Joe Hruska", "added", "full-name"),
    I("No injuries had been reported by Sunday evening",
      "the county sheriff's office", "according to", "organization"),
    I("The river is not expected to fall below flood stage until Thursday at the earliest",
      "forecasters", "said", "unnamed"),
]

ARTICLES["elections-mayoral-runoff"] = [
    I("City Councilwoman Renée Salcedo won Tuesday’s runoff for mayor of Port Averill, defeating businessman Walt Kimura by about 4,100 votes",
      "unofficial results released by the Marrow County elections office", "according to", "document"),
    M("that her win was “a vote for the neighborhoods that have been waiting their turn.”",
      "She", "told", "pronoun"),
    D(["“Tonight isn’t about me,”",
       "“It’s about the bus driver on Fifth Street and the nurse working a double at St. Vincent’s who still found time to vote.”"],
      "Salcedo", "said", "surname"),
    I("that his campaign had failed to win over voters on the city’s east side",
      "He", "acknowledged", "pronoun"),
    I("he would call Salcedo on Wednesday to offer his help with the transition", "He", "said", "pronoun"),
    D(["“I ran because I thought City Hall needed someone who’d signed the front of a paycheck,”",
       "“I still think that. But the voters have decided, and I respect it.”"],
      "Kimura", "told", "surname"),
    I("Turnout was 38%, the highest for a city election since 2008",
      "the elections office", "said", "organization"),
    I("that the city can permit 5,000 new homes in four years without raising property taxes",
      "Salcedo", "has insisted", "surname"),
    M("the plan “a fairy tale with a ribbon on it.”", "Kimura", "called", "surname"),
    D(["“Runoffs reward organization,”",
       "“Salcedo had the unions and the neighborhood groups knocking on doors. Kimura had television ads. In a low-turnout race, doors win.”"],
      "Imani Clarke, a political scientist at Portland State University", "said", "apposition"),
    I("that Salcedo would take office with a council on which only three of nine members had endorsed her",
      "Clarke", "noted", "surname"),
    I("that her first test would be the budget due in the spring", "Clarke", "suggested", "surname"),
    M("that he had spoken with both candidates and that the city owed the new mayor “a fair start.”",
      "The outgoing mayor, Frank Delgado", "said in a statement", "apposition"),
    I("outside groups spent more than $2.1 million on the race, most of it on television advertising supporting Kimura",
      "filings with the state", "According to", "document"),
    I("the campaign had knocked on 61,000 doors since the primary",
      "Salcedo’s campaign manager, Teo Vargas,", "said", "apposition",
      ctx="Salcedo’s campaign manager, Teo Vargas, said"),
    D(["“We didn’t have the money,”", "“We had the people.”"], "he", "said", "pronoun",
      ctx="he said"),
    # dash attribution: the dash is the cue
    D("“The voters spoke. I heard them. Congratulations, Mayor-elect Salcedo.”",
      "Walt Kimura", "—", "full-name"),
]

ARTICLES["culture-film-festival"] = [
    D(["«I made this film for the people who kept the lights on while the rest of us slept»",
       "«They never got a film. Now they have one.»"],
      "Dumont", "said", "surname"),
    I("the decision had been unanimous", "The jury president, the Danish actor Mette Holm,", "said",
      "apposition"),
    D("«We argued about many things this week. We did not argue about this»", "Holm", "told", "surname"),
    I("the experience shaped the film's long, nearly wordless night scenes", "She", "said", "pronoun"),
    # dash attribution (pull quote): the dash is the cue
    D("«Nobody applauds at 4 a.m. That was the film I wanted to make.»",
      "Claire Dumont", "—", "full-name"),
    M("the win «a magnificent day for French cinema»",
      "French Culture Minister Rachida Dati", "called", "full-name"),
    M("that Dumont had given «a face and a voice» to the country's health workers",
      "President Emmanuel Macron", "wrote", "full-name"),
    I("she had spent three weeks shadowing nurses at a hospital in Aix-en-Provence before filming began",
      "Lead actress Inès Belkacem", "said", "full-name"),
    D(["«They laughed at me the first night, because I kept apologizing to everyone»",
       "«By the third week, I had stopped apologizing. That's when I understood the character.»"],
      "Belkacem", "said", "surname"),
    M("the miners featured in the film «still have not been paid»", "Kamau", "said", "surname",
      ctx="Kamau said"),
    # a relative clause: the relative pronoun is the source
    I("that the festival had never accepted sponsorship from streaming platforms",
      "who", "emphasized", "relative"),
    I("this year's edition had sold a record 61,000 tickets",
      "The festival's artistic director, Paolo Ferri", "said", "apposition"),
    D(["«Audiences want to see films together, in the dark, with strangers»",
       "«That hasn't changed, whatever people in California tell you.»"],
      "Ferri", "said", "surname"),
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
    for chunk in text.split(PARA_BREAK):
        out.append((pos, pos + len(chunk)))
        pos += len(chunk) + len(PARA_BREAK)
    return out


def locate_pieces(slug, text, e):
    """[(start, end)] of each content piece, in text order."""
    first = e["pieces"][0]
    where = f"{slug}: {e['kind']} {first[:60]!r}"
    hits = find_all(text, first)
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
    out = [(start, start + len(first))]
    for piece in e["pieces"][1:]:
        i = text.find(piece, out[-1][1])
        if i == -1:
            raise AnnotationError(f"{where}: piece {piece[:60]!r} not found after the previous one")
        gap = text[out[-1][1]:i]
        if any(c in DOUBLE_MARKS for c in gap) or gap.count(PARA_BREAK) > 1 or len(gap) > 300:
            raise AnnotationError(
                f"{where}: gap {gap[:80]!r} before piece {piece[:40]!r} is not an attribution "
                "or a paragraph break")
        out.append((i, i + len(piece)))
    return out


def region_for(slug, text, e, span, ctx_key):
    """Region (lo, hi) in which the speaker or cue is searched."""
    ctx = e.get(ctx_key) or e.get("ctx")
    where = f"{slug}: {e['pieces'][0][:60]!r}"
    if ctx:
        hits = find_all(text, ctx)
        if len(hits) != 1:
            raise AnnotationError(f"{where}: context {ctx!r} occurs {len(hits)} times, need 1")
        return hits[0], hits[0] + len(ctx)
    paras = paragraphs(text)
    idx = [k for k, (a, b) in enumerate(paras) if a < span[1] and span[0] < b]
    if not idx:
        raise AnnotationError(f"{where}: span is in no paragraph")
    return paras[idx[0]][0], paras[idx[-1]][1]


def locate_word(slug, text, e, span, needle, ctx_key, what, all_pieces):
    """Whole-word occurrence of needle in the region, outside every annotated content piece."""
    lo, hi = region_for(slug, text, e, span, ctx_key)
    hits = [i for i in find_all(text, needle, lo, hi)
            if whole_word(text, i, i + len(needle))
            and not any(i < b and a < i + len(needle) for a, b in all_pieces)]
    if len(hits) != 1:
        raise AnnotationError(
            f"{slug}: {what} {needle!r} for {e['pieces'][0][:60]!r} occurs {len(hits)} times in "
            f"{text[lo:hi][:80]!r}..., need exactly 1 (give ctx=)")
    return hits[0], hits[0] + len(needle)


def build_article(slug, entries):
    path = os.path.join(FIXTURES, slug + ".txt")
    with open(path, encoding="utf-8") as f:
        text = f.read()
    title = text.split("\n", 1)[0].strip()
    quotes, stypes = [], []
    located = [locate_pieces(slug, text, e) for e in entries]
    all_pieces = [p for pieces in located for p in pieces]
    for e, pieces in zip(entries, located):
        s, t = pieces[0][0], pieces[-1][1]
        q = {"start": s, "end": t, "text": text[s:t], "kind": e["kind"]}
        if e["speaker"] is None:
            q.update(speaker=None, speaker_start=None, speaker_end=None)
        else:
            a, b = locate_word(slug, text, e, (s, t), e["speaker"], "sp_ctx", "speaker",
                               all_pieces)
            q.update(speaker=text[a:b], speaker_start=a, speaker_end=b)
        if e["cue"] is None:
            q.update(cue=None, cue_start=None, cue_end=None)
        else:
            a, b = locate_word(slug, text, e, (s, t), e["cue"], "cue_ctx", "cue", all_pieces)
            q.update(cue=text[a:b], cue_start=a, cue_end=b)
        q["has_source"] = q["speaker"] is not None
        q["fragments"] = [[a, b] for a, b in pieces] if len(pieces) > 1 else None
        quotes.append(q)
        stypes.append(e["stype"])
    order = sorted(range(len(quotes)), key=lambda k: (quotes[k]["start"], quotes[k]["end"]))
    quotes = [quotes[k] for k in order]
    stypes = [stypes[k] for k in order]
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

def check_quote(text, q, tag):
    """Errors in one quote, against the article text."""
    errors = []
    if text[q["start"]:q["end"]] != q["text"]:
        errors.append(f"{tag}: text[start:end] != text")
    frags = q.get("fragments")
    if frags is None:
        pieces = [(q["start"], q["end"])]
    else:
        pieces = [tuple(f) for f in frags]
        if len(pieces) < 2 or any(len(f) != 2 for f in frags):
            errors.append(f"{tag}: fragments must be null or at least two [start, end] pairs")
        elif pieces[0][0] != q["start"] or pieces[-1][1] != q["end"]:
            errors.append(f"{tag}: fragments must start at start and end at end")
        elif any(not a < b for a, b in pieces) or any(
                c < b for (_, b), (c, _) in zip(pieces, pieces[1:])):
            errors.append(f"{tag}: fragments must be non-empty, sorted and disjoint")
    for key in ("speaker", "cue"):
        if q[key] is None:
            if q[key + "_start"] is not None or q[key + "_end"] is not None:
                errors.append(f"{tag}: {key} is null but has offsets")
            continue
        a, b = q[key + "_start"], q[key + "_end"]
        if text[a:b] != q[key]:
            errors.append(f"{tag}: {key} span {q[key]!r} does not match the text")
        elif any(a < e and s < b for s, e in pieces):
            errors.append(f"{tag}: {key} overlaps the content")
        elif q[key] != q[key].strip():
            errors.append(f"{tag}: {key} span has surrounding whitespace")
    if q["has_source"] != (q["speaker"] is not None):
        errors.append(f"{tag}: has_source disagrees with speaker")
    # every gap between pieces holds this quote's attribution, or is a paragraph break
    for (_, b), (c, _) in zip(pieces, pieces[1:]):
        inside = [k for k in ("speaker", "cue")
                  if q[k] is not None and b <= q[k + "_start"] and q[k + "_end"] <= c]
        if text[b:c] != PARA_BREAK and not inside:
            errors.append(f"{tag}: gap {text[b:c][:40]!r} is neither the attribution nor a "
                          "paragraph break")
        if any(ch in DOUBLE_MARKS for ch in text[b:c]):
            errors.append(f"{tag}: gap {text[b:c][:40]!r} contains quote marks")
    body = q["text"]
    content = "".join(text[a:b] for a, b in pieces)
    marks = [c for c in content if c in DOUBLE_MARKS]
    if q["kind"] == "direct":
        if body[-1] not in CLOSE_MARKS or any(text[a] not in OPEN_MARKS for a, _ in pieces):
            errors.append(f"{tag}: direct content must be quotations (pieces open with a mark, "
                          "the span closes with one)")
    elif q["kind"] == "mixed":
        if not marks or (body[0] in OPEN_MARKS and body[-1] in CLOSE_MARKS):
            errors.append(f"{tag}: mixed span must contain, not be, a quotation")
        if body.endswith(".") and body[-2:-1] in CLOSE_MARKS:
            errors.append(f"{tag}: mixed span ending on a quotation must end at its closing mark")
    elif q["kind"] == "indirect":
        if marks:
            errors.append(f"{tag}: indirect span contains quote marks")
        if body.endswith("."):
            errors.append(f"{tag}: indirect span has a final period")
    else:
        errors.append(f"{tag}: unknown kind {q['kind']!r}")
    if q["kind"] in ("mixed", "indirect") and re.search(r"\bthat $", text[:q["start"]][-5:]):
        errors.append(f"{tag}: the complementizer 'that' before the span belongs in it")
    if body != body.strip() or any(text[a:b] != text[a:b].strip() for a, b in pieces):
        errors.append(f"{tag}: span or fragment has surrounding whitespace")
    return errors


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
            errors.extend(check_quote(text, q, tag))
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
    quotes = [q for d in docs for q in d["quotes"]]
    print(f"{len(docs)} articles, {len(stats)} quotes")
    print("per kind:    " + ", ".join(f"{k} {kinds[k]}" for k in ("direct", "mixed", "indirect")))
    print("per speaker: " + ", ".join(f"{s} {n}" for s, n in stypes.most_common()))
    cues = Counter(q["cue"].lower() if q["cue"] else None for q in quotes)
    print("per cue:     " + ", ".join(f"{c} {n}" for c, n in cues.most_common()))
    frag = [q for q in quotes if q["fragments"]]
    breaks = sum(1 for q in frag if PARA_BREAK in q["text"])
    print(f"discontinuous: {len(frag)} quotes ({Counter(q['kind'] for q in frag)}), "
          f"{breaks} of them over a paragraph break")
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
