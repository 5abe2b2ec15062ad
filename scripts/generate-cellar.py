#!/usr/bin/env python3
"""Fills a WineBox database with a synthetic household cellar, for benchmarks: wines, lots and their history.

The database must exist and be migrated (any `winebox` command that opens it does that, e.g. `winebox user
add`), and the server must not be running. Rows go straight into `wine`, `wine_blend`, `wine_lot` and
`wine_event` with Python's sqlite3, in one transaction, following the schema of
Sources/WineBoxStorage/Migrations/WineBoxMigrations+Cellar.swift exactly, as the server writes them:

- ids are lowercase UUIDs;
- `wine.created_at`/`updated_at` are ISO 8601 UTC in whole seconds (`2024-05-31T12:00:00Z`); `wine_lot.created_at`/
  `updated_at` and `wine_event.event_date`/`created_at` carry milliseconds (`2024-05-31T12:00:00.123Z`);
- lots are inserted after their wine with the bottles they still hold, and the triggers compute `wine.bottles`
  and the full-text index (`bottles` is never written here);
- every lot has a CHECK_IN event for the bottles that came in; CHECK_OUT events have a `reason` (and a sale price
  when sold, a recipient when gifted) and never take more than the lot held; a MOVE event records the lot's
  earlier place; every event is made by the member given with `--email`.

The wines look like a real cellar: producers, names, grapes (blends get `wine_blend` rows), regions, sub-regions,
appellations and classifications of 12 countries, vintages mostly of the last 20 years (none for most sparkling
and fortified wines), drinking windows, bottle sizes, prices in four currencies, and places in the house. About
two wines in five have been drunk up. `--stocked-wines N --stocked-bottles B` gives N wines one more lot of B
bottles, so that a write benchmark can check bottles out of them without running dry. The output depends only on
the arguments and the current date: the same seed gives the same cellar.

Usage:
  scripts/generate-cellar.py DATABASE --email EMAIL [--wines 10000] [--events 50000] [--seed 11]
                             [--stocked-wines 0 --stocked-bottles 0]
"""

import argparse
import datetime
import random
import sqlite3
import sys
import uuid

