// Small DOM helpers: building elements, toasts, spinners, dialogs and locale-aware formatting.
// Nothing here sets a style attribute: the CSP (`style-src 'self'`) refuses them, so looks come from classes.

/**
 * Creates an element. `attributes` keys: `class`, `text`, `on<event>` (listeners), `dataset` (object),
 * booleans (set when true), anything else as an attribute. Children may be nodes, strings, arrays or null.
 */
export function h(tag, attributes = {}, ...children) {
    const element = document.createElement(tag);
    for (const [key, value] of Object.entries(attributes)) {
        if (value === null || value === undefined || value === false) continue;
        if (key === "text") element.textContent = value;
        else if (key === "dataset") Object.assign(element.dataset, value);
        else if (key.startsWith("on") && typeof value === "function") element.addEventListener(key.slice(2), value);
        else if (key === "value") element.value = value;
        else if (key === "checked" || key === "selected") element[key] = Boolean(value);
        else element.setAttribute(key, value === true ? "" : String(value));
    }
    append(element, children);
    return element;
}

function append(parent, children) {
    for (const child of children) {
        if (child === null || child === undefined || child === false) continue;
        if (Array.isArray(child)) append(parent, child);
        else parent.append(child instanceof Node ? child : String(child));
    }
}

/** Replaces the children of `parent`. */
export function replace(parent, ...children) {
    parent.replaceChildren();
    append(parent, children);
    return parent;
}

/**
 * A table in a box that scrolls sideways on narrow screens. The box is a named, focusable region so that
 * keyboard users can scroll it too (arrow keys once it has focus).
 */
export function tableWrap(label, table) {
    return h("div", { class: "table-wrap", role: "region", "aria-label": label, tabindex: "0" }, table);
}

/** `h` for SVG elements. */
export function svg(tag, attributes = {}, ...children) {
    const element = document.createElementNS("http://www.w3.org/2000/svg", tag);
    for (const [key, value] of Object.entries(attributes)) {
        if (value !== null && value !== undefined) element.setAttribute(key, String(value));
    }
    append(element, children);
    return element;
}

/**
 * Shows a short message for 5 s (errors 8 s). `kind`: "info", "success" or "error".
 * While a modal dialog is open the rest of the page is inert and covered, so the message goes into the dialog.
 */
export function toast(message, kind = "info") {
    const dialogs = document.querySelectorAll("dialog[open]");
    const host = dialogs[dialogs.length - 1];
    let toastRegion = host ? host.querySelector(".toasts") : document.querySelector("body > .toasts");
    if (!toastRegion) {
        toastRegion = h("div", { class: "toasts", role: "status", "aria-live": "polite" });
        host.append(toastRegion);
    }
    const item = h("div", { class: `toast toast-${kind}`, role: kind === "error" ? "alert" : null },
        h("span", { text: message }),
        h("button", { type: "button", class: "toast-close", "aria-label": "Dismiss", text: "×",
            onclick: () => item.remove() }));
    toastRegion.append(item);
    setTimeout(() => item.remove(), kind === "error" ? 8000 : 5000);
}

/** A spinner with an accessible label. */
export function spinner(label = "Loading…") {
    return h("div", { class: "spinner", role: "progressbar", "aria-label": label });
}

/**
 * Runs `work` while `button` shows a spinner and is disabled; errors become an error toast (the API's `detail`).
 * Answers the result of `work`, or undefined when it failed.
 */
export async function withBusy(button, work) {
    const form = button?.form;
    button?.setAttribute("aria-busy", "true");
    if (button) button.disabled = true;
    form?.classList.add("busy");
    try {
        return await work();
    } catch (error) {
        if (error?.name !== "SessionEnded") toast(error?.message || String(error), "error");
        return undefined;
    } finally {
        button?.removeAttribute("aria-busy");
        if (button) button.disabled = false;
        form?.classList.remove("busy");
    }
}

