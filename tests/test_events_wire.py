"""Wire copy as agencies file it, from the newswire coding's dev half: datelines, bombs that go off with no one
named, and killings of one person by no armed force. Sentences written here."""
from __future__ import annotations

import pytest

from storyline.extract.dateline import find_dateline


@pytest.mark.parametrize("text,dateline", [
    ("LIMA, Peru (AP) _ Chile's foreign minister met ...", "LIMA, Peru (AP) _"),
    ("SANTIAGO (Reuters) - Chile recalled ...", "SANTIAGO (Reuters) -"),
    ("WASHINGTON -- The Senate voted ...", "WASHINGTON --"),
    ("LA PAZ, Bolivia — Protesters blocked ...", "LA PAZ, Bolivia —"),
    ("ARICA, Chile, March 3 (Xinhua) -- Chilean police ...", "ARICA, Chile, March 3 (Xinhua) --"),
    ("Chile and Peru sign a pact\nSANTIAGO (AP) _ The two states ...", "SANTIAGO (AP) _"),
])
def test_a_wire_dateline_is_found(text, dateline):
    span = find_dateline(text)
    assert span is not None and text[span[0]:span[1]].strip() == dateline


@pytest.mark.parametrize("text", [
    "US-Peru - talks resume on Monday.",  # a single hyphen with no agency is no dateline
    "The UN said on Monday that Chile - and Peru - agreed.",
    "Chile's president met Peru's on Monday.",
])
def test_other_openings_are_no_dateline(text):
    assert find_dateline(text) is None


def _country(code):
    """The country part of an actor code ("CHLGOV" -> "CHL"; none -> "")."""
    return (code or "")[:3]


def _events(nlp, text):
    from storyline.eval.event_runner import run
    from storyline.extract.state import state

    return state(run(nlp, text, "1999-03-02")).events


@pytest.mark.model
def test_the_dateline_place_is_not_the_lead_actor(nlp):
    events = _events(nlp, "LIMA, Peru (AP) _ Chile's foreign minister praised the Bolivian government on Tuesday.")
    praise = [e for e in events if e.cameo.startswith("05")]
    assert praise and all(_country(e.source_code) == "CHL" for e in praise), events


BOMBS = [
    ("A bomb went off at the Chilean embassy in Lima on Tuesday.", "183", "CHL"),
    ("An explosion ripped through the Peruvian consulate in Arica.", "183", "PER"),
    ("A car bomb exploded outside the Chilean embassy in Lima.", "1832", "CHL"),
]


@pytest.mark.model
@pytest.mark.parametrize("text,code,target", BOMBS, ids=[b[0] for b in BOMBS])
def test_a_bomb_that_goes_off_is_a_bombing_with_no_one_named(nlp, text, code, target):
    bombings = [e for e in _events(nlp, text) if e.cameo == code]
    assert bombings and bombings[0].source is None and bombings[0].source_name is None, _events(nlp, text)
    assert _country(bombings[0].target_code) == target, bombings


@pytest.mark.model
@pytest.mark.parametrize("text", ["A gas explosion killed five miners in Chile.",
                                  "Prices exploded after the Chilean announcement.",
                                  "A boiler blast damaged a Peruvian factory."])
def test_accidents_and_figures_of_speech_are_no_bombing(nlp, text):
    assert not [e for e in _events(nlp, text) if e.plover == "ASSAULT"], _events(nlp, text)


KILLINGS = [
    ("A sniper shot and killed a Peruvian judge outside his home in Lima.", "1823"),
    ("Gunmen shot dead a Chilean journalist in Santiago.", "1823"),
    ("Chilean troops shot and killed a Peruvian smuggler at the border.", "193"),  # an army's killing is force
    ("Peruvian troops killed twelve rebels in a clash near the border.", "190"),  # many, in combat
]


@pytest.mark.model
@pytest.mark.parametrize("text,code", KILLINGS, ids=[k[0] for k in KILLINGS])
def test_killing_one_person_by_no_army_is_killing_by_assault(nlp, text, code):
    assert code in {e.cameo for e in _events(nlp, text)}, _events(nlp, text)


@pytest.mark.model
@pytest.mark.parametrize("text", [
    # the parser reads "to bombing" as an infinitive
    "Chile's foreign minister paid tribute Tuesday to bombing victims on a visit to Peru.",
    # the parser reads "to" as a preposition and "bombing victims" as a gerund and its object
    "Chile's foreign minister paid tribute on Tuesday to bombing victims in Lima.",
])
def test_an_ing_word_before_victims_names_no_attack_on_them(nlp, text):
    events = _events(nlp, text)
    assert not [e for e in events if e.plover == "ASSAULT"], events