# (country, weight, {region: [sub-regions or appellations]}, producer patterns, producer places)
COUNTRIES = [
    ("France", 26,
     {"Bordeaux": ["Margaux", "Pauillac", "Saint-Julien", "Saint-Estèphe", "Pessac-Léognan", "Pomerol",
                   "Saint-Émilion Grand Cru", "Sauternes"],
      "Burgundy": ["Gevrey-Chambertin", "Vosne-Romanée", "Meursault", "Puligny-Montrachet", "Chablis",
                   "Beaune", "Pommard", "Nuits-Saint-Georges"],
      "Rhône": ["Châteauneuf-du-Pape", "Côte-Rôtie", "Hermitage", "Crozes-Hermitage", "Gigondas", "Vacqueyras"],
      "Loire": ["Sancerre", "Pouilly-Fumé", "Vouvray", "Chinon", "Savennières"],
      "Alsace": ["Riquewihr", "Kaysersberg", "Ribeauvillé"],
      "Champagne": ["Reims", "Épernay", "Aÿ", "Côte des Blancs"],
      "Languedoc": ["Pic Saint-Loup", "Faugères", "Minervois"],
      "Provence": ["Bandol", "Côtes de Provence"]},
     ["Château {p}", "Domaine {p}", "Domaine du {p}", "Maison {p}", "Clos {p}"],
     ["Lafleur", "Beychevelle", "Palmer", "Montrose", "Figeac", "Rayas", "Dujac", "Roumier", "Raveneau",
      "Huet", "Zind-Humbrecht", "Trévallon", "Pibarnon", "Vieux Télégraphe", "Clape", "Jamet", "Rousseau",
      "Coche", "Sorrel", "Grange des Pères", "Ostertag", "Bollinger", "Pol Roger", "Vaudésir", "Pellehaut"]),
    ("Italy", 20,
     {"Piemonte": ["Barolo", "Barbaresco", "Langhe", "Roero", "Asti"],
      "Toscana": ["Chianti Classico", "Brunello di Montalcino", "Bolgheri", "Vino Nobile di Montepulciano"],
      "Veneto": ["Valpolicella", "Soave", "Prosecco Superiore", "Amarone"],
      "Sicilia": ["Etna", "Vittoria", "Pantelleria"],
      "Alto Adige": ["Terlano", "Caldaro"],
      "Campania": ["Taurasi", "Fiano di Avellino"]},
     ["Tenuta {p}", "Cantina {p}", "Castello di {p}", "Fattoria {p}", "Poderi {p}"],
     ["Brovia", "Vietti", "Cavallotto", "Sandrone", "Fontodi", "Felsina", "Isole e Olena", "Biondi-Santi",
      "Quintarelli", "Pieropan", "Benanti", "Terre Nere", "Occhipinti", "Terlan", "Mastroberardino",
      "Montevertine", "Ornellaia", "Dal Forno", "Roagna", "Selvapiana"]),
    ("Spain", 12,
     {"Rioja": ["Rioja Alta", "Rioja Alavesa", "Rioja Oriental"],
      "Ribera del Duero": ["Peñafiel", "Roa", "La Horra"],
      "Priorat": ["Gratallops", "Porrera", "Torroja"],
      "Rías Baixas": ["Val do Salnés", "Condado do Tea"],
      "Jerez": ["Sanlúcar de Barrameda", "El Puerto de Santa María"],
      "Cava": ["Sant Sadurní d'Anoia"]},
     ["Bodegas {p}", "Viña {p}", "Celler {p}", "Bodega {p}"],
     ["López de Heredia", "Muga", "Remírez de Ganuza", "Pesquera", "Aalto", "Mas Doix", "Clos Mogador",
      "Zárate", "Do Ferreiro", "Hidalgo", "Valdespino", "Recaredo", "Tondonia", "Lan", "Mauro"]),
    ("Germany", 8,
     {"Mosel": ["Bernkastel", "Wehlen", "Piesport", "Ürzig", "Trittenheim"],
      "Rheingau": ["Rüdesheim", "Hattenheim", "Johannisberg"],
      "Pfalz": ["Forst", "Deidesheim", "Wachenheim"],
      "Nahe": ["Schlossböckelheim", "Niederhausen"]},
     ["Weingut {p}", "Weingut Dr. {p}", "Schloss {p}"],
     ["Loosen", "Prüm", "Selbach-Oster", "Schäfer", "Leitz", "Künstler", "Bassermann-Jordan", "Dönnhoff",
      "Emrich-Schönleber", "Fritz Haag", "Clemens Busch"]),
    ("Portugal", 7,
     {"Douro": ["Cima Corgo", "Baixo Corgo", "Douro Superior"],
      "Alentejo": ["Reguengos", "Vidigueira", "Borba"],
      "Dão": ["Serra da Estrela"],
      "Vinho Verde": ["Monção e Melgaço", "Lima"],
      "Madeira": ["Funchal"]},
     ["Quinta do {p}", "Quinta da {p}", "Herdade do {p}", "Casa {p}"],
     ["Vale Meão", "Crasto", "Noval", "Vesúvio", "Mouchão", "Esporão", "Saes", "Soalheiro", "Barbeito",
      "Passadouro", "Romaneira"]),
    ("United States", 9,
     {"California": ["Napa Valley", "Sonoma Coast", "Russian River Valley", "Santa Cruz Mountains",
                     "Paso Robles", "Sta. Rita Hills"],
      "Oregon": ["Willamette Valley", "Dundee Hills", "Eola-Amity Hills"],
      "Washington": ["Walla Walla Valley", "Red Mountain", "Yakima Valley"]},
     ["{p} Vineyards", "{p} Winery", "{p} Cellars", "{p} Estate"],
     ["Ridge", "Heitz", "Corison", "Dunn", "Littorai", "Hirsch", "Tablas Creek", "Sanford", "Bergström",
      "Eyrie", "Cayuse", "Leonetti", "Quilceda Creek", "Au Bon Climat", "Mayacamas"]),
    ("Austria", 4,
     {"Wachau": ["Spitz", "Weißenkirchen", "Dürnstein"],
      "Kamptal": ["Langenlois", "Zöbing"],
      "Burgenland": ["Neusiedlersee", "Mittelburgenland"]},
     ["Weingut {p}", "Domäne {p}"],
     ["Hirtzberger", "Knoll", "Pichler", "Bründlmayer", "Hiedler", "Moric", "Kracher", "Nikolaihof"]),
    ("Argentina", 4,
     {"Mendoza": ["Luján de Cuyo", "Valle de Uco", "Maipú"], "Salta": ["Cafayate"]},
     ["Bodega {p}", "Finca {p}"],
     ["Catena Zapata", "Achával-Ferrer", "Zuccardi", "Colomé", "Noemía", "El Esteco"]),
    ("Chile", 3,
     {"Maipo": ["Alto Maipo", "Puente Alto"], "Colchagua": ["Apalta"], "Casablanca": ["Casablanca"]},
     ["Viña {p}", "{p} Estate"],
     ["Almaviva", "Montes", "Errázuriz", "De Martino", "Clos Apalta", "Aquitania"]),
    ("Australia", 3,
     {"South Australia": ["Barossa Valley", "McLaren Vale", "Clare Valley", "Coonawarra", "Eden Valley"],
      "Victoria": ["Yarra Valley", "Mornington Peninsula"], "Western Australia": ["Margaret River"]},
     ["{p} Estate", "{p} Wines"],
     ["Henschke", "Torbreck", "Grosset", "Wendouree", "Cullen", "Moss Wood", "Yarra Yering", "Jim Barry"]),
    ("New Zealand", 2,
     {"Marlborough": ["Wairau Valley", "Awatere Valley"], "Central Otago": ["Bannockburn", "Gibbston"]},
     ["{p} Estate", "{p} Wines"],
     ["Cloudy Bay", "Felton Road", "Dog Point", "Rippon", "Greywacke"]),
    ("South Africa", 2,
     {"Stellenbosch": ["Simonsberg", "Helderberg"], "Swartland": ["Paardeberg"]},
     ["{p} Wine Estate", "{p} Vineyards"],
     ["Kanonkop", "Meerlust", "Sadie Family", "Mullineux", "Rustenberg"]),
]

