// The dashboard: bottle and wine counts, value, drinking windows, breakdown charts and recent activity.
import { get } from "../api.js";
import { barChart, columnChart, donutChart, topEntries } from "../chart.js";
import { formatMoney, formatNumber, h, replace, spinner } from "../dom.js";
import { transactionRow } from "./history.js";

const TYPE_NAMES = { red: "Red", white: "White", "rosé": "Rosé", rose: "Rosé", sparkling: "Sparkling",
    dessert: "Dessert", fortified: "Fortified", other: "Other", Unknown: "Unknown" };

function stat(label, value, name) {
    return h("div", { class: "stat", dataset: { stat: name } },
        h("span", { class: "stat-value", text: value }), h("span", { class: "stat-label", text: label }));
}

function panel(title, ...content) {
    const id = `panel-${title.toLowerCase().replace(/[^a-z]+/g, "-")}`;
    return h("section", { class: "panel", "aria-labelledby": id }, h("h2", { id, text: title }), ...content);
}

function valueText(value) {
    const currencies = Object.entries(value?.by_currency ?? {});
    if (!currencies.length) return "–";
    return currencies.map(([currency, amount]) => formatMoney(amount, currency)).join(" + ");
}

export async function dashboard(view, route) {
    replace(view, h("h1", { text: "Dashboard" }), spinner());
    const [summary, recent] = await Promise.all([
        get("/api/cellar/summary"), get("/api/transactions", { limit: 8 }),
    ]);
    if (!route.isCurrent()) return;
    const window = summary.drinking_window ?? {};
    const vintages = Object.entries(summary.by_vintage ?? {})
        .sort(([a], [b]) => (a === "NV" ? 1 : b === "NV" ? -1 : Number(a) - Number(b)));
    const types = topEntries(summary.by_wine_type).map(([type, count]) => [TYPE_NAMES[type] ?? type, count]);
    const empty = summary.total_bottles === 0 && summary.total_wines_tracked === 0;
    replace(view,
        h("div", { class: "page-head" }, h("h1", { text: "Dashboard" }),
            h("a", { href: "#add", class: "button", text: "Add a wine" })),
        empty ? h("div", { class: "notice" }, h("p", { text: "Your cellar is empty. Add your first wine to see it here." })) : null,
        h("div", { class: "stats" },
            stat("Bottles", formatNumber(summary.total_bottles), "bottles"),
            stat("Wines in stock", formatNumber(summary.unique_wines), "wines"),
            stat("Value at purchase price", valueText(summary.value_at_purchase_price), "value"),
            stat("Ready to drink", formatNumber(window.ready_now?.bottles ?? 0), "ready"),
            stat("Past their peak", formatNumber(window.past_window?.bottles ?? 0), "past")),
        h("div", { class: "panels three" },
            panel("By type", donutChart("Bottles by type", types)),
            panel("By country", barChart("Bottles by country", topEntries(summary.by_country))),
            panel("By region", barChart("Bottles by region", topEntries(summary.by_region))),
            panel("By grape", barChart("Bottles by grape", topEntries(summary.by_grape_variety))),
            panel("By vintage", columnChart("Bottles by vintage", vintages)),
            panel("Recent activity", recent.length
                ? h("ul", { class: "timeline" }, recent.map((row) => transactionRow(row)))
                : h("p", { class: "empty", text: "No activity yet." }),
            h("p", {}, h("a", { href: "#history", text: "All history" })))));
}