@pytest.mark.model
def test_a_story_filed_from_a_country_gives_its_bare_actors_that_country(nlp):
    events = _events(nlp, "ARICA, Chile (AP) _ Authorities arrested a fisherman named Juan Soto on Tuesday.")
    arrests = [e for e in events if e.cameo == "173"]
    assert arrests and _country(arrests[0].source_code) == "CHL", events
    assert _country(arrests[0].target_code) == "CHL", events


@pytest.mark.model
def test_an_act_told_of_another_country_keeps_its_own_actors(nlp):
    events = _events(nlp, "ARICA, Chile (AP) _ Authorities in Lima arrested a fisherman named Juan Soto on Tuesday.")
    arrests = [e for e in events if e.cameo == "173"]
    assert arrests and not (arrests[0].source_code or "").startswith("CHL"), events


@pytest.mark.model
def test_with_no_dateline_a_bare_actor_stays_without_country(nlp):
    events = _events(nlp, "Authorities arrested a fisherman named Juan Soto on Tuesday.")
    arrests = [e for e in events if e.cameo == "173"]
    assert arrests and (arrests[0].source_code or "---").startswith("---"), events


@pytest.mark.model
def test_a_progressive_infinitive_is_still_an_act(nlp):
    events = _events(nlp, "Chile appears to be helping Peru rebuild its ports.")
    assert [e for e in events if e.plover == "AID"], events


@pytest.mark.model
@pytest.mark.parametrize("text,code", [
    ("Chile's president said he had ordered the strikes against rebel camps in Peru.", "19"),
    ("Chilean dockers staged a strike over pay.", "14"),
    ("Chile's president vowed to hunt down those responsible for the bombing.", "13"),
])
def test_strikes_ordered_are_force_and_vows_to_hunt_down_are_threats(nlp, text, code):
    from storyline.eval.event_runner import compared_root

    assert code in {compared_root(e) for e in _events(nlp, text)}, _events(nlp, text)


@pytest.mark.model
def test_pressing_ahead_goes_on_with_the_act(nlp):
    events = _events(nlp, "Chile pressed ahead with talks with Peru on Monday.")
    assert not [e for e in events if e.plover == "REQUEST"], events
    talks = [e for e in events if e.plover == "CONSULT"]
    assert talks and talks[0].status == "occurred" and _country(talks[0].source_code) == "CHL", events


@pytest.mark.model
def test_what_an_investigation_is_into_is_no_act_of_the_investigator(nlp):
    events = _events(nlp, "Chilean police opened an investigation into the bombings.")
    assert not [e for e in events if e.plover == "ASSAULT" and (e.source_code or "").startswith("CHL")], events


@pytest.mark.model
def test_an_abbreviation_opening_the_lead_after_a_dateline_ends_no_sentence(nlp):
    from storyline.extract.dateline import mark_dateline

    doc = mark_dateline(nlp.make_doc("\n\nLIMA, Peru (AP) _\n\nU.S. Ambassador John Smith met Peru's trade minister."))
    opening = next(t for t in doc if t.text == "U.S.")
    assert opening.is_sent_start is True and doc[opening.i + 1].is_sent_start is False


@pytest.mark.model
@pytest.mark.parametrize("text,code", [
    ("Chilean police officials declined to comment on Saturday.", "011"),
    ("A Chilean embassy official, who refused to identify himself, said the talks had failed.", "011"),
])
def test_declining_to_comment_is_no_rejection(nlp, text, code):
    events = _events(nlp, text)
    assert code in {e.cameo for e in events} and not [e for e in events if e.plover == "REJECT"], events


@pytest.mark.model
@pytest.mark.parametrize("text,plover", [
    ("Asked to comment on the Peruvian announcement, a Chilean spokesman said little.", "REQUEST"),
    ("The Peruvian relatives in Santiago have fought to keep the boy in Chile.", "ASSAULT"),
    ("In Lima, the government gave a guarded first response to the Chilean ruling.", "AID"),
])
def test_speech_and_effort_are_no_acts_of_their_kind(nlp, text, plover):
    assert not [e for e in _events(nlp, text) if e.plover == plover], _events(nlp, text)


@pytest.mark.model
def test_fighting_to_take_ground_is_still_fighting(nlp):
    events = _events(nlp, "Chilean troops fought to retake the town from Peruvian forces.")
    assert [e for e in events if e.cameo == "190" and e.status == "occurred"], events


