// One wine: labels (zoom), facts, drink window, scores, blend; tabs for lots (move), history; edit, check out,
// delete.
import { del, get, loadImage, post, put } from "../api.js";
import { confirmDialog, field, formValues, formatDate, formatMoney, formatNumber, h, openDialog, replace, spinner, toast,
    tableWrap, today, withBusy } from "../dom.js";
import { typeClass } from "./cellar.js";
import { labelTextDisclosure } from "./label-scan.js";
import { transactionRow } from "./history.js";
import { changedFields, wineFields } from "./wine-form.js";

const REASONS = [["DRINK", "Drank it"], ["SELL", "Sold it"], ["GIFT", "Gave it away"], ["BREAKAGE", "Broken"], ["OTHER", "Other"]];

function facts(wine) {
    const rows = [
        ["Winery", wine.winery], ["Vintage", wine.vintage ?? "NV"], ["Grapes", wine.grape_variety],
        ["Country", wine.country], ["Region", wine.region], ["Sub-region", wine.sub_region],
        ["Appellation", wine.appellation], ["Classification", wine.classification],
        ["Alcohol", wine.alcohol_percentage ? `${formatNumber(wine.alcohol_percentage)} %` : null],
        ["Bottle", `${formatNumber(wine.bottle_size_ml)} ml`],
        ["Drink window", wine.drink_window_start || wine.drink_window_end
            ? `${wine.drink_window_start ?? "…"}–${wine.drink_window_end ?? "…"}` : null],
        ["Average score", wine.average_score !== null && wine.average_score !== undefined
            ? `${formatNumber(Math.round(wine.average_score))}/100` : null],
        ["Blend", (wine.blend ?? []).map((g) => `${g.grape}${g.percentage !== null && g.percentage !== undefined ? ` ${g.percentage}%` : ""}`).join(", ") || null],
        ...Object.entries(wine.custom_fields ?? {}).sort(([a], [b]) => a.localeCompare(b)),
    ].filter(([, value]) => value !== null && value !== undefined && value !== "");
    return h("dl", { class: "facts" }, rows.map(([label, value]) => [h("dt", { text: label }), h("dd", { text: String(value) })]));
}

function labelButton(url, thumbnail, side, wineName) {
    const img = loadImage(h("img", { alt: `${side} label of ${wineName}`, width: 100, height: 140 }), thumbnail ?? url);
    return h("button", { type: "button", "aria-label": `Zoom the ${side.toLowerCase()} label`, onclick: () => {
        openDialog(`${side} label`, h("div", { class: "zoomed" }, loadImage(h("img", { alt: `${side} label of ${wineName}` }), url)));
    } }, img);
}

function lotsTable(wine, reload) {
    if (!wine.lots?.length) return h("p", { class: "empty", text: "No lots recorded." });
    return tableWrap("Lots", h("table", {},
        h("thead", {}, h("tr", {}, ["Bottles", "Location", "Bought", "Price", "From", ""].map((label) =>
            h("th", { scope: "col", text: label })))),
        h("tbody", {}, wine.lots.map((lot) => h("tr", { dataset: { lot: lot.id } },
            h("td", { text: `${formatNumber(lot.quantity)} of ${formatNumber(lot.initial_quantity)}${lot.case_size ? ` (case of ${lot.case_size})` : ""}` }),
            h("td", { text: [lot.location, lot.bin].filter(Boolean).join(" / ") || "–" }),
            h("td", { text: formatDate(lot.purchase_date) }),
            h("td", { text: formatMoney(lot.price_per_bottle, lot.currency) }),
            h("td", { text: lot.source ?? "–" }),
            h("td", {}, lot.quantity > 0 ? h("button", { type: "button", class: "button small secondary move-lot",
                text: "Move", onclick: () => moveDialog(lot, reload) }) : null))))));
}

