"""The requests of `make bench` that vary: ids, search words and prefixes taken from the data set, and the wrk Lua
scripts that send them.

Everything is drawn with fixed seeds, so two runs on the same data set send the same requests in the same order.
The database is read with its own read-only connection (WAL), so it may be read while the server runs.
"""
import csv
import random
import re
import sqlite3
import unicodedata
import urllib.parse

WORD = re.compile(r"[^\W\d_]+")
FILTERS = ["wine_type=red", "wine_type=white", "wine_type=sparkling", "country=France", "country=italy",
           "in_stock=true", "in_stock=true", "vintage={vintage}"]


def connect(database):
    return sqlite3.connect(f"file:{database}?mode=ro", uri=True)


def fold(text):
    """Lower case without accents, as people type."""
    return "".join(ch for ch in unicodedata.normalize("NFKD", text.lower()) if not unicodedata.combining(ch))


def typed(rng, text):
    """Half the queries are typed without accents, all in lower case."""
    return fold(text) if rng.random() < 0.5 else text.lower()


def read_wine_ids(database, count, fewer_bottles_than):
    """`count` wines chosen at random among those with fewer bottles than the write mix's stocked wines."""
    with connect(database) as connection:
        ids = [row[0] for row in connection.execute("SELECT id FROM wine WHERE bottles < ? ORDER BY seq",
                                                    (fewer_bottles_than,))]
    return random.Random(1).sample(ids, k=min(count, len(ids)))


def stock(database, ids):
    """The bottles of each wine in `ids`."""
    with connect(database) as connection:
        marks = ", ".join("?" * len(ids))
        return [row[0] for row in connection.execute(f"SELECT bottles FROM wine WHERE id IN ({marks})", ids)]


def stocked_wine_ids(database, bottles):
    """The wines that got a lot of `bottles` bottles for the write mix."""
    with connect(database) as connection:
        return [row[0] for row in connection.execute(
            "SELECT DISTINCT wine_id FROM wine_lot WHERE initial_quantity = ? ORDER BY wine_id", (bottles,))]


def wine_names(database, count):
    """Names of wines of the data set, for check-ins."""
    with connect(database) as connection:
        names = [row[0] for row in connection.execute("SELECT DISTINCT name FROM wine ORDER BY name")]
    return random.Random(2).sample(names, k=min(count, len(names)))


def cellar_queries(database, count):
    """Paths of `GET /api/search`: 2 to 8 letters of words of the data set (one word, or two for one query in
    six), one query in three with a filter; pages of 50."""
    with connect(database) as connection:
        rows = connection.execute(
            "SELECT name, winery, country, region, sub_region, grape_variety, vintage FROM wine ORDER BY seq"
        ).fetchall()
    rng = random.Random(3)

    def word():
        while True:
            row = rng.choice(rows)
            words = WORD.findall(rng.choice([field for field in row[:6] if field]))
            words = [word for word in words if len(word) >= 2]
            if words:
                chosen = rng.choice(words)
                return typed(rng, chosen[:rng.randint(2, min(8, len(chosen)))])

    paths = []
    for _ in range(count):
        text = word() if rng.random() >= 1 / 6 else word() + " " + word()
        query = {"q": text, "limit": "50"}
        path = "/api/search?" + urllib.parse.urlencode(query, quote_via=urllib.parse.quote)
        if rng.random() < 1 / 3:
            vintages = [row[6] for row in rng.sample(rows, k=20) if row[6]]
            path += "&" + rng.choice(FILTERS).format(vintage=vintages[0] if vintages else 2015)
        paths.append(path)
    return paths


def xwines_prefixes(wines_csv, count):
    """Paths of `GET /api/xwines/search`: the first 2 to 6 characters of a word of an X-Wines name, winery or
    region, or (one in four) of the whole name, as typed into an autocomplete field."""
    with open(wines_csv, encoding="utf-8", newline="") as file:
        rows = [(row["WineName"], row["WineryName"], row["RegionName"]) for row in csv.DictReader(file)]
    rng = random.Random(4)
    paths = []
    while len(paths) < count:
        row = rng.choice(rows)
        if rng.random() < 0.25:
            text = row[0]
        else:
            words = [word for word in WORD.findall(rng.choice(row)) if len(word) >= 2]
            if not words:
                continue
            text = rng.choice(words)
        prefix = typed(rng, text[:rng.randint(2, min(6, len(text)))]).strip()
        if len(prefix) >= 2:
            paths.append("/api/xwines/search?" + urllib.parse.urlencode({"q": prefix}, quote_via=urllib.parse.quote))
    return paths


def lua_string(text):
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def cycling_script(path, request_paths):
    """A wrk script sending GET requests to `request_paths` in turn; each thread starts at another place."""
    with open(path, "w") as file:
        file.write("local paths = {\n")
        file.writelines(f"  {lua_string(item)},\n" for item in request_paths)
        file.write("""}
local threads = 0
function setup(thread)
  thread:set("first", threads * 7919)
  threads = threads + 1
end
local sent = 0
function request()
  sent = sent + 1
  return wrk.format("GET", paths[(first + sent) % #paths + 1])
end
""")
    return path


def write_mix_script(path, wine_ids, names, threads):
    """A wrk script alternating a check-out of one bottle (round-robin over `wine_ids`, each thread its own
    share) and a check-in of two bottles of a wine named from `names`.

    Its argument is the number of bottles it may take from each wine (the lowest stock among them, less one):
    once a thread's share is used up it only checks in, so "not enough bottles" cannot happen.
    """
    with open(path, "w") as file:
        file.write("local wines = {\n")
        file.writelines(f"  {lua_string(wine)},\n" for wine in wine_ids)
        file.write("}\nlocal names = {\n")
        file.writelines(f"  {lua_string(urllib.parse.quote_plus(name))},\n" for name in names)
        file.write(f"}}\nlocal thread_count = {threads}\n")
        file.write("""local threads = 0
function setup(thread)
  thread:set("index", threads)
  threads = threads + 1
end
local mine, headers, budget = {}, nil, 0
local sent, taken = 0, 0
function init(args)
  for position = index + 1, #wines, thread_count do
    mine[#mine + 1] = wines[position]
  end
  budget = #mine * tonumber(args[1] or "0")
  headers = {["Authorization"] = wrk.headers["Authorization"],
             ["Content-Type"] = "application/x-www-form-urlencoded"}
end
function request()
  sent = sent + 1
  if sent % 2 == 1 and taken < budget then
    local wine = mine[taken % #mine + 1]
    taken = taken + 1
    return wrk.format("POST", "/api/wines/" .. wine .. "/checkout", headers, "quantity=1")
  end
  return wrk.format("POST", "/api/wines/checkin", headers, "name=" .. names[sent % #names + 1] .. "&quantity=2")
end
""")
    return path
