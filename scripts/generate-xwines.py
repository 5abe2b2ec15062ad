#!/usr/bin/env python3
"""Writes a synthetic X-Wines wines CSV (and optionally a ratings CSV) in the official format, for benchmarks.

The real Full version of X-Wines has 100,646 wines; the repository ships only the Test version (100 wines).
This script makes a stand-in of any size with the same 17 columns, the same Python-list cells (Grapes,
Harmonize, Vintages, written with repr() exactly as the data set does, so names with an apostrophe come out
as "Nero d'Avola") and RFC 4180 quoting, with realistic-looking names, wineries, regions, countries and
types. The output depends only on the arguments: the same seed gives the same files, byte for byte.

Usage:
  scripts/generate-xwines.py OUT.csv [--rows 100000] [--seed 7] [--ratings RATINGS.csv --ratings-rows 1000000]
"""

import argparse
import csv
import datetime
import random
import sys
import unicodedata

HEADER = [
    "WineID", "WineName", "Type", "Elaborate", "Grapes", "Harmonize", "ABV", "Body", "Acidity", "Code",
    "Country", "RegionID", "RegionName", "WineryID", "WineryName", "Website", "Vintages",
]
RATINGS_HEADER = ["RatingID", "UserID", "WineID", "Vintage", "Rating", "Date"]

