// Label reading on "Add a wine": the photos go to `POST /api/wines/scan`, its `parsed` fields fill the form, and
// the X-Wines wines it may be are offered with their match score. A field the member typed in is never overwritten.
import { ApiError, api } from "../api.js";
import { h, replace, toast, withBusy } from "../dom.js";

const percent = new Intl.NumberFormat(undefined, { style: "percent", maximumFractionDigits: 0 });

const METHODS = { claude_vision: "Claude", tesseract: "offline reading", tesseract_fallback: "offline reading" };

/** The wine type of the form (`red`, …, `rosé`, `other`) for an X-Wines or label reading type such as "Rosé". */
export const formWineType = (type) => {
    const lower = (type ?? "").toLowerCase();
    return ["red", "white", "sparkling", "dessert", "fortified"].includes(lower) ? lower
        : lower.startsWith("ros") ? "rosé" : lower ? "other" : "";
};

/** Marks the controls of `form` the member changes by hand (`data-typed`), which `fillUntyped` then leaves alone. */
export function trackTyping(form) {
    const mark = (event) => {
        if (!event.target.name || event.target.type === "file") return;
        event.target.dataset.typed = "true";
        markFilled(event.target, null);
    };
    form.addEventListener("input", mark);
    form.addEventListener("change", mark);
}

/**
 * Shows next to `control` where its value came from (`source`, e.g. "Read from the label"), or nothing when
 * `source` is null: a class for the look and a line of text for everyone, screen readers included.
 */
export function markFilled(control, source) {
    const wrapper = control.closest(".field");
    if (!wrapper) return;
    wrapper.classList.toggle("filled", Boolean(source));
    let note = wrapper.querySelector(".filled-note");
    if (!source) return note?.remove();
    if (!note) {
        note = h("small", { class: "filled-note", id: `${control.id || control.name}-filled` });
        wrapper.append(note);
        control.setAttribute("aria-describedby", note.id);
    }
    note.textContent = source;
}

/** Sets the controls of `form` named by `values`' keys, skipping empty values and typed controls; answers the keys set. */
export function fillUntyped(form, values) {
    const filled = [];
    for (const [key, value] of Object.entries(values)) {
        const control = form.elements[key];
        if (!control || control.dataset?.typed || value === null || value === undefined || value === "") continue;
        control.value = String(value);
        filled.push(key);
    }
    return filled;
}

/** The text read from the front and back labels, folded away under a summary; null when there is none. */
export function labelTextDisclosure(frontText, backText) {
    const sides = [["Front label", frontText], ["Back label", backText]].filter(([, text]) => text);
    if (!sides.length) return null;
    return h("details", { class: "label-text" }, h("summary", { text: "Text read from the labels" }),
        sides.map(([side, text]) => [h("h3", { text: side }), h("pre", { text })]));
}

/** The form controls a scan filled from the X-Wines wine it identified rather than from the label. */
function enrichedKeys(answer) {
    const formKey = { drink_from: "drink_window_start", drink_until: "drink_window_end" };
    return (answer.enriched_fields ?? []).map((key) => formKey[key] ?? key);
}

/** The form's values from a scan's `parsed` object (every key is present, null when not read). */
function formValues(parsed) {
    return {
        name: parsed.name, winery: parsed.winery, vintage: parsed.vintage, wine_type: formWineType(parsed.wine_type),
        grape_variety: parsed.grape_variety, country: parsed.country, region: parsed.region,
        sub_region: parsed.sub_region, appellation: parsed.appellation, classification: parsed.classification,
        alcohol_percentage: parsed.alcohol_percentage, bottle_size_ml: parsed.bottle_size_ml,
        drink_window_start: parsed.drink_from, drink_window_end: parsed.drink_until,
    };
}

/**
 * Reads the chosen photos when `scan()` is called: fills `form` (its `xwines_id`, `front_label_text` and
 * `back_label_text` hidden fields included) and lists the candidates in `candidates`, each with a button that
 * makes it the wine's X-Wines reference. A newer scan cancels an unfinished one; errors show as a toast.
 */
