"""Actor knowledge: who holds which position, when — loaded from YAML and looked up by alias and date.

The shipped file is ``storyline/data/actors.yaml``; users layer their own files over it with the
``knowledge_files`` setting (paths separated by ':'). A later file wins for an actor with the same ``id``
(the entry is replaced whole), and may add new actors. Expected shape (extra keys are ignored)::

    actors:
      - id: donald-trump               # stable identity across articles (required)
        name: Donald Trump             # canonical name (required)
        type: PERSON                   # PERSON | ORG | GPE | FAC | NORP (default PERSON)
        gender: male                   # male | female (people; used by pronoun coreference)
        country: USA                   # ISO alpha-3 when not given by a position
        sector: GOV                    # organisations: CAMEO-style sector
        default_sector: ELI            # people: sector with ``country`` when no position is in force
        code: USAGOV                   # explicit actor code (wins over country + sector)
        aliases: [Trump, Donald J. Trump]
        positions:
          - {role: President, country: USA, sector: GOV, start: 2025-01-20, end: null}

A top-level list (without the ``actors:`` key) is accepted too. ``ambiguous_aliases: {alias: [ids]}`` lists
surface forms shared by several people; they are never linked on their own.
"""
from __future__ import annotations

import logging
import unicodedata
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from importlib import resources
from pathlib import Path

import yaml

from ..errors import SettingsError
from ..settings import load_settings

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Position:
    role: str
    country: str | None = None
    sector: str | None = None
    start: date | None = None
    end: date | None = None
    code: str | None = None

    def holds_on(self, day: date | None) -> bool:
        """True when the position is held on ``day`` (an unknown day counts as today)."""
        day = day or date.today()
        return (self.start is None or self.start <= day) and (self.end is None or day < self.end)


@dataclass(frozen=True)
class Actor:
    id: str
    name: str
    type: str = "PERSON"
    gender: str | None = None
    country: str | None = None
    sector: str | None = None
    code: str | None = None
    aliases: tuple[str, ...] = ()
    default_sector: str | None = None
    positions: tuple[Position, ...] = ()

    def position_on(self, day: date | None) -> Position | None:
        """The position held on ``day``; the first listed wins when several are held."""
        return next((p for p in self.positions if p.holds_on(day)), None)

    def code_on(self, day: date | None) -> str | None:
        """Actor code on ``day``: an explicit code; else the position in force (country + sector); else the
        country + ``default_sector``; else, after a position ended, country + ELI (former officials)."""
        if self.code:
            return self.code
        position = self.position_on(day)
        if position is not None:
            return self.position_code(position)
        if self.default_sector:
            return _join(self.country, self.default_sector)
        former = self.former_position(day)
        if former is not None:
            return _join(former.country or self.country, "ELI")
        return _join(self.country, self.sector)

    def position_code(self, position: Position) -> str | None:
        """A position's code: its own; for a post in an international body with no country ("Secretary-General of
        the United Nations"), the body's sector alone (IGO), not the holder's nationality; else country + sector."""
        if position.code:
            return position.code
        if position.country is None and position.sector in TRANSNATIONAL:
            return position.sector
        return _join(position.country or self.country, position.sector or self.sector)

    def titled_position(self, titles: tuple[str, ...] | list[str], day: date | None) -> Position | None:
        """For an undated text, the position a title in it names ("U.N. Secretary-General Kofi Annan") when it is
        not the one in force today: the text says which office the person acts in. A dated text keeps the date's
        position: its titles may recall an earlier one ("criticized President Joe Biden's approach" in 2025)."""
        if day is not None:
            return None
        written = [t.lower() for t in titles if t and not _past_title(t)]
        named = [(len(head), p) for p in self.positions
                 if (head := p.role.split(" of ")[0].lower()) and any(head in t for t in written)]
        if not named:
            return None
        best = max(named, key=lambda pair: pair[0])[1]  # "Vice President" before "President"
        return None if best is self.position_on(day) else best

    def former_position(self, day: date | None) -> Position | None:
        """The most recent position that had ended by ``day`` (for ELI codes: former officials)."""
        day = day or date.today()
        ended = [p for p in self.positions if p.end is not None and p.end <= day]
        return max(ended, key=lambda p: p.end) if ended else None


TRANSNATIONAL = {"IGO", "NGO"}  # sectors that stand without a country
PAST_TITLES = {"former", "late", "then", "onetime", "one-time"}  # "former President Biden" holds no office


def _past_title(title: str) -> bool:
    """A title for an office no longer held: "former President", "ex-President", "the late Prime Minister"."""
    return any(w in PAST_TITLES or w.startswith("ex-") for w in title.lower().split())


def _join(country: str | None, sector: str | None) -> str | None:
    if country and sector:
        return f"{country}{sector}"
    return country or sector


def alias_key(text: str) -> str:
    """Lookup key of a name: accents folded, case folded, punctuation and 'the' dropped, spaces collapsed."""
    folded = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    folded = folded.replace("’", "'").lower()
    words = "".join(c if c.isalnum() or c.isspace() else " " for c in folded.replace(".", "")).split()
    if words and words[0] == "the":
        words = words[1:]
    return " ".join(words)


def _day(value, where: str) -> date | None:
    if value in (None, ""):
        return None
    if isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value))
    except ValueError as exc:
        raise SettingsError(f"{where}: date {value!r} is not YYYY-MM-DD; fix the knowledge file") from exc


