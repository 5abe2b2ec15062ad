// Charts drawn as SVG: horizontal bars (categories) and vertical bars (vintages), plus a donut.
// Colours come from CSS classes (bar-1 … bar-8), so charts follow the theme without redrawing.
// Each chart has a role="img" label and a visually hidden table with the same numbers for screen readers.
import { formatNumber, h, svg } from "./dom.js";

const colourClass = (index) => `bar-${(index % 8) + 1}`;

/** The chart's figures as a table for screen readers. Hidden by a wrapper: Firefox draws a hidden table's caption. */
function accessibleTable(caption, entries) {
    return h("div", { class: "visually-hidden" }, h("table", {}, h("caption", { text: caption }),
        h("tbody", {}, entries.map(([label, value]) => h("tr", {}, h("th", { scope: "row", text: label }),
            h("td", { text: formatNumber(value) }))))));
}

/** The largest `limit` entries of a `{label: count}` object; the rest summed as "Other". */
export function topEntries(counts, limit = 8) {
    const entries = Object.entries(counts ?? {}).filter(([, value]) => value > 0).sort((a, b) => b[1] - a[1]);
    if (entries.length <= limit) return entries;
    const rest = entries.slice(limit - 1).reduce((sum, [, value]) => sum + value, 0);
    return [...entries.slice(0, limit - 1), ["Other", rest]];
}

/** Horizontal bars, one row per entry, labelled with the value. */
export function barChart(title, entries) {
    if (!entries.length) return h("p", { class: "empty", text: "Nothing to show yet." });
    const rowHeight = 26;
    const labelWidth = 130;
    const width = 420;
    const max = Math.max(...entries.map(([, value]) => value));
    const barSpace = width - labelWidth - 50;
    const chart = svg("svg", { viewBox: `0 0 ${width} ${entries.length * rowHeight}`, role: "img",
        "aria-label": `${title}: ${entries.map(([l, v]) => `${l} ${v}`).join(", ")}` },
    entries.map(([label, value], index) => {
        const y = index * rowHeight;
        const barWidth = Math.max(2, (value / max) * barSpace);
        const shortLabel = label.length > 18 ? `${label.slice(0, 17)}…` : label;
        return svg("g", {},
            svg("text", { x: labelWidth - 6, y: y + 17, "text-anchor": "end" }, shortLabel),
            svg("rect", { x: labelWidth, y: y + 4, width: barWidth, height: rowHeight - 8, rx: 3, class: colourClass(index) }),
            svg("text", { x: labelWidth + barWidth + 5, y: y + 17, class: "bar-label" }, formatNumber(value)));
    }));
    return h("div", { class: "chart" }, chart, accessibleTable(title, entries));
}

/** Vertical bars in the given order (e.g. vintages oldest first). */
export function columnChart(title, entries) {
    if (!entries.length) return h("p", { class: "empty", text: "Nothing to show yet." });
    const width = 420;
    const height = 180;
    const bottom = 22;
    const max = Math.max(...entries.map(([, value]) => value));
    const step = width / entries.length;
    const labelEvery = Math.ceil(entries.length / 10);
    const chart = svg("svg", { viewBox: `0 0 ${width} ${height}`, role: "img",
        "aria-label": `${title}: ${entries.map(([l, v]) => `${l} ${v}`).join(", ")}` },
    svg("line", { x1: 0, x2: width, y1: height - bottom, y2: height - bottom, class: "axis" }),
    entries.map(([label, value], index) => {
        const barHeight = Math.max(1, (value / max) * (height - bottom - 16));
        const x = index * step;
        return svg("g", {},
            svg("rect", { x: x + step * 0.15, y: height - bottom - barHeight, width: step * 0.7, height: barHeight,
                rx: 2, class: "bar-1" }, svg("title", {}, `${label}: ${formatNumber(value)}`)),
            index % labelEvery === 0
                ? svg("text", { x: x + step / 2, y: height - 6, "text-anchor": "middle" }, label) : null);
    }));
    return h("div", { class: "chart" }, chart, accessibleTable(title, entries));
}

/** A donut with a legend. */
export function donutChart(title, entries) {
    const total = entries.reduce((sum, [, value]) => sum + value, 0);
    if (!total) return h("p", { class: "empty", text: "Nothing to show yet." });
    const radius = 60;
    const circumference = 2 * Math.PI * radius;
    let offset = 0;
    const chart = svg("svg", { viewBox: "0 0 160 160", role: "img",
        "aria-label": `${title}: ${entries.map(([l, v]) => `${l} ${v}`).join(", ")}` },
    entries.map(([label, value], index) => {
        const length = (value / total) * circumference;
        const arc = svg("circle", { cx: 80, cy: 80, r: radius, fill: "none", "stroke-width": 26,
            "stroke-dasharray": `${length} ${circumference - length}`, "stroke-dashoffset": -offset,
            transform: "rotate(-90 80 80)", class: `donut ${colourClass(index)}` },
        svg("title", {}, `${label}: ${formatNumber(value)}`));
        offset += length;
        return arc;
    }),
    svg("text", { x: 80, y: 86, "text-anchor": "middle", class: "donut-total" }, formatNumber(total)));
    return h("div", { class: "chart donut-chart" }, chart,
        h("ul", { class: "legend", "aria-hidden": "true" }, entries.map(([label, value], index) =>
            h("li", {}, h("span", { class: `swatch ${colourClass(index)}` }), `${label} (${formatNumber(value)})`))),
        accessibleTable(title, entries));
}