# (code, country, share of wines, regions, winery patterns, given names or places used in winery names)
COUNTRIES = [
    ("FR", "France", 22, ["Bordeaux", "Margaux", "Pauillac", "Saint-Émilion", "Pessac-Léognan", "Sauternes",
                           "Chablis", "Côte de Nuits", "Gevrey-Chambertin", "Meursault", "Pommard", "Beaujolais",
                           "Côtes du Rhône", "Châteauneuf-du-Pape", "Gigondas", "Provence", "Bandol", "Alsace",
                           "Sancerre", "Vouvray", "Champagne", "Languedoc", "Cahors", "Jurançon"],
     ["Château {p}", "Domaine {p}", "Domaine de {p}", "Maison {p}", "Château de {p}", "Clos {p}"],
     ["Margaux", "Latour", "Beauséjour", "Belair", "la Tour", "Fonréaud", "Pontet", "Lagrange", "Montrose",
      "Giscours", "Lafon", "Roulot", "Leflaive", "Drouhin", "Faiveley", "Bichot", "Tempier", "Courcel",
      "Chevalier", "Bourgeois", "Larroudé", "Trimbach", "Hugel", "Guigal", "Chapoutier", "Jaboulet", "Sorrel"]),
    ("IT", "Italy", 20, ["Toscana", "Chianti Classico", "Brunello di Montalcino", "Barolo", "Barbaresco", "Langhe",
                          "Piemonte", "Veneto", "Amarone della Valpolicella", "Soave", "Sicilia", "Etna", "Puglia",
                          "Salento", "Südtirol-Alto Adige", "Friuli", "Asti", "Montepulciano d'Abruzzo", "Bolgheri"],
     ["Tenuta {p}", "Cantina {p}", "Castello di {p}", "Fattoria {p}", "Azienda Agricola {p}", "Cascina {p}"],
     ["San Felice", "Ama", "Antinori", "Frescobaldi", "Ruffino", "Gaja", "Giacosa", "Sarotto", "Scanavino",
      "Negro", "Ballarin", "Bartoli", "Zenegaglia", "Gallino", "Mottura", "Bonotto", "Planeta", "Tasca",
      "Donnafugata", "Allegrini", "Masi", "Tedeschi", "Vietti", "Conterno", "Mascarello"]),
    ("US", "United States", 16, ["Napa Valley", "Sonoma County", "Russian River Valley", "Dry Creek Valley", "Lodi",
                                  "Paso Robles", "Santa Barbara County", "Willamette Valley", "Dundee Hills",
                                  "Columbia Valley", "Horse Heaven Hills", "Walla Walla Valley", "Finger Lakes",
                                  "Mount Veeder", "Central Coast"],
     ["{p} Vineyards", "{p} Estate", "{p} Family Wines", "{p} Cellars", "{p} Winery", "The {p} Collection"],
     ["Columbia Crest", "King", "Hess", "Dashe", "Illahe", "Yates", "Maggio", "Ridge", "Stag's Leap", "Duckhorn",
      "Silver Oak", "Caymus", "Bonny Doon", "Chateau Ste. Michelle", "Willamette", "Elk Cove", "Sokol Blosser",
      "Anne Amie", "Big Smooth", "Secret Spot", "Moonlight & Roses", "Coyote Canyon", "Kendall"]),
    ("ES", "Spain", 9, ["Rioja", "Ribera del Duero", "Priorat", "Rías Baixas", "Rueda", "Jerez", "Montilla-Moriles",
                         "Penedès", "Toro", "Jumilla", "Navarra", "Cava"],
     ["Bodegas {p}", "Bodega {p}", "Viña {p}", "Celler {p}", "Dominio de {p}"],
     ["Muga", "Torres", "Vega Sicilia", "Lustau", "Toro Albalá", "Nanclares", "Marqués de Riscal", "Faustino",
      "Protos", "Emilio Moro", "Pingus", "Álvaro Palacios", "La Rioja Alta", "Ysios", "Codorníu", "Freixenet"]),
    ("PT", "Portugal", 8, ["Douro", "Porto", "Alentejo", "Vinho Verde", "Dão", "Bairrada", "Lisboa", "Madeira",
                            "Setúbal", "Tejo"],
     ["Quinta do {p}", "Quinta da {p}", "Casa {p}", "Herdade do {p}", "Adega {p}"],
     ["Portal", "Crasto", "Vallado", "Noval", "Vesúvio", "Ferreira", "Sandeman", "Niepoort", "Soutelos",
      "Esporão", "Mouchão", "Carmim", "Azueira", "Campolargo", "Felgueiras", "Aveleda", "Maria Izabel"]),
    ("DE", "Germany", 5, ["Mosel", "Rheingau", "Pfalz", "Rheinhessen", "Nahe", "Württemberg", "Baden", "Franken"],
     ["Weingut {p}", "Schloss {p}", "Weingut Dr. {p}", "{p} Erben"],
     ["Loosen", "Prüm", "Weis", "Wachtstetter", "Aldinger", "Dönnhoff", "Keller", "Künstler", "Bürklin-Wolf",
      "Schäfer-Fröhlich", "Gobelsburg", "Reinhartshausen", "Müller-Catoir"]),
    ("AR", "Argentina", 4, ["Mendoza", "Luján de Cuyo", "Valle de Uco", "Salta", "Patagonia"],
     ["Bodega {p}", "Finca {p}", "{p} Wines"],
     ["Catena Zapata", "Doña Paula", "Zuccardi", "Norton", "Achaval Ferrer", "Colomé", "Trapiche", "Chandon"]),
    ("CL", "Chile", 4, ["Maipo Valley", "Colchagua Valley", "Casablanca Valley", "Maule Valley",
                         "Cachapoal Valley", "Central Valley", "Aconcagua"],
     ["Viña {p}", "{p} Estate", "Bodega {p}"],
     ["Concha y Toro", "Montes", "Emiliana", "Los Boldos", "Errázuriz", "Santa Rita", "Casa Silva", "Lapostolle",
      "Miguel Torres Chile", "Undurraga", "Carmen"]),
    ("AU", "Australia", 4, ["Barossa Valley", "McLaren Vale", "Clare Valley", "Coonawarra", "Margaret River",
                             "Yarra Valley", "Mornington Peninsula", "Hunter Valley", "Frankland River"],
     ["{p} Estate", "{p} Wines", "{p} Vineyards"],
     ["Penfolds", "Henschke", "Torbreck", "Frankland", "Kooyong", "Oxford Landing", "Taylors", "Yalumba",
      "d'Arenberg", "Leeuwin", "Wolf Blass", "Jacob's Creek"]),
    ("BR", "Brazil", 2, ["Serra Gaúcha", "Vale dos Vinhedos", "Campanha Gaúcha", "Serra do Sudeste"],
     ["Casa {p}", "Vinícola {p}", "{p} Vinhos"],
     ["Valduga", "Aurora", "Miolo", "Salton", "Pizzato", "Don Laurindo", "Guaspari", "Lídio Carraro"]),
    ("NZ", "New Zealand", 2, ["Marlborough", "Central Otago", "Hawke's Bay", "Martinborough"],
     ["{p} Estate", "{p} Wines"], ["Cloudy Bay", "Matua", "Lake Chalice", "Felton Road", "Craggy Range"]),
    ("ZA", "South Africa", 2, ["Stellenbosch", "Western Cape", "Swartland", "Paarl", "Franschhoek"],
     ["{p} Wine Estate", "{p} Vineyards"], ["Kanonkop", "Boplaas", "Meerlust", "Rustenberg", "Mullineux"]),
    ("AT", "Austria", 1, ["Niederösterreich", "Wachau", "Kamptal", "Burgenland"],
     ["Weingut {p}", "Schloss {p}"], ["Gobelsburg", "Bründlmayer", "Hirtzberger", "Knoll", "Kracher"]),
    ("GR", "Greece", 1, ["Naoussa", "Santorini", "Nemea", "Chalkidiki", "Ilia"],
     ["{p} Estate", "Domaine {p}"], ["Mercouri", "Tsantali", "Gaia", "Kir-Yianni", "Sigalas"]),
]

