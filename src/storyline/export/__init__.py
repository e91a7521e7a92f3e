"""Stored documents -> files an analyst's other tools read.

    jsonl    one Document.to_dict() per line (lossless; ``storyline show`` prints the same objects)
    parquet  a directory of tables: articles, entities, places, events, quotes (one row per item)
    gdelt    the GDELT 2.0 event table: 61 tab-separated columns, no header, events that happened

``export(store, fmt, out)`` writes and returns how many documents it read.
"""
from __future__ import annotations

from .formats import FORMATS, export

__all__ = ["FORMATS", "export"]
