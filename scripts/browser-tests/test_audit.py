"""Every screen at phone and desktop width: an axe-core audit (no serious or critical violation), and, with
SCREENSHOT_DIR set (`make screenshots`), a full-page screenshot of each."""

import base64
import importlib.util
import os
from pathlib import Path

import pytest
from axe_selenium_python import Axe

from browser import DESKTOP, PHONE
from conftest import ADMIN_EMAIL, ADMIN_PASSWORD, TOKEN_KEY, shared_file

# axe-core 4.12.1, from the axe-playwright-python wheel (requirements-no-deps.txt): axe-selenium-python's own copy
# is axe-core 3.1, which misses years of rules.
AXE_SCRIPT = Path(importlib.util.find_spec("axe_playwright_python").submodule_search_locations[0]) / "axe.min.js"

SIGNED_OUT = ["signin", "register", "forgot", "reset-password?token=example", "verify?token=example",
              "setup?token=example", "accept-invitation?token=example"]
SIGNED_IN = ["dashboard", "cellar", "cellar?view=table", "wine", "add", "history", "settings", "admin"]
WIDTHS = {"phone": PHONE, "desktop": DESKTOP}


@pytest.fixture(scope="module")
def sample_wine(server, admin_token):
    """A small, varied cellar so every screen has something to show."""
    wines = [
        {"name": "Château Margaux", "winery": "Château Margaux", "vintage": 2010, "wine_type": "red",
         "country": "France", "region": "Bordeaux", "grape_variety": "Cabernet Sauvignon", "quantity": 6,
         "case_size": 6, "price_per_bottle": 450, "currency": "EUR", "location": "Cellar", "bin": "A1",
         "drink_window_start": 2020, "drink_window_end": 2045, "source": "Merchant"},
        {"name": "Cloudy Bay Sauvignon Blanc", "winery": "Cloudy Bay", "vintage": 2022, "wine_type": "white",
         "country": "New Zealand", "region": "Marlborough", "grape_variety": "Sauvignon Blanc", "quantity": 4,
         "price_per_bottle": 28, "currency": "EUR", "location": "Fridge"},
        {"name": "Taylor's Vintage Port", "winery": "Taylor's", "vintage": 1994, "wine_type": "fortified",
         "country": "Portugal", "region": "Douro", "grape_variety": "Touriga Nacional", "quantity": 2,
         "location": "Cellar", "drink_window_start": 2005, "drink_window_end": 2020},
        {"name": "Billecart-Salmon Brut Rosé", "winery": "Billecart-Salmon", "wine_type": "sparkling",
         "country": "France", "region": "Champagne", "grape_variety": "Pinot Noir", "quantity": 3},
    ]
    created = [server.api("POST", "/api/wines/checkin", wine, token=admin_token) for wine in wines]
    server.api("POST", f"/api/wines/{created[0]['id']}/checkout",
               {"quantity": 1, "rating": 95, "tasting_notes": "Cassis, cedar, a long finish"}, token=admin_token)
    server.api("POST", f"/api/wines/{created[0]['id']}/scores", {"source": "A guide", "score": 97}, token=admin_token)
    return created[0]


def audit(page, name):
    axe = Axe(page.driver, script_url=str(AXE_SCRIPT))
    axe.inject()
    results = axe.run()
    assert results["testEngine"]["version"] == "4.12.1", results["testEngine"]
    bad = [v for v in results["violations"] if v["impact"] in ("serious", "critical")]
    summary = [f"{v['id']} ({v['impact']}): {v['help']} — {[n['target'] for n in v['nodes']][:5]}" for v in bad]
    assert not bad, f"{name}: " + "\n".join(summary)


def assert_fits(page, name):
    """Nothing sticks out sideways: the page never scrolls horizontally (tables scroll inside their own box)."""
    widths = page.driver.execute_script(
        "return [document.documentElement.scrollWidth, document.documentElement.clientWidth]")
    assert widths[0] <= widths[1], f"{name}: the page is {widths[0]} px wide in a {widths[1]} px window"


