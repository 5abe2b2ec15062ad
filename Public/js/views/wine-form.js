// The wine fields, shared by "Add a wine" and the wine page's editor.
import { field, h } from "../dom.js";
import { WINE_TYPES } from "./cellar.js";

/** Field names of a wine, in form order. */
export const WINE_FIELDS = ["name", "winery", "vintage", "wine_type", "grape_variety", "country", "region",
    "sub_region", "appellation", "classification", "alcohol_percentage", "bottle_size_ml", "drink_window_start",
    "drink_window_end", "notes"];

/** The form controls for a wine, filled from `wine`. `nameControl` replaces the plain name field (autocomplete). */
export function wineFields(wine = {}, nameControl = null) {
    const value = (key) => wine[key] ?? "";
    const year = { type: "number", min: 1800, max: 2100, inputmode: "numeric" };
    return [
        nameControl ?? field("Name", "name", { value: value("name"), required: true, maxlength: 500 }),
        field("Winery", "winery", { value: value("winery"), maxlength: 200 }),
        field("Vintage", "vintage", { ...year, value: value("vintage"), placeholder: "NV" }),
        field("Type", "wine_type", { value: value("wine_type") }, [["", "Unknown"], ...WINE_TYPES]),
        field("Grapes", "grape_variety", { value: value("grape_variety"), maxlength: 200 }),
        field("Country", "country", { value: value("country"), maxlength: 200 }),
        field("Region", "region", { value: value("region"), maxlength: 200 }),
        field("Sub-region", "sub_region", { value: value("sub_region"), maxlength: 200 }),
        field("Appellation", "appellation", { value: value("appellation"), maxlength: 200 }),
        field("Classification", "classification", { value: value("classification"), maxlength: 200 }),
        field("Alcohol (%)", "alcohol_percentage", { type: "number", min: 0, max: 100, step: "0.1", value: value("alcohol_percentage") }),
        field("Bottle size (ml)", "bottle_size_ml", { type: "number", min: 50, max: 30000, value: wine.bottle_size_ml ?? 750 }),
        field("Drink from", "drink_window_start", { ...year, value: value("drink_window_start") }),
        field("Drink until", "drink_window_end", { ...year, value: value("drink_window_end") }),
        h("div", { class: "span-all" }, field("Notes", "notes", { type: "textarea", value: value("notes") })),
    ];
}

/** The fields of `form` that differ from `wine`: blank ones become null (the API clears them). */
export function changedFields(form, wine) {
    const changes = {};
    for (const key of WINE_FIELDS) {
        const control = form.elements[key];
        if (!control) continue;
        const now = control.value.trim();
        const before = wine[key] === null || wine[key] === undefined ? "" : String(wine[key]);
        if (now !== before) changes[key] = now === "" ? null : now;
    }
    return changes;
}