# (stored wine type, weight, grapes, words used in names, alcohol range, share without a vintage)
TYPES = [
    ("red", 50, ["Cabernet Sauvignon", "Merlot", "Pinot Noir", "Syrah", "Grenache", "Nebbiolo", "Sangiovese",
                 "Tempranillo", "Malbec", "Cabernet Franc", "Touriga Nacional", "Zinfandel", "Blaufränkisch",
                 "Nerello Mascalese", "Aglianico", "Mourvèdre", "Carignan", "Barbera", "Corvina", "Pinotage"],
     ["Reserva", "Riserva", "Grand Vin", "Vieilles Vignes", "Old Vines", "Gran Reserva", "Rosso", "Tinto",
      "Rouge", "Estate", "Cuvée Speciale", "Single Vineyard"], (12.5, 15.5), 0.02),
    ("white", 28, ["Chardonnay", "Riesling", "Sauvignon Blanc", "Chenin Blanc", "Grüner Veltliner", "Albariño",
                   "Sémillon", "Viognier", "Fiano", "Gewürztraminer", "Marsanne", "Roussanne", "Alvarinho",
                   "Carricante", "Pinot Blanc", "Furmint"],
     ["Kabinett", "Spätlese", "Smaragd", "Federspiel", "Blanc", "Bianco", "Branco", "Trocken", "Grosses Gewächs",
      "Reserve", "Cuvée"], (10.0, 14.5), 0.03),
    ("sparkling", 8, ["Chardonnay", "Pinot Noir", "Pinot Meunier", "Glera", "Xarel·lo", "Macabeo"],
     ["Brut", "Extra Brut", "Brut Nature", "Blanc de Blancs", "Blanc de Noirs", "Grande Cuvée", "Rosé Brut",
      "Millésimé"], (11.0, 12.5), 0.6),
    ("rosé", 6, ["Grenache", "Cinsault", "Mourvèdre", "Syrah", "Pinot Noir", "Tempranillo"],
     ["Rosé", "Rosato", "Rosado", "Clairet"], (11.5, 13.5), 0.05),
    ("dessert", 4, ["Sémillon", "Riesling", "Chenin Blanc", "Muscat", "Furmint", "Petit Manseng"],
     ["Auslese", "Beerenauslese", "Eiswein", "Late Harvest", "Vendanges Tardives", "Passito", "Moelleux"],
     (7.5, 14.0), 0.05),
    ("fortified", 3, ["Touriga Nacional", "Touriga Franca", "Palomino", "Pedro Ximénez", "Sercial", "Malvasia"],
     ["Vintage Port", "LBV", "20 Year Old Tawny", "Fino", "Amontillado", "Oloroso", "Colheita", "Bual"],
     (15.0, 20.5), 0.5),
    ("other", 1, ["Savagnin", "Rkatsiteli", "Saperavi"], ["Vin Jaune", "Amber", "Qvevri", "Orange"],
     (11.0, 14.0), 0.1),
]

