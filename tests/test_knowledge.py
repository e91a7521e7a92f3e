"""The actor knowledge file: term dates decide codes, aliases find actors, user files layer over the shipped one."""
from datetime import date

import pytest

from storyline.errors import SettingsError
from storyline.resolve.knowledge import Knowledge, alias_key, load_knowledge, read_actors


def test_biden_is_government_before_2025_01_20_and_not_after():
    biden = load_knowledge("").lookup("Joe Biden")
    assert biden is not None, "Joe Biden missing from data/actors.yaml"
    assert biden.code_on(date(2024, 6, 1)) == "USAGOV", f"Biden on 2024-06-01: {biden.code_on(date(2024, 6, 1))}"
    after = biden.code_on(date(2025, 10, 16))
    assert after and after.startswith("USA") and after != "USAGOV", f"Biden on 2025-10-16: {after}"


def test_trump_is_government_after_inauguration():
    assert load_knowledge("").lookup("Trump").code_on(date(2025, 10, 16)) == "USAGOV"


@pytest.mark.parametrize("alias", ["Zelensky", "Zelenskyy", "Zelenskiy", "zelenskyy", "President Zelenskyy"])
def test_alias_lookup_finds_zelenskyy(alias):
    actor = load_knowledge("").lookup(alias)
    assert actor is not None and actor.name == "Volodymyr Zelenskyy", f"{alias!r} -> {actor}"


def test_alias_key_folds_case_accents_and_the():
    assert alias_key("the Orbán") == alias_key("Orban") == "orban"


def test_user_file_layers_over_shipped(tmp_path):
    user = tmp_path / "mine.yaml"
    user.write_text(
        "actors:\n"
        "  - id: donald-trump\n    name: Donald J. Trump\n    gender: male\n    country: USA\n"
        "    positions: [{role: Golfer, country: USA, sector: ELI, start: 2000-01-01}]\n"
        "  - id: jane-roe\n    name: Jane Roe\n    gender: female\n    aliases: [Roe]\n"
        "    positions: [{role: Mayor, country: FRA, sector: GOV, start: 2020-01-01, end: 2026-01-01}]\n",
        encoding="utf-8")
    kb = load_knowledge(str(user))
    assert kb.lookup("Roe").name == "Jane Roe"
    assert kb.lookup("Roe").code_on(date(2025, 1, 1)) == "FRAGOV"
    assert kb.by_id["donald-trump"].name == "Donald J. Trump", "a user entry with the same id replaces the shipped one"
    assert kb.lookup("Trump") is None, "the replaced entry has no aliases left"
    assert kb.lookup("Vladimir Putin") is not None, "shipped actors must stay"


def test_ambiguous_alias_is_not_linked():
    kb = Knowledge(read_actors_from([("a", "Boris Johnson", "Johnson"), ("b", "Mike Johnson", "Johnson")]))
    assert kb.lookup("Johnson") is None
    assert kb.lookup("Mike Johnson").id == "b"


def read_actors_from(rows):
    from storyline.resolve.knowledge import Actor
    return [Actor(id=i, name=n, aliases=(a,)) for i, n, a in rows]


def test_bad_date_says_how_to_fix(tmp_path):
    bad = tmp_path / "bad.yaml"
    bad.write_text("actors:\n  - {id: x, name: X, positions: [{role: King, start: someday}]}\n", encoding="utf-8")
    with pytest.raises(SettingsError, match="YYYY-MM-DD"):
        read_actors(bad)


@pytest.mark.parametrize("day,expected", [
    (date(1990, 5, 1), "george-h-w-bush"), (date(2003, 3, 20), "george-w-bush"), (date(1997, 1, 1), "george-w-bush"), (date(1994, 1, 1), None),
    (None, None),
])
def test_ambiguous_alias_is_linked_to_the_one_holding_office_on_the_day(day, expected):
    kb = load_knowledge("")
    found = kb.lookup("President Bush", day)
    assert (found.id if found else None) == expected, f"'President Bush' on {day}: expected {expected}, got {found}"
    assert (kb.on(day).lookup("Bush") or found) == found, "the dated view must agree with lookup(alias, day)"


def test_archive_actors_have_codes_on_their_dates():
    kb = load_knowledge("")
    cases = [("Mugabe", date(1995, 6, 1), "ZWEGOV"), ("Museveni", date(1995, 6, 1), "UGAGOV"),
             ("European Community", date(1990, 1, 1), "IGOEEC"), ("Kabila", date(2005, 1, 1), "CODGOV"),
             ("Thatcher", date(1995, 1, 1), "GBRELI")]
    for alias, day, code in cases:
        actor = kb.lookup(alias, day)
        assert actor is not None and actor.code_on(day) == code, f"{alias} on {day}: expected {code}, got {actor}"
