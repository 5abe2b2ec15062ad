"""Label reading on "Add a wine": a real photo read by the server's Tesseract, the form filled from the answer,
the X-Wines candidates offered, one picked, and the wine saved with its reference."""

import pytest

from conftest import shared_file

PHOTO = "xwines/photos/118927.jpeg"  # Mongeard-Mugneret, Nuits-St-Georges Les Plateaux (X-Wines 118927)


def field_value(page, name: str) -> str:
    return page.driver.execute_script("return document.querySelector('form').elements[arguments[0]].value", name)


def filled_note(page, name: str) -> str | None:
    """The "where this value came from" line shown under a field, or None."""
    return page.driver.execute_script(
        "const note = document.querySelector('form').elements[arguments[0]].closest('.field')"
        ".querySelector('.filled-note'); return note ? note.textContent : null", name)


@pytest.mark.smoke
def test_a_label_photo_fills_the_form_and_offers_x_wines_candidates(signed_in, server):
    page = signed_in
    page.open("add")
    page.fill("input[name=region]", "Bourgogne")  # typed before the reading: the reading must keep it
    page.find("#photo-front").send_keys(str(shared_file(PHOTO)))
    page.wait_for_text("[role=status]", "fields (offline reading)", timeout=30)

    assert field_value(page, "name") == "Nuits-St-Georges Les Plateaux"
    assert field_value(page, "winery") == "Mongeard-Mugneret"
    assert field_value(page, "country") == "France"
    assert field_value(page, "wine_type") == "red"
    assert field_value(page, "region") == "Bourgogne", "the reading overwrote a field the member typed"
    assert "MONGEARD" in field_value(page, "front_label_text")
    assert filled_note(page, "appellation") == "Read from the label"
    assert filled_note(page, "grape_variety") == "From X-Wines"  # the identified wine's, not on the label
    assert filled_note(page, "region") is None
    page.click(".label-text summary")
    page.wait_for_text(".label-text pre", "MONGEARD")

    candidates = page.find_all(".candidate-list li")
    assert len(candidates) >= 2, "the X-Wines candidates were not offered"
    first = candidates[0]
    assert "Nuits-St-Georges Les Plateaux" in first.text
    assert "100% match" in first.text, first.text  # the score 0–1 shown as a percentage
    assert "chosen" in first.get_attribute("class"), "the identified wine is not marked as chosen"
    other = candidates[1]
    assert "chosen" not in other.get_attribute("class")
    other.find_element("css selector", "button").click()  # another one fills the form, then back to the first
    page.wait_for(lambda: field_value(page, "xwines_id") == other.get_attribute("data-id"))
    assert other.find_element("css selector", "strong").text == field_value(page, "name")
    assert "chosen" in other.get_attribute("class") and "chosen" not in first.get_attribute("class")
    assert field_value(page, "wine_type") == "rosé"
    # The grape came from the identified wine's X-Wines data, not from the label: another pick must not keep it.
    assert field_value(page, "grape_variety") == "" and filled_note(page, "grape_variety") is None
    assert field_value(page, "appellation") == "Nuits-Saint-Georges", "a field read on the label was lost"
    assert filled_note(page, "wine_type") == "From X-Wines"
    first.find_element("css selector", "button").click()
    page.toast("Using Nuits-St-Georges Les Plateaux")
    assert first.find_element("css selector", "button").get_attribute("aria-pressed") == "true"
    assert first.find_element("css selector", "button").text == "Chosen"
    assert field_value(page, "xwines_id") == "118927"
    assert field_value(page, "name") == "Nuits-St-Georges Les Plateaux"
    assert field_value(page, "winery") == "Mongeard-Mugneret"
    assert field_value(page, "grape_variety") == "Pinot Noir"
    assert field_value(page, "wine_type") == "red"
    page.fill("input[name=appellation]", "Nuits-Saint-Georges AOC")
    assert filled_note(page, "appellation") is None, "a field the member changed still says it was read"

    page.fill("input[name=location]", "Rack B")
    wine_id = page.save_new_wine("Mongeard-Mugneret", "Nuits-St-Georges Les Plateaux")
    page.wait_for_text(".facts dd", "Mongeard-Mugneret")
    page.wait_for_text(".facts dd", "Bourgogne")
    page.click(".label-text summary")
    page.wait_for_text(".label-text pre", "MONGEARD")
    stored = server.api("GET", f"/api/wines/{wine_id}", token=page.token)
    assert stored["xwines_id"] == 118927
    assert stored["winery"] == "Mongeard-Mugneret"
    assert stored["front_label_image_url"], "the photo was not stored"
    assert "MONGEARD" in stored["front_label_text"]
    assert stored["lots"][0]["location"] == "Rack B"


def test_a_back_label_is_read_with_the_front_whenever_either_changes(signed_in):
    page = signed_in
    page.open("add")
    page.find("#photo-back").send_keys(str(shared_file("labels/rounded-label.jpg")))
    page.wait_for_text("[role=status]", "Add the front label too")
    assert not page.find("button.scan").is_enabled()

    page.find("#photo-front").send_keys(str(shared_file(PHOTO)))
    page.wait_for_text("[role=status]", "(offline reading)", timeout=30)
    back_text = field_value(page, "back_label_text")
    assert back_text, "the back label chosen first was not read with the front"

    page.find("#photo-back").send_keys(str(shared_file("labels/jo-pithon-clos-des-bois-1994.jpg")))
    page.wait_for(lambda: field_value(page, "back_label_text") not in ("", back_text), timeout=30,
                  message="a new back label was not read")
    page.wait_for_text("[role=status]", "(offline reading)", timeout=30)
