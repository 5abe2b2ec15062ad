"""make bench-web: measures the web interface and writes its section of docs/performance.md.

- Bytes shipped: every file under Public/ (HTML, CSS, JavaScript modules, icon), raw and gzip -9 compressed
  (what a compressing reverse proxy sends; WineBox itself sends files uncompressed).
- Time to interactive of the cellar with 10,000 wines (scripts/generate-cellar.py): headless Chromium loads
  `/#cellar` with a signed-in session, cold (empty cache) and warm (revalidated with ETags), and the time is
  taken when the first page of wines is on screen and the search box accepts input (`performance.now()`,
  from navigation start). Then one search as you type: from the keystroke to the new results. Median of 5 runs.

The section between the markers below is replaced; the rest of docs/performance.md (written by `make bench`,
which keeps this section) is left alone.
"""

import gzip
import statistics
import subprocess
import sys
from pathlib import Path

from browser import DESKTOP, make_driver
from winebox_server import ROOT, WineBoxServer

START = "<!-- web-ui:start -->"
END = "<!-- web-ui:end -->"
RUNS = 5
EMAIL = "bench@example.com"
PASSWORD = "measured vineyard 90"

READY = """
const done = arguments[arguments.length - 1];
const ready = () => document.querySelector('.wine-card, tbody tr[data-wine]') &&
    document.body.dataset.busy === 'false' && document.getElementById('cellar-search');
const check = () => ready() ? done(performance.now()) : requestAnimationFrame(check);
check();
"""

SEARCH = """
const done = arguments[arguments.length - 1];
const box = document.getElementById('cellar-search');
const count = document.querySelector('.result-count');
const before = count.textContent;
const started = performance.now();
box.value = arguments[0];
box.dispatchEvent(new Event('input', {bubbles: true}));
const check = () => document.querySelector('.result-count')?.textContent !== before &&
    !document.querySelector('.results[aria-busy]') ? done(performance.now() - started) : requestAnimationFrame(check);
check();
"""


def shipped_bytes() -> tuple[list[tuple[str, int, int]], int, int]:
    rows = []
    for path in sorted((ROOT / "Public").rglob("*")):
        if path.is_file():
            data = path.read_bytes()
            rows.append((str(path.relative_to(ROOT / "Public")), len(data), len(gzip.compress(data, 9))))
    return rows, sum(r[1] for r in rows), sum(r[2] for r in rows)


def measure() -> dict:
    server = WineBoxServer()
    server.add_user(EMAIL, PASSWORD, admin=True)
    subprocess.run([sys.executable, str(ROOT / "scripts/generate-cellar.py"), str(server.work / "data/winebox.sqlite3"),
                    "--email", EMAIL, "--wines", "10000"], check=True, capture_output=True)
    server.start()
    driver = make_driver()
    try:
        driver.set_window_size(*DESKTOP)
        driver.set_script_timeout(60)
        token = server.sign_in(EMAIL, PASSWORD)
        cold, warm, search = [], [], []
        for _ in range(RUNS):
            driver.execute_cdp_cmd("Network.enable", {})
            driver.execute_cdp_cmd("Network.clearBrowserCache", {})
            driver.get(server.url + "/health")
            driver.execute_script("sessionStorage.setItem('winebox.token', arguments[0])", token)
            driver.get(server.url + "/#cellar")
            cold.append(driver.execute_async_script(READY))
            driver.get(server.url + "/health")  # a new document, so the next load is a real one
            driver.get(server.url + "/#cellar")
            warm.append(driver.execute_async_script(READY))
            listed = driver.execute_script("return document.querySelector('.result-count').textContent")
            search.append(driver.execute_async_script(SEARCH, "bordeaux"))
        return {"cold": statistics.median(cold), "warm": statistics.median(warm), "search": statistics.median(search),
                "listed": listed}
    finally:
        driver.quit()
        server.stop()


# The web interface issue's budget for the app itself, compressed.
BYTES_TARGET_KB = 150


def section(timings: dict) -> str:
    rows, raw, compressed = shipped_bytes()
    lines = [START, "## Web interface", "",
             "Measured by `make bench-web` (scripts/browser-tests/measure_web.py) with headless Chromium on this "
             "machine against the debug build; 10,000 wines from scripts/generate-cellar.py; medians of "
             f"{RUNS} runs.", "",
             "| What | Figure |", "| --- | --- |",
             f"| Cellar page (\"{timings['listed']}\"), first 50 on screen and the search box usable, empty cache | {timings['cold']:.0f} ms |",
             f"| The same, files revalidated from the cache (ETags) | {timings['warm']:.0f} ms |",
             f"| Search as you type: keystroke to new results (200 ms debounce included) | {timings['search']:.0f} ms |",
             f"| Everything in Public/ (HTML, CSS, JavaScript, icon); target under {BYTES_TARGET_KB} KB compressed | "
             f"{raw / 1024:.1f} KB, {compressed / 1024:.1f} KB gzip -9"
             f"{'' if compressed / 1024 < BYTES_TARGET_KB else ' **missed**'} |",
             "", "The cellar asks the server for one page of 50 wines at a time, so its cost does not grow with the "
             "cellar. Screens are ES modules loaded on first use: the sign-in page needs app.js, api.js, dom.js, "
             "router.js and auth.js only. WineBox sends files uncompressed; a reverse proxy with gzip sends the "
             "compressed sizes.", "",
             "<details><summary>Bytes per file</summary>", "", "| File | Bytes | gzip -9 |", "| --- | ---: | ---: |"]
    lines += [f"| {name} | {size:,} | {packed:,} |" for name, size, packed in rows]
    lines += ["", "</details>", END]
    return "\n".join(lines)


def main() -> int:
    text = section(measure())
    print(text)
    document = ROOT / "docs/performance.md"
    current = document.read_text()
    if START in current and END in current:
        before, rest = current.split(START, 1)
        updated = before + text + rest.split(END, 1)[1]
    else:
        updated = current.rstrip("\n") + "\n\n" + text + "\n"
    document.write_text(updated)
    print("Wrote the web interface section of docs/performance.md")
    return 0


if __name__ == "__main__":
    sys.exit(main())
