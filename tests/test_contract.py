"""The document JSON is a public contract: it validates against the published schema and round-trips."""
from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest

from storyline.models import Document

SCHEMA = json.loads((Path(__file__).resolve().parents[1] / "src/storyline/schema/document.schema.json").read_text())
CONTRACT_KEYS = {"id", "title", "url", "published", "language", "text", "removed", "entities", "places", "dates",
                 "events", "quotes"}


def check_offsets(data: dict) -> None:
    """Every span in the document indexes into its text."""
    text = data["text"]
    spans = [m for e in data["entities"] for m in e["mentions"]]
    spans += [m for p in data["places"] for m in p["mentions"]]
    spans += data["dates"] + [e["evidence"] for e in data["events"]]
    spans += [e["trigger"] for e in data["events"] if e.get("trigger")]
    spans += data["quotes"]
    for span in spans:
        assert text[span["start"]:span["end"]] == span["text"], f"span {span} does not index into the text"


@pytest.mark.model
def test_seed_document_matches_schema_and_offsets(seed_doc):
    data = seed_doc.to_dict()
    jsonschema.validate(data, SCHEMA)
    assert CONTRACT_KEYS <= set(data)
    check_offsets(data)


@pytest.mark.model
def test_document_round_trips_through_dict(seed_doc):
    data = seed_doc.to_dict()
    assert Document.from_dict(json.loads(json.dumps(data))).to_dict() == data


@pytest.mark.model
def test_one_sentence_is_a_document(nlp):
    import storyline

    doc = storyline.extract("Russia and Ukraine agreed to a ceasefire on Monday.", published="2025-03-05", nlp=nlp)
    assert doc.text.startswith("Russia and Ukraine")
    jsonschema.validate(doc.to_dict(), SCHEMA)