/** Asks a yes/no question in a modal dialog; answers true when confirmed. */
export function confirmDialog(question, confirmLabel = "Confirm", danger = true) {
    return new Promise((resolve) => {
        const dialog = h("dialog", { class: "dialog", "aria-labelledby": "confirm-title" },
            h("form", { method: "dialog" },
                h("h2", { id: "confirm-title", text: question }),
                h("div", { class: "actions" },
                    h("button", { value: "cancel", class: "button secondary", text: "Cancel" }),
                    h("button", { value: "ok", class: danger ? "button danger" : "button", text: confirmLabel }))));
        dialog.addEventListener("close", () => {
            resolve(dialog.returnValue === "ok");
            dialog.remove();
        });
        document.body.append(dialog);
        dialog.showModal();
    });
}

/** Opens a modal dialog holding `content`; answers the dialog (call `.close()` to end it). */
export function openDialog(title, content, labelledId = "dialog-title") {
    const dialog = h("dialog", { class: "dialog wide", "aria-labelledby": labelledId },
        h("div", { class: "dialog-head" },
            h("h2", { id: labelledId, text: title }),
            h("button", { type: "button", class: "icon-button", "aria-label": "Close", text: "×",
                onclick: () => dialog.close() })),
        content);
    dialog.addEventListener("close", () => dialog.remove());
    document.body.append(dialog);
    dialog.showModal();
    return dialog;
}

// Formatting in the browser's locale.

const numberFormat = new Intl.NumberFormat();
const dateFormat = new Intl.DateTimeFormat(undefined, { dateStyle: "medium" });
const dateTimeFormat = new Intl.DateTimeFormat(undefined, { dateStyle: "medium", timeStyle: "short" });

export const formatNumber = (value) => (value === null || value === undefined ? "–" : numberFormat.format(value));

/** A date (`YYYY-MM-DD`, shown as that calendar day) or an instant (ISO 8601 with a time). */
export function formatDate(value, withTime = false) {
    if (!value) return "–";
    const dayOnly = /^\d{4}-\d{2}-\d{2}$/.test(value);
    const date = new Date(dayOnly ? `${value}T12:00:00` : value);
    if (Number.isNaN(date.getTime())) return value;
    return (withTime && !dayOnly ? dateTimeFormat : dateFormat).format(date);
}

export function formatMoney(amount, currency) {
    if (amount === null || amount === undefined) return "–";
    try {
        return new Intl.NumberFormat(undefined, { style: "currency", currency: currency || "USD" }).format(amount);
    } catch {
        return `${numberFormat.format(amount)} ${currency ?? ""}`.trim();
    }
}

/** Today as `YYYY-MM-DD` in local time. */
export function today() {
    const now = new Date();
    return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, "0")}-${String(now.getDate()).padStart(2, "0")}`;
}

/** The values of a form's named fields, blank ones left out, numbers kept as strings. */
export function formValues(form) {
    const values = {};
    for (const [key, value] of new FormData(form)) {
        if (typeof value === "string" && value.trim() !== "") values[key] = value.trim();
    }
    return values;
}

/** A labelled form field. `options` for a select: array of [value, label]. */
export function field(label, name, attributes = {}, options = null) {
    const id = attributes.id ?? `f-${name}-${Math.random().toString(36).slice(2, 8)}`;
    const control = options
        ? h("select", { id, name, ...attributes }, options.map(([value, text]) =>
            h("option", { value, text, selected: String(attributes.value ?? "") === String(value) })))
        : attributes.type === "textarea"
            ? h("textarea", { id, name, ...attributes, type: null })
            : h("input", { id, name, type: "text", ...attributes });
    return h("div", { class: "field" }, h("label", { for: id, text: label }), control);
}

/** Calls `fn` once `wait` ms have passed without another call. */
export function debounce(fn, wait = 250) {
    let timer;
    return (...args) => {
        clearTimeout(timer);
        timer = setTimeout(() => fn(...args), wait);
    };
}
