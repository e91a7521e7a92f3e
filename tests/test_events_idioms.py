"""Fixed phrases of agency copy that name an act between states ("sat down with", "pointed the finger at",
"poured cold water on", "downed tools"). Each is coded by the CAMEO manual's code for the act it names. Sentences
are written for the tests; the wire probes (tests/data/wire_probes) measure the same on unseen sentences.
"""
from __future__ import annotations

import pytest
from test_events import acted, analyse, show

IDIOMS = [
    # (phrase, text, source, target, plover, cameo)
    ("sit down with", "Chile's foreign minister sat down with Peru's foreign minister in Lima on Monday.", "Chile",
     "Peru", "CONSULT", "040"),
    ("touch down in", "The Chilean president touched down in Peru on Monday.", "Chile", "Peru", "CONSULT", "042"),
    ("haggle", "Chile haggled with Peru over fishing rights on Monday.", "Chile", "Peru", "CONSULT", "046"),
    ("stand up for", "Chile stood up for Peru at the summit on Monday.", "Chile", "Peru", "SUPPORT", "052"),
    ("ask forgiveness", "Chile asked Peru's forgiveness for the border incident.", "Chile", "Peru", "SUPPORT",
     "055"),
    ("tip off", "Chilean intelligence tipped off Peru about a planned bombing.", "Chile", "Peru", "COOPERATE", "064"),
    ("ferry supplies", "Chilean planes ferried blankets and medicine to Peru on Monday.", "Chile", "Peru", "AID",
     "073"),
    ("climb down", "Chile climbed down in its dispute with Peru on Monday.", "Chile", "Peru", "CONCEDE", "080"),
    ("wind up protests (not 'wound')", "Peruvian miners wound up their protests against Chile on Monday.", "Peru",
     "Chile", "CONCEDE", "082"),
    ("waive sanctions", "Chile waived trade sanctions on Peru on Monday.", "Chile", "Peru", "RETREAT", "085"),
    ("point the finger at", "Chile pointed the finger at Peru for the collapse of the talks.", "Chile", "Peru",
     "ACCUSE", "112"),
    ("haul before a court", "Chile hauled Peru before the International Court of Justice.", "Chile", "Peru",
     "ACCUSE", "115"),
    ("institute proceedings", "Chile instituted proceedings against Peru at the World Court.", "Chile", "Peru",
     "ACCUSE", "115"),
    ("pour cold water on", "Chile poured cold water on a Peruvian proposal for talks.", "Chile", "Peru", "REJECT",
     "120"),
    ("stand firm against", "Chile stood firm against Peruvian demands on Monday.", "Chile", "Peru", "REJECT", "124"),
    ("serve notice on", "Chile served notice on Peru that it would close the border.", "Chile", "Peru", "THREATEN",
     "130"),
    ("stay away from", "Chile stayed away from the summit hosted by Peru.", "Chile", "Peru", "PROTEST", "143"),
    ("down tools", "Peruvian dockers downed tools in protest against Chile's new tariffs.", "Peru", "Chile",
     "PROTEST", "143"),
    ("snatch", "A Chilean engineer was snatched from his car by Peruvian gunmen.", "Peru", "Chile", "ASSAULT", "181"),
    ("spray with bullets", "Peruvian gunmen sprayed a Chilean patrol with bullets.", "Peru", "Chile", "ASSAULT",
     "193"),
    ("lob shells", "Peruvian gunners lobbed mortar rounds at Chilean positions.", "Peru", "Chile", "ASSAULT", "194"),
    ("shatter a truce", "Peruvian troops shattered the truce with Chile on Monday.", "Peru", "Chile", "ASSAULT",
     "196"),
    ("draft police into a city", "Thousands of Chilean riot police were drafted into the capital on Monday.",
     "Chile", None, "MOBILIZE", "154"),
    ("rush troops to a border", "Chile rushed thousands of troops to its border with Peru on Monday.", "Chile", None,
     "MOBILIZE", "154"),
    ("drum up opposition to", "Chile set about drumming up opposition to Peru's bid for a seat.", "Chile", "Peru",
     "ACCUSE", "113"),
    ("throw out a plan", "A peace plan drawn up by Peru was thrown out by Chile on Thursday.", "Chile", None,
     "REJECT", "120"),
    ("make a pitch to", "Chile made a pitch to Peru on Monday to open its markets wider.", "Chile", "Peru",
     "REQUEST", "020"),
    ("throng the streets", "Tens of thousands of Chileans thronged the streets of Santiago against Peru's claim.",
     "Chile", "Peru", "PROTEST", "141"),
    ("drop a ban", "Chile dropped its ban on imports of Peruvian fish on Wednesday.", "Chile", "Peru", "CONCEDE",
     "081"),
    ("halt hostilities", "Chile and Peru halted hostilities along the border at midnight.", "Chile", None, "RETREAT",
     "0871"),
    ("give oneself up", "Peruvian rebels gave themselves up to Chilean troops on Sunday.", "Peru", "Chile",
     "RETREAT", "0874"),
    ("release funds", "The World Bank released 1.5 billion dollars to Peru on Tuesday.", "World Bank", "Peru", "AID",
     "071"),
    ("turn a deaf ear", "Chile turned a deaf ear to Peruvian pleas for credits.", "Chile", "Peru", "REJECT", "120"),
    ("shrug off", "Chile shrugged off Peruvian criticism of its navy on Sunday.", "Chile", "Peru", "REJECT", "120"),
    ("heap scorn on", "Chile heaped scorn on Peru on Sunday.", "Chile", "Peru", "ACCUSE", "111"),
    ("thumb one's nose at", "Chile thumbed its nose at the Peruvian embargo on Sunday.", "Chile", "Peru", "REJECT",
     "128"),
    ("flex military muscle at", "Chile flexed its military muscle at Peru on Thursday.", "Chile", "Peru",
     "MOBILIZE", "150"),
    ("hand a deadline", "Chile handed Peruvian rebels a deadline to free their hostages.", "Chile", "Peru",
     "THREATEN", "139"),
    ("give short shrift to", "Chile gave short shrift to a Peruvian plea for credits.", "Chile", "Peru", "REJECT",
     "120"),
    ("give the nod to", "Chile gave the nod to Peruvian mediation on Monday.", "Chile", "Peru", "AGREE", None),
    ("a note of protest from a state is an official complaint",
     "Chile handed Peru a formal note of protest over the border incident.", "Chile", "Peru", "ACCUSE", "114"),
    ("sending an appeal makes it", "The Chilean president sent an appeal to Peru for emergency aid.", "Chile",
     "Peru", "REQUEST", None),
]


