"""Quotes on small cases through the whole pipeline: kinds, spans, cues, speakers (through names and pronouns)."""
from __future__ import annotations

import pytest

from storyline.extract.attribution import SpeechCueError, load_cues
from storyline.extract.build import analyse
from storyline.models import Article

pytestmark = pytest.mark.model


def _quotes(nlp, text: str, published: str = "2025-10-16"):
    return analyse(nlp, Article(text=text, published=published)).quotes


def _one(quotes, fragment: str, text: str):
    found = [q for q in quotes if fragment in q.text]
    assert found, f"{text!r}: no quote containing {fragment!r}; got {[(q.kind, q.text) for q in quotes]}"
    return found[0]


CASES = [
    # name, text, fragment of the content, kind, exact content (None: not checked), speaker span text, cue
    ("direct, cue after", "“We will win this election,” Hillary Clinton said on Monday.",
     "We will win", "direct", "We will win this election,", "Hillary Clinton", "said"),
    ("direct, inverted cue", "“The plan is dead,” said Senator Mitch McConnell.",
     "plan is dead", "direct", "The plan is dead,", "Senator Mitch McConnell", "said"),
    ("direct, cue before with colon", "Angela Merkel told reporters: “Europe must act together.”",
     "Europe must act", "direct", "Europe must act together.", "Angela Merkel", "told"),
    ("direct, far cue after an apposition",
     "“The rule is an invasion of state authority,” Scott Pruitt, the attorney general of Oklahoma, said.",
     "invasion of state", "direct", "The rule is an invasion of state authority,", "Scott Pruitt", "said"),
    ("direct, signed with a dash", "“He should never be president.” ― Maria Lopez\n“Next letter.” ― John Roe",
     "never be president", "direct", "He should never be president.", "Maria Lopez", None),
    ("indirect with that", "Emmanuel Macron said that France would send more troops to the region.",
     "France would send", "indirect", "France would send more troops to the region", "Emmanuel Macron", "said"),
    ("indirect without that", "Boris Johnson said he was ready to resign.",
     "he was ready", "indirect", "he was ready to resign", "Boris Johnson", "said"),
    ("according to", "According to Pentagon officials, the strikes destroyed three depots.",
     "strikes destroyed", "indirect", "the strikes destroyed three depots", "Pentagon officials", "According"),
    ("writer's purpose adjunct trimmed", "Joe Biden announced that he will visit Kyiv in an effort to reassure allies.",
     "visit Kyiv", "indirect", "he will visit Kyiv", "Joe Biden", "announced"),
]


@pytest.mark.parametrize("name,text,fragment,kind,content,speaker,cue", CASES, ids=[c[0] for c in CASES])
def test_case(nlp, name, text, fragment, kind, content, speaker, cue):
    quote = _one(_quotes(nlp, text), fragment, text)
    assert quote.kind == kind, f"{name}: {quote.text!r} is {quote.kind}, expected {kind}"
    if content is not None:
        assert quote.text == content, f"{name}: content {quote.text!r}, expected {content!r}"
    assert quote.speaker_span and quote.speaker_span.text == speaker, \
        f"{name}: speaker span {quote.speaker_span}, expected {speaker!r}"
    assert quote.cue == cue, f"{name}: cue {quote.cue!r}, expected {cue!r}"


def test_split_quote_gives_two_quotes_of_one_speaker(nlp):
    text = "“We are not leaving,” Olaf Scholz said. “We will stay until the job is done.”"
    quotes = [q for q in _quotes(nlp, text) if q.kind == "direct"]
    assert [q.text for q in quotes] == ["We are not leaving,", "We will stay until the job is done."], \
        f"{text!r}: {[q.text for q in quotes]}"
    assert {q.speaker_span.text for q in quotes} == {"Olaf Scholz"} and {q.cue for q in quotes} == {"said"}


def test_pronoun_speaker_resolves_to_the_named_actor(nlp):
    text = "Angela Merkel spoke in Berlin on Tuesday.\n\n“We must stay calm,” she said."
    quote = _one(_quotes(nlp, text), "stay calm", text)
    assert quote.speaker_span.text == "she"
    assert quote.speaker_name == "Angela Merkel", f"{text!r}: 'she' resolved to {quote.speaker_name!r}"


def test_scare_quotes_are_not_quotes(nlp):
    text = "Critics called the plan a “disaster” and the senator described it as the “Great Wall.”"
    direct = [q.text for q in _quotes(nlp, text) if q.kind == "direct"]
    assert direct == [], f"{text!r}: scare quotes taken as direct quotes: {direct}"


def test_bare_quote_paragraph_takes_previous_speaker(nlp):
    text = "“Taxes will fall,” Rishi Sunak said.\n\n“Growth will return next year.”\n\nThe pound rose."
    quote = _one(_quotes(nlp, text), "Growth will return", text)
    assert quote.kind == "direct" and quote.speaker_span and quote.speaker_span.text == "Rishi Sunak", \
        f"{text!r}: continuation quote got speaker {quote.speaker_span}"


def test_narration_after_a_quote_is_not_inferred(nlp):
    text = "“Taxes will fall,” Rishi Sunak said.\n\nThe Treasury published its figures on Friday."
    inferred = [q.text for q in _quotes(nlp, text) if q.kind == "inferred"]
    assert inferred == [], f"{text!r}: narration taken as speech: {inferred}"


def test_date_comes_from_the_cue_clause(nlp):
    text = "“Prices will fall,” Christine Lagarde said on Sunday. The bank meets again in March."
    quote = _one(_quotes(nlp, text, published="2025-10-16"), "Prices will fall", text)
    assert (quote.date or "")[:10] == "2025-10-12", f"{text!r}: date {quote.date!r}, expected 2025-10-12"


def test_cue_table_is_valid():
    cues = load_cues()
    assert cues.verbs["say"] == "both" and cues.forms["said"] == "say"
    assert SpeechCueError("x").args[0].startswith("data/speech_cues.yaml")
