#!/usr/bin/env python3
"""Measures label reading end to end: photos with known answers go through POST /api/wines/scan of a real server.

Three sets of images, each with its answers:
- the X-Wines photos (`../shared/data/xwines/photos/<WineID>.jpeg`; answers in `XWines_Test_100_wines.csv`), with
  that 100-wine reference imported, so identification (top-1, top-5 among the scan's candidates) is measured;
- the real label photos of `../shared/data/labels/`, with answers read off the photos by a person (below);
- labels rendered here from known text (Pillow, DejaVu fonts): a clean, a tilted and a noisy variant of wines of
  the reference, so every field the parser knows has an answer.

For each set it prints per-field accuracy (a field counts when the scan found it and it matches the answer, case and
accents ignored; numbers within a tolerance), identification rates and the time per photo as the client saw it
(median and 90th percentile), plus the method the server used. With `--write`, the tables replace the part of
docs/label-reading.md between the `eval-labels` markers.

The server runs with a temporary data directory, rate limits off, no Claude key (the offline pipeline), and stops at
the end. Pillow is installed once into .build/eval-labels (a virtual environment).

Usage: scripts/eval-labels.py [--binary PATH] [--write] [--show-misses]
"""

import argparse
import csv
import http.client
import json
import os
import random
import secrets
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import unicodedata

import scan_request
import shared_data

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
EMAIL = "eval@example.com"
PASSWORD = "an evaluation passphrase"
FIELDS = ["name", "winery", "vintage", "grape_variety", "region", "appellation", "country", "classification",
          "alcohol_percentage", "wine_type", "bottle_size_ml"]
BEGIN_MARKER = "<!-- eval-labels:begin -->"
END_MARKER = "<!-- eval-labels:end -->"

# Answers for ../shared/data/labels/, read off the photos; only what the label itself shows.
LABEL_ANSWERS = {
    "jo-pithon-clos-des-bois-1994.jpg": {
        "name": "Clos des Bois", "winery": "Domaine Jo Pithon", "vintage": 1994, "country": "France",
        "appellation": "Coteaux du Layon", "classification": "Sélection de Grains Nobles", "alcohol_percentage": 12,
        "bottle_size_ml": 500, "wine_type": "dessert",
    },
    "reading-wine-labels.webp": {
        "winery": "Beneficio", "vintage": 2018, "grape_variety": "Sauvignon Blanc", "region": "Adelaide Hills",
        "country": "Australia", "wine_type": "white",
    },
    "damaged.jpg": {"vintage": 1935, "wine_type": "red", "alcohol_percentage": 11},
    "rounded-label.jpg": {
        "winery": "Ste. Michelle Vineyards", "grape_variety": "Cabernet Sauvignon", "country": "United States",
        "alcohol_percentage": 12, "wine_type": "red",
    },
}

XWINES_TYPES = {"red": "red", "white": "white", "rosé": "rosé", "sparkling": "sparkling", "dessert": "dessert",
                "dessert/port": "fortified"}


def fold(text):
    decomposed = unicodedata.normalize("NFKD", str(text))
    return " ".join("".join(c for c in decomposed if not unicodedata.combining(c)).lower().replace("-", " ").split())


def matches(field, found, answer):
    if found is None:
        return False
    if field in ("vintage", "bottle_size_ml"):
        return int(found) == int(answer)
    if field == "alcohol_percentage":
        return abs(float(found) - float(answer)) <= 0.25
    if field == "wine_type" and isinstance(answer, (list, tuple)):
        return fold(found) in [fold(a) for a in answer]
    return fold(found) == fold(answer)


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def ensure_pillow():
    venv = os.path.join(ROOT, ".build", "eval-labels")
    python = os.path.join(venv, "bin", "python")
    if not os.path.exists(python) or subprocess.run([python, "-c", "import PIL"], capture_output=True).returncode:
        print(f"Installing Pillow into {venv}", file=sys.stderr)
        subprocess.run([sys.executable, "-m", "venv", venv], check=True)
        subprocess.run([os.path.join(venv, "bin", "pip"), "install", "--quiet", "--disable-pip-version-check",
                        "pillow==11.0.0"], check=True)
    return python


