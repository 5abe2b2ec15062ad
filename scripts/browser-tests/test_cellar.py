"""The cellar in the browser: check-in with a label photo, search as you type, detail, edit, move, check-out,
delete, and the X-Wines autocomplete."""

import pytest
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import Select

from browser import PHONE
from conftest import shared_file


def check_in(server, token, **fields):
    body = {"quantity": 3, **fields}
    return server.api("POST", "/api/wines/checkin", body, token=token)


@pytest.mark.smoke
def test_check_in_with_a_label_photo_then_search_and_check_out(signed_in, server):
    page = signed_in
    page.open("add")
    page.find("#photo-front").send_keys(str(shared_file("labels/jo-pithon-clos-des-bois-1994.jpg")))
    page.fill("#wine-name", "Clos des Bois Sélection de Grains Nobles")
    page.fill("input[name=winery]", "Jo Pithon")
    page.fill("input[name=vintage]", "1994")
    Select(page.find("select[name=wine_type]")).select_by_value("dessert")
    page.fill("input[name=country]", "France")
    page.fill("input[name=region]", "Loire")
    page.fill("input[name=quantity]", "4")
    page.fill("input[name=price_per_bottle]", "45.50")
    page.fill("input[name=location]", "Rack A")
    wine_id = page.save_new_wine("Jo Pithon", "Clos des Bois")
    page.wait_for_text(".stock", "4 bottles")
    stored = server.api("GET", f"/api/wines/{wine_id}", token=page.token)
    assert stored["front_label_image_url"], "the photo was not stored"
    assert stored["lots"][0]["location"] == "Rack A"
    page.wait_for(lambda: page.driver.execute_script(
        "const i = document.querySelector('.labels img'); return i && i.complete && i.naturalWidth > 0"),
        message="the label thumbnail did not load")
    page.click(".labels button")  # zoom: the full photo in a dialog
    page.wait_for(lambda: page.driver.execute_script(
        "const i = document.querySelector('dialog .zoomed img'); return i && i.complete && i.naturalWidth > 100"),
        message="the zoomed label did not load")
    page.click("dialog .icon-button")

    # Search as you type finds it by an accent-free word, and not the other wine.
    check_in(server, page.token, name="Decoy Selection Rouge", winery="Other House")
    page.click("a[href='#cellar']")
    page.wait_for_text(".result-count", "wines")
    page.find("#cellar-search").send_keys("selection pithon")
    page.wait_for(lambda: "q=selection" in page.hash(), message="the search did not reach the address")
    page.wait_for_text(".result-count", "1 wine")
    assert [card.text.splitlines()[0] for card in page.find_all(".wine-card h2")] == [
        "Clos des Bois Sélection de Grains Nobles"]
    page.click(".wine-card h2 a")

    # Check out two bottles with a rating and a tasting note.
    page.click("button.checkout")
    page.fill("dialog input[name=quantity]", "2")
    page.fill("dialog input[name=rating]", "93")
    page.fill("dialog textarea[name=tasting_notes]", "Honeyed quince")
    page.click("dialog button[type=submit]")
    page.toast("Checked out")
    page.wait_for_text(".stock", "2 bottles")
    page.click("#tab-history")
    page.wait_for_text(".timeline li", "Honeyed quince")
    out = server.api("GET", f"/api/transactions?wine_id={wine_id}&transaction_type=CHECK_OUT", token=page.token)
    assert [(row["quantity"], row["rating"], row["removal_reason"]) for row in out] == [(2, 93, "DRINK")]


