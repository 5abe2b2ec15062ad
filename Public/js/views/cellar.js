// The cellar: search as you type, filters, sort, cards or table, paged by the server (50 at a time), so 10,000
// wines cost no more than 50. The state lives in the hash (`#cellar?q=…&country=…&skip=…`) so links and Back work;
// typing updates it with replaceState, re-rendering only the results and keeping the focus in the search box.
import { get, loadImage } from "../api.js";
import { debounce, field, formValues, formatNumber, h, replace, spinner, tableWrap } from "../dom.js";

const PAGE = 50;
const VIEW_KEY = "winebox.cellarView";
export const WINE_TYPES = [["red", "Red"], ["white", "White"], ["rosé", "Rosé"], ["sparkling", "Sparkling"],
    ["dessert", "Dessert"], ["fortified", "Fortified"], ["other", "Other"]];
const SORTS = [["name", "Name"], ["vintage", "Vintage"], ["winery", "Winery"], ["bottles", "Bottles"],
    ["created_at", "Date added"], ["updated_at", "Last changed"]];
/** The filters of the collapsible panel (the search words, sort and order stay outside it). */
const PANEL_FILTERS = ["wine_type", "country", "region", "grape", "vintage_from", "vintage_to", "location", "in_stock"];
/** Every query parameter the cellar sends to `GET /api/search`. */
const FILTERS = ["q", ...PANEL_FILTERS, "sort", "order"];

/** A vintage bound worth asking for: four digits within 1800–2100 (not the "20" of a year being typed). */
const vintageBound = (text) => (/^\d{4}$/.test(text ?? "") && Number(text) >= 1800 && Number(text) <= 2100 ? text : "");

const YEAR = { type: "number", min: 1800, max: 2100, inputmode: "numeric", placeholder: "Year" };

export const typeClass = (type) => `type-dot type-${(type ?? "other").replace("é", "e")}`;

function inventoryChips(wine) {
    const inventory = wine.inventory ?? {};
    if (!inventory.quantity) return [h("span", { class: "chip out", text: "Out of stock" })];
    const chips = (inventory.cases ?? []).map((item) => h("span", { class: "chip",
        text: `Case of ${item.case_size} · ${item.bottles_remaining} left${item.provenance ? ` · ${item.provenance}` : ""}` }));
    if (inventory.loose_bottles) chips.push(h("span", { class: "chip",
        text: `${formatNumber(inventory.loose_bottles)} loose bottle${inventory.loose_bottles === 1 ? "" : "s"}` }));
    return chips;
}

const place = (wine) => [wine.region, wine.country].filter(Boolean).join(", ");

function wineCard(wine) {
    return h("li", { class: "wine-card", dataset: { wine: wine.id } },
        wine.front_label_thumbnail_url
            ? loadImage(h("img", { class: "thumb", alt: "", width: 64, height: 86 }), wine.front_label_thumbnail_url)
            : h("div", { class: "thumb", "aria-hidden": "true", text: "No label" }),
        h("div", {},
            h("h2", {}, h("a", { href: `#wine/${wine.id}`, text: wine.name })),
            h("p", {}, h("span", { class: typeClass(wine.wine_type) }),
                [wine.winery, wine.vintage ?? "NV"].filter(Boolean).join(" · ")),
            place(wine) ? h("p", { text: place(wine) }) : null,
            wine.grape_variety ? h("p", { text: wine.grape_variety }) : null,
            h("div", { class: "chips" }, inventoryChips(wine))));
}

