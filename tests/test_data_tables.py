"""Consistency checks for the CAMEO / PLOVER / actor-sector data tables."""

from pathlib import Path

import pytest

yaml = pytest.importorskip("yaml")

DATA = Path(__file__).parents[1] / "src/storyline/data"


def _load(name):
    with open(DATA / name, encoding="utf-8") as fh:
        return yaml.safe_load(fh)


@pytest.fixture(scope="module")
def cameo():
    return _load("cameo.yaml")


@pytest.fixture(scope="module")
def plover():
    return _load("plover.yaml")


@pytest.fixture(scope="module")
def sectors():
    return _load("actor_sectors.yaml")


def _expected_quad(root: int) -> int:
    if 1 <= root <= 5:
        return 1
    if 6 <= root <= 8:
        return 2
    if 9 <= root <= 13:
        return 3
    return 4


def test_cameo_roots(cameo):
    roots = cameo["roots"]
    assert [r["code"] for r in roots] == [f"{i:02d}" for i in range(1, 21)]
    for r in roots:
        assert r["quad_class"] == _expected_quad(int(r["code"]))
        assert -10.0 <= float(r["goldstein"]) <= 10.0


def test_cameo_codes(cameo):
    codes = cameo["codes"]
    seen = set()
    for entry in codes:
        code = entry["code"]
        assert isinstance(code, str) and code.isdigit(), code
        assert len(code) in (3, 4), code
        assert code not in seen, f"duplicate {code}"
        seen.add(code)
        root = int(code[:2])
        assert 1 <= root <= 20, code
        assert entry["quad_class"] == _expected_quad(root), code
        assert isinstance(entry["goldstein"], (int, float)), code
        assert -10.0 <= entry["goldstein"] <= 10.0, code
        assert entry["name"].strip(), code
        if len(code) == 4:
            assert code[:3] in seen, f"{code} has no parent"
    # every root has its "not specified" member
    for i in range(1, 21):
        assert f"{i:02d}0" in seen
    assert len(codes) >= 280


def test_plover_types(plover, cameo):
    codes = {c["code"] for c in cameo["codes"]}
    names = [t["name"] for t in plover["types"]]
    assert len(names) == 16 and len(set(names)) == 16
    for t in plover["types"]:
        assert t["quad_class"] in (1, 2, 3, 4)
        assert t["description"].strip()
        assert all(isinstance(m, str) for m in t["modes"])
        assert t["cameo_default"] in codes, t["name"]
        for mode, code in t["cameo_by_mode"].items():
            assert mode in t["modes"], (t["name"], mode)
            assert code in codes, (t["name"], code)


def test_cameo_to_plover(plover, cameo):
    codes = {c["code"] for c in cameo["codes"]}
    types = {t["name"]: set(t["modes"]) for t in plover["types"]}
    mapping = plover["cameo_to_plover"]
    assert set(mapping) <= codes
    assert set(mapping) == codes  # every CAMEO code has an explicit decision
    for code, target in mapping.items():
        if target is None:
            continue
        assert target["type"] in types, code
        mode = target.get("mode")
        assert mode is None or mode in types[target["type"]], (code, mode)
    # defaults round-trip to their own type
    for t in plover["types"]:
        assert mapping[t["cameo_default"]]["type"] == t["name"]


def test_plover_05_map(plover):
    current = {t["name"] for t in plover["types"]}
    for old, new in plover["plover_05_map"].items():
        assert new["type"] in current, old
    assert plover["plover_05_map"]["DEMAND"]["type"] == "REQUEST"
    assert plover["plover_05_map"]["FIGHT"]["type"] == "ASSAULT"
    assert plover["plover_05_map"]["INVESTIGATE"] == {"type": "ACCUSE", "mode": "investigate"}


def test_actor_sectors(sectors):
    codes = [s["code"] for s in sectors["sectors"]]
    assert len(codes) == len(set(codes))
    for s in sectors["sectors"]:
        assert len(s["code"]) == 3 and s["code"].isupper()
        assert s["cues"] and all(isinstance(c, str) and c == c.lower() for c in s["cues"])
    for must in ("GOV", "MIL", "REB", "OPP", "COP", "JUD", "SPY", "IGO", "NGO",
                 "BUS", "MED", "EDU", "CVL", "REF", "LEG", "LAB", "CRM"):
        assert must in codes
    groups = [g["code"] for g in sectors["known_groups"]]
    assert len(groups) == len(set(groups))
    assert {"UNO", "NAT", "EEC", "IMF", "WBK", "WTO", "OPC", "ASN"} <= set(groups)