@pytest.mark.model
def test_the_visit_of_someone_is_their_visit(nlp):
    events = _events(nlp, "The visit of the Chilean president to Lima was postponed.")
    visits = [e for e in events if e.plover == "CONSULT"]
    assert visits and _country(visits[0].source_code) == "CHL" and _country(visits[0].target_code) == "PER", events
    events = _events(nlp, "Peru welcomed the visit of Chile's foreign minister.")
    visits = [e for e in events if e.mode == "visit"]
    assert visits and _country(visits[0].source_code) == "CHL", events
    assert not (visits[0].target_code or "").startswith("CHL"), "the visitor's own country is not whom it visits"


@pytest.mark.model
def test_a_name_the_model_misses_is_coded_by_its_apposition(nlp):
    events = _events(nlp, "Soto, the Chilean police chief, met Peruvian officials on Friday.")
    meetings = [e for e in events if e.cameo.startswith("04")]
    assert meetings and _country(meetings[0].source_code) == "CHL", events


@pytest.mark.model
def test_a_bomb_that_hits_no_one_named_falls_on_the_country_it_went_off_in(nlp):
    bombings = [e for e in _events(nlp, "A bomb went off outside a cafe in Lima on Tuesday.") if e.cameo == "183"]
    assert bombings and bombings[0].source is None and _country(bombings[0].target_code) == "PER", bombings


@pytest.mark.model
@pytest.mark.parametrize("text,target", [
    ("Chile's foreign minister condemned the bombing of the Peruvian embassy in Quito.", None),
    ("Chile condemned the Bolivian invasion of Peru on Monday.", "BOL"),
    ("Peru denounced the arrest of its consul by Chilean police.", "CHL"),
])
def test_who_did_a_condemned_act_is_condemned_not_its_victim(nlp, text, target):
    condemned = [e for e in _events(nlp, text) if e.cameo == "111"]
    assert condemned and _country(condemned[0].target_code) == (target or ""), _events(nlp, text)


@pytest.mark.model
def test_wanting_someone_else_to_act_asks_it_of_them(nlp):
    events = _events(nlp, "Peru wants Chile to withdraw its troops from the border.")
    asked = [e for e in events if e.cameo == "020"]
    assert asked and asked[0].source_code == "PER" and asked[0].target_code == "CHL", events
    withdrawal = [e for e in events if e.plover == "RETREAT"]
    assert withdrawal and withdrawal[0].status == "requested", events


@pytest.mark.model
@pytest.mark.parametrize("text", [
    "Peru wants to meet Chile in Lima next week.",  # the subject's own plan
    "We don't want people to play games with the border, the Peruvian minister said.",  # a wish
])
def test_wanting_to_act_oneself_or_not_wanting_is_no_request(nlp, text):
    assert not [e for e in _events(nlp, text) if e.cameo == "020"], _events(nlp, text)


@pytest.mark.model
def test_the_place_a_bomb_went_off_is_its_target_when_the_dead_have_no_country(nlp):
    events = _events(nlp, "The explosion at the Chilean embassy in Lima killed 12 people on Friday.")
    bombing = [e for e in events if e.cameo == "183"]
    assert bombing and bombing[0].source is None and _country(bombing[0].target_code) == "CHL", events


@pytest.mark.model
def test_a_blast_that_killed_is_a_bombing_whose_site_is_no_doer(nlp):
    events = _events(nlp, "She laid a wreath at the crater left by the embassy blast that killed 10 people.")
    killing = [e for e in events if e.trigger.text == "killed"]
    assert killing and killing[0].cameo == "183" and killing[0].source is None, events


@pytest.mark.model
def test_the_blasts_that_killed_are_the_bombings_told_before(nlp):
    text = ("ARICA, Chile (AP) _ Bombs exploded outside the Peruvian consulate in Arica on Friday. "
            "The blasts killed 12 people, police said.")
    bombings = [e for e in _events(nlp, text) if e.cameo.startswith("18")]
    assert len(bombings) == 1 and bombings[0].more_evidence, bombings
    assert _country(bombings[0].target_code) == "PER", bombings


@pytest.mark.model
@pytest.mark.parametrize("text,source", [
    ("The search for Kopp was extended to Mexico on Monday.", None),
    ("Chilean police launched a manhunt for the gunmen who killed the Peruvian consul.", "CHL"),
    ("The FBI is conducting further DNA tests of the hair found outside his home.", "USA"),
])
def test_a_police_hunt_or_forensic_test_is_an_investigation(nlp, text, source):
    found = [e for e in _events(nlp, text) if e.cameo == "090"]
    assert found and (source is None or _country(found[0].source_code) == source), _events(nlp, text)