def test_edit_move_and_delete_a_wine(signed_in, server):
    wine = check_in(server, signed_in.token, name="Edit Me Rouge", vintage=2015, location="Hall")
    page = signed_in
    page.open(f"wine/{wine['id']}")
    page.click("button.edit")
    page.fill("dialog input[name=winery]", "Domaine Test")
    page.fill("dialog input[name=drink_window_end]", "2030")
    page.fill("dialog textarea[name=custom_fields]", "Shelf: top")
    page.click("dialog button[type=submit]")
    page.toast("Changes saved")
    page.wait_for_text("dl.facts", "Domaine Test")
    stored = server.api("GET", f"/api/wines/{wine['id']}", token=page.token)
    assert (stored["drink_window_end"], stored["custom_fields"]) == (2030, {"Shelf": "top"})
    page.click("button.edit")  # the editor shows them as lines, and emptying it removes them
    assert page.find("dialog textarea[name=custom_fields]").get_attribute("value") == "Shelf: top"
    page.fill("dialog textarea[name=custom_fields]", "")
    page.click("dialog button[type=submit]")
    page.toast("Changes saved")
    page.wait_for(lambda: server.api("GET", f"/api/wines/{wine['id']}", token=page.token)["custom_fields"] is None,
                  message="the custom fields were not removed")

    page.click("button.move-lot")
    page.fill("dialog input[name=quantity]", "1")
    page.fill("dialog input[name=location]", "Cellar")
    page.click("dialog button[type=submit]")
    page.toast("Bottles moved")
    page.wait_for_text("td", "Cellar")
    places = sorted(lot["location"] for lot in server.api("GET", f"/api/wines/{wine['id']}/lots", token=page.token)["items"])
    assert places == ["Cellar", "Hall"]

    page.click("button.delete")
    page.click("dialog button[value=ok]")
    page.wait_for_route("#cellar")
    page.toast("Wine deleted")
    with pytest.raises(Exception):
        server.api("GET", f"/api/wines/{wine['id']}", token=page.token)


def test_more_bottles_of_a_wine_become_a_new_lot(signed_in, server):
    wine = check_in(server, signed_in.token, name="Lot Adding Rosé", location="Garage")
    page = signed_in
    page.open(f"wine/{wine['id']}")
    page.click("button.add-bottles")
    page.fill("dialog input[name=quantity]", "12")
    page.fill("dialog input[name=case_size]", "6")
    page.fill("dialog input[name=source]", "Wine fair")
    page.click("dialog button[type=submit]")
    page.toast("Bottles added as 2 lots, one per full case")
    page.wait_for_text(".stock", "15 bottles")
    lots = server.api("GET", f"/api/wines/{wine['id']}/lots", token=page.token)["items"]
    # Two full cases: a lot each, as a check-in would make them.
    assert sorted((lot["quantity"], lot["case_size"], lot["source"]) for lot in lots) == [
        (3, None, None), (6, 6, "Wine fair"), (6, 6, "Wine fair")]


def test_manual_entry_without_a_photo(signed_in, server):
    page = signed_in
    page.open("add")
    page.fill("#wine-name", "Hand Typed Riesling")
    page.fill("input[name=winery]", "Weingut Beispiel")
    page.fill("input[name=vintage]", "2019")
    Select(page.find("select[name=wine_type]")).select_by_value("white")
    page.fill("input[name=quantity]", "4")
    page.fill("input[name=price_per_bottle]", "21.50")
    page.fill("textarea[name=custom_fields]", "no colon here")
    page.click("button[type=submit]")
    page.toast("needs a name, a colon")
    page.fill("textarea[name=custom_fields]", "Gift from: Aunt Rosa\nCellar book: p. 7")
    wine_id = page.save_new_wine("Weingut Beispiel", "Hand Typed Riesling")
    page.wait_for_text(".stock", "4 bottles")
    stored = server.api("GET", f"/api/wines/{wine_id}", token=page.token)
    assert (stored["winery"], stored["vintage"], stored["wine_type"]) == ("Weingut Beispiel", 2019, "white")
    assert stored["front_label_image_url"] is None and stored["xwines_id"] is None
    assert stored["lots"][0]["price_per_bottle"] == 21.5
    assert stored["custom_fields"] == {"Gift from": "Aunt Rosa", "Cellar book": "p. 7"}
    page.wait_for_text("dl.facts", "Aunt Rosa")


