"""Quality gates for the event evaluations: dev scores pinned a little below what was measured, so a change that
makes them worse fails here. Raise the pins when the scores improve. Readers are checked without the model too.
"""
from __future__ import annotations

import pytest

from storyline.eval.factuality import gold_class, metrics
from storyline.eval.plover import _codes

# Measured on dev (PLOVER: even-indexed records; factuality: corpus_airbus): type 0.920, source 0.851,
# target 0.759, full 0.667, CAMEO root 0.917 over 72 records (target and full rose by one record with the
# codebook-probe work on roots 04-09; then source +3, target +3 and full +4 records when ethnic groups were coded
# by where they live, prisoners became civilians of the place, a group took the country of its participle phrase
# ("workers affiliated with the Serbian union"), an ally stopped being its patron, "Federal" stopped being a town
# and "the Russian language" a party); macro 0.891, occurred precision 0.978, nonfactual
# recall 0.922 (318 matched, 77 not happened).
# The full match and target pins were lowered by one record (0.621 -> 0.609, target 0.736 -> 0.724) when common
# nouns that name no one stopped being group actors: "agreed to an extension of the mandate ... in Lebanon" had
# Lebanon as target only because "extension" was taken for a Lebanese group. Target and root fell one more record
# when an appositive name became the actor of its noun ("its neighbor, Eritrea"): the ceasefire Ethiopia-Eritrea
# is now found, with actors, and ranks above an "agreed" whose misspelt subject names no one.
PLOVER_DEV = {"event_type_accuracy": 0.91, "full_match": 0.66, "source_accuracy": 0.845, "target_accuracy": 0.75,
              "cameo_root_accuracy": 0.91}
FACTUALITY_DEV = {"macro_accuracy": 0.88, "occurred_precision": 0.97, "nonfactual_recall": 0.91}


def test_gold_factuality_classes():
    assert gold_class({"polarity": "NEG", "certainty": "CERTAIN", "time": "FUTURE"}) == "negated"
    assert gold_class({"polarity": "POS", "certainty": "POSSIBLE", "time": "FUTURE"}) == "uncertain"
    assert gold_class({"polarity": "POS", "certainty": "CERTAIN", "time": "FUTURE"}) == "future"
    assert gold_class({"polarity": "POS", "certainty": "CERTAIN", "time": "NON_FUTURE"}) == "happened"
    assert gold_class({"polarity": "POS", "certainty": "UNDERSPECIFIED", "time": "NON_FUTURE"}) is None


def test_factuality_metrics_on_a_small_table():
    got = metrics([("happened", "occurred"), ("future", "planned"), ("future", "occurred"), ("negated", "denied")])
    assert got["matched"] == 4 and got["status_accuracy"] == 0.75
    assert got["occurred_precision"] == 0.5 and got["nonfactual_recall"] == round(2 / 3, 3)
    assert got["macro_accuracy"] == round((1 + 0.5 + 1) / 3, 3)


def test_plover_split_interleaves_records():
    from storyline.eval.plover import split_records

    records = [{"n": i} for i in range(6)]
    assert [r["n"] for r in split_records(records, "dev")] == [0, 2, 4]
    assert [r["n"] for r in split_records(records, "test")] == [1, 3, 5]


def test_plover_gold_actor_codes_tolerate_the_files_quirks():
    assert _codes([{"actorText": "Jordan", "code": "JOR"}, {"actorText": "UN", "code": "IGOUNO"}]) == {"JOR", "IGO"}
    assert _codes("diplomatic") == set() and _codes("") == set() and _codes(None) == set()


def test_plover_event_marks_become_spans_of_the_text():
    from storyline.eval.plover import event_spans

    record = {"text": "Chile criticized Peru and Bolivia attacked Brazil.",
              "textInfo": {"markup": "(SRC: Bolivia) (EVT: Attacked) (TAR: Brazil)"}}
    assert event_spans(record) == [(34, 42)]
    assert event_spans({"text": "x", "textInfo": ""}) == []


@pytest.mark.model
def test_plover_aligned_row_takes_the_marked_event(nlp):
    from storyline.eval.plover import score_record

    record = {"text": "Chile criticized Peru on Monday, and Bolivia attacked Brazil on Tuesday.", "event": "FIGHT",
              "source": [{"code": "BOL"}], "target": [{"code": "BRA"}],
              "textInfo": {"markup": "Chile criticized Peru on Monday, and (SRC: Bolivia) (EVT: attacked) (TAR: Brazil)"}}
    row = score_record(nlp, record)
    assert row["predicted"] == "ACCUSE" and not row["type_ok"], row
    aligned = row["aligned"]
    assert aligned["type_ok"] and aligned["source_ok"] and aligned["target_ok"], aligned
    assert row["marked_found"]
    unmarked = dict(record, textInfo={"markup": "Chile (EVT: on Monday)"})
    assert not score_record(nlp, unmarked)["marked_found"]  # no trigger meets the marks: aligned falls back to main


