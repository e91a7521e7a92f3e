"""The CAMEO and PLOVER tables (data/cameo.yaml, data/plover.yaml) as lookups.

    cameo_code("036")        -> CameoCode(code, name, quad_class, goldstein)
    plover_for_cameo("0871") -> ("RETREAT", "ceasefire")     (None for 01x statements)
    plover_from_05("FIGHT")  -> ("ASSAULT", None)            (PLOVER 0.5 gold labels -> today's types)
    roots_for_plover("ACCUSE", "investigate") -> {"09"}      (the CAMEO roots a PLOVER type/mode covers)
    is_plover_type / is_plover_mode                          (checks the pattern dictionary relies on)
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

import yaml


class CameoTableError(ValueError):
    """A CAMEO/PLOVER lookup with an unknown key; the message names the table file to fix."""


@dataclass(frozen=True)
class CameoCode:
    code: str
    name: str
    quad_class: int
    goldstein: float


@dataclass(frozen=True)
class PloverType:
    name: str
    quad_class: int
    modes: tuple[str, ...]
    cameo_default: str
    cameo_by_mode: dict


@dataclass(frozen=True)
class Tables:
    codes: dict[str, CameoCode]
    types: dict[str, PloverType]
    cameo_to_plover: dict[str, tuple[str, str | None] | None]
    plover_05: dict[str, tuple[str, str | None]]
    plover_05_non_events: frozenset[str]


def _read(name: str) -> dict:
    with resources.files("storyline.data").joinpath(name).open(encoding="utf-8") as handle:
        return yaml.safe_load(handle)


def _codes(data: dict) -> dict[str, CameoCode]:
    entries = list(data.get("roots", ())) + list(data.get("codes", ()))
    return {str(e["code"]): CameoCode(str(e["code"]), e["name"], int(e["quad_class"]), float(e["goldstein"]))
            for e in entries}


def _types(data: dict) -> dict[str, PloverType]:
    return {t["name"]: PloverType(t["name"], int(t["quad_class"]), tuple(t.get("modes") or ()),
                                  str(t.get("cameo_default")), dict(t.get("cameo_by_mode") or {}))
            for t in data["types"]}


def _c2p(data: dict) -> dict[str, tuple[str, str | None] | None]:
    return {str(code): (v["type"], v.get("mode")) if v else None
            for code, v in (data.get("cameo_to_plover") or {}).items()}


@lru_cache(maxsize=1)
def tables() -> Tables:
    """Both tables, read once from the package data."""
    cameo, plover = _read("cameo.yaml"), _read("plover.yaml")
    p05 = {label: (v["type"], v.get("mode")) for label, v in (plover.get("plover_05_map") or {}).items()}
    return Tables(_codes(cameo), _types(plover), _c2p(plover), p05,
                  frozenset(plover.get("plover_05_non_events") or ()))


def cameo_code(code: str | None) -> CameoCode | None:
    """The table entry of ``code`` (None for None); an unknown code raises naming cameo.yaml."""
    if code is None:
        return None
    entry = tables().codes.get(code)
    if entry is None:
        raise CameoTableError(f"CAMEO code {code!r} is not in data/cameo.yaml; add it there or fix the caller")
    return entry


def root(code: str | None) -> str | None:
    """The two-digit CAMEO root ("0871" -> "08")."""
    return code[:2] if code else None


def plover_for_cameo(code: str | None) -> tuple[str, str | None] | None:
    """(type, mode) PLOVER gives a CAMEO code; None for statements (01x) and unknown codes."""
    if not code:
        return None
    t = tables().cameo_to_plover
    while code and code not in t:
        code = code[:-1]
    return t.get(code) if code else None


def plover_from_05(label: str) -> tuple[str, str | None] | None:
    """Today's (type, mode) for a PLOVER 0.5 gold label; None for non-events (DOCUMENT, CRIME)."""
    t = tables()
    if label in t.plover_05_non_events:
        return None
    if label not in t.plover_05:
        raise CameoTableError(f"PLOVER 0.5 label {label!r} is not in plover.yaml's plover_05_map; add it")
    return t.plover_05[label]


def roots_for_plover(type_name: str, mode: str | None = None) -> frozenset[str]:
    """The CAMEO roots whose codes PLOVER gives ``type_name`` (and ``mode``, when one is given): AGREE -> {"03"},
    ASSAULT -> {"18", "19", "20"}, ("ASSAULT", "heavy-weapons") -> {"19"}."""
    return frozenset(root(code) for code, kind in tables().cameo_to_plover.items()
                     if kind and kind[0] == type_name and (mode is None or kind[1] == mode))


def is_plover_type(name: str | None) -> bool:
    return name in tables().types


def is_plover_mode(type_name: str, mode: str | None) -> bool:
    return mode is None or mode in tables().types[type_name].modes


def quad_class(code: str | None) -> int | None:
    entry = cameo_code(code)
    return entry.quad_class if entry else None


def goldstein(code: str | None) -> float | None:
    entry = cameo_code(code)
    return entry.goldstein if entry else None
