"""MEANTIME loader and scorer on a hand-written CAT file, and the quality gate on ../shared/eval/meantime."""
import pytest

from storyline.eval.meantime import evaluate, read_document, rebuild_text, score

CAT = """<?xml version="1.0" ?><Document doc_id="1" doc_name="x" lang="en">
<token number="0" sentence="0" t_id="1">Acme</token>
<token number="1" sentence="0" t_id="2">wins</token>
<token number="2" sentence="1" t_id="3">May</token>
<token number="3" sentence="1" t_id="4">1</token>
<token number="4" sentence="2" t_id="5">The</token>
<token number="5" sentence="2" t_id="6">GAO</token>
<token number="6" sentence="2" t_id="7">praised</token>
<token number="7" sentence="2" t_id="8">Jane</token>
<token number="8" sentence="2" t_id="9">Roe</token>
<token number="9" sentence="2" t_id="10">'s</token>
<token number="10" sentence="2" t_id="11">firm</token>
<token number="11" sentence="2" t_id="12">.</token>
<Markables>
<ENTITY_MENTION m_id="20" syntactic_type="NAM"><token_anchor t_id="5"/><token_anchor t_id="6"/></ENTITY_MENTION>
<ENTITY_MENTION m_id="21" syntactic_type="NAM"><token_anchor t_id="8"/><token_anchor t_id="9"/></ENTITY_MENTION>
<ENTITY_MENTION m_id="22" syntactic_type="NOM"><token_anchor t_id="11"/></ENTITY_MENTION>
<ENTITY m_id="30" ent_type="ORG"/>
<ENTITY m_id="31" ent_type="PER"/>
<TIMEX3 m_id="40" functionInDocument="CREATION_TIME" type="DATE" value="2008-05-01"/>
</Markables>
<Relations>
<REFERS_TO r_id="1"><source m_id="20"/><target m_id="30"/></REFERS_TO>
<REFERS_TO r_id="2"><source m_id="21"/><source m_id="22"/><target m_id="31"/></REFERS_TO>
</Relations>
</Document>
"""


def test_rebuild_text_spacing_and_offsets():
    text, offsets = rebuild_text([("1", 0, "Acme"), ("2", 0, "wins"), ("3", 1, "Roe"), ("4", 1, "'s"),
                                  ("5", 1, "(") , ("6", 1, "x"), ("7", 1, ")")])
    assert text == "Acme wins\n\nRoe's (x)"
    assert text[slice(*offsets["4"])] == "'s"


def test_read_document_keeps_named_per_org_loc_only(tmp_path):
    path = tmp_path / "x.xml"
    path.write_text(CAT, encoding="utf-8")
    doc = read_document(path)
    spans = [(doc["text"][s:e], kind) for s, e, kind in doc["gold"]]
    assert spans == [("The GAO", "ORG"), ("Jane Roe", "PER")], spans
    assert doc["published"] == "2008-05-01"


def test_score_exact_and_overlap():
    gold = [(0, 7, "ORG"), (20, 28, "PER")]
    pred = [(4, 7, "ORG"), (20, 28, "PER"), (30, 35, "LOC")]
    assert score(gold, pred) == {"gold": 2, "pred": 3, "exact": 1, "relaxed": 2, "pred_exact": 1,
                                 "pred_relaxed": 2}


# Pinned a little below the scores reached (2025-10 actors work): dev (airbus) relaxed 0.953 / exact 0.696,
# held-out test (apple) relaxed 0.942 / exact 0.842. Raw spaCy entities: about 0.90 relaxed.
GATES = {"dev": {"relaxed_recall": 0.945, "entity_recall": 0.68},
         "test": {"relaxed_recall": 0.935, "entity_recall": 0.82}}


@pytest.fixture(scope="module", params=sorted(GATES))
def meantime_result(request, nlp, shared):
    """One pipeline run per split, shared by the gate's checks."""
    return request.param, evaluate(str(shared("eval", "meantime")), split=request.param, nlp=nlp, misses=True)


@pytest.mark.eval
@pytest.mark.model
def test_quality_gate_meantime(meantime_result):
    split, result = meantime_result
    missed = result.get("missed", [])
    for measure, minimum in GATES[split].items():
        assert result[measure] >= minimum, \
            f"MEANTIME {split}: {measure} {result[measure]} < {minimum}; {result}; first misses " \
            f"(document, gold text, type): {missed[:15]}"
