"""Dashboard, history, settings and administration in the browser."""

import re
from datetime import date, timedelta

import pytest
from selenium.webdriver.support.ui import Select

from browser import PHONE
from conftest import ADMIN_PASSWORD


def test_dashboard_counts_and_charts_follow_the_cellar(signed_in, server):
    before = server.api("GET", "/api/cellar/summary", token=signed_in.token)
    server.api("POST", "/api/wines/checkin", {"name": "Dashboard Douro", "country": "Portugal", "wine_type": "red",
                                              "vintage": 2011, "quantity": 6, "price_per_bottle": 20, "currency": "EUR",
                                              "drink_window_start": 2015, "drink_window_end": 2020},
               token=signed_in.token)
    page = signed_in
    page.open("dashboard")
    bottles = before["total_bottles"] + 6
    page.wait_for(lambda: page.find(".stat[data-stat=bottles] .stat-value").text.replace(",", "") == str(bottles),
                  message="the bottle count is wrong")
    past = before["drinking_window"]["past_window"]["bottles"] + 6
    assert page.find(".stat[data-stat=past] .stat-value").text.replace(",", "") == str(past)
    assert "€" in page.find(".stat[data-stat=value] .stat-value").text
    labels = page.driver.execute_script(
        "return [...document.querySelectorAll('.chart svg[role=img]')].map(s => s.getAttribute('aria-label'))")
    assert any("Portugal" in label for label in labels), labels
    assert any("2011" in label for label in labels), labels
    # The charts' tables are for screen readers only: nothing of them may show (Firefox drew their captions).
    shown = page.driver.execute_script("""
        return [...document.querySelectorAll('.chart caption, .chart th')].filter((element) => {
            const box = element.getBoundingClientRect();
            const hit = document.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2);
            return box.width > 1 && hit !== null && element.contains(hit);
        }).map((element) => element.textContent)""")
    assert not shown, f"screen-reader tables are visible: {shown}"
    page.wait_for_text(".timeline li", "Dashboard Douro")


def test_history_filters_by_type_and_reason(signed_in, server):
    wine = server.api("POST", "/api/wines/checkin", {"name": "History Gift Wine", "quantity": 2}, token=signed_in.token)
    server.api("POST", f"/api/wines/{wine['id']}/checkout",
               {"removal_reason": "GIFT", "gift_recipient": "Aunt Rosa"}, token=signed_in.token)
    page = signed_in
    page.open("history")
    page.wait_for_text(".timeline li", "History Gift Wine")
    Select(page.find("select[name=removal_reason]")).select_by_value("GIFT")
    page.wait_for_route("#history?removal_reason=GIFT")
    page.wait_for_text(".timeline li", "Gifted to Aunt Rosa")
    assert all("Gifted" in row.text for row in page.find_all(".timeline li"))
    Select(page.find("select[name=removal_reason]")).select_by_value("")
    Select(page.find("select[name=transaction_type]")).select_by_value("CHECK_IN")
    page.wait_for_route("#history?transaction_type=CHECK_IN")
    page.wait_for(lambda: all("Added" in row.text for row in page.find_all(".timeline li")),
                  message="rows other than check-ins are shown")


def test_history_filters_by_member_and_date(signed_in, server):
    server.add_user("gus@example.com", "harbour violet 52")
    gus = server.sign_in("gus@example.com", "harbour violet 52")
    server.api("POST", "/api/wines/checkin", {"name": "Gus Brought This", "quantity": 1}, token=gus)
    server.api("POST", "/api/wines/checkin", {"name": "Admin Brought This", "quantity": 1}, token=signed_in.token)
    gus_id = server.api("GET", "/api/auth/me", token=gus)["id"]
    page = signed_in
    page.open("history")
    page.wait_for_text(".timeline li", "Admin Brought This")
    Select(page.find("select[name=user_id]")).select_by_value(gus_id)
    page.wait_for_route(f"#history?user_id={gus_id}")
    page.wait_for(lambda: [row.text for row in page.find_all(".timeline li")] and all(
        "Gus Brought This" in row.text for row in page.find_all(".timeline li")), message="other members' rows shown")

    tomorrow = (date.today() + timedelta(days=2)).isoformat()
    page.open(f"history?from={tomorrow}")
    page.wait_for_route("#history?from=")
    page.wait_for_text(".empty", "No")
    assert not page.find_all(".timeline li")


