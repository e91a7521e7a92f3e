"""Event roles and codes for constructions added with the broadened CAMEO dictionary: adjectival passives,
messages that act for their author, pronoun sources of reported clauses, promises of force, groups with no
country, and the codebook's common verbs. Sentences are written for the tests.
"""
from __future__ import annotations

import pytest
from test_events import acted, analyse, find, show

from storyline.extract.event_patterns import pattern_book

CASES = [
    # (name, text, source, target, plover, cameo)
    ("adjectival passive: subject is the source", "Norway is opposed to Swedish mediation in the dispute.",
     "Norway", "Sweden", "REJECT", "120"),
    ("message acts for its author", "Germany issued a statement condemning Poland.", "Germany", "Poland",
     "ACCUSE", "111"),
    ("reported pronoun + ready to", "Turkey said it was ready to mediate between Chile and Peru.", "Turkey",
     "Chile", "CONSULT", "039"),
    ("possessive pronoun subject of a reported clause", "The Kenyan army said its troops had attacked Somalia.",
     "Kenya", "Somalia", "ASSAULT", "190"),
    ("own object is no target", "The Zambian president has reneged on his promise.", "Zambia", None, "REJECT",
     "120"),
    ("charged with is legal action", "Greece charged Turkey with spying.", "Greece", "Turkey", "COERCE", "173"),
    ("exchange fire is mutual", "India exchanged fire with Pakistan on Sunday.", "India", "Pakistan", "ASSAULT",
     "190"),
    ("a reaction drawn targets the subject, not what the clause is about",
     "Peru faced sharp criticism from Chile over the violence against Bolivian miners.", "Chile", "Peru", "ACCUSE",
     "111"),
    ("a participle shares the passive it is coordinated with", "Two Chilean sailors were arrested and jailed by Peru.",
     "Peru", "Chile", "COERCE", "173"),
    ("a noun renamed by a name: the name acts", "A Chilean diplomat, Jorge Silva, criticized Peru.", "Jorge Silva",
     "Peru", "ACCUSE", "111"),
    ("attacks (a noun) on a record are made with words", "Chile stepped up its attacks on Peru's voting record.",
     "Chile", "Peru", "ACCUSE", "111"),
    ("an attack as something is made with words", "Peru attacked Chile as a bully.", "Peru", "Chile", "ACCUSE",
     "111"),
    ("an attack on positions is force", "Chilean jets attacked Peruvian positions near the border.", "Chile", "Peru",
     "ASSAULT", "190"),
    ("returning fire is fighting back", "Chilean troops returned fire at Peruvian soldiers.", "Chile", "Peru",
     "ASSAULT", "190"),
    ("a harm verb is coded as the attack that did it, whose maker is the source",
     "Two Syrian soldiers were killed in a Turkish airstrike.", "Turkey", "Syria", "ASSAULT", "195"),
    ("killed in a suicide bombing", "Somali militants killed four Kenyan policemen in a suicide bombing.", "Somali",
     "Kenya", "ASSAULT", "1831"),
    ("a bombing as the subject of kill", "An Iraqi roadside bombing killed two Turkish engineers.", "Iraq", "Turkey",
     "ASSAULT", "1833"),
    ("a harm verb naming no attack stays generic", "Chadian soldiers killed two Sudanese herders with knives.",
     "Chad", "Sudan", "ASSAULT", "190"),
    ("declared ceasefire (reporting verb + object)", "Colombia declared a ceasefire with the rebels.", "Colombia",
     None, "RETREAT", "0871"),
    ("codebook verb: hail", "Brazil hailed Argentina for its help.", "Brazil", "Argentina", "SUPPORT", "051"),
    ("a call between two parties", "Officials said a call between Chile and Peru on Monday had been productive.",
     "Chile", "Peru", "CONSULT", "041"),
    ("giving up land is yielding", "Peru gave up the disputed valley to Chile.", "Peru", "Chile", "CONCEDE", "080"),
    ("meeting demands is yielding", "Chile met the demands of Peru on Monday.", "Chile", "Peru", "CONCEDE", "083"),
    ("codebook verb: summon an envoy", "Poland summoned the Russian ambassador on Monday.", "Poland", "Russia",
     "ACCUSE", "111"),
    ("codebook verb: train forces", "Britain trained Ukrainian soldiers in Kent.", "Britain", "Ukrainian",
     "COOPERATE", "062"),
    ("codebook verb: sell to", "Greece sold two frigates to Egypt.", "Greece", "Egypt", "COOPERATE", "061"),
    ("strike inside is an attack", "Greece said its jets could strike deep inside Turkey.", "Greece", "Turkey",
     "ASSAULT", "190"),
    ("codebook verb: extradite", "Mexico extradited the suspect to Spain.", "Mexico", "Spain", "COOPERATE", "063"),
    ("codebook verb: deplore", "Egypt deplored Israel on Monday.", "Egypt", "Israel", "ACCUSE", "111"),
    ("send troops is a show of force", "France sent troops to Mali.", "France", "Mali", "MOBILIZE", "154"),
    ("on alert (noun with governor source)", "Iran put its forces on high alert.", "Iran", None, "MOBILIZE", "152"),
    ("close embassy", "Canada closed its embassy in Syria.", "Canada", "Syria", "SANCTION", "161"),
    ("particle parsed as adverb", "Peru's president stepped down on Monday.", "Peru", None, "RETREAT", "0831"),
    ("close border", "Chad closed its border with Niger.", "Chad", "Niger", "COERCE", "191"),
    ("traded accusations is no trade", "Greece traded accusations with Turkey.", "Greece", "Turkey", "ACCUSE",
     "112"),
    ("recapture territory", "Iraq recaptured the town from Syria.", "Iraq", "Syria", "COERCE", "192"),
    ("deny entry is a refusal", "Israel denied entry to a Turkish delegation.", "Israel", "Turkey", "REJECT",
     "1245"),
    ("object predicate completes a key: hold responsible", "Peru held Chile responsible for the crash.", "Peru",
     "Chile", "ACCUSE", "112"),
    ("accepting an offer agrees", "Chile accepted an offer from Peru.", "Chile", "Peru", "AGREE", "030"),
    ("accepting demands yields", "Chile accepted the demands of Peru.", "Chile", "Peru", "CONCEDE", "083"),
    ("phrasal verb: bow to", "Chile bowed to Peruvian pressure.", "Chile", "Peru", "CONCEDE", "080"),
    ("phrasal verb: lash out at", "Peru lashed out at Chile on Monday.", "Peru", "Chile", "ACCUSE", "111"),
    ("phrasal verb: call up reservists", "Greece called up reservists against Turkey.", "Greece", "Turkey",
     "MOBILIZE", "154"),
    ("verb + object: freeze talks", "Canada froze talks with Mexico.", "Canada", "Mexico", "SANCTION", "164"),
    ("codebook verb: dispatch", "Japan dispatched relief supplies to Nepal.", "Japan", "Nepal", "AID", "070"),
    ("codebook verb: bulldoze", "Serbian forces bulldozed Albanian homes.", "Serbia", "Albania", "COERCE", "1712"),
    ("codebook verb: rape (lemma fixed)", "Sudanese soldiers raped Chadian women.", "Sudan", "Chad", "ASSAULT",
     "1821"),
    ("codebook noun: air raid", "A Turkish air raid on Syria killed nobody.", "Turkey", "Syria", "ASSAULT", "195"),
    ("a support verb carries its event noun", "Chile granted an amnesty to Peruvian prisoners.", "Chile", "Peru",
     "CONCEDE", "081"),
    ("sent to do it: the sender does it", "Chile sent a team to Peru to investigate the killings.", "Chile", None,
     "ACCUSE", "090"),
    ("bare subjunctive after insist is a demand", "Chile insisted that Peru pay its debts.", "Chile", "Peru",
     "REQUEST", "100"),
    ("told X to V is a directive", "Chile told Peru to stop the tests.", "Chile", "Peru", "REQUEST", "100"),
    ("calls for (noun + for) are an appeal", "Chile rejected calls by Peru for talks.", "Chile", "Peru", "REJECT",
     "120"),
    ("a call to V (noun + infinitive) is an appeal", "Chile ignored a call by Peru to withdraw.", "Chile", "Peru",
     "REJECT", "120"),
    ("expelling diplomats reduces relations", "Chile expelled two Peruvian diplomats.", "Chile", "Peru",
     "SANCTION", "166"),
    ("expelling other people deports them", "Chile expelled two Peruvian reporters.", "Chile", "Peru", "COERCE",
     "174"),
    ("an embargo is a sanction", "Chile imposed an arms embargo on Peru.", "Chile", "Peru", "SANCTION", "163"),
    ("protesting to a government complains", "Chile protested to Peru over the raid.", "Chile", "Peru", "ACCUSE",
     "114"),
    ("any object makes a strike an attack (strike _)", "Chilean jets struck Peruvian radar sites.", "Chile", "Peru",
     "ASSAULT", "190"),
    ("the object key wins over the particle", "Peru's junta handed over power to Chile.", "Peru", "Chile",
     "RETREAT", "0831"),
    ("force used to protest is a protest", "Chilean farmers blockaded Peruvian ports to protest the tariffs.",
     "Chile", None, "PROTEST", "141"),
    ("arriving to do it: the visitor does it", "A Chilean team arrived in Peru to investigate the killings.",
     "Chile", None, "ACCUSE", "090"),
    ("calling a strike organises it", "Chilean unions called a general strike against Peru.", "Chile", "Peru",
     "PROTEST", "143"),
    ("coordinated verbs share the object", "Chilean soldiers shot and killed two Peruvian farmers.", "Chile", "Peru",
     "ASSAULT", "193"),
    ("ruling out mediation rejects it", "Chile ruled out any mediation by Peru.", "Chile", "Peru", "REJECT", "120"),
    ("help X rebuild: X, parsed as the clause subject, is helped", "Chile helped Peru rebuild its ports.", "Chile",
     "Peru", "AID", "070"),
    ("warning of retaliation is a threat", "Chile warned Peru of retaliation.", "Chile", "Peru", "THREATEN", "130"),
    ("freezing contacts reduces relations", "Chile froze diplomatic contacts with Peru.", "Chile", "Peru",
     "SANCTION", "161"),
    ("a counted object keys the verb: thousands of troops", "Chile sent thousands of troops to Peru.", "Chile",
     "Peru", "MOBILIZE", "154"),
    ("for-to infinitive: the noun after 'for' does it", "The deal lays the foundation for Chile to assist Peru.",
     "Chile", "Peru", "AID", "033"),
    ("call for X to V asks X", "Chile called for Peru to halt the tests.", "Chile", "Peru", "REQUEST", "020"),
    ("'I' inside a direct quote is its speaker, even a sentence after the cue",
     "“We are ready,” Emmanuel Macron said on Monday. “I will visit Chile next week.”", "Emmanuel Macron", "Chile",
     "CONSULT", "036"),
]


