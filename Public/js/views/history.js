// History: every check-in, check-out and move, filterable by type, reason, member and date, paged.
import { get } from "../api.js";
import { field, formValues, formatDate, formatMoney, formatNumber, h, replace, spinner } from "../dom.js";
import { currentMember } from "../app.js";

const PAGE = 50;
const REASONS = { DRINK: "Drank", SELL: "Sold", GIFT: "Gifted", BREAKAGE: "Broken", OTHER: "Other" };

/** One history event as a list item (also used on the dashboard and the wine page). */
export function transactionRow(row, withWine = true) {
    const kind = row.transaction_type;
    const badge = kind === "CHECK_IN" ? ["in", "Added"] : kind === "MOVE" ? ["move", "Moved"]
        : ["out", REASONS[row.removal_reason] ?? "Removed"];
    const wine = row.wine;
    const details = [];
    if (kind === "MOVE") details.push(`${row.from_location || "no place"} → ${row.to_location || "no place"}`);
    if (row.rating !== null && row.rating !== undefined) details.push(`Rated ${row.rating}/100`);
    if (row.tasting_notes) details.push(`“${row.tasting_notes}”`);
    if (row.sale_price !== null && row.sale_price !== undefined) details.push(`Sold for ${formatMoney(row.sale_price, row.currency)}`);
    if (row.gift_recipient) details.push(`Gifted to ${row.gift_recipient}`);
    if (row.removal_notes) details.push(row.removal_notes);
    if (row.notes) details.push(row.notes);
    return h("li", { dataset: { transaction: row.id } },
        h("span", { class: `badge ${badge[0]}`, text: badge[1] }),
        h("strong", { text: `${formatNumber(row.quantity)} × ` }),
        withWine && wine
            ? h("a", { href: `#wine/${wine.id}`, text: `${wine.name}${wine.vintage ? ` ${wine.vintage}` : ""}` })
            : null,
        h("div", { class: "hint", text: [formatDate(row.transaction_date || row.created_at, true),
            row.performed_by?.name ? `by ${row.performed_by.name}` : null, ...details].filter(Boolean).join(" · ") }));
}

export async function history(view, route) {
    const params = route.params;
    const skip = Number(params.get("skip") ?? 0);
    const member = await currentMember();
    let members = [];
    if (member.is_admin) members = (await get("/api/admin/users")).items;
    const filters = h("form", { class: "filters", "aria-label": "Filter the history" },
        field("Type", "transaction_type", { value: params.get("transaction_type") ?? "" },
            [["", "All"], ["CHECK_IN", "Added"], ["CHECK_OUT", "Removed"], ["MOVE", "Moved"]]),
        field("Reason", "removal_reason", { value: params.get("removal_reason") ?? "" },
            [["", "Any"], ...Object.entries(REASONS)]),
        member.is_admin ? field("Member", "user_id", { value: params.get("user_id") ?? "" },
            [["", "Everyone"], ...members.map((user) => [user.id, user.full_name || user.email])]) : null,
        field("From", "from", { type: "date", value: params.get("from") ?? "" }),
        field("To", "to", { type: "date", value: params.get("to") ?? "" }));
    filters.addEventListener("change", () => {
        location.hash = `#history?${new URLSearchParams(formValues(filters))}`;
    });
    const results = h("div", {}, spinner());
    replace(view, h("h1", { text: "History" }), filters, results);
    const query = { ...Object.fromEntries(params), skip, limit: PAGE };
    const { data: rows, total } = await get("/api/transactions", query, { withTotal: true });
    if (!route.isCurrent()) return;
    const page = (newSkip) => {
        const next = new URLSearchParams(params);
        next.set("skip", String(newSkip));
        return `#history?${next}`;
    };
    replace(results,
        h("p", { class: "result-count", role: "status", text: `${formatNumber(total)} events` }),
        rows.length ? h("ul", { class: "timeline panel" }, rows.map((row) => transactionRow(row)))
            : h("p", { class: "empty", text: "No events match." }),
        total > PAGE ? h("nav", { class: "pager", "aria-label": "Pages" },
            skip > 0 ? h("a", { class: "button secondary", href: page(Math.max(0, skip - PAGE)), text: "Previous" }) : null,
            h("span", { text: `${formatNumber(skip + 1)}–${formatNumber(Math.min(total, skip + PAGE))} of ${formatNumber(total)}` }),
            skip + PAGE < total ? h("a", { class: "button secondary", href: page(skip + PAGE), text: "Next" }) : null) : null);
}