def _position(raw: dict, where: str) -> Position:
    if not isinstance(raw, dict) or not raw.get("role"):
        raise SettingsError(f"{where}: each position needs a 'role' (and usually country, sector, start, end)")
    return Position(role=str(raw["role"]), country=raw.get("country"), sector=raw.get("sector"),
                    start=_day(raw.get("start"), where), end=_day(raw.get("end"), where), code=raw.get("code"))


def _actor(raw: dict, where: str) -> Actor:
    if not isinstance(raw, dict) or not raw.get("id") or not raw.get("name"):
        raise SettingsError(f"{where}: every actor needs 'id' and 'name' (got {str(raw)[:80]!r})")
    here = f"{where} actor {raw['id']!r}"
    return Actor(
        id=str(raw["id"]), name=str(raw["name"]), type=str(raw.get("type") or "PERSON").upper(),
        gender=raw.get("gender"), country=raw.get("country"), sector=raw.get("sector"), code=raw.get("code"),
        aliases=tuple(str(a) for a in raw.get("aliases") or ()), default_sector=raw.get("default_sector"),
        positions=tuple(_position(p, here) for p in raw.get("positions") or ()),
    )


def read_actors(path: str | Path) -> list[Actor]:
    """Actors of one YAML file; a malformed file raises SettingsError naming it."""
    return read_file(path)[0]


def read_file(path: str | Path) -> tuple[list[Actor], set[str]]:
    """Actors and ambiguous aliases of one YAML file."""
    where = str(path)
    try:
        data = yaml.safe_load(Path(path).read_text(encoding="utf-8"))
    except FileNotFoundError as exc:
        raise SettingsError(f"knowledge file {where} does not exist; fix the knowledge_files setting") from exc
    except yaml.YAMLError as exc:
        raise SettingsError(f"knowledge file {where} is not valid YAML ({exc})") from exc
    items = data.get("actors", []) if isinstance(data, dict) else data or []
    if not isinstance(items, list):
        raise SettingsError(f"knowledge file {where}: 'actors' must be a list of actors")
    ambiguous = set((data.get("ambiguous_aliases") or {}) if isinstance(data, dict) else ())
    return [_actor(item, where) for item in items], {alias_key(a) for a in ambiguous}


class Knowledge:
    """Actors by id and by alias key. Build with ``load_knowledge``; lookups never raise."""

    def __init__(self, actors: list[Actor], ambiguous: set[str] = frozenset()):
        self.by_id: dict[str, Actor] = {}
        for actor in actors:
            self.by_id[actor.id] = actor  # a later file replaces an earlier entry with the same id
        self.ambiguous = set(ambiguous)
        self.by_alias: dict[str, Actor] = {}
        self.sharing: dict[str, list[Actor]] = {}  # alias key -> every actor listing it (for dated lookups)
        for actor in self.by_id.values():
            for name in (actor.name, *actor.aliases):
                key = alias_key(name)
                if key in self.by_alias and self.by_alias[key].id != actor.id and actor.type == "PERSON":
                    self.ambiguous.add(key)
                self.by_alias.setdefault(key, actor)
                if actor not in self.sharing.setdefault(key, []):
                    self.sharing[key].append(actor)
        for key in self.ambiguous:
            self.by_alias.pop(key, None)

    def lookup(self, alias: str, day: date | None = None) -> Actor | None:
        """The actor known by ``alias`` (any spelling listed in the file, case and accents ignored). An
        ambiguous alias ("Bush") is linked only given ``day``, and only when exactly one of the actors sharing
        it holds a position on that day (George H. W. Bush in 1990, George W. Bush in 2003)."""
        key = alias_key(alias)
        if key not in self.ambiguous:
            return self.by_alias.get(key)
        if day is None:
            return None
        holders = [a for a in self.sharing.get(key, ()) if a.position_on(day) is not None]
        return holders[0] if len(holders) == 1 else None

    def on(self, day: date | None) -> "DatedKnowledge":
        """This knowledge with lookups made on ``day`` (the article's publication date)."""
        return DatedKnowledge(self, day)

    def names(self) -> list[tuple[str, Actor]]:
        """Every unambiguous (surface form, actor) pair, for building a phrase matcher."""
        return [(name, a) for a in self.by_id.values() for name in (a.name, *a.aliases)
                if alias_key(name) not in self.ambiguous]

    def __len__(self) -> int:
        return len(self.by_id)


class DatedKnowledge:
    """A ``Knowledge`` whose ``lookup`` resolves ambiguous aliases on one day; everything else is delegated."""

    def __init__(self, kb: Knowledge, day: date | None):
        self.kb, self.day = kb, day

    def lookup(self, alias: str) -> Actor | None:
        return self.kb.lookup(alias, self.day)

    def __getattr__(self, name: str):
        return getattr(self.kb, name)


def shipped_path() -> Path:
    return Path(str(resources.files("storyline") / "data" / "actors.yaml"))


def knowledge_paths(extra: str | None = None) -> list[Path]:
    """The shipped file then the user files from ``extra`` (or the knowledge_files setting)."""
    if extra is None:
        extra = load_settings()["knowledge_files"]
    return [shipped_path()] + [Path(p) for p in str(extra).split(":") if p.strip()]


@lru_cache(maxsize=8)
def load_knowledge(extra: str | None = None) -> Knowledge:
    """Knowledge from the shipped file layered with user files (see the module docstring)."""
    actors: list[Actor] = []
    ambiguous: set[str] = set()
    for path in knowledge_paths(extra):
        if path == shipped_path() and not path.exists():
            log.warning("shipped knowledge file %s is missing; actors will not be resolved", path)
            continue
        found, shared = read_file(path)
        actors.extend(found)
        ambiguous |= shared
    return Knowledge(actors, ambiguous)