class Server:
    """A WineBox server with its own data directory, an account and the 100-wine X-Wines reference."""

    def __init__(self, binary, work, xwines_csv):
        self.port = free_port()
        self.environment = dict(os.environ, WINEBOX_SECRET_KEY=secrets.token_hex(32),
                                WINEBOX_RATE_LIMIT_DISABLED="1", WINEBOX_LOGGING_LEVEL="warning",
                                WINEBOX_LOGGING_ACCESS_LOG="false", WINEBOX_STORAGE_DATA_DIR=os.path.join(work, "data"),
                                WINEBOX_SERVER_PORT=str(self.port))
        self.environment.pop("WINEBOX_ANTHROPIC_API_KEY", None)
        config = os.path.join(work, "config.toml")
        open(config, "w").close()
        self.command = [binary, "--config", config]
        subprocess.run(self.command + ["user", "add", EMAIL, "--password-stdin"], input=PASSWORD + "\n", text=True,
                       env=self.environment, cwd=work, check=True, stdout=subprocess.DEVNULL)
        subprocess.run(self.command + ["xwines", "import", xwines_csv], env=self.environment, cwd=work, check=True,
                       stdout=subprocess.DEVNULL)
        self.process = subprocess.Popen(self.command + ["serve"], env=self.environment, cwd=work,
                                        stdout=subprocess.DEVNULL, stderr=open(os.path.join(work, "server.log"), "w"))
        deadline = time.time() + 30
        while time.time() < deadline:
            try:
                if self.request("GET", "/health")[0] == 200:
                    break
            except OSError:
                time.sleep(0.1)
        else:
            raise SystemExit("the server did not start; see its log")
        status, body = self.request("POST", "/api/auth/token", f"username={EMAIL}&password={PASSWORD}".encode(),
                                    {"Content-Type": "application/x-www-form-urlencoded"})
        self.token = json.loads(body)["access_token"]

    def request(self, method, path, body=None, headers=None, timeout=120):
        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=timeout)
        connection.request(method, path, body=body, headers=headers or {})
        response = connection.getresponse()
        data = response.read()
        connection.close()
        return response.status, data

    def scan(self, image_bytes, filename):
        body, content_type = scan_request.front_label(image_bytes, filename)
        started = time.perf_counter()
        status, data = self.request("POST", "/api/wines/scan", body, {
            "Content-Type": content_type, "Authorization": f"Bearer {self.token}"})
        elapsed = time.perf_counter() - started
        if status != 200:
            raise SystemExit(f"scan of {filename} answered {status}: {data[:300]!r}")
        return json.loads(data), elapsed

    def stop(self):
        self.process.terminate()
        self.process.wait(timeout=30)


def reference_wines(xwines_csv):
    with open(xwines_csv, newline="", encoding="utf-8") as file:
        return {row["WineID"]: row for row in csv.DictReader(file)}


def xwines_answers(row):
    grapes = [g.strip(" '\"") for g in row["Grapes"].strip("[]").split(",") if g.strip(" '\"")]
    answer = {"name": row["WineName"], "winery": row["WineryName"], "region": row["RegionName"],
              "country": row["Country"], "wine_type": XWINES_TYPES.get(row["Type"].lower(), row["Type"].lower())}
    if len(grapes) == 1:
        answer["grape_variety"] = grapes[0]
    return answer