TYPES = [("Red", 50), ("White", 25), ("Sparkling", 8), ("Rosé", 7), ("Dessert", 5), ("Dessert/Port", 3),
         ("Fortified", 2)]

GRAPES = {
    "Red": ["Cabernet Sauvignon", "Merlot", "Pinot Noir", "Syrah", "Shiraz", "Malbec", "Tempranillo", "Sangiovese",
            "Nebbiolo", "Grenache", "Zinfandel", "Carménère", "Cabernet Franc", "Touriga Nacional", "Barbera",
            "Nero d'Avola", "Montepulciano", "Corvina", "Gamay", "Mourvèdre", "Petit Verdot", "Tannat"],
    "White": ["Chardonnay", "Sauvignon Blanc", "Riesling", "Pinot Grigio", "Chenin Blanc", "Albariño",
              "Gewürztraminer", "Viognier", "Grüner Veltliner", "Sémillon", "Verdejo", "Fiano", "Alvarinho",
              "Loureiro", "Müller-Thurgau", "Vermentino"],
    "Rosé": ["Grenache", "Cinsault", "Syrah", "Pinot Noir", "Mourvèdre", "Tempranillo"],
    "Sparkling": ["Chardonnay", "Pinot Noir", "Pinot Meunier", "Glera", "Macabeo", "Xarel·lo", "Parellada"],
    "Dessert": ["Sémillon", "Sauvignon Blanc", "Muscat/Moscato", "Riesling", "Brachetto", "Petit Manseng"],
    "Dessert/Port": ["Touriga Nacional", "Touriga Franca", "Tinta Roriz", "Tinta Barroca", "Tinto Cão"],
    "Fortified": ["Palomino", "Pedro Ximénez", "Moscatel", "Sercial", "Verdelho"],
}