VINEYARDS = ["Les Amoureuses", "Clos Saint-Jacques", "Cannubi", "Rocche dell'Annunziata", "Montosoli",
             "Graacher Himmelreich", "Scharzhofberg", "Kellerberg", "Heiligenstein", "La Landonne", "Monte Bello",
             "Les Clos", "Vaillons", "Perrières", "Charmes", "El Puntido", "Sorì Tildìn", "Bussia", "Vigna Rionda",
             "Ermita", "La Cumbre", "To Kalon", "Pisoni", "Hyde", "Steinertal", "Achleiten", "Ried Loibenberg"]
CLASSIFICATIONS = ["Grand Cru", "Premier Cru", "1er Cru Classé", "Cru Bourgeois", "DOCG", "DOC", "Gran Selezione",
                   "Crianza", "Reserva", "Gran Reserva", "VDP.Grosse Lage", "Erste Lage", "DOC Douro", "AVA"]
NOTES = ["Bought after the tasting in the spring", "Decant two hours before serving", "Gift from the neighbours",
         "For the wedding anniversary", "Drink with lamb", "Cork looked a little high", "Keep for the next decade",
         "Half bottles for weeknights", "Recommended by the shop", "Open with the cheese course",
         "Slightly corked bottle returned", "Magnum for a party", ""]
TASTING = ["Ripe cherry, cedar, firm tannins", "Citrus and wet stone, long finish", "Still closed, needs time",
           "Beautiful, at its peak", "Tired, past its best", "Fresh and crunchy", "Honeyed, with lively acidity",
           "Smoky, dark fruit, a touch of tar", ""]
LOCATIONS = ["Cellar", "Cellar", "Cellar", "Wine fridge", "Kitchen rack", "Garage", "Storage unit"]
SOURCES = ["Wine shop", "Winery visit", "Online shop", "Auction", "Wine club", "Gift", "Supermarket"]
CURRENCIES = [("EUR", 60), ("USD", 20), ("GBP", 12), ("CHF", 8)]
PEOPLE = ["Anna", "Tom", "the neighbours", "Marie and Paul", "Grandpa", "the office", "Lukas"]


def weighted(rng, pairs):
    values, weights = zip(*pairs)
    return rng.choices(values, weights=weights, k=1)[0]


def new_id(rng):
    return str(uuid.UUID(int=rng.getrandbits(128), version=4))


def seconds(moment):
    return moment.strftime("%Y-%m-%dT%H:%M:%SZ")


def millis(moment):
    return moment.strftime("%Y-%m-%dT%H:%M:%S.") + f"{moment.microsecond // 1000:03d}Z"