@pytest.mark.model
@pytest.mark.parametrize("name,text,source,target,plover,cameo", CASES, ids=[c[0] for c in CASES])
def test_role_case(nlp, name, text, source, target, plover, cameo):
    _, events = analyse(nlp, text)
    found = acted(events, source, target, plover)
    assert found, f"[{name}] {text!r}: expected {source} -> {target} {plover}; got {show(events)}"
    assert any(e.cameo == cameo for e in found), f"[{name}] {text!r}: expected CAMEO {cameo}; got {show(found)}"


@pytest.mark.model
def test_two_mentions_of_an_event_never_make_an_actor_its_own_target(nlp):
    _, events = analyse(nlp, "The Gaza ceasefire held on Monday. The ceasefire in Gaza has saved many lives.")
    assert events and all(e.source is None or e.source != e.target for e in events), show(events)


NO_PARTY_CASES = [
    # (name, text, a word no party's name holds, (source, target, plover) still found)
    ("an event noun is no group actor", "The ceasefire in Gaza would allow Egypt to assist Israel.", "ceasefire",
     ("Egypt", "Israel", "AID")),
    ("a share of a region is no party", "Russia insists that Ukraine should give up the rest of the Donetsk region.",
     "rest", ("Russia", "Ukraine", "REQUEST")),
    ("a named agreement is no party", "Germany condemned the Paris Agreement.", "Paris Agreement",
     ("Germany", None, "ACCUSE")),
    ("a noun that names no one is no group actor", "Brazil criticized the growing tension in Argentina.", "tension",
     ("Brazil", "Argentina", "ACCUSE")),
    ("a concession names no party", "Chile agreed to extend the mission despite the wish of Peru.", "Peru",
     ("Chile", None, "AGREE")),
    ("the circumstances name no party", "Chile made new offers amid concerns about Peru.", "Peru",
     ("Chile", None, "AGREE")),
    ("pressure from X is the circumstance", "Under pressure from Peru, Chile backed out of the Bolivian deal.",
     "Peru", ("Chile", "Bolivia", "REJECT")),
    ("together with X is a partner", "Together with Peru, Chile will sue Bolivia.", "Peru",
     ("Chile", "Bolivia", "ACCUSE")),
    ("a stance is no party", "Peru criticized Chile's pro-Bolivian statements.", "Bolivia",
     ("Peru", "Chile", "ACCUSE")),
    ("a role names no party", "Jorge Silva resigned as the head of the Peruvian mission.", "Peru",
     ("Jorge Silva", None, "RETREAT")),
    ("a comparison names no party", "Unlike in Peru, the Chilean decision was welcomed by Bolivia.", "Peru",
     ("Bolivia", "Chile", "SUPPORT")),
]


@pytest.mark.model
@pytest.mark.parametrize("name,text,word,kept", NO_PARTY_CASES, ids=[c[0] for c in NO_PARTY_CASES])
def test_no_party(nlp, name, text, word, kept):
    _, events = analyse(nlp, text)
    names = [n for e in events for n in (e.source_name, e.target_name) if n]
    assert not [n for n in names if word in n], f"[{name}] {show(events)}"
    assert find(events, *kept), f"[{name}] expected {kept}; got {show(events)}"


@pytest.mark.model
def test_an_adverbial_clause_with_its_own_subject_names_no_party(nlp):
    _, events = analyse(nlp, "The Chilean envoy resigned after Peru seized two Bolivian boats.")
    resigned = [e for e in events if e.trigger.text == "resigned"]
    assert resigned and all(e.target_name is None for e in resigned), show(events)
    assert find(events, "Peru", "Bolivia", "COERCE"), show(events)


@pytest.mark.model
def test_whom_a_discussed_act_is_for_is_no_party_to_the_discussion(nlp):
    _, events = analyse(nlp, "Chile discussed sending Peru emergency food aid.")
    talks = [e for e in events if e.plover == "CONSULT"]
    assert talks and not [e for e in talks if e.target_name], show(events)
    assert find(events, "Chile", "Peru", "AID"), show(events)