function wineTable(wines, state, onSort) {
    const header = (label, key, extra = "") => {
        const sorted = state.sort === key;
        return h("th", { scope: "col", class: extra,
            "aria-sort": sorted ? (state.order === "desc" ? "descending" : "ascending") : null },
        key ? h("button", { type: "button", text: label + (sorted ? (state.order === "desc" ? " ▼" : " ▲") : ""),
            onclick: () => onSort(key) }) : label);
    };
    return tableWrap("Wines", h("table", {},
        h("thead", {}, h("tr", {}, header("Name", "name"), header("Winery", "winery", "hide-phone"),
            header("Vintage", "vintage"), header("Grape", null, "hide-phone"), header("Region", null, "hide-phone"),
            header("Country", null, "hide-phone"), header("Bottles", "bottles", "num"))),
        h("tbody", {}, wines.map((wine) => h("tr", { dataset: { wine: wine.id } },
            h("td", {}, h("span", { class: typeClass(wine.wine_type) }), h("a", { href: `#wine/${wine.id}`, text: wine.name })),
            h("td", { class: "hide-phone", text: wine.winery ?? "" }), h("td", { text: wine.vintage ?? "NV" }),
            h("td", { class: "hide-phone", text: wine.grape_variety ?? "" }), h("td", { class: "hide-phone", text: wine.region ?? "" }),
            h("td", { class: "hide-phone", text: wine.country ?? "" }),
            h("td", { class: "num", text: formatNumber(wine.inventory?.quantity ?? 0) }))))));
}