function moveDialog(lot, reload) {
    const form = h("form", { class: "stack" },
        field("Bottles to move", "quantity", { type: "number", min: 1, max: lot.quantity, value: lot.quantity, required: true }),
        field("New location", "location", { value: lot.location ?? "", maxlength: 200 }),
        field("Bin", "bin", { value: lot.bin ?? "", maxlength: 200 }),
        h("div", { class: "actions" }, h("button", { type: "submit", class: "button", text: "Move bottles" })));
    const dialog = openDialog("Move bottles", form);
    form.addEventListener("submit", (event) => {
        event.preventDefault();
        withBusy(event.submitter, async () => {
            const values = formValues(form);
            await post(`/api/lots/${lot.id}/move`, { quantity: Number(values.quantity), location: values.location ?? null,
                bin: values.bin ?? null });
            dialog.close();
            toast("Bottles moved.", "success");
            reload();
        });
    });
}

function addBottlesDialog(wine, reload) {
    const form = h("form", { class: "grid-form" },
        field("Bottles", "quantity", { type: "number", min: 1, max: 10000, value: 1, required: true }),
        field("Case size", "case_size", { type: "number", min: 1, max: 100, placeholder: "Loose bottles" }),
        field("Price per bottle", "price_per_bottle", { type: "number", min: 0, step: "0.01" }),
        field("Currency", "currency", { value: wine.lots.at(-1)?.currency ?? "USD", maxlength: 3 }),
        field("Bought on", "purchase_date", { type: "date", value: today(), max: today() }),
        field("Bought from", "source", { maxlength: 200 }),
        field("Location", "location", { value: wine.lots.at(-1)?.location ?? "", maxlength: 200 }),
        field("Bin", "bin", { maxlength: 200 }),
        h("div", { class: "actions span-all" }, h("button", { type: "submit", class: "button", text: "Add bottles" })));
    const dialog = openDialog(`More bottles of ${wine.name}`, form);
    form.addEventListener("submit", (event) => {
        event.preventDefault();
        withBusy(event.submitter, async () => {
            const added = await post(`/api/wines/${wine.id}/lots`, formValues(form));
            dialog.close();
            toast(added.total > 1 ? `Bottles added as ${added.total} lots, one per full case.` : "Bottles added.", "success");
            reload();
        });
    });
}

function checkoutDialog(wine, reload) {
    const reason = field("What happened?", "removal_reason", { value: "DRINK" }, REASONS);
    const extra = h("div", { class: "stack" });
    const lots = wine.lots.filter((lot) => lot.quantity > 0);
    const form = h("form", { class: "stack" }, reason,
        field("Bottles", "quantity", { type: "number", min: 1, max: wine.inventory.quantity, value: 1, required: true }),
        lots.length > 1 ? field("Which bottles?", "lot_id", {}, [["", "Oldest first"], ...lots.map((lot) =>
            [lot.id, `${[lot.location, lot.bin].filter(Boolean).join(" / ") || "No place"} · ${lot.quantity} left${lot.source ? ` · ${lot.source}` : ""}`])]) : null,
        extra,
        field("Date", "event_date", { type: "date", value: today(), max: today() }),
        h("div", { class: "actions" }, h("button", { type: "submit", class: "button", text: "Check out" })));
    const showExtra = () => {
        const kind = reason.querySelector("select").value;
        replace(extra,
            kind === "DRINK" ? [field("Rating (0–100)", "rating", { type: "number", min: 0, max: 100 }),
                field("Tasting note", "tasting_notes", { type: "textarea" })] : null,
            kind === "SELL" ? [field("Sale price", "sale_price", { type: "number", min: 0, step: "0.01", required: true }),
                field("Currency", "currency", { value: "USD", maxlength: 3 })] : null,
            kind === "GIFT" ? field("Given to", "gift_recipient", { required: true }) : null,
            kind === "BREAKAGE" || kind === "OTHER" ? field("What happened", "removal_notes", { type: "textarea" }) : null);
    };
    reason.addEventListener("change", showExtra);
    showExtra();
    const dialog = openDialog(`Check out ${wine.name}`, form);
    form.addEventListener("submit", (event) => {
        event.preventDefault();
        withBusy(event.submitter, async () => {
            await post(`/api/wines/${wine.id}/checkout`, formValues(form));
            dialog.close();
            toast("Checked out. Enjoy!", "success");
            reload();
        });
    });
}