@pytest.mark.model
def test_a_quake_with_its_magnitude_is_still_no_attacker(nlp):
    _, events = analyse(nlp, "LIMA — A magnitude 5.8 earthquake struck southern Peru on Sunday.")
    assert not events, f"a natural hazard is no actor, even when the parser splits its subject: {show(events)}"


@pytest.mark.model
def test_a_thing_called_by_a_name_is_no_phone_call(nlp):
    _, events = analyse(nlp, "The tablet, called the Falcon Tab 9, costs 300 euros. Macron called Merz on Monday.")
    calls = [e for e in events if e.cameo == "041"]
    assert [(e.source_name, e.target_name) for e in calls] == [("Emmanuel Macron", "Friedrich Merz")], show(events)


@pytest.mark.model
def test_promise_of_force_is_coded_as_the_threatened_act(nlp):
    _, events = analyse(nlp, "Serbia vowed to attack Kosovo.")
    assert not [e for e in events if e.plover == "AGREE"], f"a vow to attack is no AGREE: {show(events)}"
    attack = find(events, "Serbia", "Kosovo", "ASSAULT")
    assert attack and attack[0].status == "planned" and attack[0].cameo.startswith("13"), (
        f"the planned attack carries the threat code (13x): {show(events)}")


@pytest.mark.model
def test_group_of_unknown_country_is_coded_with_dashes(nlp):
    _, events = analyse(nlp, "Unidentified gunmen killed three villagers on Sunday.")
    assert events, "an attack by unknown gunmen is still an event"
    assert events[0].source_code.startswith("---"), f"unknown country is CAMEO '---': {show(events)}"


@pytest.mark.model
def test_group_without_country_takes_the_country_of_the_place(nlp):
    _, events = analyse(nlp, "Police fired tear gas at protesters in Peru on Monday.")
    codes = {e.source_code for e in events}
    assert any(c and c.startswith("PER") for c in codes), f"police in Peru are Peruvian police: {show(events)}"


@pytest.mark.model
def test_calling_something_a_name_is_no_phone_call(nlp):
    _, events = analyse(nlp, "Poland called the Czech plan a disgrace. Later Poland called Hungary about it.")
    calls = [e for e in events if e.cameo == "041"]
    assert [(e.source_name, e.target_name) for e in calls] == [("Poland", "Hungary")], show(events)


def test_press_release_is_no_release(nlp):
    _, events = analyse(nlp, "Germany freed Poland's envoy, according to a press release by Poland.")
    releases = [e for e in events if e.trigger and e.trigger.text == "release"]
    assert not releases, f"a press release is a document, not a release: {show(events)}"


def test_lemma_fixes_and_two_word_cues_load():
    book = pattern_book()
    assert book.cue("rule out") == "denied" and book.cue("rule") is None
    assert "hopes" in book.lemma_fixes and book.verbs["oppose"].stative


NON_EVENTS = [  # (name, text): an event word whose object or modifier makes it no event between actors
    ("meet the conditions", "The storm did not meet the conditions for a warning in Chile."),
    ("send a message", "Norway said the fines sent a clear message to Sweden."),
    ("give it a chance", "Brazil wanted to give its talks with Peru a chance first."),
    ("give an account", "A Polish aide gave Czech reporters an account of the visit."),
    ("economic demand", "Growth in Hungary was held back by weak demand in Germany."),
    ("asked about", "Asked about the talks, the Polish president said Germany was ready."),
    ("called off", "Poland called off its planned meeting with Chile."),
    ("received support is no hosting", "The Chilean plan received broad support from Peruvian leaders."),
    ("recalled in an interview is speech", "The Chilean envoy recalled in an interview that Peru had been a good partner."),
    ("helped do something is no aid to what it touches", "Chile's envoy helped bridge the divide in Peru."),
    ("help elect is no aid to the elected", "The leaks were designed to help elect the Peruvian president."),
    ("contributed to a gerund is no aid", "Low prices contributed to weakening Peru's economy."),
    ("convinced that is a belief", "The Chilean minister came away convinced that Peru would sign."),
    ("a month is no protest march", "Peru will hold elections in March next year."),
    ("meet the bar", "Chile's spending did not meet the bar set by Peru."),
    ("seize on is no seizure", "Chilean leaders seized upon the Peruvian president's remarks."),
    ("lend legitimacy is no loan", "The Chilean visit lends legitimacy to the Peruvian regime."),
    ("a conditional conjunction is no act", "Providing that Peru pays, Chile will ship grain to Bolivia."),
    ("posing a threat is a danger, not a threat made", "The Chilean trucks posed no threat to Peru."),
    ("force on oneself is no attack", "If Chile closes the border, Peru would be shooting itself in the foot."),
    ("surrounding oneself is no siege", "The Chilean president surrounded himself with Peruvian advisers."),
    ("sharing a worry is no intelligence sharing", "Chilean leaders share these apprehensions about Peru."),
    ("a rule is no one's concession", "Open primaries allow Chilean voters to choose the Peruvian candidate."),
    ("a candidate's appeal is no request", "The Chilean candidate's appeal among Peruvian voters grew."),
    ("a campaign rally is no protest", "Thousands attended a Chilean campaign rally in Lima."),
    ("comic relief is no aid", "The Chilean show found comic relief in Peru's troubles."),
    ("releasing a memo is no release", "The Chilean campaign released a memo about Peru."),
    ("sending emails is no aid", "The Chilean aide sent emails to Peruvian officials."),
    ("withholding documents is no sanction", "The Chilean ministry withheld documents from Peruvian investigators."),
    ("pleading guilty is no appeal", "The Chilean senator pleaded not guilty to the Peruvian charges."),
    ("agreement that is a consensus", "There was broad agreement in Lima that Chile was right."),
    ("a recognition that is a realisation", "The crisis forced a recognition that Chile needed Peru."),
]


@pytest.mark.parametrize("name,text", NON_EVENTS, ids=[c[0] for c in NON_EVENTS])
def test_object_or_modifier_makes_no_event(nlp, name, text):
    _, events = analyse(nlp, text)
    triggers = {"meet", "sent", "give", "gave", "demand", "Asked", "called", "received", "recalled", "helped", "help",
                "contributed", "convinced", "March", "meet", "seized", "lends", "Providing", "threat", "shooting",
                "surrounded", "share", "allow", "appeal", "rally", "relief", "released", "pleaded", "agreement",
                "recognition", "sent", "withheld"}
    wrong = [e for e in events if e.trigger and e.trigger.text in triggers]
    assert not wrong, f"{name}: {text!r} should code no event for its {triggers & set(text.split())}: {show(wrong)}"


PAIRS = [  # (text, trigger, the two sources expected)
    ("Emmanuel Macron phoned Keir Starmer on Monday, said an aide, Jean Dupont. The two leaders agreed to cut "
     "tariffs.", "agreed", {"Emmanuel Macron", "Keir Starmer"}),
    ("India and Pakistan traded fire on Sunday. Later both sides agreed to a truce.", "agreed", {"India", "Pakistan"}),
    ("Emmanuel Macron phoned Vladimir Putin on Thursday, Yuri Ushakov said. The two presidents agreed to talk again.",
     "agreed", {"Emmanuel Macron", "Vladimir Putin"}),
    ("Dmitry Peskov said Emmanuel Macron had phoned Vladimir Putin. Both presidents agreed to talk again.", "agreed",
     {"Emmanuel Macron", "Vladimir Putin"}),
    ("Emmanuel Macron left Downing Street without a loan from Keir Starmer, after Starmer said he wanted to see "
     "Giorgia Meloni first. The two leaders agreed to meet again.", "agreed", {"Emmanuel Macron", "Keir Starmer"}),
]


