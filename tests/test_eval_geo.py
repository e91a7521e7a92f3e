"""storyline.eval.geo: the three Gritta formats, the metrics on hand-made cases, and the quality gate."""
from __future__ import annotations

import pytest

from storyline.errors import EvalDataError
from storyline.eval.geo import GoldArticle, GoldToponym, Predicted, Tally, distance_km, load, load_file

LGL = """<?xml version="1.0" encoding="utf-8"?><articles>
<article docid="1"><text>Flooding hit Fargo on Friday.</text><toponyms><toponym><start>13</start><end>18</end>
<phrase>Fargo</phrase><gaztag geonameid="1"><name>Fargo</name><lat>46.88</lat><lon>-96.79</lon></gaztag></toponym>
</toponyms></article>
<article docid="2"><text>Nothing here.</text><toponyms></toponyms></article></articles>"""
GEOVIRUS = """<articles><article><source>x</source><text>Cases rose in Lima.</text><locations><location>
<name>Lima</name><start>14</start><end>18</end><lat>-12.04</lat><lon>-77.03</lon><page>p</page></location>
</locations></article></articles>"""
GWN = """<?xml version="1.0" ?><articles><article file="0"><title>t</title><link>l</link>
<text>Russian troops left Kharkiv.</text><toponyms>
<toponym><extractedName>Russian</extractedName><type>Non_Literal_Modifier</type><modifierType>Adjective</modifierType>
<nonLocational>No</nonLocational><start>0</start><end>7</end><latitude>60</latitude><longitude>100</longitude></toponym>
<toponym><extractedName>Kharkiv</extractedName><type>Literal</type><modifierType/><nonLocational>No</nonLocational>
<start>20</start><end>27</end><latitude>49.98</latitude><longitude>36.25</longitude></toponym>
<toponym><extractedName>troops</extractedName><type>Non_Lit_Expression</type><modifierType/>
<nonLocational>Yes</nonLocational><start>8</start><end>14</end></toponym>
</toponyms></article></articles>"""


@pytest.fixture
def corpus(tmp_path):
    for name, text in (("lgl.xml", LGL), ("GeoVirus.xml", GEOVIRUS), ("GWN.xml", GWN)):
        (tmp_path / name).write_text(text, encoding="utf-8")
    return tmp_path


def test_each_format_loads_offsets_and_coordinates(corpus):
    lgl = load_file(corpus / "lgl.xml")
    assert lgl[0].text[13:18] == "Fargo" and lgl[0].toponyms[0].lat == 46.88
    assert load_file(corpus / "GeoVirus.xml")[0].toponyms[0].text == "Lima"
    gwn = load_file(corpus / "GWN.xml")[0]
    assert [t.text for t in gwn.toponyms] == ["Kharkiv"], "GWN: adjectives and expressions are not toponyms"


def test_split_halves_each_file_in_order(corpus):
    assert [a.text for a in load_file(corpus / "lgl.xml", "dev")] == ["Flooding hit Fargo on Friday."]
    assert [a.text for a in load_file(corpus / "lgl.xml", "test")] == ["Nothing here."]
    assert len(load(str(corpus))) == 4


def test_unknown_file_and_split_are_explained(corpus, tmp_path):
    (tmp_path / "other.xml").write_text("<a/>", encoding="utf-8")
    with pytest.raises(EvalDataError, match="lgl.xml"):
        load(str(tmp_path / "other.xml"))
    with pytest.raises(EvalDataError, match="dev, test"):
        load(str(corpus), split="train")


def test_distance_is_great_circle():
    assert distance_km(0, 0, 0, 1) == pytest.approx(111.2, abs=0.2)
    assert distance_km(51.5, -0.12, 48.86, 2.35) == pytest.approx(343, abs=5)


def test_tally_metrics():
    article = GoldArticle("x", "in Fargo and Lima", (GoldToponym(3, 8, "Fargo", 46.88, -96.79),
                                                     GoldToponym(13, 17, "Lima", -12.04, -77.03)))
    tally = Tally()
    tally.add(article, [Predicted(3, 8, 46.9, -96.8), Predicted(12, 17, 40.74, -84.1)])  # Lima, Ohio
    m = tally.metrics()
    assert m["toponym_f1"] == 1.0 and m["toponym_f1_exact"] == 0.5
    assert m["found_share"] == 1.0 and m["accuracy_161km"] == 0.5
    assert m["mean_error_km"] > 2000


def test_geovirus_offsets_one_late_are_realigned(tmp_path):
    late = GEOVIRUS.replace("<start>14</start><end>18</end>", "<start>15</start><end>19</end>")
    (tmp_path / "GeoVirus.xml").write_text(late, encoding="utf-8")
    top = load_file(tmp_path / "GeoVirus.xml")[0].toponyms[0]
    assert (top.start, top.end) == (14, 18), f"GeoVirus 'Lima' one character late should be moved back: {top}"


def test_prediction_on_an_adjectival_gwn_toponym_counts_neither_way(corpus):
    article = load_file(corpus / "GWN.xml")[0]
    assert article.ignored == ((0, 7),), f"GWN 'Russian' (adjective) should be an ignored span: {article}"
    tally = Tally()
    tally.add(article, [Predicted(0, 7, 60.0, 100.0), Predicted(20, 27, 49.99, 36.23)])
    assert (tally.pred, tally.overlap) == (1, 1), "the demonym 'Russian' must be neither a hit nor a false alarm"


# Reached on the dev halves (actors component on), gated a little below. The whole dev split (509 articles,
# lgl included) takes minutes; these two files take well under a minute each on an idle machine. lgl dev reached
# toponym F1 0.78, found 0.81, accuracy 0.84 (see `storyline eval geo --split dev`).
GATES = {
    "GWN.xml": {"toponym_f1": 0.80, "found_share": 0.77, "accuracy_161km": 0.88},        # 0.821 / 0.788 / 0.898
    "GeoVirus.xml": {"toponym_f1": 0.83, "found_share": 0.88, "accuracy_161km": 0.91},   # 0.848 / 0.901 / 0.929
}


@pytest.mark.eval
@pytest.mark.parametrize("name", sorted(GATES))
def test_quality_gate_dev(nlp, shared, name):
    """Dev half of one Gritta file: toponym F1, found share and accuracy within 161 km must not fall."""
    from storyline.eval.geo import evaluate

    result = evaluate(str(shared("eval", "geoparsing", name)), split="dev", nlp=nlp)
    fallen = {k: (result[k], floor) for k, floor in GATES[name].items() if result[k] < floor}
    assert not fallen, f"{name} dev fell below the gate (got, floor): {fallen}; full result: {result}"