def test_scores_and_blend_on_a_wine(signed_in, server):
    wine = check_in(server, signed_in.token, name="Scored Blend Red")
    page = signed_in
    page.open(f"wine/{wine['id']}")
    page.click("#tab-scores")
    page.wait_for_text("#wine-tabpanel .empty", "No scores yet")
    page.fill("input[name=source]", "A guide")
    page.fill("input[name=score]", "18")
    Select(page.find("select[name=score_type]")).select_by_value("20_point")
    page.click("form[aria-label='Add a score'] button[type=submit]")
    page.toast("Score added")
    row = page.wait_for_text("#wine-tabpanel .timeline li", "A guide: 18")
    assert "(90/100)" in row.text, row.text  # 18 of 20 on the common scale
    assert page.find("#tab-scores").get_attribute("aria-selected") == "true", "the page left the Scores tab"
    page.wait_for_text("dl.facts", "90/100")
    page.click("button[aria-label='Remove the score from A guide']")
    page.wait_for_text("#wine-tabpanel .empty", "No scores yet")
    assert server.api("GET", f"/api/wines/{wine['id']}", token=page.token)["scores"] == []

    page.click("#tab-blend")
    page.fill("input[name=blend]", "Merlot 60, Cabernet Franc 40%")
    page.click("form[aria-label=Blend] button[type=submit]")
    page.toast("Blend saved")
    page.wait_for_text("dl.facts", "Merlot 60%, Cabernet Franc 40%")
    blend = server.api("GET", f"/api/wines/{wine['id']}", token=page.token)["blend"]
    assert [(grape["grape"], grape["percentage"]) for grape in blend] == [("Merlot", 60), ("Cabernet Franc", 40)]

    page.fill("input[name=blend]", "Merlot 80, Malbec 40")
    page.click("form[aria-label=Blend] button[type=submit]")
    page.toast("add up to more than 100")  # the server's detail, and nothing changed
    blend = server.api("GET", f"/api/wines/{wine['id']}", token=page.token)["blend"]
    assert [grape["grape"] for grape in blend] == ["Merlot", "Cabernet Franc"]


def test_keyboard_focus_is_visible(signed_in):
    page = signed_in
    page.open("dashboard")
    page.find(".stat")
    page.driver.find_element("css selector", "body").send_keys(Keys.TAB)  # the skip link
    page.driver.switch_to.active_element.send_keys(Keys.TAB)  # the brand link
    outline = page.driver.execute_script(
        "const s = getComputedStyle(document.activeElement); return [s.outlineStyle, s.outlineWidth]")
    assert outline[0] == "solid" and outline[1] == "3px", outline


def test_selling_without_a_price_shows_the_servers_detail(signed_in, server):
    wine = check_in(server, signed_in.token, name="Sale Test Blanc")
    page = signed_in
    page.open(f"wine/{wine['id']}")
    page.click("button.checkout")
    Select(page.find("dialog select[name=removal_reason]")).select_by_value("SELL")
    page.driver.execute_script("document.querySelector('dialog input[name=sale_price]').removeAttribute('required')")
    page.click("dialog button[type=submit]")
    page.toast("Sale price is required")


def test_x_wines_autocomplete_fills_the_form_by_keyboard(signed_in, server):
    page = signed_in
    page.open("add")
    reference = server.api("GET", "/api/xwines/search?q=ch&limit=1", token=page.token)["results"][0]
    name = page.find("#wine-name")
    name.send_keys(reference["name"][:6])
    page.find("#name-suggestions li")
    name.send_keys(Keys.ARROW_DOWN)
    name.send_keys(Keys.ENTER)
    page.toast("Filled from X-Wines")
    assert page.find("#wine-name").get_attribute("value")
    assert page.driver.execute_script("return document.querySelector('input[name=xwines_id]').value")