PAIR_IDS = ["two leaders", "both sides", "a presidential aide", "the president's press secretary",
            "the prominent two"]


@pytest.mark.parametrize("text,trigger,expected", PAIRS, ids=PAIR_IDS)
def test_the_two_leaders_are_the_two_named_last(nlp, text, trigger, expected):
    _, events = analyse(nlp, text)
    sources = {e.source_name for e in events if e.trigger and e.trigger.text == trigger}
    assert sources == expected, f"{text!r}: expected {expected} as sources of {trigger!r}; got {show(events)}"


def test_a_definite_event_noun_refers_back_to_the_event_it_names(nlp):
    _, events = analyse(nlp, "Poland phoned Hungary on Monday. The call with Hungary lasted an hour. "
                             "Poland then met Chile.")
    calls = [e for e in events if e.plover == "CONSULT" and e.mode == "phone"]
    assert len(calls) == 1 and calls[0].more_evidence, f"one call with two pieces of evidence: {show(events)}"
    assert any(e.target_name == "Chile" for e in events if e.plover == "CONSULT"), show(events)


def test_the_host_of_talks_is_not_a_party_to_them(nlp):
    _, events = analyse(nlp, "An envoy is expected to lead a delegation for talks with Peru next week. Hungary said "
                             "it was ready to host the talks.")
    talks = [e for e in events if e.trigger and e.trigger.text == "talks"]
    assert talks and all(e.source_name != "Hungary" for e in talks), show(events)


def test_an_actorless_definite_event_noun_is_evidence_of_the_earlier_event(nlp):
    _, events = analyse(nlp, "Poland phoned Hungary on Monday. The call lasted an hour. Later the talks ended.")
    assert [e.trigger.text for e in events] == ["phoned"], show(events)
    assert [m.text for m in events[0].more_evidence] == ["The call lasted an hour."], events[0].more_evidence


def test_a_city_before_an_event_noun_is_its_venue_not_a_party(nlp):
    _, events = analyse(nlp, "Chile said the Lisbon meeting with Peru would go ahead.")
    meetings = [e for e in events if e.trigger and e.trigger.text == "meeting"]
    assert meetings and all("Lisbon" not in (e.source_name or "") + (e.target_name or "") and
                            e.source_name != "Portugal" for e in meetings), show(events)


def test_two_capitals_before_an_event_noun_are_its_parties(nlp):
    _, events = analyse(nlp, "Officials said the Lisbon-Madrid talks ended on Monday.")
    talks = [e for e in events if e.trigger and e.trigger.text == "talks"]
    assert talks and {talks[0].source_name, talks[0].target_name} == {"Portugal", "Spain"}, show(events)


def test_a_natural_hazard_is_no_actor(nlp):
    text = ("A strong earthquake struck off the coast of Chile, damaging homes. Three people were injured by falling "
            "debris. Rebels attacked a village in Peru.")
    _, events = analyse(nlp, text)
    assert [(e.source_name, e.plover) for e in events] == [("Rebels", "ASSAULT")], show(events)


def test_a_city_in_the_sources_own_country_is_where_not_whom(nlp):
    _, events = analyse(nlp, "In Lima, the Peruvian president welcomed the new sanctions.")
    welcomed = [e for e in events if e.trigger and e.trigger.text == "welcomed"]
    assert welcomed and all(e.target_name not in ("Lima", "Peru") for e in welcomed), show(events)


COUNTRY_CASES = [  # (text, source country, target country) of the main event
    ("Zimbabwean police arrested the opposition leader.", "ZWE", "ZWE"),  # a state's own unnamed people
    ("Chilean troops fired on Aymara protesters in Arica.", "CHL", "CHL"),  # people of no country: where hit
    ("South Korean troops attacked North Korean positions.", "KOR", "PRK"),  # two-word demonyms
    ("Sri Lankan police arrested Indian fishermen.", "LKA", "IND"),
    ("Yugoslavia criticized Albania on Monday.", "SRB", "ALB"),  # former states: the continuing state
    ("The Soviet Union criticized China.", "RUS", "CHN"),
    ("Zairean troops attacked Angola.", "COD", "AGO"),
    ("Czechoslovakia praised Hungary.", "CZE", "HUN"),
    ("Accra criticized Lome on Monday.", "GHA", "TGO"),  # capitals as governments
    ("FARC guerrillas attacked an Ecuadorean patrol.", "COL", "ECU"),  # armed groups of a country
]


@pytest.mark.model
@pytest.mark.parametrize("text,source,target", COUNTRY_CASES, ids=[c[0] for c in COUNTRY_CASES])
def test_actor_countries_of_the_main_event(nlp, text, source, target):
    from storyline.eval.event_runner import country_codes, main_coding, run

    doc = run(nlp, text)
    coded = main_coding(doc)
    assert coded is not None, f"{text!r}: no event"
    got = (country_codes(doc, coded.events, "source"), country_codes(doc, coded.events, "target"))
    assert got == ({source}, {target}), f"{text!r}: expected {source} -> {target}; got {got}"


@pytest.mark.model
def test_a_purpose_verb_with_no_event_of_its_own_leaves_the_sending(nlp):
    _, events = analyse(nlp, "Norway sent tents to Chile to help.")
    assert find(events, "Norway", "Chile", "AID"), f"sending with a bare 'to help' is still aid: {show(events)}"


@pytest.mark.model
def test_an_act_done_at_home_to_no_one_named_targets_the_place(nlp):
    doc, _ = analyse(nlp, "Myanmar's junta lifted the curfew in Yangon on Sunday.")
    from storyline.eval.event_runner import country_codes, main_coding

    coded = main_coding(doc)
    assert coded is not None and country_codes(doc, coded.events, "target") == {"MMR"}, \
        f"the curfew was lifted on the people of Yangon: {show(coded.events if coded else [])}"


@pytest.mark.model
def test_a_word_of_an_uncoded_name_is_no_place(nlp):
    _, events = analyse(nlp, "Chinese police detained Falun Gong followers.")
    assert not [e for e in events if (e.target_code or "").startswith("SWE")], \
        f"'Falun' in a movement's name is not the Swedish town: {show(events)}"


@pytest.mark.model
def test_a_vow_of_revenge_is_no_agreement(nlp):
    _, events = analyse(nlp, "Chile vowed revenge against Peru.")
    assert not [e for e in events if e.plover == "AGREE"], f"a vow of revenge threatens force: {show(events)}"
    assert find(events, "Chile", "Peru", "ASSAULT"), f"the planned revenge is coded: {show(events)}"


@pytest.mark.model
@pytest.mark.parametrize("text,partner", [
    ("Chile talked about the war in Ukraine on Monday.", None),
    ("Chile discussed the war in Ukraine with Peru.", "Peru"),
    ("Chile hosted a meeting between Peru and Bolivia.", "Peru"),
])
def test_what_talks_are_about_is_no_party_to_them(nlp, text, partner):
    _, events = analyse(nlp, text)
    talks = [e for e in events if e.plover == "CONSULT" and e.source_name == "Chile"]
    assert talks, f"{text!r}: expected a CONSULT by Chile; got {show(events)}"
    targets = {e.target_name for e in talks}
    assert "Ukraine" not in targets, f"{text!r}: the topic is no target; got {show(talks)}"
    if partner:
        assert partner in targets, f"{text!r}: expected {partner} as partner; got {show(talks)}"