@pytest.mark.model
def test_a_search_for_no_one_is_no_investigation(nlp):
    assert not [e for e in _events(nlp, "The search for survivors went on in Lima on Tuesday.")
                if e.cameo == "090"]


@pytest.mark.model
def test_a_person_sought_by_no_one_named_is_hunted_by_the_law(nlp):
    events = _events(nlp, "LIMA, Peru (AP) _ Fugitive banker Jorge Salas is being sought as a witness in the case.")
    assert [e.cameo for e in events if e.trigger.text == "sought"] == ["090"], events
    aid = _events(nlp, "Aid was sought from Chile after the floods in Peru.")
    assert [e.cameo for e in aid if e.trigger.text == "sought"] == ["020"], aid


@pytest.mark.model
def test_a_person_charged_is_charged_by_the_law_however_far_the_crime(nlp):
    events = _events(nlp, "Peruvian banker Jorge Salas was charged Thursday in two federal complaints with fraud.")
    assert [e.cameo for e in events if e.trigger.text == "charged"] == ["173"], events
    fees = _events(nlp, "In the Lima bank scandal, Peruvians were mistakenly charged fees.")
    assert not [e for e in fees if e.trigger.text == "charged"], fees


@pytest.mark.model
def test_what_a_relative_clause_calls_something_is_its_name_not_a_phone_call(nlp):
    events = _events(nlp, "Bachelet dismissed the plan, a proposal Bolivia's president called a fantasy.")
    assert not [e for e in events if e.cameo == "041"], events


@pytest.mark.model
def test_the_case_an_arrest_is_in_connection_with_is_no_target(nlp):
    events = _events(nlp, "Chilean police arrested two men in connection with the attack on the Peruvian embassy.")
    arrest = [e for e in events if e.cameo == "173"]
    assert arrest and _country(arrest[0].target_code) != "PER", events


@pytest.mark.model
def test_an_agency_named_by_its_initials_is_no_town(nlp):
    events = _events(nlp, "Exiles demonstrated near the INS office on Wednesday.")
    rally = [e for e in events if e.cameo.startswith("14")]
    assert rally and "CHE" not in {_country(rally[0].source_code), _country(rally[0].target_code)}, events


@pytest.mark.model
@pytest.mark.parametrize("text,country", [
    ("LIMA, Peru (AP) _ Seventeen people have been indicted in the bribery case.", "PER"),
    ("Fugitive banker Jorge Salas was arrested in Santiago, Chile, on Thursday.", "CHL"),
])
def test_an_act_of_the_law_with_no_one_named_is_by_the_authorities_where_it_happens(nlp, text, country):
    events = _events(nlp, text)
    legal = [e for e in events if e.cameo == "173"]
    assert legal and legal[0].source_name == "authorities" and legal[0].source_code == country + "GOV", events


@pytest.mark.model
def test_a_kidnapping_with_no_one_named_is_no_act_of_the_authorities(nlp):
    events = _events(nlp, "LIMA, Peru (AP) _ A Chilean engineer was kidnapped in Lima on Thursday.")
    assert events and all(e.source_name != "authorities" for e in events), events


@pytest.mark.model
def test_the_two_countries_given_aid_are_not_the_giver(nlp):
    text = ("Floods hit Peru and Bolivia on Friday. The U.S. government has contributed 3 million dollars in "
            "assistance to the two countries.")
    aid = [e for e in _events(nlp, text) if e.trigger.text == "contributed"]
    assert {_country(e.target_code) for e in aid} == {"PER", "BOL"}, aid


@pytest.mark.model
def test_an_embassy_is_its_states_not_its_hosts(nlp):
    text = ("LIMA, Peru (AP) _ Bombs exploded outside the Chilean embassies in Peru and Bolivia on Friday. "
            "A bomb went off at the embassy in Bolivia at the same time, police said.")
    went_off = [e for e in _events(nlp, text) if e.trigger.text == "went off"]
    assert went_off and _country(went_off[0].target_code) == "CHL", _events(nlp, text)


@pytest.mark.model
@pytest.mark.parametrize("text,code", [
    ("Chile's president vowed to bring those responsible to justice.", "137"),
    ("Chilean police brought the Peruvian smugglers to justice on Monday.", "173"),
])
def test_bringing_someone_to_justice_is_legal_action(nlp, text, code):
    assert code in [e.cameo for e in _events(nlp, text)], _events(nlp, text)