def test_cellar_filters_sort_table_and_paging(signed_in, server):
    for index in range(55):
        check_in(server, signed_in.token, name=f"Paging Wine {index:02d}", country="Pagerland", region="Douro",
                 vintage=2000 + index % 10, wine_type="fortified", quantity=1)
    page = signed_in
    page.open("cellar?country=Pagerland&sort=name&order=asc")
    page.wait_for_text(".result-count", "55 wines")
    page.wait_for_text(".pager", "1–50 of 55")
    page.click(".pager button:last-child")
    page.wait_for_text(".pager", "51–55 of 55")
    page.click(".segmented button:last-child")
    page.find("table tbody tr")
    page.fill("input[name=vintage_from]", "2003")
    page.fill("input[name=vintage_to]", "2003")
    page.wait_for_text(".result-count", "6 wines")
    page.click("th button")  # sort by name, now descending
    page.wait_for_text("tbody tr:first-child td", "Paging Wine 53")
    page.set_size(PHONE)
    page.find("table tbody tr")


def test_cellar_location_combines_with_the_other_filters(signed_in, server):
    check_in(server, signed_in.token, name="Nord Red", wine_type="red", country="Placeland", location="Cave Nord")
    check_in(server, signed_in.token, name="Nord White", wine_type="white", country="Placeland", location="Cave Nord")
    check_in(server, signed_in.token, name="Sud Red", wine_type="red", country="Placeland", location="Cave Sud")
    page = signed_in
    page.open("cellar?country=Placeland&sort=name&order=asc")
    page.wait_for_text(".result-count", "3 wines")
    Select(page.find("select[name=location]")).select_by_value("Cave Nord")
    page.wait_for_text(".result-count", "2 wines")
    Select(page.find("select[name=wine_type]")).select_by_value("red")
    page.wait_for_text(".result-count", "1 wine")
    assert [card.text.splitlines()[0] for card in page.find_all(".wine-card h2")] == ["Nord Red"]
    page.fill("#cellar-search", "white")
    page.wait_for_text(".results .empty", "No wines match")
    page.wait_for(lambda: "location=Cave+Nord" in page.hash() and "wine_type=red" in page.hash(),
                  message="the filters did not reach the address")


def test_cellar_vintage_range(signed_in, server):
    for vintage in (1998, 2001, 2004, 2007, None):
        check_in(server, signed_in.token, name=f"Range Wine {vintage or 'NV'}", country="Rangeland",
                 **({"vintage": vintage} if vintage else {}))
    page = signed_in
    page.open("cellar?country=Rangeland&sort=name&order=asc")
    page.wait_for_text(".result-count", "5 wines")
    shown = lambda: [card.text.splitlines()[0] for card in page.find_all(".wine-card h2")]  # noqa: E731

    page.fill("input[name=vintage_from]", "2001")
    page.wait_for_text(".result-count", "3 wines")  # the non-vintage wine is left out of a range
    assert shown() == ["Range Wine 2001", "Range Wine 2004", "Range Wine 2007"]
    page.fill("input[name=vintage_to]", "2004")
    page.wait_for_text(".result-count", "2 wines")
    assert shown() == ["Range Wine 2001", "Range Wine 2004"]
    page.wait_for(lambda: "vintage_from=2001" in page.hash() and "vintage_to=2004" in page.hash(),
                  message="the range did not reach the address")

    page.fill("input[name=vintage_to]", "1999")
    page.wait_for_text(".results .empty", "after the last")
    page.find("input[name=vintage_from]").send_keys(Keys.CONTROL, "a", Keys.BACKSPACE)
    page.wait_for_text(".result-count", "1 wine")
    assert shown() == ["Range Wine 1998"]

    page.driver.refresh()  # the range comes back from the address
    page.wait_for_text(".result-count", "1 wine")
    assert page.find("input[name=vintage_to]").get_attribute("value") == "1999"

    page.open("cellar?country=Rangeland&vintage=2007")  # an exact vintage of an older link is a range of one year
    page.wait_for_text(".result-count", "1 wine")
    assert page.find("input[name=vintage_from]").get_attribute("value") == "2007"
    assert page.find("input[name=vintage_to]").get_attribute("value") == "2007"
