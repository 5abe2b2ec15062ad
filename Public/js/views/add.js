// Add a wine: label photos (the camera on phones) read by the server's scan, X-Wines autocomplete on the name,
// the wine's fields, the bottles (quantity, case size, price, date, store, location), then review and save.
import { api, get } from "../api.js";
import { debounce, field, formatNumber, h, openDialog, replace, toast, today, withBusy } from "../dom.js";
import { fillUntyped, formWineType, labelScanner, markFilled, trackTyping } from "./label-scan.js";
import { WINE_FIELDS, parseCustomFields, wineFields } from "./wine-form.js";

const LOT_FIELDS = ["quantity", "case_size", "price_per_bottle", "currency", "purchase_date", "source", "location", "bin"];

/** The name field with X-Wines suggestions (the ARIA combobox pattern: arrows, Enter, Escape). */
function nameAutocomplete(onPick) {
    const input = h("input", { id: "wine-name", name: "name", required: true, maxlength: 500, autocomplete: "off",
        role: "combobox", "aria-autocomplete": "list", "aria-expanded": "false", "aria-controls": "name-suggestions" });
    const list = h("ul", { id: "name-suggestions", class: "suggestions", role: "listbox", hidden: true, "aria-label": "X-Wines suggestions" });
    let items = [];
    let active = -1;
    let controller;
    const close = () => {
        list.hidden = true;
        input.setAttribute("aria-expanded", "false");
        input.removeAttribute("aria-activedescendant");
        active = -1;
    };
    const highlight = (index) => {
        active = index;
        [...list.children].forEach((li, i) => li.setAttribute("aria-selected", String(i === index)));
        if (index >= 0) input.setAttribute("aria-activedescendant", list.children[index].id);
    };
    const pick = (item) => {
        input.value = item.name;
        close();
        onPick(item);
    };
    const lookup = debounce(async () => {
        const q = input.value.trim();
        if (q.length < 2) return close();
        controller?.abort();
        controller = new AbortController();
        try {
            const page = await get("/api/xwines/search", { q, limit: 8 }, { signal: controller.signal });
            items = page.results ?? [];
        } catch (error) {
            if (error.name === "AbortError" || error.name === "SessionEnded") return;
            items = [];
        }
        replace(list, items.map((item, index) => h("li", { id: `suggestion-${index}`, role: "option", "aria-selected": "false",
            onmousedown: (event) => { event.preventDefault(); pick(item); } },
        item.name, h("small", { text: [item.winery, item.wine_type, item.country,
            item.avg_rating ? `★ ${formatNumber(item.avg_rating)} (${formatNumber(item.rating_count)})` : null].filter(Boolean).join(" · ") }))));
        list.hidden = items.length === 0;
        input.setAttribute("aria-expanded", String(items.length > 0));
        active = -1;
    }, 250);
    input.addEventListener("input", lookup);
    input.addEventListener("blur", close);
    input.addEventListener("keydown", (event) => {
        if (list.hidden) return;
        if (event.key === "ArrowDown") { event.preventDefault(); highlight(Math.min(items.length - 1, active + 1)); }
        else if (event.key === "ArrowUp") { event.preventDefault(); highlight(Math.max(0, active - 1)); }
        else if (event.key === "Enter" && active >= 0) { event.preventDefault(); pick(items[active]); }
        else if (event.key === "Escape") close();
    });
    return h("div", { class: "field autocomplete" }, h("label", { for: "wine-name", text: "Name" }), input, list,
        h("p", { class: "hint", text: "Suggestions come from the X-Wines reference; picking one fills the rest." }));
}

function photoInput(side, onChange) {
    const id = `photo-${side}`;
    const preview = h("img", { alt: `${side} label preview`, hidden: true, width: 120, height: 160 });
    // No `capture` attribute: with it phones open the camera only; without it they offer the camera or the library.
    const input = h("input", { type: "file", id, name: `${side}_label`, accept: "image/jpeg,image/png,image/webp,image/gif" });
    input.addEventListener("change", () => {
        const file = input.files[0];
        preview.hidden = !file;
        if (file) preview.src = URL.createObjectURL(file);
        onChange();
    });
    return h("div", { class: "field" }, h("label", { for: id, text: side === "front" ? "Front label" : "Back label" }), input, preview);
}