@pytest.mark.model
@pytest.mark.parametrize("phrase,text,source,target,plover,cameo", IDIOMS, ids=[c[0] for c in IDIOMS])
def test_idiom_names_the_act(nlp, phrase, text, source, target, plover, cameo):
    _, events = analyse(nlp, text)
    found = acted(events, source, target, plover)
    assert found, f"[{phrase}] {text!r}: expected {source} -> {target} {plover}; got {show(events)}"
    assert cameo is None or any(e.cameo == cameo for e in found), f"[{phrase}] expected {cameo}; got {show(found)}"


PLAIN = [
    # (text, a code it must not give)
    ("Delegates stood up when the Chilean president entered the hall.", "052"),
    ("Peruvian soldiers wounded two Chilean smugglers on Monday.", "082"),
    ("Chile's delegates forced a change in the party platform on Peru.", "170"),
    ("The Chilean minister was defensive when forced to defend the deal with Peru.", "170"),
    ("The Chilean minister caught pneumonia, which forced her to leave the summit in Peru early.", "170"),
    ("The Chilean senator likened the rules to burning the constitution of Peru.", "1712"),
    ("Chile's central bank warned that prices could rise.", "130"),
    ("Chile signalled its readiness for closer cooperation with Peru on Monday.", "152"),
]


@pytest.mark.model
@pytest.mark.parametrize("text,code", PLAIN, ids=[c[0] for c in PLAIN])
def test_idiom_words_in_their_plain_sense(nlp, text, code):
    _, events = analyse(nlp, text)
    assert not [e for e in events if e.cameo == code], show(events)