function editDialog(wine, reload) {
    const form = h("form", { class: "grid-form" }, wineFields(wine),
        h("div", { class: "actions span-all" }, h("button", { type: "submit", class: "button", text: "Save changes" })));
    const dialog = openDialog("Edit wine", form);
    form.addEventListener("submit", (event) => {
        event.preventDefault();
        withBusy(event.submitter, async () => {
            const changes = changedFields(form, wine);
            if (Object.keys(changes).length) await put(`/api/wines/${wine.id}`, changes);
            dialog.close();
            toast("Changes saved.", "success");
            reload();
        });
    });
}

function scoresSection(wine, reload) {
    const form = h("form", { class: "grid-form three", "aria-label": "Add a score" },
        field("Source", "source", { required: true, maxlength: 100, placeholder: "e.g. a critic or a guide" }),
        field("Score", "score", { type: "number", min: 0, step: "0.5", required: true }),
        field("Scale", "score_type", { value: "100_point" }, [["100_point", "100 points"], ["20_point", "20 points"], ["5_star", "5 stars"]]),
        h("div", { class: "actions span-all" }, h("button", { type: "submit", class: "button secondary", text: "Add score" })));
    form.addEventListener("submit", (event) => {
        event.preventDefault();
        withBusy(event.submitter, async () => {
            await post(`/api/wines/${wine.id}/scores`, formValues(form));
            toast("Score added.", "success");
            reload();
        });
    });
    return [
        wine.scores?.length ? h("ul", { class: "timeline" }, wine.scores.map((score) => h("li", {},
            h("strong", { text: `${score.source}: ${formatNumber(score.score)}` }),
            h("span", { class: "hint", text: ` (${formatNumber(Math.round(score.normalized_score))}/100)` }),
            h("button", { type: "button", class: "button small secondary", text: "Remove", "aria-label": `Remove the score from ${score.source}`,
                onclick: async (event) => withBusy(event.currentTarget, async () => {
                    await del(`/api/wines/${wine.id}/scores/${score.id}`);
                    reload();
                }) }))))
            : h("p", { class: "empty", text: "No scores yet." }),
        form,
    ];
}

function blendSection(wine, reload) {
    const text = (wine.blend ?? []).map((g) => (g.percentage !== null && g.percentage !== undefined ? `${g.grape} ${g.percentage}` : g.grape)).join(", ");
    const form = h("form", { class: "stack", "aria-label": "Blend" },
        field("Grapes with their share, e.g. “Merlot 60, Cabernet Franc 40”", "blend", { value: text }),
        h("div", { class: "actions" }, h("button", { type: "submit", class: "button secondary", text: "Save blend" })));
    form.addEventListener("submit", (event) => {
        event.preventDefault();
        withBusy(event.submitter, async () => {
            const grapes = form.elements.blend.value.split(",").map((part) => part.trim()).filter(Boolean).map((part) => {
                const match = part.match(/^(.*?)\s+(\d+(?:\.\d+)?)\s*%?$/);
                return match ? { grape: match[1], percentage: Number(match[2]) } : { grape: part };
            });
            await put(`/api/wines/${wine.id}/blend`, { grapes });
            toast("Blend saved.", "success");
            reload();
        });
    });
    return form;
}