@pytest.mark.model
@pytest.mark.parametrize("text,code,source,target", [
    ("Bolivia was angered by Chile's decision to close the border.", "111", "BOL", "CHL"),
    ("Peru was outraged at the Chilean sanctions.", "111", "PER", "CHL"),
    ("Chile's foreign ministry was heartened by Peru's offer.", "051", "CHL", "PER"),
])
def test_a_state_of_the_subject_caused_by_another_is_its_judgment_of_it(nlp, text, code, source, target):
    found = [e for e in _events(nlp, text) if e.cameo == code]
    assert found and _country(found[0].source_code) == source and _country(found[0].target_code) == target, \
        _events(nlp, text)


@pytest.mark.model
@pytest.mark.parametrize("text", [
    "Chile's decision angered Bolivia.",  # active: the decision is no critic
    "We are pleased to announce the talks, the Chilean minister said.",  # nothing causes the state
    "The conditions were satisfied by Peru.",  # met, not praised
])
def test_no_judgment_without_a_state_and_its_cause(nlp, text):
    assert not [e for e in _events(nlp, text) if e.cameo in ("051", "111")], _events(nlp, text)


@pytest.mark.model
@pytest.mark.parametrize("text", [
    "Chile's decision was met with outrage by Bolivians.",
    "The Peruvian plan met with resistance in the Chilean Congress.",
])
def test_being_met_with_a_reaction_is_no_meeting(nlp, text):
    assert not [e for e in _events(nlp, text) if e.plover == "CONSULT"], _events(nlp, text)


@pytest.mark.model
def test_a_foreigners_visit_with_no_destination_is_to_the_dateline_country(nlp):
    text = "LIMA, Peru (AP) _ Officials discussed the planned visit of Chile's foreign minister in September."
    visit = [e for e in _events(nlp, text) if e.trigger.text == "visit"]
    assert visit and visit[0].source_code[:3] == "CHL" and visit[0].target_code == "PER", visit
    home = [e for e in _events(nlp, "LIMA, Peru (AP) _ Peru's president began a visit on Monday.")
            if e.trigger.text == "visit"]
    assert all(e.target_code != "PER" for e in home), home


@pytest.mark.model
def test_a_blast_at_a_named_target_is_a_bombing_of_it(nlp):
    events = _events(nlp, "Bolivia condemned the two bomb explosions near the Chilean embassy in La Paz.")
    bombing = [e for e in events if e.cameo == "183"]
    assert bombing and _country(bombing[0].target_code) == "CHL", events


@pytest.mark.model
@pytest.mark.parametrize("text", [
    "The population explosion in Bolivia worries Chilean economists.",  # no target of its own
    "A gas explosion at the Chilean embassy in Lima injured two guards.",  # no one set it off
])
def test_a_blast_with_no_target_of_its_own_or_by_accident_is_no_bombing(nlp, text):
    assert not [e for e in _events(nlp, text) if e.cameo.startswith("18")], _events(nlp, text)


@pytest.mark.model
def test_a_relative_clauses_passive_falls_on_the_noun_it_hangs_on(nlp):
    text = ("Police named Jorge Salas, a Peruvian banker who is being sought as a witness in the Lima bribery "
            "case.")
    sought = [e for e in _events(nlp, text) if e.trigger.text == "sought"]
    assert sought and sought[0].cameo == "090" and sought[0].target_name == "Jorge Salas", sought


@pytest.mark.model
@pytest.mark.parametrize("text,questioned", [
    ("Chilean police questioned the Peruvian banker for six hours on Monday.", True),
    ("The FBI interviewed two Chilean men about the Lima bombing.", True),
    ("Chilean television interviewed Peru's president on Monday.", False),  # a reporter's interview
])
def test_questioning_by_the_law_is_an_investigation(nlp, text, questioned):
    found = [e for e in _events(nlp, text) if e.cameo == "090"]
    assert bool(found) == questioned, _events(nlp, text)


@pytest.mark.model
@pytest.mark.parametrize("text,visit", [
    ("The Chilean delegation plans to leave Lima on Thursday for La Paz.", True),
    ("Peru's foreign minister left for Santiago on Monday.", True),
    ("The Chilean minister left the company for a rival firm.", False),  # a job, no trip
    ("The dispute left little room for Peru's view of Chile.", False),  # an idiom
])
def test_leaving_for_a_place_is_travel_there(nlp, text, visit):
    found = [e for e in _events(nlp, text) if e.mode == "visit"]
    assert bool(found) == visit, _events(nlp, text)


