"""Fixtures: one WineBox server with an admin for the whole run, one browser (Chromium or Firefox, see browser.py),
and a fault check after each test."""

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
import shared_data  # noqa: E402  (scripts/shared_data.py, one folder up)

from browser import Browser, make_driver
from winebox_server import WineBoxServer

ADMIN_EMAIL = "admin@example.com"
ADMIN_PASSWORD = "corkscrew meadow 81"
TOKEN_KEY = "winebox.token"


SHARED_DATA = shared_data.find() or Path("/work/shared/data")


def shared_file(relative: str) -> Path:
    """A file of the project's shared test data (see scripts/shared_data.py)."""
    path = SHARED_DATA / relative
    assert path.exists(), f"{path} is missing: set WINEBOX_SHARED_DATA or put shared/data beside the checkout"
    return path


@pytest.fixture(scope="session")
def server():
    instance = WineBoxServer()
    instance.add_user(ADMIN_EMAIL, ADMIN_PASSWORD, admin=True)
    instance.cli("xwines", "import", str(shared_file("xwines/XWines_Test_100_wines.csv")))
    instance.start()
    yield instance
    instance.stop()


@pytest.fixture(scope="session")
def admin_token(server):
    return server.sign_in(ADMIN_EMAIL, ADMIN_PASSWORD)


@pytest.fixture(scope="session")
def driver():
    instance = make_driver()
    yield instance
    instance.quit()


@pytest.fixture
def browser(driver, server):
    """A signed-out browser on `server`; the test fails on any console error or CSP violation it caused."""
    page = Browser(driver, server.url)
    page.reset()
    yield page
    page.collect_faults()
    assert not page.faults, "faults in the browser:\n" + "\n".join(page.faults)


@pytest.fixture
def signed_in(browser, server):
    """The browser signed in as the admin (a fresh session token, as the sign-in screen would store it)."""
    token = server.sign_in(ADMIN_EMAIL, ADMIN_PASSWORD)
    browser.driver.execute_script("sessionStorage.setItem(arguments[0], arguments[1])", TOKEN_KEY, token)
    browser.token = token
    return browser
