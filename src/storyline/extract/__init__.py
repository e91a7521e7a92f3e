"""The extract stage: a spaCy pipeline plus storyline's own components.

    text -> tokenizer -> storyline_dateline -> tagger/parser/ner (spaCy) -> storyline_actors -> storyline_places
         -> storyline_dates -> storyline_quotes -> storyline_events -> Document

Each storyline component takes the ``Doc`` and returns it, reading what earlier components put in
``doc._.sl`` (an ``Analysis``) and adding its own results there. ``build.to_document`` turns the finished
Doc into the frozen ``models.Document``.
"""
from .pipeline import load_pipeline
from .build import analyse, analyse_many

__all__ = ["load_pipeline", "analyse", "analyse_many"]
