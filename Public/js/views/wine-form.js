// The wine fields, shared by "Add a wine" and the wine page's editor.
import { field, h } from "../dom.js";
import { WINE_TYPES } from "./cellar.js";

/** Field names of a wine, in form order. */
export const WINE_FIELDS = ["name", "winery", "vintage", "wine_type", "grape_variety", "country", "region",
    "sub_region", "appellation", "classification", "alcohol_percentage", "bottle_size_ml", "drink_window_start",
    "drink_window_end", "notes", "custom_fields"];

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
        h("div", { class: "span-all" }, field("Other details, one a line: “Name: value”", "custom_fields",
            { type: "textarea", value: customFieldsText(wine.custom_fields), placeholder: "Cellar book page: 12" })),
    ];
}

/** The wine's `custom_fields` object as "Name: value" lines. */
function customFieldsText(fields) {
    return Object.entries(fields ?? {}).map(([name, value]) => `${name}: ${value}`).join("\n");
}

/** "Name: value" lines as a `custom_fields` object; throws, naming the line, when one has no name or colon. */
export function parseCustomFields(text) {
    const fields = {};
    for (const line of text.split("\n").map((part) => part.trim()).filter(Boolean)) {
        const colon = line.indexOf(":");
        if (colon <= 0) throw new Error(`Other details: “${line}” needs a name, a colon, then the value.`);
        fields[line.slice(0, colon).trim()] = line.slice(colon + 1).trim();
    }
    return fields;
}

const sameFields = (a, b) => JSON.stringify(Object.entries(a).sort()) === JSON.stringify(Object.entries(b).sort());

/** The fields of `form` that differ from `wine`: blank ones become null (the API clears them). */
export function changedFields(form, wine) {
    const changes = {};
    for (const key of WINE_FIELDS) {
        const control = form.elements[key];
        if (!control) continue;
        if (key === "custom_fields") {
            const fields = parseCustomFields(control.value);
            if (!sameFields(fields, wine.custom_fields ?? {})) changes.custom_fields = Object.keys(fields).length ? fields : null;
            continue;
        }
        const now = control.value.trim();
        const before = wine[key] === null || wine[key] === undefined ? "" : String(wine[key]);
        if (now !== before) changes[key] = now === "" ? null : now;
    }
    return changes;
}