@pytest.mark.model
@pytest.mark.parametrize("text", [
    "Chile and Peru will hold a summit in Madrid next month.",
    "Chile and Peru met in Madrid on Monday.",
])
def test_where_the_parties_meet_is_the_venue_not_a_party(nlp, text):
    _, events = analyse(nlp, text)
    talks = [e for e in events if e.plover in ("CONSULT", "AGREE")]
    assert {e.source_name for e in talks} >= {"Chile", "Peru"}, f"{text!r}: got {show(events)}"
    venue = [e for e in talks if e.target_name in ("Madrid", "Spain")]
    assert not venue, f"{text!r}: Madrid is the venue; got {show(talks)}"


@pytest.mark.model
@pytest.mark.parametrize("text", [
    "The two presidents agreed to meet in Lisbon.",
    "Chile and Peru agreed to meet in Lisbon.",
])
def test_the_venue_of_an_agreed_meeting_is_its_place_not_a_party(nlp, text):
    """"agreed to meet in Lisbon": with the parties named together in the subject, the city is where the agreed
    meeting takes place; neither the agreement nor the meeting targets it."""
    _, events = analyse(nlp, text)
    meetings = [e for e in events if e.plover == "CONSULT"]
    assert meetings and all(e.location for e in meetings), f"{text!r}: got {show(events)}"
    assert not [e for e in events if e.target_name in ("Lisbon", "Portugal")], f"{text!r}: got {show(events)}"


@pytest.mark.model
def test_a_lone_visitor_still_targets_the_place_visited(nlp):
    _, events = analyse(nlp, "Chile held talks in Madrid on Monday.")
    assert any(e.source_name == "Chile" and e.target_name for e in events), show(events)


@pytest.mark.model
@pytest.mark.parametrize("text,doer", [
    ("Hamas accused Israel of violating the ceasefire.", "Israel"),
    ("Israel was accused by Hamas of violating the ceasefire.", "Israel"),
    ("Russia blamed Kyiv for shelling the plant.", "Ukraine"),
])
def test_the_gerund_after_an_accused_object_is_the_objects_alleged_act(nlp, text, doer):
    """"accused X of V-ing", "blamed X for V-ing": X is who did V, and it is alleged, not established."""
    _, events = analyse(nlp, text)
    acts = [e for e in events if e.plover == "ASSAULT"]
    assert acts and all(e.source_name == doer for e in acts), f"{text!r}: got {show(events)}"
    assert all(e.status == "considered" for e in acts), f"{text!r}: an alleged act; got {show(acts)}"


@pytest.mark.model
def test_a_thing_before_for_does_not_take_the_act(nlp):
    _, events = analyse(nlp, "Russia signed a contract for supplying jets to Turkey.")
    supplies = [e for e in events if e.plover == "AID"]
    assert supplies and all(e.source_name == "Russia" for e in supplies), show(events)


@pytest.mark.model
@pytest.mark.parametrize("text,absent", [
    ("Iran sought to protect its oil exports from the sanctions.", "REQUEST"),
    ("European leaders now recognize that the plan has failed.", "SUPPORT"),
    ("European leaders now recognize the plan has failed.", "SUPPORT"),
    ("Reporters asked Chile's president whether he would resign.", "REQUEST"),
    ("A reporter asked the minister why Peru had not paid.", "REQUEST"),
])
def test_the_word_opening_a_complement_clause_can_make_a_verb_no_event(nlp, text, absent):
    """"sought to" tries, "recognize (that)" realises, "asked whether/why" questions: no appeal, no diplomatic
    recognition (not_events "seek to", "recognize that", "ask whether", ...)."""
    _, events = analyse(nlp, text)
    assert not [e for e in events if e.plover == absent], f"{text!r}: got {show(events)}"


@pytest.mark.model
@pytest.mark.parametrize("text,plover", [
    ("Ukraine sought military aid from Germany.", "REQUEST"),
    ("France recognized the new government of Libya.", "SUPPORT"),
    ("Chile asked Peru to withdraw its troops.", "REQUEST"),
])
def test_the_same_verbs_with_an_object_are_still_events(nlp, text, plover):
    _, events = analyse(nlp, text)
    assert [e for e in events if e.plover == plover], f"{text!r}: got {show(events)}"


@pytest.mark.model
@pytest.mark.parametrize("text,source", [
    ("The U.S. economic sanctions on Iran hurt its oil exports.", "U.S."),
    ("The EU sanctions against Russia took effect on Friday.", "European Union"),
])
def test_a_country_or_body_before_an_event_noun_acts_though_the_gazetteer_knows_it(nlp, text, source):
    """A country or organisation modifying an event noun is its source even where the gazetteer also lists it as a
    place; a city there is the venue ("the Budapest summit")."""
    _, events = analyse(nlp, text)
    sanctions = [e for e in events if e.plover == "SANCTION"]
    assert sanctions and sanctions[0].source_name == source, f"{text!r}: got {show(events)}"


@pytest.mark.model
@pytest.mark.parametrize("text,name,code", [
    ("Putin's troops attacked the village.", "Putin's troops", "RUSMIL"),
    ("Donald Trump spoke in Ohio. His supporters threatened the reporters.", "His supporters", "USA"),
    ("Trump voters threatened the reporters.", "Trump voters", "USACVL"),
])
def test_a_persons_people_act_themselves_coded_by_the_persons_country(nlp, text, name, code):
    """"his supporters", "Putin's troops": the group acts, not the man who owns it; it takes his country."""
    _, events = analyse(nlp, text)
    acts = [e for e in events if e.plover in ("ASSAULT", "THREATEN")]
    assert acts and acts[0].source_name == name and acts[0].source_code == code, f"{text!r}: got {show(events)}"


@pytest.mark.model
def test_a_group_is_named_as_written(nlp):
    _, events = analyse(nlp, "A Saudi-led military coalition is battling Houthi insurgents.")
    assert any(e.source_name == "Saudi-led military coalition" for e in events), show(events)


@pytest.mark.model
def test_a_campaign_named_by_a_person_still_acts_for_the_person(nlp):
    _, events = analyse(nlp, "The Trump administration imposed sanctions on Iran.")
    assert any(e.plover == "SANCTION" and e.source_code == "USAGOV" for e in events), show(events)


@pytest.mark.model
@pytest.mark.parametrize("text,absent", [
    ("The Harvard-trained economist criticized Brazil.", "COOPERATE"),
    ("The chairman called the roll and then called a voice vote.", "CONSULT"),
])
def test_schooling_and_procedure_are_no_events(nlp, text, absent):
    """"Harvard-trained" trained no one (train needs an object); calling the roll or a vote phones no one."""
    _, events = analyse(nlp, text)
    assert not [e for e in events if e.plover == absent], f"{text!r}: got {show(events)}"


@pytest.mark.model
@pytest.mark.parametrize("text,name,code", [
    ("Philadelphia police arrested 20 protesters.", "Philadelphia police", "USACOP"),
    ("Kyiv officials criticized Moscow.", "Kyiv officials", "UKRGOV"),
])
def test_a_citys_people_act_not_the_city(nlp, text, name, code):
    """A city before a people noun says whose they are: the group acts, coded by the city's country."""
    _, events = analyse(nlp, text)
    assert events and events[0].source_name == name and events[0].source_code == code, show(events)


