"""storyline.eval.aeb: the metric on hand-made cases, and the quality gate on the benchmark (marked eval)."""
from __future__ import annotations

import pytest

from helpers_shared import shared_path
from storyline.errors import EvalDataError
from storyline.eval.aeb import evaluate, page_scores, select, shingles, summarise

GOLD = "one two three four five six seven eight"


def test_shingles_are_word_4grams_counted():
    assert shingles("a b c d a b c d") == {("a", "b", "c", "d"): 2, ("b", "c", "d", "a"): 1,
                                           ("c", "d", "a", "b"): 1, ("d", "a", "b", "c"): 1}
    assert shingles("Hi, there") == {("Hi", "there"): 1}  # shorter than 4 words: one shingle
    assert shingles("") == {}


def test_page_scores():
    assert page_scores(GOLD, GOLD) == (1.0, 0.0, 0.0)
    tp, fp, fn = page_scores(GOLD, "one two three four five")  # 2 of the 5 gold shingles
    assert (tp, fp, fn) == pytest.approx((0.4, 0.0, 0.6))
    assert page_scores(GOLD, "") == (0.0, 0.0, 1.0)


def test_summary_averages_pages():
    result = summarise([page_scores(GOLD, GOLD), page_scores(GOLD, "")])
    assert result["pages"] == 2
    assert result["precision"] == 1.0  # the empty prediction has no precision to average
    assert result["recall"] == 0.5 and result["f1"] == pytest.approx(2 / 3)


def test_splits_halve_sorted_ids():
    assert select(["d", "a", "c", "b"], "dev") == ["a", "b"]
    assert select(["d", "a", "c", "b"], "test") == ["c", "d"]
    with pytest.raises(ValueError):
        select(["a"], "train")


def test_missing_data_says_what_is_expected(tmp_path):
    with pytest.raises(EvalDataError, match="ground-truth.json"):
        evaluate(str(tmp_path))


# Pinned from measured figures (favor_precision extraction + clean): dev F1 0.963, test F1 0.947.
DEV_F1_MIN = 0.953
TEST_F1_MIN = 0.93


@pytest.mark.eval
def test_aeb_dev_gate():
    result = evaluate(str(shared_path("eval", "extraction_aeb")), "dev")
    assert result["pages"] == 51
    assert result["f1"] >= DEV_F1_MIN, f"extraction F1 on AEB dev fell to {result['f1']:.4f} (< {DEV_F1_MIN})"


@pytest.mark.eval
def test_aeb_test_gate():
    result = evaluate(str(shared_path("eval", "extraction_aeb")), "test")
    assert result["f1"] >= TEST_F1_MIN, f"extraction F1 on AEB test fell to {result['f1']:.4f} (< {TEST_F1_MIN})"