STYLE_WORDS = {
    "Red": ["Reserva", "Gran Reserva", "Riserva", "Reserve", "Grand Vin", "Tinto", "Rouge", "Rosso", "Old Vine",
            "Estate", "Single Vineyard", "Cuvée Prestige", "Selection", "Classico", "Superiore"],
    "White": ["Reserva", "Blanc", "Bianco", "Branco", "Trocken", "Kabinett", "Spätlese", "Unoaked", "Barrel Select",
              "Estate", "Vieilles Vignes", "Cuvée"],
    "Rosé": ["Rosé", "Rosato", "Rosado", "Rosé of Pinot Noir", "Gris"],
    "Sparkling": ["Brut", "Extra Brut", "Brut Nature", "Blanc de Blancs", "Spumante", "Espumante", "Crémant",
                  "Cava Brut", "Sekt"],
    "Dessert": ["Late Harvest", "Sauternes", "Passito", "Moscato d'Asti", "Vin Santo", "Eiswein", "Tokaji"],
    "Dessert/Port": ["Tawny Port", "Ruby Port", "10 Year Old Tawny", "Vintage Port", "LBV Porto", "Colheita"],
    "Fortified": ["Fino", "Amontillado", "Oloroso", "Cream Sherry", "Pedro Ximénez", "Madeira Malmsey"],
}

FEATURE_WORDS = ["Les Baronnes", "La Madone", "Clos des Épenots", "Les Plateaux", "La Pièce", "Montmains",
                 "Cerequio", "Belcaro", "Primavera", "Coyote", "Falcon", "Visionary", "Lacrau", "Origem", "Maré Alta",
                 "Terras", "Pátria", "Além do Rio", "Calda", "Cuvée Alexander", "Kallisto", "Dona Antonia",
                 "Le Petit", "Grand Cru", "Premier Cru", "1er Cru", "Field Blend", "Black Label", "Private Reserve"]

HARMONIZE = ["Beef", "Lamb", "Veal", "Pork", "Poultry", "Game Meat", "Rich Fish", "Lean Fish", "Shellfish",
             "Seafood", "Pasta", "Pizza", "Risotto", "Mushrooms", "Vegetarian", "Spicy Food", "Cured Meat",
             "Soft Cheese", "Hard Cheese", "Blue Cheese", "Goat Cheese", "Appetizer", "Sweet Dessert", "Fruit",
             "Cake", "Aperitif", "Grilled", "Chicken"]

ELABORATE = ["Varietal/100%", "Varietal/>75%", "Assemblage/Blend", "Assemblage/Bordeaux Red Blend",
             "Assemblage/Rhône Red Blend", "Assemblage/Port Blend", "Assemblage/Champagne Blend"]
BODY = ["Very light-bodied", "Light-bodied", "Medium-bodied", "Full-bodied", "Very full-bodied"]
ACIDITY = ["Low", "Medium", "High"]
ABV_RANGE = {"Red": (12.0, 15.5), "White": (10.5, 14.0), "Rosé": (11.0, 13.5), "Sparkling": (10.5, 12.5),
             "Dessert": (7.0, 14.0), "Dessert/Port": (19.0, 20.5), "Fortified": (15.0, 20.0)}


def weighted(rng, pairs):
    total = sum(weight for _, weight in pairs)
    pick = rng.uniform(0, total)
    for value, weight in pairs:
        pick -= weight
        if pick <= 0:
            return value
    return pairs[-1][0]


def make_wineries(rng):
    """A fixed pool of wineries per country: (winery id, name, website)."""
    wineries = {}
    next_id = 10000
    for code, _, share, _, patterns, places in COUNTRIES:
        pool = []
        for index in range(share * 150):
            place = places[index % len(places)]
            name = rng.choice(patterns).format(p=place)
            if index >= len(places):
                name += " " + rng.choice(["", "Fils", "& Fils", "Family", "Heritage", "Selections", "Brothers",
                                          "Estates", "Vignerons", str(rng.randint(2, 99))]).strip()
            name = name.strip()
            ascii_name = unicodedata.normalize("NFKD", name.lower()).encode("ascii", "ignore").decode()
            slug = "".join(ch for ch in ascii_name if ch.isalnum())
            website = "" if rng.random() < 0.15 else f"http://www.{slug[:24]}.{code.lower()}"
            pool.append((next_id, name, website))
            next_id += 1
        wineries[code] = pool
    return wineries