export function labelScanner(form, button, candidates) {
    let controller;
    const status = h("p", { class: "hint", role: "status" });
    // What the last reading left in the form (`afterScan`), which of it came from the X-Wines wine it identified
    // (`enriched`, with that wine's id): a pick starts again from there, so switching candidates never leaves a
    // field of the one picked before.
    let afterScan = {};
    let enriched = { id: null, keys: [] };

    function restoreReading(candidate) {
        for (const [key, { value, source }] of Object.entries(afterScan)) {
            const control = form.elements[key];
            if (control && !control.dataset.typed) {
                control.value = value;
                markFilled(control, source);
            }
        }
        if (candidate.id === enriched.id) return;
        for (const key of enriched.keys) {
            const control = form.elements[key];
            if (control && !control.dataset.typed) {
                control.value = "";
                markFilled(control, null);
            }
        }
    }

    function pick(candidate, list) {
        restoreReading(candidate);
        choose(candidate, list);
        form.elements.xwines_id.dataset.typed = "true"; // the member's choice outlasts a later reading
        const picked = fillUntyped(form, { name: candidate.name, winery: candidate.winery, country: candidate.country,
            wine_type: formWineType(candidate.wine_type), alcohol_percentage: candidate.abv });
        if (!form.elements.region.value && candidate.region) {
            form.elements.region.value = candidate.region;
            picked.push("region");
        }
        for (const key of picked) markFilled(form.elements[key], "From X-Wines");
        toast(`Using ${candidate.name}.`, "success");
    }

    function choose(candidate, list) {
        form.elements.xwines_id.value = candidate.id;
        for (const item of list.children) {
            const chosen = item.dataset.id === String(candidate.id);
            item.classList.toggle("chosen", chosen);
            const button = item.querySelector("button");
            button.setAttribute("aria-pressed", String(chosen));
            button.textContent = chosen ? "Chosen" : "Use this";
        }
    }

    function offer(answer) {
        const found = answer.candidates ?? [];
        if (!found.length) return replace(candidates, status);
        const list = h("ul", { class: "candidate-list" }, found.map((candidate) => h("li", { "data-id": candidate.id },
            h("div", {}, h("strong", { text: candidate.name }),
                h("small", { class: "hint", text: [candidate.winery, candidate.region, candidate.country].filter(Boolean).join(" · ") })),
            h("span", { class: "badge", text: `${percent.format(candidate.score ?? 0)} match` }),
            h("button", { type: "button", class: "button small secondary", text: "Use this", "aria-pressed": "false",
                "aria-label": `Use ${candidate.name}`, onclick: () => pick(candidate, list) }))));
        replace(candidates, status, h("p", { text: "Is it one of these X-Wines wines?" }), list);
        const identified = found.find((candidate) => candidate.id === answer.parsed?.xwines_id);
        if (identified) choose(identified, list);
    }

    function remember(answer) {
        const keys = Object.keys(formValues({})).filter((key) => form.elements[key]);
        afterScan = Object.fromEntries(keys.map((key) => [key, { value: form.elements[key].value,
            source: form.elements[key].closest(".field")?.querySelector(".filled-note")?.textContent ?? null }]));
        enriched = { id: answer.parsed?.xwines_id ?? null, keys: enrichedKeys(answer).filter((key) => key in afterScan) };
    }

    /** The text read from each label, under a disclosure below the candidates. */
    function showText(ocr) {
        const text = labelTextDisclosure(ocr.front_label_text, ocr.back_label_text);
        if (text) candidates.append(text);
    }

    return () => {
        controller?.abort();
        controller = new AbortController();
        const signal = controller.signal;
        const body = new FormData();
        for (const side of ["front_label", "back_label"]) {
            if (form.elements[side].files.length) body.append(side, form.elements[side].files[0]);
        }
        status.textContent = "Reading the labels…";
        replace(candidates, status);
        return withBusy(button, async () => {
            let answer;
            try {
                answer = await api("POST", "/api/wines/scan", { body, signal });
            } catch (error) {
                if (error.name === "AbortError") return;
                status.textContent = "";
                if (error instanceof ApiError && (error.status === 404 || error.status === 405)) {
                    throw new Error("This server cannot read labels: enter the details by hand; the photos are kept.");
                }
                throw error;
            }
            const parsed = answer.parsed ?? {};
            const filled = fillUntyped(form, formValues(parsed));
            const fromReference = new Set(enrichedKeys(answer));
            for (const key of Object.keys(formValues({}))) {
                const control = form.elements[key];
                if (control && !control.dataset.typed) {
                    markFilled(control, !filled.includes(key) ? null
                        : fromReference.has(key) ? "From X-Wines" : "Read from the label");
                }
            }
            if (parsed.xwines_id && !form.elements.xwines_id.dataset.typed) form.elements.xwines_id.value = parsed.xwines_id;
            form.elements.front_label_text.value = answer.ocr?.front_label_text ?? "";
            form.elements.back_label_text.value = answer.ocr?.back_label_text ?? "";
            status.textContent = filled.length
                ? `Read ${filled.length} ${filled.length === 1 ? "field" : "fields"} (${METHODS[answer.method] ?? answer.method}).`
                : "Nothing could be read; please type the details.";
            if (answer.claude_error) toast(`Claude could not read the labels (${answer.claude_error}); read offline instead.`);
            remember(answer);
            offer(answer);
            showText(answer.ocr ?? {});
        });
    };
}