export async function cellar(view, route) {
    const state = Object.fromEntries(route.params);
    state.sort ??= "name";
    state.order ??= state.sort === "name" || state.sort === "winery" ? "asc" : "desc";
    let mode = state.view ?? localStorage.getItem(VIEW_KEY) ?? "cards";
    const locations = (await get("/api/locations")).items ?? [];

    const search = h("input", { type: "search", name: "q", id: "cellar-search", value: state.q ?? "",
        placeholder: "Name, winery, grape, region…" });
    const filters = h("form", { class: "filters", role: "search", "aria-label": "Filter the cellar" },
        field("Type", "wine_type", { value: state.wine_type ?? "" }, [["", "Any"], ...WINE_TYPES]),
        field("Country", "country", { value: state.country ?? "" }),
        field("Region", "region", { value: state.region ?? "" }),
        field("Grape", "grape", { value: state.grape ?? "" }),
        // An exact `vintage` in older links becomes a range of one year.
        field("Vintages from", "vintage_from", { ...YEAR, value: state.vintage_from ?? state.vintage ?? "" }),
        field("Vintages to", "vintage_to", { ...YEAR, value: state.vintage_to ?? state.vintage ?? "" }),
        field("Location", "location", { value: state.location ?? "" },
            [["", "Anywhere"], ...locations.map((item) => [item.location, `${item.location} (${item.bottles})`])]),
        field("Stock", "in_stock", { value: state.in_stock ?? "" }, [["", "All wines"], ["true", "In stock"], ["false", "Out of stock"]]));
    // On a phone the filters fold away behind their summary, unless the address already sets some.
    const filterSummary = h("summary", { text: "Filters" });
    const filterPanel = h("details", { class: "filter-panel",
        open: matchMedia("(min-width: 760px)").matches || [...PANEL_FILTERS, "vintage"].some((key) => state[key]) },
        filterSummary, filters);
    const showActiveFilters = () => {
        const active = PANEL_FILTERS.filter((key) => filters.elements[key]?.value).length;
        filterSummary.textContent = active ? `Filters (${active} set)` : "Filters";
    };
    const sortSelect = field("Sort by", "sort", { value: state.sort }, SORTS);
    const orderSelect = field("Order", "order", { value: state.order }, [["asc", "Ascending"], ["desc", "Descending"]]);
    const modeButtons = ["cards", "table"].map((name) => h("button", { type: "button", text: name === "cards" ? "Cards" : "Table",
        "aria-pressed": String(mode === name), onclick: () => {
            mode = name;
            localStorage.setItem(VIEW_KEY, name);
            modeButtons.forEach((button) => button.setAttribute("aria-pressed", String(button.textContent.toLowerCase() === name)));
            load(false);
        } }));
    const results = h("div", { class: "results", "aria-live": "polite" });
    replace(view,
        h("div", { class: "page-head" }, h("h1", { text: "Cellar" }), h("a", { href: "#add", class: "button", text: "Add a wine" })),
        h("div", { class: "toolbar" },
            h("div", { class: "field search" }, h("label", { for: "cellar-search", text: "Search" }), search),
            sortSelect, orderSelect, h("div", { class: "segmented", role: "group", "aria-label": "View" }, modeButtons)),
        filterPanel, results);

    let controller;
    function currentQuery() {
        const values = { ...formValues(filters), q: search.value.trim(), sort: sortSelect.querySelector("select").value,
            order: orderSelect.querySelector("select").value };
        values.vintage_from = vintageBound(values.vintage_from);
        values.vintage_to = vintageBound(values.vintage_to);
        return Object.fromEntries(Object.entries(values).filter(([, value]) => value));
    }
    async function load(resetPage = true) {
        showActiveFilters();
        const query = currentQuery();
        const skip = resetPage ? 0 : Number(state.skip ?? 0);
        state.skip = skip;
        const hash = `#cellar?${new URLSearchParams({ ...query, ...(skip ? { skip } : {}) })}`;
        if (location.hash !== hash) history.replaceState(null, "", hash);
        controller?.abort();
        controller = new AbortController();
        const signal = controller.signal;
        if (query.vintage_from && query.vintage_to && Number(query.vintage_from) > Number(query.vintage_to)) {
            replace(results, h("p", { class: "empty", role: "status",
                text: `The first vintage (${query.vintage_from}) is after the last (${query.vintage_to}).` }));
            return;
        }
        results.setAttribute("aria-busy", "true");
        try {
            const apiQuery = Object.fromEntries(FILTERS.filter((key) => query[key]).map((key) => [key, query[key]]));
            if (query.q && !route.params.get("sort") && !state.userSorted) apiQuery.sort = "relevance";
            const { data, total } = await get("/api/search", { ...apiQuery, skip, limit: PAGE }, { withTotal: true, signal });
            render(data, total, skip, () => (mode === "table" ? wineTable(data, { sort: query.sort, order: query.order }, sortBy)
                : h("ul", { class: "cards" }, data.map(wineCard))));
        } catch (error) {
            if (error.name === "AbortError") return;
            throw error;
        } finally {
            if (!signal.aborted) results.removeAttribute("aria-busy");
        }
    }
    function sortBy(key) {
        const select = sortSelect.querySelector("select");
        const order = orderSelect.querySelector("select");
        order.value = select.value === key && order.value === "asc" ? "desc" : "asc";
        select.value = key;
        state.userSorted = true;
        load();
    }
    function render(items, total, skip, body) {
        const pager = total > PAGE ? h("nav", { class: "pager", "aria-label": "Pages" },
            h("button", { type: "button", class: "button secondary", text: "Previous", disabled: skip === 0,
                onclick: () => { state.skip = Math.max(0, skip - PAGE); load(false); view.scrollIntoView(); } }),
            h("span", { text: `${formatNumber(skip + 1)}–${formatNumber(Math.min(total, skip + PAGE))} of ${formatNumber(total)}` }),
            h("button", { type: "button", class: "button secondary", text: "Next", disabled: skip + PAGE >= total,
                onclick: () => { state.skip = skip + PAGE; load(false); view.scrollIntoView(); } })) : null;
        replace(results,
            h("p", { class: "result-count", role: "status", text: `${formatNumber(total)} wine${total === 1 ? "" : "s"}` }),
            items.length ? body() : h("p", { class: "empty", text: "No wines match. Try fewer filters or another word." }),
            pager);
    }

    const typed = debounce(() => load(), 200);
    search.addEventListener("input", typed);
    // A choice in a list asks at once (on `change`, which every browser and WebDriver fires); typing waits a moment.
    filters.addEventListener("input", (event) => { if (event.target.tagName !== "SELECT") typed(); });
    filters.addEventListener("change", (event) => { if (event.target.tagName === "SELECT") load(); });
    sortSelect.addEventListener("change", () => { state.userSorted = true; load(); });
    orderSelect.addEventListener("change", () => { state.userSorted = true; load(); });
    filters.addEventListener("submit", (event) => event.preventDefault());
    results.append(spinner());
    await load(false);
}