@pytest.mark.model
@pytest.mark.parametrize("text,code,source,target", [
    ("Bolivia's foreign minister was angry about Chile's border closure.", "111", "BOL", "CHL"),
    ("The Peruvian government is critical of the Chilean plan.", "111", "PER", "CHL"),
    ("Chile said it was grateful to Peru for its help.", "051", "CHL", "PER"),
    ("Bolivia's president is proud of Peru's farmers.", "051", "BOL", "PER"),
])
def test_an_adjective_of_attitude_after_be_judges_what_it_is_about(nlp, text, code, source, target):
    found = [e for e in _events(nlp, text) if e.cameo == code]
    assert found and _country(found[0].source_code) == source and _country(found[0].target_code) == target, \
        _events(nlp, text)


@pytest.mark.model
@pytest.mark.parametrize("text", [
    "Copper is critical to the Chilean economy.",  # vital, not a judgement
    "Bolivia was angry.",  # nothing it is angry about
])
def test_no_attitude_without_be_and_what_it_is_about(nlp, text):
    assert not [e for e in _events(nlp, text) if e.cameo in ("051", "110", "111")], _events(nlp, text)


@pytest.mark.model
@pytest.mark.parametrize("text,code", [
    ("Morales called the Chilean president a liar on Monday.", "111"),
    ("Peru described the Chilean sanctions as illegal.", "111"),
    ("Bolivian officials tried to portray the Chilean ambassador as a puppet of the army.", "111"),
    ("Bachelet called the Peruvian president a great friend of Chile.", "051"),
])
def test_naming_with_a_word_of_blame_or_praise_is_a_judgement(nlp, text, code):
    found = [e for e in _events(nlp, text) if e.cameo == code]
    assert found and not [e for e in _events(nlp, text) if e.cameo == "041"], _events(nlp, text)


@pytest.mark.model
@pytest.mark.parametrize("text", [
    "The Peruvian banker was called a witness in the Lima case.",
    "Chilean police called the Peruvian banker a witness in the case.",
])
def test_naming_with_a_plain_word_is_no_phone_call_and_no_judgement(nlp, text):
    assert not [e for e in _events(nlp, text) if e.cameo in ("041", "051", "111")], _events(nlp, text)


@pytest.mark.model
@pytest.mark.parametrize("text,code,target", [
    ("Poland and Hungary formally joined NATO on Friday.", "057", "IGO"),
    ("Bolivia appealed against the Chilean court's ruling.", "115", ""),
    ("Chile offered a reward of 2 million pesos for information on the Peruvian bombers.", "0214", ""),
])
def test_joining_an_alliance_a_court_appeal_and_a_reward_for_information(nlp, text, code, target):
    found = [e for e in _events(nlp, text) if e.cameo == code]
    assert found and _country(found[0].target_code) == target, _events(nlp, text)


@pytest.mark.model
def test_an_appeal_for_calm_stays_a_plea(nlp):
    found = [e for e in _events(nlp, "Bolivia appealed to Chile for calm.") if e.cameo.startswith("02")]
    assert found and _country(found[0].target_code) == "CHL", found


@pytest.mark.model
@pytest.mark.parametrize("text,status", [
    ("Jorge Salas returned to Peru last year, only to be jailed for several months.", "occurred"),
    ("Jorge Salas will return to Peru, only to be jailed.", "planned"),
])
def test_an_outcome_infinitive_falls_on_the_subject_and_keeps_its_clauses_time(nlp, text, status):
    jailed = [e for e in _events(nlp, text) if e.trigger.text == "jailed"]
    assert jailed and jailed[0].target_name == "Jorge Salas" and jailed[0].status == status, _events(nlp, text)


@pytest.mark.model
def test_i_want_to_thank_performs_the_thanks(nlp):
    said = [e for e in _events(nlp, '"I want to thank Peru for its help," the Chilean minister said.')
            if e.trigger.text == "thank"]
    wished = [e for e in _events(nlp, "The Chilean minister wants to thank Peru.") if e.trigger.text == "thank"]
    assert said and said[0].status == "occurred" and said[0].cameo == "051", said
    assert wished and wished[0].status == "planned", wished


@pytest.mark.model
def test_a_place_named_with_its_state_is_in_that_states_country(nlp):
    from storyline.eval.event_runner import run
    from storyline.extract.state import state

    sl = state(run(nlp, "A clinic bombing in Birmingham, Ala., killed a security guard.", "1999-03-02"))
    bombing = [e for e in sl.events if e.cameo.startswith("18")]
    assert bombing and sl.entity(bombing[0].target).country == "USA", sl.events


@pytest.mark.model
def test_sharing_concerns_with_someone_tells_them_while_sharing_anothers_concerns_is_no_event(nlp):
    told = [e for e in _events(nlp, "Peru said it had shared its concerns with the Chilean foreign ministry.")
            if e.cameo == "064"]
    held = [e for e in _events(nlp, "Peru shares Chile's concerns about the border.") if e.cameo == "064"]
    assert told and _country(told[0].target_code) == "CHL" and not held, told