export async function addWine(view) {
    const xwinesId = h("input", { type: "hidden", name: "xwines_id" });
    const candidates = h("div", { class: "candidates" });
    const form = h("form", { class: "stack", "aria-label": "Add a wine" });
    const nameField = nameAutocomplete((item) => {
        xwinesId.value = item.id;
        xwinesId.dataset.typed = "true"; // picked by the member: a label reading keeps it
        const filled = fillUntyped(form, { winery: item.winery, country: item.country, region: item.region,
            wine_type: formWineType(item.wine_type), alcohol_percentage: item.abv });
        for (const key of filled) markFilled(form.elements[key], "From X-Wines");
        toast(`Filled from X-Wines: ${item.name}`, "success");
    });
    const scanButton = h("button", { type: "button", class: "button secondary scan", text: "Read the labels again",
        disabled: true });
    const photos = h("fieldset", {}, h("legend", { text: "Label photos (optional)" }),
        h("p", { class: "hint", text: "The labels are read as soon as you choose them; what you typed is kept." }),
        h("div", { class: "photo-picker" }, photoInput("front", changed), photoInput("back", changed)),
        h("div", { class: "actions" }, scanButton), candidates);
    const scan = labelScanner(form, scanButton, candidates);
    function changed() {
        const hasFront = form.elements.front_label.files.length > 0; // the scan needs the front label
        scanButton.disabled = !hasFront;
        if (hasFront) scan();
        else if (form.elements.back_label.files.length) {
            replace(candidates, h("p", { class: "hint", role: "status",
                text: "Add the front label too: the labels are read from both together." }));
        }
    }
    scanButton.addEventListener("click", scan);
    trackTyping(form);

    const lot = h("fieldset", {}, h("legend", { text: "Bottles" }), h("div", { class: "grid-form three" },
        field("Bottles", "quantity", { type: "number", min: 1, max: 10000, value: 1, required: true }),
        field("Case size", "case_size", { type: "number", min: 1, max: 100, placeholder: "Loose bottles" }),
        field("Price per bottle", "price_per_bottle", { type: "number", min: 0, step: "0.01" }),
        field("Currency", "currency", { value: "USD", maxlength: 3, pattern: "[A-Za-z]{3}" }),
        field("Bought on", "purchase_date", { type: "date", value: today(), max: today() }),
        field("Bought from", "source", { maxlength: 200 }),
        field("Location", "location", { maxlength: 200, placeholder: "e.g. Cellar rack A" }),
        field("Bin", "bin", { maxlength: 200 })));
    const submit = h("button", { type: "submit", class: "button", text: "Review and save" });
    replace(form, photos,
        h("fieldset", {}, h("legend", { text: "The wine" }), h("div", { class: "grid-form" }, wineFields({}, nameField), xwinesId,
            h("input", { type: "hidden", name: "front_label_text" }), h("input", { type: "hidden", name: "back_label_text" }))),
        lot, h("div", { class: "actions" }, submit));
    replace(view, h("h1", { text: "Add a wine" }), form);

    form.addEventListener("submit", (event) => {
        event.preventDefault();
        const body = new FormData();
        const summary = [];
        let customFields;
        try {
            customFields = parseCustomFields(form.elements.custom_fields.value);
        } catch (error) {
            toast(error.message, "error");
            form.elements.custom_fields.focus();
            return;
        }
        for (const key of [...WINE_FIELDS, "xwines_id", "front_label_text", "back_label_text", ...LOT_FIELDS]) {
            const value = form.elements[key]?.value.trim();
            if (!value) continue;
            body.append(key, key === "custom_fields" ? JSON.stringify(customFields) : value);
            if (!key.endsWith("label_text") && key !== "xwines_id") {
                summary.push([form.elements[key].labels?.[0]?.textContent ?? key, form.elements[key].selectedOptions?.[0]?.text ?? value]);
            }
        }
        for (const side of ["front_label", "back_label"]) {
            if (form.elements[side].files.length) body.append(side, form.elements[side].files[0]);
        }
        const save = h("button", { type: "button", class: "button", text: "Save to the cellar" });
        const dialog = openDialog("Review", [h("dl", { class: "facts" }, summary.map(([label, value]) => [h("dt", { text: label }), h("dd", { text: value })])),
            h("div", { class: "actions" }, h("button", { type: "button", class: "button secondary", text: "Back to the form",
                onclick: () => dialog.close() }), save)]);
        save.addEventListener("click", () => withBusy(save, async () => {
            const wine = await api("POST", "/api/wines/checkin", { body });
            dialog.close();
            toast(`${wine.name} is in the cellar.`, "success");
            location.hash = `#wine/${wine.id}`;
        }));
    });
}