@pytest.mark.model
def test_he_inside_a_speakers_own_quote_is_not_the_speaker(nlp):
    """A speaker says "I" of themself: a "he" in their direct quote is someone else, so the act is not theirs."""
    _, events = analyse(nlp, 'Hillary Clinton spoke on Monday. "He has criticized Mexico for years," Clinton said.')
    acts = [e for e in events if e.plover == "ACCUSE"]
    assert acts and all(e.source_name != "Hillary Clinton" for e in acts), show(events)


@pytest.mark.model
def test_a_reported_pronoun_outside_quotes_is_still_the_speaker(nlp):
    _, events = analyse(nlp, "Switzerland said today it had expelled two Iraqi diplomats.")
    assert any(e.source_name == "Switzerland" for e in events), show(events)


@pytest.mark.model
@pytest.mark.parametrize("text,name,country", [
    ("Ethnic Serbs in Croatia blocked roads near Knin on Friday.", "Ethnic Serbs", "HRV"),
    ("Up to 100 ethnic Albanians demonstrated on Tuesday in Serbia.", "ethnic Albanians", "SRB"),
    ("Ethnic Albanian rebels operating in Macedonia attacked a police station.", "Ethnic Albanian rebels", "MKD"),
    ("Ethnic Albanians rallied on Sunday.", None, "ALB"),
])
def test_an_ethnic_group_is_coded_by_the_country_it_lives_in(nlp, text, name, country):
    """CAMEO codes "ethnic Albanians in Serbia" by Serbia, not by Albania's state: an "in X" phrase on the group,
    else the place of the event; with neither, the demonym's country stays. The group is named as written, never
    as the state."""
    _, events = analyse(nlp, text)
    acts = [e for e in events if e.plover in ("PROTEST", "ASSAULT")]
    assert acts and (acts[0].source_code or "")[:3] == country, f"{text!r}: got {show(events)}"
    if name:
        assert acts[0].source_name == name, f"{text!r}: got {show(events)}"


@pytest.mark.model
@pytest.mark.parametrize("text,name,code", [
    ("Palestinian protesters marched in Ramallah.", "Palestinian protesters", "PSECVL"),
    ("Iraqi villagers criticized the raid.", "Iraqi villagers", "IRQCVL"),
    ("Prisoners rioted at a jail in Dili on Monday.", "Prisoners", "TLSCVL"),
])
def test_people_named_by_a_country_adjective_are_a_group_not_the_state(nlp, text, name, code):
    """"Palestinian protesters marched": the protesters, coded PSE + their sector, not the Palestinian state;
    prisoners are civilians, coded by where they are held."""
    _, events = analyse(nlp, text)
    assert events and events[0].source_name == name and events[0].source_code == code, show(events)


@pytest.mark.model
def test_people_of_two_countries_keep_both_countries(nlp):
    _, events = analyse(nlp, "Indian and Pakistani troops exchanged fire in Kashmir on Monday.")
    fights = [e for e in events if e.plover == "ASSAULT"]
    assert {(e.source_code or "")[:3] for e in fights} >= {"IND", "PAK"}, show(events)


@pytest.mark.model
@pytest.mark.parametrize("text,doer", [
    ("Iraqi villagers accused U.S. troops of killing civilians.", "USA"),
    ("Chile criticized the Peruvian police for beating protesters.", "PER"),
])
def test_the_accused_objects_act_when_the_parser_hangs_of_on_the_object(nlp, text, doer):
    """The small model often hangs "of killing" on "troops" rather than on "accused": for a verb that judges what
    its object does, the object still did it, and it is still alleged."""
    _, events = analyse(nlp, text)
    acts = [e for e in events if e.plover == "ASSAULT"]
    assert acts and all((e.source_code or "")[:3] == doer for e in acts), f"{text!r}: got {show(events)}"
    if "accused" in text:
        assert all(e.status == "considered" for e in acts), show(acts)


@pytest.mark.model
def test_a_title_word_is_no_small_town(nlp):
    """"Federal Minister": "Federal" names no place, though a small Argentine town bears the name."""
    _, events = analyse(nlp, "The Federal Minister for Interior allowed the opposition to hold a rally.")
    assert events and all(not (e.source_code or "").startswith("ARG") for e in events), show(events)


@pytest.mark.model
def test_a_demonym_of_a_language_names_no_party(nlp):
    _, events = analyse(nlp, "The Latvian court cancelled restrictions on the use of the Russian language.")
    acts = [e for e in events if e.plover == "CONCEDE"]
    assert acts and all(not (e.target_code or "").startswith("RUS") for e in acts), show(events)


@pytest.mark.model
def test_a_reduced_passive_takes_its_by_agent(nlp):
    _, events = analyse(nlp, "Workers went on strike over a bill signed by Serbia's president.")
    signed = [e for e in events if e.trigger and e.trigger.text == "signed"]
    assert signed and all((e.source_code or "").startswith("SRB") for e in signed), show(events)


@pytest.mark.model
@pytest.mark.parametrize("text,code", [
    ("Some 500,000 workers affiliated with the Serbian union stopped work on Monday.", "SRB"),
    ("Militias loyal to Tehran attacked the base.", "IRN"),
    ("Rebels based in Sudan attacked a town.", "SDN"),
])
def test_a_participle_phrase_on_a_group_gives_its_country(nlp, text, code):
    _, events = analyse(nlp, text)
    assert events and (events[0].source_code or "").startswith(code), f"{text!r}: got {show(events)}"


@pytest.mark.model
@pytest.mark.parametrize("text,side,country", [
    ("Moscow's allies criticized the decision.", "source", None),
    ("Iran's proxies in Iraq attacked the base.", "source", "IRQ"),
    ("Hezbollah killed a commander of Israel's militia ally in southern Lebanon.", "target", "LBN"),
])
def test_an_ally_is_not_the_country_it_is_allied_to(nlp, text, side, country):
    """"Moscow's allies" are not Russia: the possessor is the other side of the relation. The group keeps a
    country the text gives it ("in Iraq"), else none."""
    _, events = analyse(nlp, text)
    assert events, show(events)
    code = getattr(events[0], f"{side}_code") or ""
    assert getattr(events[0], f"{side}_name"), show(events)
    assert (code[:3] == country) if country else code.startswith("---"), f"{text!r}: got {show(events)}"


@pytest.mark.model
def test_a_release_of_a_thing_is_no_release(nlp):
    _, events = analyse(nlp, "The footage released by the family did not show the shooting. Hamas released two "
                             "hostages on Sunday.")
    releases = [e for e in events if e.plover == "RETREAT"]
    assert [e.trigger.text for e in releases] == ["released"] and releases[0].source_name == "Hamas", show(events)


@pytest.mark.model
@pytest.mark.parametrize("text,noun,source", [
    ("Ukraine rejected the Russian proposal.", "proposal", "Russia"),
    ("Hamas rejected the call for a ceasefire.", "call", None),
    ("Israel accepted Egypt's invitation to talks.", "invitation", "Egypt"),
])
def test_another_partys_offer_is_made_not_denied_by_who_rejects_it(nlp, text, noun, source):
    """An offer or appeal that someone rejects or accepts was made by someone else: it is not denied, and the one
    who rejects it did not make it (no event at all when the text does not say who did)."""
    _, events = analyse(nlp, text)
    offers = [e for e in events if e.trigger and e.trigger.text == noun]
    if source is None:
        assert not offers, show(events)
    else:
        assert offers and all(e.source_name == source and e.status == "occurred" for e in offers), show(events)