@pytest.mark.model
def test_the_main_event_is_not_in_a_background_clause(nlp):
    from storyline.eval.event_runner import main_coding, run

    doc = run(nlp, "Chile made a fresh appeal to Peru and Bolivia on Friday to settle their border quarrel, a "
                   "spokesman said, as troops from both sides traded fire in the Andes.")
    assert main_coding(doc).first.trigger.text == "appeal"


@pytest.mark.model
def test_a_proposal_killed_by_a_veto_is_vetoed_not_attacked(nlp):
    from storyline.eval.event_runner import main_coding, run, state

    doc = run(nlp, "A Security Council draft calling on Chile to withdraw from the border was killed by a Peruvian "
                   "veto on Friday.")
    main = main_coding(doc).first
    assert main.trigger.text == "veto" and main.plover == "REJECT", main
    assert not [e for e in state(doc).events if e.plover == "ASSAULT"]


@pytest.mark.model
def test_the_main_event_is_not_in_a_relative_clause(nlp):
    from storyline.eval.event_runner import main_coding, run

    doc = run(nlp, "Israel, which withdrew its settlers from Gaza last year, sealed off the territory on Sunday.")
    assert main_coding(doc).first.trigger.text == "sealed off"


def test_plover_label_fixes_a_cameo_root_only_when_its_type_spans_one():
    from storyline.eval.plover import gold_root

    assert gold_root({"event": "CONSULT"}) == "04" and gold_root({"event": "DISAPPROVE"}) == "11"
    assert gold_root({"event": "INVESTIGATE"}) == "09" and gold_root({"event": "PROTEST", "mode": "demo-org"}) == "14"
    assert gold_root({"event": "ASSAULT"}) is None  # 18, 19 or 20
    assert gold_root({"event": "ASSAULT", "mode": "heavy-weapons"}) == "19"  # a mode of today's type narrows it
    assert gold_root({"event": "ASSAULT", "mode": "primitive"}) is None  # not one of today's modes: ignored
    assert gold_root({"event": "DEMAND"}) is None  # appeal (02) or demand (10)


def test_compared_root_codes_denials_and_plans_as_cameo_does():
    from storyline.eval.event_runner import compared_root
    from storyline.models import Event, Span

    def event(plover, cameo, status):
        return Event(id="E1", source=None, target=None, source_name=None, target_name=None, plover=plover, mode=None,
                     cameo=cameo, status=status, date=None, location=None, evidence=Span(0, 1, "x"), confidence=0.5)

    assert compared_root(event("CONSULT", "036", "planned")) == "03"  # its intent code: will meet
    assert compared_root(event("CONSULT", "040", "denied")) == "12"  # refused to meet
    assert compared_root(event("REJECT", "120", "denied")) == "03"  # no objection to
    assert compared_root(event("ASSAULT", "195", "occurred")) == "19"


@pytest.mark.eval
@pytest.mark.model
def test_plover_dev_gate(nlp, shared):
    from storyline.eval.plover import evaluate

    got = evaluate(str(shared("eval", "events_plover", "plover_gsr_dev.json")), split="dev", nlp=nlp)
    for name, floor in PLOVER_DEV.items():
        assert got[name] >= floor, f"plover dev {name} fell to {got[name]} (gate {floor}); all: {got}"


@pytest.mark.eval
@pytest.mark.model
def test_factuality_dev_gate(nlp, shared):
    from storyline.eval.factuality import evaluate

    got = evaluate(str(shared("eval", "meantime", "intra_cross-doc_annotation")), split="dev", nlp=nlp)
    assert got["matched"] >= 300 and got["not_happened"] >= 70, f"too few matched mentions: {got}"
    for name, floor in FACTUALITY_DEV.items():
        assert got[name] >= floor, f"factuality dev {name} fell to {got[name]} (gate {floor}); all: {got}"


@pytest.mark.eval
@pytest.mark.model
def test_petrarch_records_are_read_and_scored(nlp, shared):
    from storyline.eval.petrarch import evaluate, load

    path = str(shared("eval", "events_cameo", "PETR.UnitTest.records.xml"))
    records = load(path)
    assert len(records) >= 250 and all(r["text"] and r["codings"] for r in records)
    got = evaluate(path, split="dev", nlp=nlp, mode="triggers")
    assert got["codings"] > 150 and 0.0 <= got["root_code_accuracy"] <= 1.0, got


def test_petrarch_unknown_mode_says_which_modes_exist():
    from storyline.errors import EvalDataError
    from storyline.eval.petrarch import evaluate

    with pytest.raises(EvalDataError, match="triggers"):
        evaluate("unused.xml", mode="verbs")
