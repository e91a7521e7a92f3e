"""Document-level recovery of names the model misses (actor_recovery), one named rule per case.

The texts are written for the test; names are invented so that no knowledge-file entry helps."""
import pytest

from storyline.extract.build import analyse
from storyline.models import Article

pytestmark = pytest.mark.model


def entities(nlp, text):
    return analyse(nlp, Article(text=text, published="2025-10-16")).entities


def typed_mentions(ents):
    return {(m.text, e.type) for e in ents for m in e.mentions if m.kind in {"name", "place"}}


def expect(nlp, text, wanted, unwanted=()):
    got = typed_mentions(entities(nlp, text))
    for item in wanted:
        assert item in got, f"{text!r}: expected mention {item}, got {sorted(got)}"
    for item in unwanted:
        assert item not in got, f"{text!r}: did not expect {item}, got {sorted(got)}"


def test_rule_corporate_word_run_is_one_org(nlp):
    expect(nlp, "Velmora Commercial Airplanes on Tuesday delivered the last jet to a customer.",
           [("Velmora Commercial Airplanes", "ORG")])


def test_rule_air_prefix_takes_the_place_inside(nlp):
    expect(nlp, "The jets will go to six airlines - Air China, Hainan Airlines and others.",
           [("Air China", "ORG")], unwanted=[("China", "GPE")])


def test_rule_air_prefix_stops_after_the_name(nlp):
    got = typed_mentions(entities(nlp, "Investigators studied the wreck of Air France Flight 447 for years."))
    assert ("Air France Flight", "ORG") not in got, sorted(got)


def test_rule_corporate_word_retypes_a_person_span(nlp):
    ents = entities(nlp, "The plant was the original home of Douglas Aircraft and later of its rival.")
    assert any(e.name == "Douglas Aircraft" and e.type == "ORG" for e in ents), [(e.name, e.type) for e in ents]


def test_rule_cue_after_executive_title(nlp):
    expect(nlp, "She was named chief executive of Quorvanta last year.", [("Quorvanta", "ORG")])


def test_rule_bracketed_acronym_takes_the_name_label(nlp):
    expect(nlp, "The contract will supply the Velmoran Air Force (VAF) with tankers.", [("VAF", "ORG")])


def test_rule_repeat_of_a_tagged_name(nlp):
    text = ("Jusman Talib Rakoto, minister of transport, spoke on Monday. ``We will not buy,'' the radio quoted "
            "Rakoto as saying. Rakoto left.")
    ents = entities(nlp, text)
    person = [e for e in ents if e.name == "Jusman Talib Rakoto"]
    assert person and sum(m.text == "Rakoto" for m in person[0].mentions) == 2, \
        [(e.name, [m.text for m in e.mentions]) for e in ents]


def test_rule_short_name_joins_the_org_without_its_corporate_word(nlp):
    ents = entities(nlp, "Delivery to Zorbix was late. Zorbix Airways said on Monday it would buy ten jets.")
    org = [e for e in ents if e.name == "Zorbix Airways"]
    assert org and {m.text for m in org[0].mentions} >= {"Zorbix", "Zorbix Airways"}, \
        [(e.name, e.type, [m.text for m in e.mentions]) for e in ents]


def test_rule_nationality_adjective_is_not_a_name(nlp):
    got = typed_mentions(entities(nlp, "Local airlines should not buy European aircraft, the minister said."))
    assert not any(text == "European" for text, _ in got), sorted(got)