@pytest.mark.model
def test_a_persons_relative_is_not_that_person(nlp):
    said = _events(nlp, "Pablo Fernandez's father said he would meet the Chilean consul.")
    assert said and all(e.source_name != "Pablo Fernandez" for e in said), said
    met = [e for e in _events(nlp, "Michelle Bachelet's daughter met Peru's president on Monday.") if e.mode == "meet"
           or e.cameo.startswith("04")]
    assert met and met[0].source_name != "Michelle Bachelet" and _country(met[0].source_code) == "CHL", met


@pytest.mark.model
def test_amassing_evidence_is_no_show_of_force(nlp):
    text = "Chilean prosecutors have amassed enough material to indict the Peruvian banker."
    assert not [e for e in _events(nlp, text) if e.plover == "MOBILIZE"], _events(nlp, text)
    assert [e for e in _events(nlp, "Peru amassed troops on the Chilean border.") if e.plover == "MOBILIZE"]


@pytest.mark.model
@pytest.mark.parametrize("text,code", [
    ("A man hurled a grenade at Chilean guards outside the embassy in Lima.", "183"),
    ("Morales placed the blame on the Chilean government.", "112"),
    ("Chilean police have named a suspect in the killing, the Peruvian banker Jorge Salas.", "1121"),
    ("Peru revoked the Chilean banker's residency.", "172"),
])
def test_grenades_blame_named_suspects_and_revoked_residency(nlp, text, code):
    assert [e for e in _events(nlp, text) if e.cameo == code], _events(nlp, text)


@pytest.mark.model
@pytest.mark.parametrize("text,code", [
    ("Peruvian officials ordered Jorge Salas to turn the boy over to Chile.", "0842"),
    ("Chile transferred the prisoner Jorge Salas to Peru on Monday.", "0842"),
    ("Japan transferred funds to Peru.", "071"),
])
def test_a_person_handed_over_is_returned_not_given(nlp, text, code):
    assert [e for e in _events(nlp, text) if e.cameo == code], _events(nlp, text)


@pytest.mark.model
def test_the_embassy_is_the_state_of_the_ambassador_named_before(nlp):
    text = ("LIMA, Peru (AP) _ Chilean Ambassador Pablo Fernandez met Peru's trade minister on Monday to finish talks "
            "that were interrupted by the car bombing of the embassy.")
    bombing = [e for e in _events(nlp, text) if e.cameo.startswith("18")]
    assert bombing and _country(bombing[0].target_code) == "CHL", _events(nlp, text)


@pytest.mark.model
def test_an_outcome_of_a_coordinated_verb_falls_on_the_shared_subject(nlp):
    text = "Jorge Salas fled to Chile in 1998 and returned to Peru later that year, only to be jailed."
    jailed = [e for e in _events(nlp, text) if e.trigger.text == "jailed"]
    assert jailed and jailed[0].target_name == "Jorge Salas", _events(nlp, text)


@pytest.mark.model
def test_an_investigation_naming_no_one_is_by_the_authorities_of_the_dateline(nlp):
    filed = [e for e in _events(nlp, "LIMA, Peru (AP) _ Preliminary DNA tests link the missing banker to the car.")
             if e.cameo == "090"]
    assert filed and filed[0].source_name == "authorities" and filed[0].source_code == "PERGOV", filed
    assert not _events(nlp, "An investigation is under way."), "with no place, an act by no one is no row"
    team = [e for e in _events(nlp, "LIMA, Peru (AP) _ Salas heads a team that is investigating the bombings.")
            if e.cameo == "090"]
    assert team and team[0].source_code == "PERGOV", team


@pytest.mark.model
def test_what_a_ruling_says_must_be_done_to_someone_is_the_rulers_plan(nlp):
    text = "The Peruvian supreme court ruled on Monday that the banker must be returned to Chile."
    returned = [e for e in _events(nlp, text) if e.trigger.text == "returned"]
    assert returned and returned[0].status == "planned" and returned[0].cameo == "0353", returned
    assert _country(returned[0].source_code) == "PER", returned


@pytest.mark.model
def test_a_participle_tagged_as_an_adjective_keeps_its_verbs_entry(nlp):
    found = [e for e in _events(nlp, "Peru's foreign minister said he is very satisfied with Chile's cooperation.")
             if e.cameo == "051"]
    assert found and _country(found[0].target_code) == "CHL", found