def render_labels(python, reference, excluded, out_dir, count):
    """Renders `count` wines of the reference (not among `excluded`) as label images; returns (path, answers, id)."""
    rng = random.Random(20261203)
    candidates = sorted(wine_id for wine_id in reference if wine_id not in excluded)
    chosen = rng.sample(candidates, min(count, len(candidates)))
    specs = []
    for index, wine_id in enumerate(chosen):
        row = reference[wine_id]
        answer = xwines_answers(row)
        answer["vintage"] = rng.randint(1998, 2021)
        answer["alcohol_percentage"] = float(row["ABV"])
        answer["bottle_size_ml"] = 750
        variant = ["clean", "tilted", "noisy"][index % 3]
        lines = [row["WineryName"], row["WineName"], str(answer["vintage"]), row["RegionName"],
                 f"Product of {row['Country']}", f"{float(row['ABV']):.1f}% vol          750 ml"]
        if "grape_variety" in answer:
            lines.insert(2, answer["grape_variety"])
        path = os.path.join(out_dir, f"rendered-{wine_id}-{variant}.png")
        specs.append({"path": path, "lines": lines, "variant": variant, "seed": index,
                      "result": (path, answer, wine_id)})
    script = r'''
import json, sys, random
from PIL import Image, ImageDraw, ImageFont, ImageFilter
fonts = "/usr/share/fonts/truetype/dejavu/"
for spec in json.load(sys.stdin):
    rng = random.Random(spec["seed"])
    image = Image.new("RGB", (1000, 1300), (243, 236, 220))
    draw = ImageDraw.Draw(image)
    y = 120
    for number, line in enumerate(spec["lines"]):
        size = 64 if number == 1 else 46 if number == 0 else 38
        face = "DejaVuSerif-Bold.ttf" if number < 2 else "DejaVuSerif.ttf"
        font = ImageFont.truetype(fonts + face, size)
        width = draw.textlength(line, font=font)
        draw.text(((1000 - width) / 2, y), line, fill=(40, 30, 30), font=font)
        y += size + 70
    draw.rectangle((40, 40, 960, 1260), outline=(120, 90, 60), width=6)
    if spec["variant"] == "tilted":
        image = image.rotate(rng.choice([-7, 6, 90]), expand=True, fillcolor=(90, 60, 50))
    if spec["variant"] == "noisy":
        image = image.filter(ImageFilter.GaussianBlur(1.6))
        pixels = image.load()
        for _ in range(60000):
            x, y = rng.randrange(image.width), rng.randrange(image.height)
            shade = rng.randrange(0, 255)
            pixels[x, y] = (shade, shade, shade)
        image = image.resize((700, 910))
    image.save(spec["path"])
'''
    drawn = [{key: spec[key] for key in ("path", "lines", "variant", "seed")} for spec in specs]
    subprocess.run([python, "-c", script], input=json.dumps(drawn), text=True, check=True)
    return [spec["result"] for spec in specs]


def evaluate(server, items, show_misses):
    """items: (path, answers, xwines id or None). Returns the figures of the set."""
    correct = {field: 0 for field in FIELDS}
    asked = {field: 0 for field in FIELDS}
    top1 = top5 = identifiable = 0
    times, methods, misses = [], {}, []
    for path, answers, wine_id in items:
        with open(path, "rb") as image:
            result, elapsed = server.scan(image.read(), os.path.basename(path))
        times.append(elapsed)
        methods[result.get("method")] = methods.get(result.get("method"), 0) + 1
        parsed = result.get("parsed", {})
        for field, answer in answers.items():
            asked[field] += 1
            if matches(field, parsed.get(field), answer):
                correct[field] += 1
            elif show_misses:
                misses.append(f"{os.path.basename(path)}: {field} = {parsed.get(field)!r}, expected {answer!r}")
        if wine_id is not None:
            identifiable += 1
            ids = [str(candidate.get("id")) for candidate in result.get("candidates", [])]
            top1 += ids[:1] == [str(wine_id)]
            top5 += str(wine_id) in ids[:5]
            if show_misses and str(wine_id) not in ids[:1]:
                text = " ".join((result.get("ocr", {}).get("front_label_text") or "").split())[:120]
                misses.append(f"{os.path.basename(path)}: top-1 {ids[:1]} (answer at "
                              f"{ids.index(str(wine_id)) + 1 if str(wine_id) in ids else '-'}); OCR: {text}")
    return {"count": len(items), "correct": correct, "asked": asked, "top1": top1, "top5": top5,
            "identifiable": identifiable, "times": times, "methods": methods, "misses": misses}


def percent(part, whole):
    return f"{100 * part / whole:.0f}% ({part}/{whole})" if whole else "—"