@pytest.mark.model
def test_an_offer_made_is_its_makers(nlp):
    _, events = analyse(nlp, "France unveiled a proposal for closer cooperation.")
    assert any(e.trigger.text == "proposal" and e.source_name == "France" for e in events if e.trigger), show(events)


@pytest.mark.model
@pytest.mark.parametrize("text,plover", [
    ("Israeli strikes killed 30 people in Gaza.", "ASSAULT"),
    ("Russian strikes on Kyiv damaged two power plants.", "ASSAULT"),
    ("French workers began a national strike on Monday.", "PROTEST"),
    ("Dockworkers held a strike on Monday over pay.", "PROTEST"),
])
def test_a_strike_that_kills_or_falls_on_a_place_is_force(nlp, text, plover):
    """"strikes" that kill or hit, or fall "on" somewhere, are air or missile strikes; a strike "on Monday" is
    still a labour strike."""
    _, events = analyse(nlp, text)
    other = {"ASSAULT": "PROTEST", "PROTEST": "ASSAULT"}[plover]
    assert any(e.plover == plover for e in events), f"{text!r}: got {show(events)}"
    assert not any(e.plover == other for e in events), f"{text!r}: got {show(events)}"


@pytest.mark.model
@pytest.mark.parametrize("text,name,code", [
    ("\"We will not talk to them,\" Israel's defense minister said on Monday.", "Israel's defense minister", "ISRMIL"),
    ("Russia's army captured the village.", "Russia's army", "RUSMIL"),
])
def test_a_state_office_named_by_its_country_acts_not_the_state(nlp, text, name, code):
    """"Israel's defense minister" is an office of Israel, coded ISR + its sector; it is not "Israel" itself."""
    _, events = analyse(nlp, text)
    assert events and events[0].source_name == name and events[0].source_code == code, show(events)


@pytest.mark.model
def test_a_pronouns_office_stays_its_owners_own(nlp):
    """"Argentina recalled its ambassador to Uruguay": its ambassador is Argentina's own, so the target is
    Uruguay."""
    _, events = analyse(nlp, "Argentina recalled its ambassador to Uruguay on Monday.")
    assert events and (events[0].target_code or "")[:3] == "URY", show(events)


@pytest.mark.model
def test_a_country_inside_an_attitude_is_not_the_groups(nlp):
    _, events = analyse(nlp, "A car bomb in Beirut killed an anti-Syrian Lebanese lawmaker on Tuesday.")
    kills = [e for e in events if e.plover == "ASSAULT"]
    assert kills and (kills[0].target_code or "")[:3] == "LBN", show(events)
    assert kills[0].target_name == "anti-Syrian Lebanese lawmaker", show(events)


@pytest.mark.model
def test_an_event_noun_that_is_its_verbs_subject_is_one_event(nlp):
    """"Israeli strikes killed 30": the strikes and the killing are one attack, one row, the verb's."""
    _, events = analyse(nlp, "Israeli strikes killed 30 people in Gaza on Monday.")
    attacks = [e for e in events if e.plover == "ASSAULT"]
    assert len(attacks) == 1 and attacks[0].trigger.text == "killed", show(events)
    assert attacks[0].source_name == "Israel", show(events)


@pytest.mark.model
@pytest.mark.parametrize("text,country", [
    ("Gunmen in the Niger Delta opened fire on a navy patrol boat on Saturday.", "NGA"),
    ("Opposition supporters in Dhaka blocked roads and railway lines on Sunday.", "BGD"),
])
def test_a_group_acts_where_it_is(nlp, text, country):
    """With no place said of the act itself, the place of its subject is where it happens: the act done there
    falls on that country when no one is named."""
    _, events = analyse(nlp, text)
    assert events and (events[0].target_code or "")[:3] == country, f"{text!r}: got {show(events)}"
    assert events[0].location, show(events)


@pytest.mark.model
def test_a_protest_that_names_no_one_presses_the_protesters_own_government(nlp):
    _, events = analyse(nlp, "Thousands of Bolivian miners marched on Tuesday to protest against privatisation.")
    marches = [e for e in events if e.plover == "PROTEST"]
    assert marches and all((e.target_code or "")[:3] == "BOL" for e in marches), show(events)


@pytest.mark.model
def test_striking_back_is_force(nlp):
    _, events = analyse(nlp, "Israel struck back at Hezbollah on Sunday.")
    assert find(events, "Israel", "Hezbollah", "ASSAULT"), show(events)


@pytest.mark.model
@pytest.mark.parametrize("text,country", [
    ("Zimbabwe's police chief warned opposition supporters on Thursday.", "ZWE"),
    ("FARC rebels rejected a government demand on Thursday.", "COL"),
])
def test_an_opposition_or_government_of_no_country_is_the_sources_own(nlp, text, country):
    _, events = analyse(nlp, text)
    assert events and (events[0].target_code or "")[:3] == country, f"{text!r}: got {show(events)}"


@pytest.mark.model
def test_a_phrase_the_parser_hangs_on_a_split_object_still_names_the_target(nlp):
    """"handed over a genocide suspect to the tribunal": "genocide" and "suspect" are both parsed as objects, and
    "to the tribunal" hangs on the second; the attorney general is a lawyer, not a general."""
    _, events = analyse(nlp, "Kenya's attorney general handed over a Rwandan genocide suspect to the U.N. tribunal.")
    handovers = [e for e in events if e.plover == "COOPERATE"]
    assert handovers and handovers[0].target_code == "IGOUNO", show(events)
    assert handovers[0].source_code == "KENJUD", show(events)


@pytest.mark.model
@pytest.mark.parametrize("text,plover,target", [
    ("Kenya's parliament repealed the ban on opposition parties on Tuesday.", "CONCEDE", "KEN"),
    ("Protesters in Caracas hurled rocks at police on Thursday.", "PROTEST", "VEN"),
    ("A suicide bomber rammed a car into a NATO convoy on Monday.", "ASSAULT", "IGO"),
    ("Burma's military government let U.N. relief workers into the delta on Friday.", "RETREAT", "IGO"),
])
def test_common_wire_verbs_of_the_actor_probes(nlp, text, plover, target):
    _, events = analyse(nlp, text)
    assert events and events[0].plover == plover, f"{text!r}: got {show(events)}"
    assert (events[0].target_code or "")[:3] == target, f"{text!r}: got {show(events)}"


@pytest.mark.model
@pytest.mark.parametrize("text,plover,source,target", [
    ("Japan offered a formal apology to South Korea on Tuesday.", "SUPPORT", "JPN", "KOR"),
    ("The Arab League gave its approval on Sunday to a Saudi plan.", "SUPPORT", "IGO", "SAU"),
    ("Belgrade gave a flat refusal on Monday to a NATO demand.", "REJECT", "SRB", "IGO"),
    ("British troops came under attack from gunmen in Basra on Tuesday.", "ASSAULT", "IRQ", "GBR"),
    ("NATO served an ultimatum on Bosnian Serb forces on Wednesday.", "THREATEN", "IGO", None),
    ("China pushed back on Thursday against U.S. pressure.", "REJECT", "CHN", "USA"),
    ("Yemen turned over intelligence on the suspects to the United States.", "COOPERATE", "YEM", "USA"),
    ("India called off a scheduled round of peace talks with Pakistan.", "SANCTION", "IND", "PAK"),
    ("Thousands of Iranian troops were deployed along the Afghan border.", "MOBILIZE", "IRN", "AFG"),
])
def test_events_named_by_light_verbs_and_event_nouns(nlp, text, plover, source, target):
    """The event is the noun a light verb carries ("offered an apology", "gave its approval", "came under attack",
    "served an ultimatum"), or the phrase ("pushed back against", "turned over intelligence", "called off a round
    of talks"); forces deployed by no one named are their own side's."""
    _, events = analyse(nlp, text)
    assert events and events[0].plover == plover, f"{text!r}: got {show(events)}"
    assert (events[0].source_code or "")[:3] == source, f"{text!r}: got {show(events)}"
    if target:
        assert (events[0].target_code or "")[:3] == target, f"{text!r}: got {show(events)}"