RULES = [
    # (rule, text, source, target, plover, cameo)
    ("civilians counted by the thousand are a crowd: their storming is a riot",
     "Thousands of Peruvians stormed the Chilean embassy in Lima on Monday.", "Peru", "Chile", "PROTEST", "145"),
    ("counted troops storming are force", "Thousands of Peruvian troops stormed a Chilean border post.", "Peru",
     "Chile", "ASSAULT", "190"),
    ("a state of alert is the alert", "Chilean troops were put on a state of high alert along the border with Peru.",
     "Chile", None, "MOBILIZE", "152"),
    ("combat readiness is an alert", "Chile placed its troops on combat readiness along the Peruvian border.",
     "Chile", None, "MOBILIZE", "152"),
    ("ordering police somewhere deploys them", "Chile's interior ministry ordered police into the capital.", "Chile",
     None, "MOBILIZE", "154"),
    ("ordering troops to do something asks it of them, it deploys no one",
     "Chile's defence minister ordered troops to withdraw from the Peruvian border.", "Chile", None, "REQUEST",
     None),
    ("an armed group of the knowledge file has its country", "Shining Path guerrillas attacked a police post.",
     "Peru", None, "ASSAULT", "190"),
    ("a region's demonym is its state's", "Corsican nationalists bombed a police station in Ajaccio.", "France",
     None, "ASSAULT", None),
    ("'staged' is stage, not stag: a wave of attacks staged has its stager as source",
     "Peruvian rebels staged a wave of attacks on Chile.", "Peru", "Chile", "ASSAULT", "190"),
    ("a warning that one's own side will act targets whom it will act on",
     "Chile warned that Chilean troops would attack Peru if the shelling went on.", "Chile", "Peru",
     "THREATEN", "130"),
    ("a barrage of criticism is criticism, and the one it falls on is its target",
     "Peru came under a barrage of criticism from Chile on Friday.", "Chile", "Peru", "ACCUSE", "111"),
    ("a barrage of shells is shelling", "Chilean gunners fired a barrage of shells at Peruvian positions.", "Chile",
     "Peru", "ASSAULT", "194"),
    ("holding out the prospect of cooperation is an intent to cooperate",
     "Chile held out the prospect of closer cooperation with Peru on Monday.", "Chile", "Peru", "AGREE", "030"),
    ("a party of the knowledge file is no namesake's", "The African National Congress criticised Chile.",
     "South Africa", "Chile", "ACCUSE", "111"),
    ("forcing someone to do something coerces them", "Chilean police forced a Peruvian crew to hand over its film.",
     "Chile", "Peru", "COERCE", "170"),
    ("burning villages destroys property", "Chilean troops burned three Peruvian villages to the ground.", "Chile",
     "Peru", "ASSAULT", "1712"),
    ("a warning that one's side could act against another is a threat",
     "Chile warned on Wednesday that it could pull its peacekeepers out of Peru.", "Chile", "Peru", "THREATEN",
     "130"),
    ("thousands of a nationality massing is a demonstration",
     "Several thousand Peruvians massed outside the Chilean embassy in Lima on Friday.", "Peru", "Chile", "PROTEST",
     "141"),
    ("a crowd setting fire is a riot", "Crowds in the Peruvian town of Tacna set fire to Chilean shops on Friday.",
     "Peru", None, "PROTEST", "145"),
    ("a seat of government stands for its state", "Dar es Salaam criticised Paris over the arms embargo.",
     "Tanzania", "France", "ACCUSE", "111"),
]


@pytest.mark.model
@pytest.mark.parametrize("rule,text,source,target,plover,cameo", RULES, ids=[c[0] for c in RULES])
def test_rule_codes_the_act(nlp, rule, text, source, target, plover, cameo):
    from storyline.eval.event_runner import main_event_row

    row = main_event_row(nlp, text)
    codes = {"Peru": "PER", "Chile": "CHL", "France": "FRA", "Tanzania": "TZA", "South Africa": "ZAF"}
    assert row["predicted"] == plover and (cameo is None or row["cameo"] == cameo), f"[{rule}] {row}"
    assert codes[source] in row["source"], f"[{rule}] {row}"
    assert target is None or codes[target] in row["target"], f"[{rule}] {row}"