def between(rng, start, end):
    """A random moment between `start` and `end`, with milliseconds."""
    span = max(0.0, (end - start).total_seconds())
    moment = start + datetime.timedelta(seconds=rng.uniform(0, span))
    return moment.replace(microsecond=moment.microsecond // 1000 * 1000)


def make_producers(rng):
    producers = {}
    for country, _, _, patterns, places in COUNTRIES:
        producers[country] = [rng.choice(patterns).format(p=place) for place in places]
    return producers


def make_wine(rng, producers, created):
    """One wine row (without stock) and its blend, as (dict, [(position, grape, percentage)])."""
    country, _, regions, _, _ = weighted(rng, [(entry, entry[1]) for entry in COUNTRIES])
    wine_type, _, grapes, words, (low, high), no_vintage = weighted(rng, [(entry, entry[1]) for entry in TYPES])
    region = rng.choice(list(regions))
    place = rng.choice(regions[region])
    winery = rng.choice(producers[country])
    blend = rng.sample(grapes, k=min(len(grapes), weighted(rng, [(1, 65), (2, 20), (3, 12), (4, 3)])))
    vintage = None
    if rng.random() >= no_vintage:
        vintage = min(created.year - 1, int(created.year - 1 - rng.expovariate(1 / 6)))
        vintage = max(1970, vintage)
    pattern = rng.random()
    if pattern < 0.3:
        name = f"{place} {rng.choice(VINEYARDS)}"
    elif pattern < 0.55 and len(blend) == 1:
        name = f"{blend[0]} {rng.choice(words)}"
    elif pattern < 0.75:
        name = f"{winery} {rng.choice(words)}"
    elif pattern < 0.9:
        name = f"{place} {rng.choice(words)}"
    else:
        name = f"{rng.choice(VINEYARDS)} {rng.choice(words)}"
    drink_from = drink_until = None
    if vintage is not None and rng.random() < 0.7:
        drink_from = vintage + rng.randint(2, 8)
        drink_until = drink_from + rng.randint(3, 25)
    percentages = None
    if len(blend) > 1 and rng.random() < 0.6:
        shares = sorted((rng.randint(5, 60) for _ in blend), reverse=True)
        total = sum(shares)
        percentages = [round(share * 100 / total) for share in shares]
        percentages[0] += 100 - sum(percentages)
    wine = {
        "name": name, "winery": winery, "vintage": vintage, "wine_type": wine_type,
        "grape_variety": ", ".join(blend), "country": country, "region": region,
        "sub_region": place if rng.random() < 0.5 else None,
        "appellation": place if rng.random() < 0.35 else None,
        "classification": rng.choice(CLASSIFICATIONS) if rng.random() < 0.25 else None,
        "alcohol_percentage": round(rng.uniform(low, high) * 2) / 2,
        "bottle_size_ml": weighted(rng, [(750, 88), (1500, 6), (375, 5), (3000, 1)]),
        "drink_from": drink_from, "drink_until": drink_until,
        "notes": rng.choice(NOTES) if rng.random() < 0.25 else "",
    }
    rows = []
    if len(blend) > 1:
        rows = [(position, grape, percentages[position] if percentages else None)
                for position, grape in enumerate(blend)]
    return wine, rows


def make_lot(rng, wine_id, created, quantity=None):
    """A lot checked in at `created`, of `quantity` bottles or of a random case or number of loose bottles."""
    case_size = None
    if quantity is None:
        if rng.random() < 0.35:
            case_size = rng.choice([6, 6, 12, 3])
            quantity = case_size * weighted(rng, [(1, 80), (2, 15), (3, 5)])
        else:
            quantity = weighted(rng, [(1, 30), (2, 25), (3, 20), (4, 10), (6, 15)])
    location = rng.choice(LOCATIONS)
    bin_ = f"{chr(ord('A') + rng.randint(0, 7))}{rng.randint(1, 12)}" if location == "Cellar" else None
    price = round(rng.lognormvariate(3.2, 0.7), 2) if rng.random() < 0.85 else None
    lot = {
        "id": new_id(rng), "wine_id": wine_id, "quantity": quantity, "initial_quantity": quantity,
        "case_size": case_size,
        "purchase_date": (created - datetime.timedelta(days=rng.randint(0, 60))).strftime("%Y-%m-%d"),
        "price_per_bottle": price, "currency": weighted(rng, CURRENCIES) if price is not None else None,
        "source": rng.choice(SOURCES) if rng.random() < 0.7 else None, "location": location, "bin": bin_,
        "created_at": created, "updated_at": created,
    }
    return lot


def describe(lot):
    parts = [part for part in (lot["location"], lot["bin"]) if part]
    return " / ".join(parts) if parts else None


def event(rng, lot, kind, quantity, moment, user_id, **fields):
    row = {"id": new_id(rng), "wine_id": lot["wine_id"], "lot_id": lot["id"], "event_type": kind,
           "quantity": quantity, "event_date": moment, "user_id": user_id, "notes": "", "reason": None,
           "sale_price": None, "currency": None, "gift_recipient": None, "rating": None, "tasting_notes": "",
           "from_location": None, "to_location": None, "created_at": moment}
    row.update(fields)
    return row


def checkout_fields(rng, lot, quantity):
    reason = weighted(rng, [("drank", 82), ("gifted", 8), ("sold", 4), ("breakage", 2), ("other", 4)])
    fields = {"reason": reason}
    if reason == "drank":
        if rng.random() < 0.4:
            fields["rating"] = rng.randint(78, 98)
        if rng.random() < 0.3:
            fields["tasting_notes"] = rng.choice(TASTING)
    elif reason == "gifted":
        fields["gift_recipient"] = rng.choice(PEOPLE)
    elif reason == "sold":
        fields["sale_price"] = round((lot["price_per_bottle"] or 30) * quantity * rng.uniform(0.8, 2.5), 2)
        fields["currency"] = lot["currency"] or "EUR"
    elif reason == "breakage":
        fields["notes"] = "Dropped on the stairs"
    return fields


def generate(rng, wine_count, event_count, stocked_wines, stocked_bottles, user_id, now):
    producers = make_producers(rng)
    start = now - datetime.timedelta(days=8 * 365)
    wines, blends, lots, events = [], [], [], []
    for _ in range(wine_count):
        created = between(rng, start, now - datetime.timedelta(days=2)).replace(microsecond=0)
        wine, blend = make_wine(rng, producers, created)
        wine.update(id=new_id(rng), created_at=created, updated_at=created)
        wines.append(wine)
        blends += [(wine["id"], *row) for row in blend]
        moment = created
        for _ in range(weighted(rng, [(1, 65), (2, 25), (3, 10)])):
            lot = make_lot(rng, wine["id"], moment)
            lot["wine"] = wine
            lots.append(lot)
            events.append(event(rng, lot, "CHECK_IN", lot["quantity"], moment, user_id,
                                notes=rng.choice(NOTES) if rng.random() < 0.1 else ""))
            moment = between(rng, moment, min(now, moment + datetime.timedelta(days=400)))
    for wine in rng.sample(wines, k=min(stocked_wines, len(wines))):
        moment = between(rng, wine["created_at"], now)
        lot = make_lot(rng, wine["id"], moment, quantity=stocked_bottles)
        lot.update(location="Storage unit", bin=None, case_size=None, wine=wine)
        lots.append(lot)
        events.append(event(rng, lot, "CHECK_IN", stocked_bottles, moment, user_id))
        wine["updated_at"] = max(wine["updated_at"], moment.replace(microsecond=0))

    # The rest of the history: check-outs (one or two bottles from a lot still holding some) and a few moves.
    remaining = max(0, event_count - len(events))
    open_lots = [lot for lot in lots if lot["quantity"] > 0 and lot["initial_quantity"] < 100]
    moved = set()
    for _ in range(remaining):
        if not open_lots:
            break
        index = rng.randrange(len(open_lots))
        lot = open_lots[index]
        moment = between(rng, lot["updated_at"], min(now, lot["updated_at"] + datetime.timedelta(days=900)))
        if rng.random() < 0.04 and lot["id"] not in moved:
            moved.add(lot["id"])
            before = describe(lot)
            lot["location"] = rng.choice([place for place in LOCATIONS if place != lot["location"]])
            lot["bin"] = None
            events.append(event(rng, lot, "MOVE", lot["quantity"], moment, user_id, from_location=before,
                                to_location=describe(lot)))
        else:
            quantity = 2 if lot["quantity"] >= 2 and rng.random() < 0.12 else 1
            lot["quantity"] -= quantity
            events.append(event(rng, lot, "CHECK_OUT", quantity, moment, user_id,
                                **checkout_fields(rng, lot, quantity)))
            if lot["quantity"] == 0:
                open_lots[index] = open_lots[-1]
                open_lots.pop()
        lot["updated_at"] = moment
        lot["wine"]["updated_at"] = max(lot["wine"]["updated_at"], moment.replace(microsecond=0))
    return wines, blends, lots, events


def write(database, wines, blends, lots, events):
    connection = sqlite3.connect(database)
    connection.execute("PRAGMA foreign_keys = ON")
    wine_columns = ["id", "name", "winery", "vintage", "wine_type", "grape_variety", "country", "region",
                    "sub_region", "appellation", "classification", "alcohol_percentage", "bottle_size_ml",
                    "drink_from", "drink_until", "notes", "created_at", "updated_at"]
    lot_columns = ["id", "wine_id", "quantity", "initial_quantity", "case_size", "purchase_date", "price_per_bottle",
                   "currency", "source", "location", "bin", "created_at", "updated_at"]
    event_columns = ["id", "wine_id", "lot_id", "event_type", "quantity", "event_date", "user_id", "notes", "reason",
                     "sale_price", "currency", "gift_recipient", "rating", "tasting_notes", "from_location",
                     "to_location", "created_at"]

    def insert(table, columns, rows, stamp):
        sql = f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({', '.join('?' * len(columns))})"
        stamped = {"created_at", "updated_at", "event_date"}
        connection.executemany(sql, ([stamp(row[column]) if column in stamped else row[column]
                                      for column in columns] for row in rows))

    with connection:
        insert("wine", wine_columns, wines, seconds)
        connection.executemany("INSERT INTO wine_blend (wine_id, position, grape, percentage) VALUES (?, ?, ?, ?)",
                               blends)
        insert("wine_lot", lot_columns, lots, millis)
        events.sort(key=lambda row: row["event_date"])
        insert("wine_event", event_columns, events, millis)
    connection.close()


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("database", help="a migrated winebox.sqlite3, with the server stopped")
    parser.add_argument("--email", required=True, help="the member who made every event")
    parser.add_argument("--wines", type=int, default=10_000)
    parser.add_argument("--events", type=int, default=50_000, help="events in all (at least one per lot)")
    parser.add_argument("--seed", type=int, default=11)
    parser.add_argument("--stocked-wines", type=int, default=0, help="wines that get one more, large lot")
    parser.add_argument("--stocked-bottles", type=int, default=0, help="bottles in each of those lots")
    arguments = parser.parse_args()
    if arguments.stocked_wines and not 100 <= arguments.stocked_bottles <= 10_000:
        parser.error("--stocked-bottles must be between 100 and 10,000")

    with sqlite3.connect(arguments.database) as connection:
        row = connection.execute("SELECT id FROM user WHERE email = ?", (arguments.email.lower(),)).fetchone()
    if row is None:
        raise SystemExit(f"No member {arguments.email} in {arguments.database}")
    now = datetime.datetime.now(datetime.timezone.utc).replace(tzinfo=None)
    rng = random.Random(arguments.seed)
    wines, blends, lots, events = generate(rng, arguments.wines, arguments.events, arguments.stocked_wines,
                                           arguments.stocked_bottles, row[0], now)
    write(arguments.database, wines, blends, lots, events)
    bottles = sum(lot["quantity"] for lot in lots)
    print(f"{len(wines):,} wines, {len(lots):,} lots, {len(events):,} events, {bottles:,} bottles in stock")
    return 0


if __name__ == "__main__":
    sys.exit(main())
