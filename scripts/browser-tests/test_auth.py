"""Accounts in the browser: first run, sign-in, sign-out, session expiry, registration, verification, reset."""

import re

import pytest

from browser import Browser
from conftest import ADMIN_EMAIL, ADMIN_PASSWORD, TOKEN_KEY
from winebox_server import APIError, WineBoxServer


@pytest.mark.smoke
def test_the_harness_catches_a_csp_violation(browser):
    """A style attribute set from script is refused by the CSP; the harness must see that, or it checks nothing."""
    browser.open("signin")
    browser.find("input[name=email]")
    colour = browser.driver.execute_script(
        "const p = document.createElement('p'); document.body.append(p);"
        "p.setAttribute('style', 'color: rgb(1, 2, 3)'); return getComputedStyle(p).color")
    assert colour != "rgb(1, 2, 3)", "the CSP let an inline style attribute through"
    browser.wait_for(lambda: browser.driver.execute_script("return window.__cspViolations.length") > 0)
    browser.collect_faults()
    assert any("style-src" in fault for fault in browser.faults), browser.faults
    browser.faults.clear()


@pytest.mark.smoke
def test_the_harness_catches_an_uncaught_javascript_error(browser):
    browser.open("signin")
    browser.find("input[name=email]")
    browser.driver.execute_script("setTimeout(() => { throw new Error('harness probe 7431'); }, 0)")
    browser.wait_for(lambda: browser.collect_faults() or any("harness probe 7431" in f for f in browser.faults),
                     message="the uncaught error was not reported")
    browser.faults.clear()


@pytest.mark.smoke
def test_first_run_setup_link_creates_the_admin_and_signs_in(driver):
    fresh = WineBoxServer().start()
    try:
        page = Browser(driver, fresh.url)
        page.reset()
        link = fresh.setup_link()
        assert "#setup?token=" in link
        driver.get(link)
        page.fill("input[name=full_name]", "Ada Cellar")
        page.submit_sign_in("ada@example.com", "tannin harbour 77")
        page.wait_for_route("#dashboard")
        page.find(".stat[data-stat=bottles]")
        assert page.find("a[data-nav=admin]").is_displayed()
        assert fresh.sign_in("ada@example.com", "tannin harbour 77")
        page.collect_faults()
        assert not page.faults, page.faults
    finally:
        fresh.stop()


@pytest.mark.smoke
def test_sign_in_with_a_wrong_password_shows_the_servers_error_then_signs_in(browser):
    browser.open()
    browser.wait_for_route("#signin")
    browser.submit_sign_in(ADMIN_EMAIL, "not the password")
    browser.toast("Invalid email or password")
    browser.fill("input[name=password]", ADMIN_PASSWORD)
    browser.click("button[type=submit]")
    browser.wait_for_route("#dashboard")
    browser.find(".stat[data-stat=bottles]")


@pytest.mark.smoke
def test_sign_out_revokes_the_token_on_the_server(signed_in, server):
    signed_in.open("dashboard")
    signed_in.find(".stat[data-stat=bottles]")
    token = signed_in.driver.execute_script("return sessionStorage.getItem(arguments[0])", TOKEN_KEY)
    signed_in.set_size((360, 780))
    signed_in.click(".menu-toggle")
    signed_in.click(".sign-out")
    signed_in.wait_for_route("#signin")
    signed_in.toast("signed out")
    assert signed_in.driver.execute_script("return sessionStorage.getItem(arguments[0])", TOKEN_KEY) is None
    with pytest.raises(APIError) as refused:
        server.api("GET", "/api/auth/me", token=token)
    assert refused.value.status == 401


def test_an_ended_session_returns_to_sign_in_and_then_to_the_same_screen(signed_in, server):
    signed_in.open("dashboard")
    signed_in.find(".stat[data-stat=bottles]")
    server.api("POST", "/api/auth/logout", token=signed_in.token)  # the session ends elsewhere
    signed_in.go("#history?transaction_type=CHECK_IN")
    signed_in.wait_for_route("#signin")
    signed_in.find(".notice")
    signed_in.submit_sign_in(ADMIN_EMAIL, ADMIN_PASSWORD)
    signed_in.wait_for_route("#history?transaction_type=CHECK_IN")


def test_a_deep_link_while_signed_out_comes_back_after_sign_in(browser):
    browser.open("history")
    browser.wait_for_route("#signin")
    browser.submit_sign_in(ADMIN_EMAIL, ADMIN_PASSWORD)
    browser.wait_for_route("#history")


def test_registration_with_the_mailed_verification_link(driver):
    open_server = WineBoxServer(environment={"WINEBOX_AUTH_REGISTRATION_ENABLED": "true"})
    open_server.add_user(ADMIN_EMAIL, ADMIN_PASSWORD, admin=True)
    open_server.start()
    try:
        page = Browser(driver, open_server.url)
        page.reset()
        page.open("signin")
        page.click("a[href='#register']")
        page.fill("input[name=full_name]", "Bea Bottle")
        page.fill("input[name=email]", "bea@example.com")
        page.fill("input[name=password]", "velvet orchard 19")
        page.fill("input[name=confirm]", "velvet orchard 19")
        page.click("button[type=submit]")
        page.wait_for_text(".notice", "confirm the address")
        mail = open_server.wait_for_mail("/verify?token=")
        link = re.search(r"https?://\S+/verify\?token=\S+", mail).group(0)
        driver.get(link)  # the server redirects to /#verify?token=…
        page.wait_for_route("#verify")
        page.wait_for_text(".notice", "confirmed")
        page.click("a[href='#signin']")
        page.submit_sign_in("bea@example.com", "velvet orchard 19")
        page.wait_for_route("#dashboard")
        page.collect_faults()
        assert not page.faults, page.faults
    finally:
        open_server.stop()


def test_forgot_and_reset_password_with_the_mailed_link(browser, server):
    server.add_user("cas@example.com", "pebble lantern 23")
    browser.open("signin")
    browser.click("a[href='#forgot']")
    browser.fill("input[name=email]", "cas@example.com")
    browser.click("button[type=submit]")
    browser.wait_for_text(".notice", "on its way")
    mail = server.wait_for_mail("/reset-password?token=")
    link = re.search(r"https?://\S+/reset-password\?token=\S+", mail).group(0)
    browser.driver.get(link)
    browser.wait_for_route("#reset-password")
    browser.fill("input[name=new_password]", "harvest compass 64")
    browser.fill("input[name=confirm]", "harvest compass 64")
    browser.click("button[type=submit]")
    browser.wait_for_route("#signin")
    assert server.sign_in("cas@example.com", "harvest compass 64")
