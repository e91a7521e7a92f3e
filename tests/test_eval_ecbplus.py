"""ECB+ story clustering: the scorer on hand-made cases, and the quality gate on the real data.

The gate runs ``storyline.eval.ecbplus.evaluate`` — the pipeline, then the online clustering path, without the
number of stories — on the ``train`` split (the one tuned on) and the held-out ``dev`` split, and pins the
scores reached (a little below; see the module docstring of storyline.eval.ecbplus for the splits).
"""
from __future__ import annotations

import gzip
import json

import pytest

from storyline.errors import EvalDataError
from storyline.eval import ecbplus

GATES = {  # split: minimum B-cubed F1. Measured: train 0.950, dev 0.933 with split repair (cluster.py); before it train 0.945
    #          (0.936 before this stop's actor fixes: namesakes, no
    #          URL or determiner names) with shared marks gated by the words, names capped at
    #          the words + 0.3 and no country penalty, dev 0.897; train 0.924, dev 0.898 with
    #          identity marks alone; before them 0.900, 0.826
    "train": 0.94,
    "dev": 0.92,
}


def test_bcubed_of_a_perfect_and_a_lumped_clustering():
    gold = ["a", "a", "b", "b"]
    assert ecbplus.bcubed(["x", "x", "y", "y"], gold) == (1.0, 1.0, 1.0)
    precision, recall, f1 = ecbplus.bcubed(["x", "x", "x", "x"], gold)
    assert (precision, recall) == (0.5, 1.0) and round(f1, 4) == 0.6667
    assert ecbplus.nmi(["x", "x", "y", "y"], gold) == pytest.approx(1.0)
    assert ecbplus.nmi(["x", "y", "x", "y"], gold) == pytest.approx(0.0)


def test_reader_names_the_bad_line(tmp_path):
    path = tmp_path / "bad.jsonl.gz"
    with gzip.open(path, "wt") as handle:
        handle.write(json.dumps({"doc_id": "1", "story_cluster": "a", "text": "x"}) + "\n{oops\n")
    with pytest.raises(EvalDataError, match="line 2 is not JSON"):
        ecbplus.read_rows(str(path))
    with pytest.raises(EvalDataError, match="unknown split"):
        ecbplus.read_rows(str(path), split="test")


def test_feeding_order_is_fixed_and_interleaves_topics():
    rows = [{"doc_id": f"{t}_{n}ecb"} for t in range(1, 4) for n in range(1, 4)]
    first = [r["doc_id"] for r in ecbplus.stream_order(rows)]
    assert first == [r["doc_id"] for r in ecbplus.stream_order(list(reversed(rows)))]
    assert first != [r["doc_id"] for r in rows]


@pytest.mark.eval
@pytest.mark.model
@pytest.mark.parametrize("split", sorted(GATES))
def test_quality_gate(shared, nlp, split):
    data = shared("eval", "stories_ecbplus", "ecbplus_train_dev.jsonl.gz")
    metrics = ecbplus.evaluate(str(data), split=split, nlp=nlp)
    assert metrics["bcubed_f1"] >= GATES[split], f"ECB+ {split}: B-cubed F1 fell below {GATES[split]}: {metrics}"


def _topic_docs():
    from stories_helpers import doc

    subjects = {"1": "volcano lava eruption island evacuation", "2": "football striker transfer club fee",
                "3": "bank merger shareholder vote", "4": "chess champion tournament final"}
    rows, docs = [], []
    for topic, words in subjects.items():
        for n in range(3):
            ident = f"{topic}_{n}ecb"
            rows.append({"doc_id": ident, "story_cluster": f"{topic}_ecb", "topic": topic})
            docs.append(doc(ident, words, f"{words}. " * 5 + f"report {n}", None))
    return rows, docs


def test_folds_keep_each_topic_whole():
    rows, _ = _topic_docs()
    folds = ecbplus.topic_folds(rows, 2)
    by_topic = {}
    for row, fold in zip(rows, folds):
        by_topic.setdefault(row["topic"], set()).add(fold)
    assert all(len(f) == 1 for f in by_topic.values()) and set(folds) == {0, 1}
    with pytest.raises(EvalDataError, match="cannot make 5 folds"):
        ecbplus.topic_folds(rows, 5)


def test_cross_validation_scores_each_fold_with_a_threshold_chosen_elsewhere():
    rows, docs = _topic_docs()
    result = ecbplus.cross_validate(rows, docs, folds=2, thresholds=(0.2, 0.3))
    assert len(result["thresholds_chosen"]) == 2 and set(result["thresholds_chosen"]) <= {0.2, 0.3}
    assert result["held_out_documents"] == len(rows) and result["held_out_clusters_gold"] == 4
    assert result["held_out_bcubed_f1"] == 1.0, result


def test_cross_validation_repeats_over_stream_orders():
    rows, docs = _topic_docs()
    shuffled_rows, shuffled_docs = ecbplus.reordered(rows, docs, 1)
    assert [r["doc_id"] for r in shuffled_rows] == [d.id for d in shuffled_docs] != [r["doc_id"] for r in rows]
    result = ecbplus.cross_validate(rows, docs, folds=2, orders=2, thresholds=(0.2, 0.3))
    assert len(result["held_out_bcubed_f1_by_order"]) == 2 and result["mean_held_out_bcubed_f1"] == 1.0