def screenshot(page, name):
    folder = os.environ.get("SCREENSHOT_DIR")
    if not folder:
        return
    Path(folder).mkdir(parents=True, exist_ok=True)
    metrics = page.driver.execute_cdp_cmd("Page.getLayoutMetrics", {})
    # The whole window's width: captured beyond the viewport, the page lays out without a vertical scrollbar.
    width = page.driver.execute_script("return window.innerWidth")
    height = min(metrics["cssContentSize"]["height"], 4000)
    shot = page.driver.execute_cdp_cmd("Page.captureScreenshot", {
        "captureBeyondViewport": True, "clip": {"x": 0, "y": 0, "width": width, "height": height, "scale": 1}})
    (Path(folder) / f"{name}.png").write_bytes(base64.b64decode(shot["data"]))


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("route", SIGNED_OUT)
def test_signed_out_screen_is_accessible(browser, route, width):
    browser.set_size(WIDTHS[width])
    browser.open(route)
    browser.find(".auth-card h1")
    browser.wait_for_route("#" + route.split("?")[0])
    if route.startswith("verify"):
        browser.wait_for_text(".notice", "did not work")
    audit(browser, route)
    assert_fits(browser, route)
    screenshot(browser, f"{route.split('?')[0]}-{width}")


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("route", SIGNED_IN)
def test_signed_in_screen_is_accessible(signed_in, sample_wine, route, width):
    page = signed_in
    page.set_size(WIDTHS[width])
    target = f"wine/{sample_wine['id']}" if route == "wine" else route
    page.open(target)
    page.wait_for_route("#" + target.split("?")[0])
    page.find("main h1")
    if route.startswith("cellar"):
        page.find(".result-count")
    audit(page, route)
    assert_fits(page, route)
    screenshot(page, f"{route.replace('?view=', '-')}-{width}")


@pytest.mark.parametrize("route", SIGNED_OUT[:1] + SIGNED_IN)
def test_dark_theme_screen_is_accessible(browser, server, sample_wine, route):
    """The dark theme has colours of its own, so its contrast is audited too (at desktop width)."""
    page = browser
    page.open("signin")
    page.driver.execute_script("localStorage.setItem('winebox.theme', 'dark')")
    if route in SIGNED_IN:
        token = server.sign_in(ADMIN_EMAIL, ADMIN_PASSWORD)
        page.driver.execute_script("sessionStorage.setItem(arguments[0], arguments[1])", TOKEN_KEY, token)
    target = f"wine/{sample_wine['id']}" if route == "wine" else route
    page.open(target)
    page.driver.refresh()  # only the hash changed: load the app again, so it starts in the stored theme
    page.wait_for_route("#" + target.split("?")[0])
    page.find("main h1" if route in SIGNED_IN else ".auth-card h1")
    assert page.driver.execute_script("return document.documentElement.dataset.theme") == "dark"
    if route.startswith("cellar"):
        page.find(".result-count")
    audit(page, f"{route} (dark)")
    screenshot(page, f"{route.replace('?view=', '-')}-dark-desktop")


@pytest.mark.parametrize("width", WIDTHS)
def test_a_read_label_is_accessible(signed_in, width):
    """Add a wine after a real label reading: the filled fields' notes, the candidates and the text read."""
    page = signed_in
    page.set_size(WIDTHS[width])
    page.open("add")
    page.find("#photo-front").send_keys(str(shared_file("xwines/photos/118927.jpeg")))
    page.wait_for_text("[role=status]", "(offline reading)", timeout=30)
    page.click(".label-text summary")
    audit(page, "add after a reading")
    assert_fits(page, "add after a reading")
    screenshot(page, f"add-read-{width}")


def test_dialogs_are_accessible(signed_in, sample_wine):
    page = signed_in
    page.open(f"wine/{sample_wine['id']}")
    page.click("button.checkout")
    page.find("dialog input[name=quantity]")
    audit(page, "check-out dialog")
    screenshot(page, "checkout-desktop")