@pytest.mark.model
@pytest.mark.parametrize("text,aid", [
    ("Chile sent doctors to meet the needs of Peruvian refugees.", True),
    ("The Chilean plan meets the needs of the economy.", False),  # no one given aid
    ("Peru can meet its own energy needs.", False),  # its own
])
def test_meeting_the_needs_of_people_is_aid(nlp, text, aid):
    assert bool([e for e in _events(nlp, text) if e.cameo == "073"]) == aid, _events(nlp, text)


@pytest.mark.model
def test_a_neighbourhood_named_after_a_foreign_city_is_where_it_lies(nlp):
    text = "Protesters threw rocks at police in Little Havana on Saturday."
    thrown = [e for e in _events(nlp, text) if e.trigger.text == "threw"]
    assert thrown and _country(thrown[0].target_code) == "USA", thrown


@pytest.mark.model
@pytest.mark.parametrize("text,accession", [
    ("Peru became a member of the World Trade Organization.", True),
    ("The Chilean banker became a member of the club.", False),
])
def test_becoming_a_member_of_a_body_is_accession(nlp, text, accession):
    assert bool([e for e in _events(nlp, text) if e.cameo == "057"]) == accession, _events(nlp, text)


@pytest.mark.model
@pytest.mark.parametrize("text,trigger,source,target", [
    ("Chilean police offered a reward for information leading to Jorge Salas's arrest.", "arrest", None,
     "Jorge Salas"),
    ("Peru's release of the Chilean fishermen ended the dispute.", "release", "Peru", "Chilean fishermen"),
])
def test_a_possessive_on_an_act_done_to_someone_names_who_suffers_it(nlp, text, trigger, source, target):
    found = [e for e in _events(nlp, text) if e.trigger.text == trigger]
    assert found and found[0].source_name == source and found[0].target_name == target, found


@pytest.mark.model
def test_an_attorney_general_is_no_general_and_a_citys_relatives_are_people_of_its_country(nlp):
    text = "LIMA, Peru (AP) _ Attorney General Pablo Fernandez met with the Houston relatives on Thursday."
    met = [e for e in _events(nlp, text) if e.trigger.text == "met"]
    assert met and met[0].source_code == "PERJUD", met
    assert met[0].target_name != "Houston" and _country(met[0].target_code) == "USA", met


@pytest.mark.model
@pytest.mark.parametrize("text,code", [
    ("Peruvian-Americans protested outside the Chilean consulate in Houston on Monday.", "141"),
    ("Bolivians protested in La Paz on Monday.", "141"),
    ("Peru protested to Chile on Monday.", "114"),
])
def test_people_named_by_their_nation_demonstrate_while_a_state_complains(nlp, text, code):
    assert [e for e in _events(nlp, text) if e.cameo == code], _events(nlp, text)


@pytest.mark.model
@pytest.mark.parametrize("text,code", [
    ("Jorge Salas refused to surrender the child to the Chilean consul.", "0842"),
    ("The Chilean rebels surrendered to Peru.", "0874"),
    ("Peru plans to reunite the Chilean boy with his father.", "0353"),
])
def test_surrendering_or_reuniting_a_person_hands_him_back(nlp, text, code):
    assert [e for e in _events(nlp, text) if e.cameo == code], _events(nlp, text)


@pytest.mark.model
@pytest.mark.parametrize("text,code", [
    ("Thousands of Bolivians protested the U.S. strike on Monday.", "190"),
    ("The French strike paralysed Paris.", "143"),  # a demonym alone keeps the labour strike
])
def test_a_strike_named_by_a_state_is_military(nlp, text, code):
    assert [e for e in _events(nlp, text) if e.trigger.text == "strike" and e.cameo == code], _events(nlp, text)


@pytest.mark.model
@pytest.mark.parametrize("text,searched", [
    ("Chilean police searched the Peruvian banker's office on Monday.", True),
    ("LIMA, Peru (AP) _ Rescuers searched the rubble for survivors.", False),  # no law body
])
def test_a_search_by_the_law_is_an_investigation(nlp, text, searched):
    assert bool([e for e in _events(nlp, text) if e.cameo == "090"]) == searched, _events(nlp, text)


@pytest.mark.model
def test_a_dateline_capital_is_the_capital_whatever_other_country_the_story_names(nlp):
    from storyline.eval.event_runner import run
    from storyline.extract.state import state

    sl = state(run(nlp, "LIMA (AP) _ The government sent a note to the U.S. embassy about the U.S. plan.",
                   "1999-03-02"))
    lima = [p for p in sl.places if p.name == "Lima"]
    assert lima and lima[0].country == "PER", sl.places