def make_wine(rng, wine_id, wineries, regions):
    code, country, _, region_names, _, _ = weighted(rng, [(entry, entry[2]) for entry in COUNTRIES])
    wine_type = weighted(rng, TYPES)
    winery_id, winery, website = rng.choice(wineries[code])
    region_id, region = regions[(code, rng.choice(region_names))]
    grapes = rng.sample(GRAPES[wine_type], k=min(len(GRAPES[wine_type]), weighted(rng, [(1, 60), (2, 20),
                                                                                       (3, 15), (4, 5)])))
    elaborate = "Varietal/100%" if len(grapes) == 1 else rng.choice(ELABORATE[2:])
    parts = []
    if rng.random() < 0.35:
        parts.append(rng.choice(FEATURE_WORDS))
    if rng.random() < 0.4:
        parts.append(region)
    if len(grapes) == 1 and rng.random() < 0.7:
        parts.append(grapes[0])
    parts.append(rng.choice(STYLE_WORDS[wine_type]))
    name = " ".join(dict.fromkeys(parts))
    low, high = ABV_RANGE[wine_type]
    abv = round(rng.uniform(low, high) * 2) / 2
    first = rng.randint(1960, 2015)
    vintages = sorted(rng.sample(range(first, 2022), k=min(2022 - first, rng.randint(1, 30))), reverse=True)
    if wine_type in ("Sparkling", "Dessert/Port", "Fortified") or rng.random() < 0.1:
        vintages.append("N.V.")
    return [
        wine_id, name, wine_type, elaborate, repr(grapes), repr(rng.sample(HARMONIZE, k=rng.randint(2, 6))),
        f"{abv:.1f}", rng.choice(BODY), rng.choice(ACIDITY), code, country, region_id, region, winery_id, winery,
        website, repr(vintages),
    ]


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("output", help="the wines CSV to write")
    parser.add_argument("--rows", type=int, default=100_000, help="number of wines (default 100,000)")
    parser.add_argument("--seed", type=int, default=7, help="random seed (default 7)")
    parser.add_argument("--ratings", help="also write a ratings CSV here")
    parser.add_argument("--ratings-rows", type=int, default=1_000_000, help="number of ratings (default 1,000,000)")
    arguments = parser.parse_args()

    rng = random.Random(arguments.seed)
    wineries = make_wineries(rng)
    regions = {}
    for code, _, _, region_names, _, _ in COUNTRIES:
        for name in region_names:
            regions[(code, name)] = (1000 + len(regions), name)

    wine_ids = []
    with open(arguments.output, "w", encoding="utf-8", newline="") as file:
        writer = csv.writer(file, lineterminator="\n")
        writer.writerow(HEADER)
        for index in range(arguments.rows):
            wine_id = 100000 + index
            wine_ids.append(wine_id)
            writer.writerow(make_wine(rng, wine_id, wineries, regions))

    if arguments.ratings:
        # Popularity follows a long tail, as in the real data: a few wines get most of the ratings.
        weights = [1.0 / (rank + 10) ** 1.1 for rank in range(len(wine_ids))]
        shuffled = wine_ids[:]
        rng.shuffle(shuffled)
        start = datetime.datetime(2012, 1, 1)
        with open(arguments.ratings, "w", encoding="utf-8", newline="") as file:
            writer = csv.writer(file, lineterminator="\n")
            writer.writerow(RATINGS_HEADER)
            picks = rng.choices(shuffled, weights=weights, k=arguments.ratings_rows)
            for rating_id, wine_id in enumerate(picks, start=1):
                when = start + datetime.timedelta(seconds=rng.randint(0, 10 * 365 * 86400))
                writer.writerow([
                    rating_id, 1_000_000 + rng.randint(0, 99_999), wine_id, rng.randint(1980, 2021),
                    f"{rng.choice([1.0, 1.5, 2.0, 2.5, 3.0, 3.5, 3.5, 4.0, 4.0, 4.0, 4.5, 4.5, 5.0]):.1f}",
                    when.strftime("%Y-%m-%d %H:%M:%S"),
                ])
    return 0


if __name__ == "__main__":
    sys.exit(main())
