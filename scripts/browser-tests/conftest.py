"""Fixtures: one WineBox server with an admin for the whole run, one Chromium, and a fault check after each test."""

import os
from pathlib import Path

import pytest

from browser import Browser, make_driver
from winebox_server import WineBoxServer

ADMIN_EMAIL = "admin@example.com"
ADMIN_PASSWORD = "corkscrew meadow 81"
TOKEN_KEY = "winebox.token"


def find_shared_data() -> Path:
    """The project's shared test data, found as the Swift tests find it: WINEBOX_SHARED_DATA, else shared/data
    beside the checkout or beside any folder above it (as CI lays it out), else /work/shared/data."""
    if os.environ.get("WINEBOX_SHARED_DATA"):
        return Path(os.environ["WINEBOX_SHARED_DATA"])
    for folder in Path(__file__).resolve().parents[2:]:
        if (folder.parent / "shared" / "data").is_dir():
            return folder.parent / "shared" / "data"
    return Path("/work/shared/data")


SHARED_DATA = find_shared_data()


def shared_file(relative: str) -> Path:
    """A file of the project's shared test data (see ``find_shared_data``)."""
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