@pytest.mark.model
def test_sent_condolences_are_no_aid(nlp):
    _, events = analyse(nlp, "The president sent condolences to the families of the victims.")
    assert events and not [e for e in events if e.plover == "AID"], show(events)


@pytest.mark.model
def test_people_from_two_countries_are_two_parties(nlp):
    _, events = analyse(nlp, "Warships from Chile and Argentina held joint exercises on Monday.")
    assert events and {(e.source_code or "")[:3] for e in events if e.plover == "COOPERATE"} == {"CHL", "ARG"}, \
        show(events)


@pytest.mark.model
def test_his_counterpart_is_not_him(nlp):
    _, events = analyse(nlp, "Indian Prime Minister Manmohan Singh telephoned his Pakistani counterpart on Monday.")
    calls = [e for e in events if e.plover == "CONSULT"]
    assert calls and (calls[0].target_code or "")[:3] == "PAK", show(events)


@pytest.mark.model
@pytest.mark.parametrize("text,plover,source,target", [
    ("Haiti received 20 tonnes of medical supplies from Venezuela on Tuesday.", "AID", "VEN", "HTI"),
    ("Ghana received a loan from the World Bank on Tuesday.", "AID", "IGO", "GHA"),
    ("Kenyan prosecutors pressed piracy charges against ten Somali men.", "COERCE", "KEN", "SOM"),
    ("Chadian troops broke a rebel siege of the town of Abeche on Sunday.", "ASSAULT", "TCD", None),
    ("Venezuela's president ordered ten army battalions to the border with Colombia.", "MOBILIZE", "VEN", "COL"),
    ("Russia drew back its troops from the Georgian port of Poti on Saturday.", "RETREAT", "RUS", "GEO"),
    ("The United States stepped up pressure on Syria on Tuesday.", "REQUEST", "USA", "SYR"),
    ("Japan accepted responsibility for the abuses and apologised to South Korea.", "SUPPORT", "JPN", "KOR"),
    ("New U.S. sanctions targeted Iran's Revolutionary Guards.", "SANCTION", "USA", "IRN"),
])
def test_words_in_their_other_senses(nlp, text, plover, source, target):
    """A receiver is the target of what it receives "from" someone; charges pressed are legal action; a siege
    broken is fighting; battalions ordered somewhere are deployed; accepting responsibility is no agreement (the
    apology is the act); sanctions that target someone fall on them."""
    _, events = analyse(nlp, text)
    main = [e for e in events if e.plover == plover]
    assert main and (main[0].source_code or "")[:3] == source, f"{text!r}: got {show(events)}"
    if target:
        assert (main[0].target_code or "")[:3] == target, f"{text!r}: got {show(events)}"


@pytest.mark.model
def test_talks_on_a_country_are_about_it(nlp):
    _, events = analyse(nlp, "The foreign ministers of Greece and Turkey held talks on Cyprus on Thursday.")
    talks = [e for e in events if e.plover == "CONSULT"]
    assert talks and not any((e.target_code or "").startswith("CYP") for e in talks), show(events)


@pytest.mark.model
def test_positions_on_an_issue_are_views(nlp):
    _, events = analyse(nlp, "Clinton criticized Trump's positions on trade.")
    assert events and not (events[0].target_code or "").endswith("MIL"), show(events)


@pytest.mark.model
def test_taking_part_or_pressing_on_is_doing(nlp):
    _, events = analyse(nlp, "Russian warships took part in joint naval exercises with the Venezuelan navy on Monday.")
    assert find(events, "Russian warships", "Venezuelan navy", "COOPERATE"), show(events)
    _, events = analyse(nlp, "Israeli warplanes pressed on with air strikes on Gaza on Tuesday.")
    strikes = [e for e in events if e.plover == "ASSAULT"]
    assert strikes and all(e.status == "occurred" for e in strikes), show(events)



@pytest.mark.model
@pytest.mark.parametrize("text,name,code", [
    ("Taliban fighters attacked NATO-led troops in southern Afghanistan on Sunday.", "NATO-led troops", "IGOMIL"),
    ("A Saudi-led military coalition is battling Houthi insurgents.", "Saudi-led military coalition", "SAUMIL"),
    ("U.S.-led forces captured the town on Monday.", "U.S.-led forces", "USAMIL"),
])
def test_a_force_led_by_someone_is_coded_by_its_leader(nlp, text, name, code):
    _, events = analyse(nlp, text)
    coded = {(e.source_name, e.source_code) for e in events} | {(e.target_name, e.target_code) for e in events}
    assert (name, code) in coded, f"{text!r}: got {show(events)}"


@pytest.mark.model
def test_a_group_named_by_two_demonyms_lives_in_the_first(nlp):
    """"Bosnian Serb forces" are Serbs of Bosnia: coded BIH, where they live, as CAMEO codes ethnic groups."""
    _, events = analyse(nlp, "NATO served an ultimatum on Bosnian Serb forces on Wednesday.")
    assert events and (events[0].target_code or "")[:3] == "BIH", show(events)


@pytest.mark.model
def test_a_recognition_only_intended_is_coded_as_an_intent(nlp):
    _, events = analyse(nlp, "France intends to recognise the independence of Kosovo.")
    recognitions = [e for e in events if e.trigger and e.trigger.text == "recognise"]
    assert recognitions and recognitions[0].status == "planned" and recognitions[0].cameo == "032", show(events)


@pytest.mark.model
@pytest.mark.parametrize("text,absent", [
    ("Rhodes recalled Mr. Obama talking about the book.", "SANCTION"),
    ("For Trump, the topic provided an opening to return to his speech.", "AID"),
    ("The ruling handed a victory to voting rights advocates.", "RETREAT"),
    ("Scott struggles to deliver a sound bite.", "AID"),
    ("Vitter proposed breaking up the bank.", "COERCE"),
])
def test_figures_of_speech_in_political_news_are_no_events(nlp, text, absent):
    """Recalling a person is memory; an opening, a victory or a sound bite given is no aid or release; a bank broken
    up is split, not a crowd dispersed."""
    _, events = analyse(nlp, text)
    assert not [e for e in events if e.plover == absent], f"{text!r}: got {show(events)}"


@pytest.mark.model
@pytest.mark.parametrize("text,plover", [
    ("Doctors called out the senator for his claims.", "ACCUSE"),
    ("The governor called out the National Guard on Sunday.", "MOBILIZE"),
    ("Argentina recalled its ambassador to Uruguay on Monday.", "SANCTION"),
])
def test_calling_out_and_recalling_in_their_senses(nlp, text, plover):
    _, events = analyse(nlp, text)
    assert events and events[0].plover == plover, f"{text!r}: got {show(events)}"
