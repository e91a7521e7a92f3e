"""Exports: Parquet tables and the GDELT 2.0 event table, from documents built directly and through a real store."""
from __future__ import annotations

import io

import pyarrow.parquet as pq
import pytest

from storyline.export import export, gdelt
from storyline.export.parquet import arrow_schema
from storyline.models import Document, Entity, Event, Place, Quote, Span
from storyline.store import Store

from test_cli import run

TEXT = ("Ukraine's president met the U.S. president in Kyiv on Monday.\n"
        "He will visit Warsaw next week, officials said.")


def _event(ident: str, status: str, start: int, end: int, trigger: tuple[int, int], cameo: str, date=None,
           location=None) -> Event:
    return Event(id=ident, source="A1", target="A2", source_name="Volodymyr Zelenskyy",
                 target_name="Donald Trump", plover="CONSULT", mode=None, cameo=cameo, status=status, date=date,
                 location=location, evidence=Span(start, end, TEXT[start:end]), confidence=0.9,
                 trigger=Span(*trigger, TEXT[trigger[0]:trigger[1]]), source_code="UKRGOV", target_code="USAGOV",
                 quad_class=1, goldstein=4.0, reported="2025-03-04", more_evidence=(Span(62, 108, TEXT[62:108]),))


def document() -> Document:
    met = _event("E1", "occurred", 0, 61, (20, 23), "042", date="2025-03-03", location="P1")
    visit = _event("E2", "planned", 62, 108, (70, 75), "042", date="2025-03")
    return Document(
        id="doc1", title="Leaders meet", url="https://news.example/doc1", published="2025-03-04", language="en",
        text=TEXT,
        entities=(Entity("A1", "Volodymyr Zelenskyy", "PERSON", "UKR", ("President",), "UKRGOV"),
                  Entity("A2", "Donald Trump", "PERSON", "USA", ("President",), "USAGOV")),
        places=(Place("P1", "Kyiv", "UKR", 50.4501, 30.5234, "city"),),
        events=(met, visit),
        quotes=(Quote("Q1", "indirect", "He will visit Warsaw next week", 62, 92, "A1", "Volodymyr Zelenskyy",
                      "said", "2025-03-04"),),
    )


def gdelt_rows(statuses=None) -> list[list[str]]:
    out = io.StringIO()
    gdelt.write([document()], out, statuses or gdelt.HAPPENED)
    return [line.split("\t") for line in out.getvalue().splitlines()]


def test_gdelt_row_has_the_61_columns_in_order():
    assert len(gdelt.COLUMNS) == 61
    (row,) = gdelt_rows()
    assert len(row) == 61
    field = dict(zip(gdelt.COLUMNS, row))
    assert field["Day"] == "20250303" and field["MonthYear"] == "202503" and field["Year"] == "2025"
    assert field["Actor1Code"] == "UKRGOV" and field["Actor1Name"] == "VOLODYMYR ZELENSKYY"
    assert field["Actor1CountryCode"] == "UKR" and field["Actor1Type1Code"] == "GOV"
    assert field["Actor2CountryCode"] == "USA"
    assert (field["EventCode"], field["EventBaseCode"], field["EventRootCode"]) == ("042", "042", "04")
    assert field["QuadClass"] == "1" and field["GoldsteinScale"] == "4.0" and field["NumMentions"] == "2"
    assert field["IsRootEvent"] == "1"
    assert field["ActionGeo_Type"] == "4" and field["ActionGeo_CountryCode"] == "UP"  # FIPS, as GDELT uses
    assert field["ActionGeo_FullName"] == "Kyiv, Ukraine" and field["ActionGeo_Lat"] == "50.4501"
    assert field["Actor1Geo_Type"] == "0" and field["AvgTone"] == ""
    assert field["DATEADDED"] == "20250304000000" and field["SOURCEURL"] == "https://news.example/doc1"


def test_gdelt_writes_only_events_that_happened_unless_asked():
    assert len(gdelt_rows()) == 1
    rows = gdelt_rows(("occurred", "planned"))
    assert len(rows) == 2
    planned = dict(zip(gdelt.COLUMNS, rows[1]))
    assert planned["Day"] == "20250304"  # a month is no day: the publication date stands in
    assert planned["IsRootEvent"] == "0" and planned["ActionGeo_Type"] == "0"


def test_gdelt_event_ids_are_stable_integers():
    first, second = gdelt_rows(), gdelt_rows()
    assert first[0][0] == second[0][0] and first[0][0].isdigit()


@pytest.mark.parametrize("code, expected", [
    ("USAGOV", ("USA", "", ["GOV"])),
    ("PSEREBHMS", ("PSE", "HMS", ["REB"])),
    ("IGOUNO", ("", "UNO", ["IGO"])),
    ("---MIL", ("", "", ["MIL"])),
    ("RUS", ("RUS", "", [])),
])
def test_actor_codes_split_into_gdelt_fields(code, expected):
    assert gdelt.split_code(code) == expected