def test_settings_profile_password_and_theme(browser, server):
    server.add_user("dee@example.com", "lantern valley 35")
    browser.open("signin")
    browser.submit_sign_in("dee@example.com", "lantern valley 35")
    browser.wait_for_route("#dashboard")
    browser.click("a[data-nav=settings]")
    browser.fill("input[name=full_name]", "Dee Decanter")
    browser.click("form.profile button[type=submit]")
    browser.toast("Profile saved")
    browser.fill("input[name=current_password]", "lantern valley 35")
    browser.fill("input[name=new_password]", "quiet barrel 58")
    browser.fill("input[name=confirm]", "quiet barrel 58")
    browser.click("form.password button[type=submit]")
    browser.toast("Password changed")
    token = server.sign_in("dee@example.com", "quiet barrel 58")
    assert server.api("GET", "/api/auth/me", token=token)["full_name"] == "Dee Decanter"
    browser.go("#history")  # the fresh token from the change keeps this session going
    browser.find("form.filters")
    browser.go("#settings")
    browser.click("label[for=theme-dark]")
    assert browser.driver.execute_script("return document.documentElement.dataset.theme") == "dark"
    background = browser.driver.execute_script("return getComputedStyle(document.body).backgroundColor")
    assert background == "rgb(20, 16, 20)", background
    browser.open("dashboard")
    assert browser.driver.execute_script("return document.documentElement.dataset.theme") == "dark"


def test_admin_creates_promotes_disables_and_removes_a_member(signed_in, server):
    page = signed_in
    page.open("admin")
    page.fill("form[aria-label='Add a member'] input[name=email]", "eve@example.com")
    page.fill("form[aria-label='Add a member'] input[name=password]", "saffron ledger 47")
    page.click("form[aria-label='Add a member'] button[type=submit]")
    page.toast("eve@example.com can sign in now")
    page.click("tr[data-user='eve@example.com'] button[aria-label='Make admin eve@example.com']")
    page.wait_for_text("tr[data-user='eve@example.com']", "Admin")
    page.click("tr[data-user='eve@example.com'] button[aria-label='Disable eve@example.com']")
    page.wait_for_text("tr[data-user='eve@example.com']", "Disabled")
    users = {u["email"]: u for u in server.api("GET", "/api/admin/users", token=page.token)["items"]}
    assert users["eve@example.com"]["is_admin"] and not users["eve@example.com"]["is_active"]
    page.wait_for_text("table.audit td", "user disabled")
    page.click("tr[data-user='eve@example.com'] button[aria-label='Remove eve@example.com']")
    page.click("dialog button[value=ok]")
    page.toast("eve@example.com was removed")
    page.wait_for(lambda: not page.find_all("tr[data-user='eve@example.com']"), message="the row stayed")

    page.set_size(PHONE)  # on a phone the members fit without scrolling sideways: role and status join the name
    page.wait_for_text("[aria-label=Members] tr[data-user] .phone-only", "Admin · Active")
    widths = page.driver.execute_script(
        "const box = document.querySelector('[aria-label=Members]'); return [box.scrollWidth, box.clientWidth]")
    assert widths[0] <= widths[1], f"the members table is {widths[0]} px wide in {widths[1]} px"


def test_an_invited_member_chooses_a_password_from_the_mailed_link(signed_in, server):
    page = signed_in
    page.open("admin")
    page.fill("form[aria-label='Invite a member'] input[name=email]", "ida@example.com")
    page.fill("form[aria-label='Invite a member'] input[name=full_name]", "Ida Grenache")
    page.click("form[aria-label='Invite a member'] button[type=submit]")
    page.toast("An invitation is on its way to ida@example.com")
    page.wait_for_text(".notice.invitation", "works once")
    shown = page.find(".notice.invitation input[name=invitation_link]").get_attribute("value")
    page.wait_for_text("tr[data-user='ida@example.com']", "Active, invited")
    mail = server.wait_for_mail("/accept-invitation?token=")
    link = re.search(r"https?://\S+/accept-invitation\?token=\S+", mail).group(0)
    assert link == shown

    page.reset()
    page.driver.get(link)  # the server redirects to /#accept-invitation?token=…
    page.wait_for_route("#accept-invitation")
    page.fill("input[name=password]", "harbour lantern 58")
    page.fill("input[name=confirm]", "harbour lantern 58")
    page.click("button[type=submit]")
    page.wait_for_route("#dashboard")
    page.toast("Your account is ready")
    assert server.sign_in("ida@example.com", "harbour lantern 58")
    page.collect_faults()
    assert not page.faults, page.faults


def test_members_do_not_see_administration(browser, server):
    server.add_user("fay@example.com", "meadow cobalt 26")
    token = server.sign_in("fay@example.com", "meadow cobalt 26")
    browser.driver.execute_script("sessionStorage.setItem('winebox.token', arguments[0])", token)
    browser.open("admin")
    browser.wait_for_text(".notice", "Only administrators")
    assert not browser.find_all("a[data-nav=admin]")[0].is_displayed()