export async function wineDetail(view, route) {
    const id = route.rest[0];
    replace(view, spinner());
    const wine = await get(`/api/wines/${encodeURIComponent(id)}`);
    if (!route.isCurrent()) return;
    const reload = () => wineDetail(view, route);
    const tabs = { lots: "Bottles", history: "History", scores: "Scores", blend: "Blend" };
    // The tab in the address now: showing a tab rewrites it, and a reload after a change stays on that tab.
    const selected = new URLSearchParams(location.hash.split("?")[1] ?? "").get("tab") ?? route.params.get("tab") ?? "lots";
    const panel = h("div", { role: "tabpanel", id: "wine-tabpanel" });
    const tabButtons = Object.entries(tabs).map(([key, label]) => h("button", { type: "button", role: "tab", id: `tab-${key}`,
        "aria-selected": String(key === selected), "aria-controls": "wine-tabpanel", tabindex: key === selected ? 0 : -1,
        text: label, onclick: () => showTab(key) }));
    function showTab(key) {
        for (const button of tabButtons) {
            const on = button.id === `tab-${key}`;
            button.setAttribute("aria-selected", String(on));
            button.tabIndex = on ? 0 : -1;
        }
        panel.setAttribute("aria-labelledby", `tab-${key}`);
        history.replaceState(null, "", `#wine/${wine.id}?tab=${key}`);
        replace(panel, key === "lots" ? lotsTable(wine, reload)
            : key === "history" ? (wine.transactions?.length ? h("ul", { class: "timeline" }, wine.transactions.map((row) => transactionRow(row, false)))
                : h("p", { class: "empty", text: "No history." }))
                : key === "scores" ? scoresSection(wine, reload) : blendSection(wine, reload));
    }
    const tabList = h("div", { class: "tabs", role: "tablist", "aria-label": "Wine details" }, tabButtons);
    tabList.addEventListener("keydown", (event) => {
        const keys = Object.keys(tabs);
        const index = keys.indexOf(tabButtons.find((b) => b.getAttribute("aria-selected") === "true").id.slice(4));
        const step = event.key === "ArrowRight" ? 1 : event.key === "ArrowLeft" ? -1 : 0;
        if (!step) return;
        const next = keys[(index + step + keys.length) % keys.length];
        showTab(next);
        document.getElementById(`tab-${next}`).focus();
    });
    const inStock = wine.inventory?.quantity ?? 0;
    replace(view,
        h("p", {}, h("a", { href: "#cellar", text: "← Cellar" })),
        h("div", { class: "detail-head" },
            h("div", { class: "labels" },
                wine.front_label_image_url ? labelButton(wine.front_label_image_url, wine.front_label_thumbnail_url, "Front", wine.name)
                    : h("div", { class: "thumb", text: "No label photo" }),
                wine.back_label_image_url ? labelButton(wine.back_label_image_url, null, "Back", wine.name) : null),
            h("div", {},
                h("h1", {}, h("span", { class: typeClass(wine.wine_type) }), wine.name),
                h("p", { class: "stock", text: inStock ? `${formatNumber(inStock)} bottle${inStock === 1 ? "" : "s"} in the cellar` : "Out of stock" }),
                facts(wine),
                wine.notes ? h("p", { text: wine.notes }) : null,
                labelTextDisclosure(wine.front_label_text, wine.back_label_text),
                h("div", { class: "actions wine-actions" },
                    inStock ? h("button", { type: "button", class: "button checkout", text: "Check out", onclick: () => checkoutDialog(wine, reload) }) : null,
                    h("button", { type: "button", class: "button secondary add-bottles", text: "Add bottles",
                        onclick: () => addBottlesDialog(wine, reload) }),
                    h("button", { type: "button", class: "button secondary edit", text: "Edit", onclick: () => editDialog(wine, reload) }),
                    h("button", { type: "button", class: "button danger delete", text: "Delete", onclick: async (event) => {
                        if (!(await confirmDialog(`Delete ${wine.name} with all its lots and history?`, "Delete"))) return;
                        await withBusy(event.target, async () => {
                            await del(`/api/wines/${wine.id}`);
                            toast("Wine deleted.", "success");
                            location.hash = "#cellar";
                        });
                    } })))),
        tabList, panel);
    showTab(tabs[selected] ? selected : "lots");
}