def test_parquet_tables_keep_spans_that_point_into_the_text(tmp_path):
    assert export([document()], "parquet", str(tmp_path)) == 1
    articles = pq.read_table(tmp_path / "articles.parquet").to_pylist()
    events = pq.read_table(tmp_path / "events.parquet").to_pylist()
    quotes = pq.read_table(tmp_path / "quotes.parquet").to_pylist()
    text = articles[0]["text"]
    assert [e["status"] for e in events] == ["occurred", "planned"]
    for e in events:
        assert text[e["evidence_start"]:e["evidence_end"]] == e["evidence"]
        assert text[e["trigger_start"]:e["trigger_end"]] == e["trigger"]
    assert events[0]["mentions"] == 2
    assert text[quotes[0]["start"]:quotes[0]["end"]] == quotes[0]["text"]


def test_parquet_writes_every_table_with_its_schema_even_when_empty(tmp_path):
    assert export([], "parquet", str(tmp_path / "out")) == 0
    for name in ("articles", "entities", "places", "events", "quotes"):
        table = pq.read_table(tmp_path / "out" / f"{name}.parquet")
        assert table.num_rows == 0 and table.schema == arrow_schema(name)


def test_export_commands_read_a_real_store(tmp_path):
    db = f"sqlite:///{tmp_path / 's.db'}"
    with Store(db) as store:
        store.save_document(document())
    out = tmp_path / "events.tsv"
    run("export", "--format", "gdelt", "--status", "occurred", "--status", "planned", "--out", str(out), "--db", db)
    assert [line.split("\t")[0] for line in out.read_text().splitlines()] == [r[0] for r in gdelt_rows(
        ("occurred", "planned"))]
    run("export", "--format", "parquet", "--out", str(tmp_path / "pq"), "--db", db)
    assert pq.read_table(tmp_path / "pq" / "events.parquet").num_rows == 2


def test_parquet_without_a_directory_says_how_to_fix_it(tmp_path):
    proc = run("export", "--format", "parquet", "--db", f"sqlite:///{tmp_path / 'e.db'}", check=False)
    assert proc.returncode == 2 and "--out DIR" in proc.stderr


def _party(ident: str, source: str, name: str, code: str, cameo: str) -> Event:
    return Event(id=ident, source=source, target=None, source_name=name, target_name=None, plover="CONSULT",
                 mode=None, cameo=cameo, status="occurred", date=None, location=None,
                 evidence=Span(0, 40, MUTUAL[:40]), confidence=0.9, trigger=Span(26, 29, "met"), source_code=code)


MUTUAL = "Chancellor Merz and Macron met in Berlin."


def _mutual_rows(cameo: str) -> list[dict]:
    doc = Document(id="doc2", title=None, url=None, published="2025-05-07", language="en", text=MUTUAL,
                   entities=(Entity("A1", "Friedrich Merz", "PERSON", "DEU", (), "DEUGOV"),
                             Entity("A2", "Emmanuel Macron", "PERSON", "FRA", (), "FRAGOV")),
                   events=(_party("E1", "A1", "Friedrich Merz", "DEUGOV", cameo),
                           _party("E2", "A2", "Emmanuel Macron", "FRAGOV", cameo)))
    out = io.StringIO()
    gdelt.write([doc], out)
    return [dict(zip(gdelt.COLUMNS, line.split("\t"))) for line in out.getvalue().splitlines()]


def test_gdelt_writes_a_mutual_meeting_as_a_dyad_each_way():
    rows = _mutual_rows("040")
    assert [(r["Actor1Code"], r["Actor2Code"]) for r in rows] == [("DEUGOV", "FRAGOV"), ("FRAGOV", "DEUGOV")]
    assert rows[0]["Actor2Name"] == "EMMANUEL MACRON" and len({r["GLOBALEVENTID"] for r in rows}) == 2


def test_gdelt_pairs_only_cooperative_events_that_share_a_trigger():
    rows = _mutual_rows("141")  # "X and Y demonstrated": two protests, neither against the other
    assert [(r["Actor1Code"], r["Actor2Code"]) for r in rows] == [("DEUGOV", ""), ("FRAGOV", "")]


def test_an_extracted_mutual_meeting_exports_both_ways(nlp):
    from storyline import extract

    doc = extract("French President Emmanuel Macron and German Chancellor Friedrich Merz met in Berlin on Tuesday.",
                  published="2025-05-08", nlp=nlp)
    out = io.StringIO()
    gdelt.write([doc], out)
    pairs = {tuple(line.split("\t")[i][:3] for i in (5, 15)) for line in out.getvalue().splitlines()}
    assert pairs == {("FRA", "DEU"), ("DEU", "FRA")}