def report(sets, elapsed, binary):
    build = "release build" if "/release/" in str(binary) else f"the binary {binary}"
    lines = [f"Measured by `make eval-labels` on {time.strftime('%Y-%m-%d')}: {os.cpu_count()} cores, offline pipeline "
             f"(no Claude key), {build}; times are per photo as the client saw them, one photo at a time "
             f"(the whole run took {elapsed:.0f} s).", ""]
    header = "| Field | " + " | ".join(name for name, _ in sets) + " |"
    lines += [header, "| --- |" + " --- |" * len(sets)]
    for field in FIELDS:
        cells = [percent(figures["correct"][field], figures["asked"][field]) for _, figures in sets]
        if any(cell != "—" for cell in cells):
            lines.append(f"| {field} | " + " | ".join(cells) + " |")
    lines.append("| **identified, top-1** | " + " | ".join(
        percent(f["top1"], f["identifiable"]) for _, f in sets) + " |")
    lines.append("| **identified, top-5** | " + " | ".join(
        percent(f["top5"], f["identifiable"]) for _, f in sets) + " |")
    lines.append("| time per photo, median | " + " | ".join(
        f"{statistics.median(f['times']):.2f} s" for _, f in sets) + " |")
    lines.append("| time per photo, p90 | " + " | ".join(
        f"{sorted(f['times'])[max(0, int(len(f['times']) * 0.9) - 1)]:.2f} s" for _, f in sets) + " |")
    lines.append("| method | " + " | ".join(
        ", ".join(f"{m} ×{n}" for m, n in sorted(f["methods"].items(), key=str)) for _, f in sets) + " |")
    return "\n".join(lines)


def write_report(table):
    path = os.path.join(ROOT, "docs", "label-reading.md")
    with open(path, encoding="utf-8") as file:
        text = file.read()
    start, end = text.find(BEGIN_MARKER), text.find(END_MARKER)
    if start < 0 or end < start:
        raise SystemExit(f"{path} has no {BEGIN_MARKER} … {END_MARKER} block")
    text = text[:start + len(BEGIN_MARKER)] + "\n" + table + "\n" + text[end:]
    with open(path, "w", encoding="utf-8") as file:
        file.write(text)
    print(f"Wrote {path}")


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--binary", default=os.path.join(ROOT, ".build", "release", "winebox"))
    parser.add_argument("--write", action="store_true", help="rewrite the figures in docs/label-reading.md")
    parser.add_argument("--show-misses", action="store_true", help="list every wrong field and identification")
    parser.add_argument("--rendered", type=int, default=24, help="rendered labels (default 24)")
    options = parser.parse_args()

    began = time.perf_counter()
    data = shared_data.find()
    if data is None:
        raise SystemExit("shared test data not found; set WINEBOX_SHARED_DATA")
    data = str(data)
    xwines_csv = os.path.join(data, "xwines", "XWines_Test_100_wines.csv")
    reference = reference_wines(xwines_csv)
    photos_dir = os.path.join(data, "xwines", "photos")
    photo_ids = sorted(name.split(".")[0] for name in os.listdir(photos_dir) if name.endswith(".jpeg"))
    python = ensure_pillow()
    with tempfile.TemporaryDirectory(prefix="winebox-eval-") as work:
        server = Server(options.binary, work, xwines_csv)
        try:
            photos = [(os.path.join(photos_dir, f"{wine_id}.jpeg"), xwines_answers(reference[wine_id]), wine_id)
                      for wine_id in photo_ids]
            labels = [(os.path.join(data, "labels", name), answers, None) for name, answers in LABEL_ANSWERS.items()]
            rendered = render_labels(python, reference, set(photo_ids), work, options.rendered)
            sets = [("X-Wines photos", evaluate(server, photos, options.show_misses)),
                    ("label photos", evaluate(server, labels, options.show_misses)),
                    ("rendered labels", evaluate(server, rendered, options.show_misses))]
        finally:
            server.stop()
    table = report(sets, time.perf_counter() - began, options.binary)
    print(table)
    for name, figures in sets:
        for miss in figures["misses"]:
            print(f"  {name}: {miss}")
    if options.write:
        write_report(table)


if __name__ == "__main__":
    main()
