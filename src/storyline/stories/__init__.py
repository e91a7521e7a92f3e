"""The stories stage: copies and rewrites, online story clustering, timelines, trending, watches and feeds.

    dedup.py      MinHash/LSH copies and rewrites, changed quotes
    features.py   what clustering reads from a Document; sparse vectors
    marks.py      identity marks (persons, years, numbers) that keep two incidents of one kind apart
    cluster.py    StoryIndex: the online clustering
    story.py      a story's running state (the stories.data column)
    repo.py       queries over stories / story_articles
    online.py     the ingest hook (on_saved) and rebuild
    timeline.py   events merged across a story's articles, status over time
    trending.py   bursts of stories and actors against their own baseline
    watch.py      watch rules and their matches (JSONL or webhook)
    feed.py       a story's Atom feed
    service.py    the functions the CLI calls;  render.py  their text form

``storyline.jobs.ingest`` calls ``on_saved`` after each newly saved document.
"""
from __future__ import annotations

from .online import on_saved, rebuild

__all__ = ["on_saved", "rebuild"]
