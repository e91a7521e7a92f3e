"""PolNeAR evaluation: the brat reader and scorer on a hand-made fixture, and the quality gate on dev."""
from __future__ import annotations

import pytest

from storyline.errors import EvalDataError
from storyline.eval import polnear

TEXT = ("“We will win,” Smith said. “They will lose.”\n\n"
        "Jones said that the vote was rigged.\n\n"
        "Critics called it a “farce.”\n")


def _write_corpus(root, text=TEXT):
    for folder in ("dev", "train"):
        (root / folder / "text").mkdir(parents=True)
        (root / folder / "attributions").mkdir(parents=True)
    (root / "dev" / "text" / "a.txt").write_text(text, encoding="utf-8")
    first, second = text.index("“We"), text.index("“They")
    smith, said = text.index("Smith"), text.index("said")
    jones, that = text.index("Jones"), text.index("the vote")
    lines = [
        f"T1\tContent {first} {first + 14};{second} {second + 17}\t…",
        f"T2\tSource {smith} {smith + 5}\tSmith",
        f"T3\tCue {said} {said + 4}\tsaid",
        "E1\tAttribution:T4 Content:T1 Cue:T3 Source:T2",
        f"T5\tContent {that} {that + 19}\tthe vote was rigged",
        f"T6\tSource {jones} {jones + 5}\tJones",
        "E2\tAttribution:T7 Content:T5 Source:T6",
        "a stray continuation line without tabs",
    ]
    (root / "dev" / "attributions" / "a_zz01.ann").write_text("\n".join(lines) + "\n", encoding="utf-8")
    (root / "dev" / "attributions" / "a_zz02.ann").write_text("", encoding="utf-8")  # second annotator: ignored
    (root / "metadata.tsv").write_text("filename\tpublication_date\na\t2016-10-01\n", encoding="utf-8")
    return root


def test_reader_splits_fragments_and_marks_direct_units(tmp_path):
    items = list(polnear.load(str(_write_corpus(tmp_path)), "dev"))
    assert len(items) == 1 and items[0].published == "2016-10-01"
    units = items[0].units
    texts = [TEXT[u.start:u.end] for u in units]
    assert texts == ["“We will win,”", "“They will lose.”", "the vote was rigged"], texts
    assert [u.direct for u in units] == [True, True, False]
    assert all(u.source for u in units)


def test_unknown_split_and_missing_folder_say_what_to_do(tmp_path):
    with pytest.raises(EvalDataError, match="choose one of"):
        list(polnear.load(str(tmp_path), "validation"))
    with pytest.raises(EvalDataError, match="attributions"):
        list(polnear.load(str(tmp_path), "dev"))


def test_held_out_slice_is_the_end_of_train(tmp_path):
    root = _write_corpus(tmp_path)
    for n in range(polnear.HELD_OUT + 2):
        (root / "train" / "text" / f"t{n:03d}.txt").write_text("x", encoding="utf-8")
    _, train = polnear._names(root, "train")
    _, test = polnear._names(root, "test")
    assert len(test) == polnear.HELD_OUT and not set(train) & set(test) and train[-1] < test[0]


@pytest.mark.model
def test_scores_on_the_fixture(tmp_path, nlp):
    errors: list = []
    scores = polnear.evaluate(str(_write_corpus(tmp_path)), split="dev", nlp=nlp, errors=errors)
    assert scores["direct_gold"] == 2 and scores["direct_predicted"] == 2, (scores, errors)
    assert scores["direct_exact_f1"] == 1.0 and scores["direct_speaker_accuracy"] == 1.0, (scores, errors)
    assert scores["all_overlap_f1"] == 1.0, f"the scare quote 'farce' must not count: {scores} {errors}"


# Quality gate: dev scores reached when this was written (exact 0.926, overlap 0.934, speaker 0.915, all 0.581),
# pinned a little below; speaker accuracy leaves room for changes in the actors component it reads.
GATE = {"direct_exact_f1": 0.90, "direct_overlap_f1": 0.91, "direct_speaker_accuracy": 0.88,
        "all_overlap_f1": 0.55}


@pytest.mark.eval
@pytest.mark.model
def test_quality_gate_dev(nlp, shared):
    errors: list = []
    scores = polnear.evaluate(str(shared("eval", "quotes_polnear")), split="dev", nlp=nlp, errors=errors)
    low = {k: (scores[k], floor) for k, floor in GATE.items() if scores[k] < floor}
    sample = [e for e in errors if e[1] in {"missed", "spurious"}][:10]
    assert not low, f"PolNeAR dev below the gate (got, floor): {low}; first errors: {sample}"
