// The entry point: theme, the header, the signed-in member, and the screens by hash route.
// Screens are loaded on first use (dynamic import), so the first page downloads only what it shows.
import { api, clearToken, token } from "./api.js";
import { h, replace, toast } from "./dom.js";
import { startRouter } from "./router.js";

const PUBLIC_SCREENS = new Set(["signin", "setup", "register", "verify", "forgot", "reset-password", "accept-invitation"]);
const THEME_KEY = "winebox.theme";

/** Applies "auto", "light" or "dark"; auto follows the system through prefers-color-scheme in the CSS. */
export function applyTheme(theme = localStorage.getItem(THEME_KEY) || "auto") {
    localStorage.setItem(THEME_KEY, theme);
    document.documentElement.dataset.theme = theme;
}
applyTheme();

let member = null;

/** The signed-in member (`/api/auth/me`), fetched once per session. */
export async function currentMember(refresh = false) {
    if (!member || refresh) member = await api("GET", "/api/auth/me");
    document.querySelector(".admin-only").hidden = !member.is_admin;
    return member;
}

export function forgetMember() {
    member = null;
}

const lazy = (module, name) => async (view, route) => {
    const screens = await import(module);
    return screens[name](view, route);
};

const screens = {
    signin: lazy("./views/auth.js", "signIn"),
    setup: lazy("./views/auth.js", "setup"),
    register: lazy("./views/auth.js", "register"),
    verify: lazy("./views/auth.js", "verify"),
    forgot: lazy("./views/auth.js", "forgotPassword"),
    "reset-password": lazy("./views/auth.js", "resetPassword"),
    "accept-invitation": lazy("./views/auth.js", "acceptInvitation"),
    dashboard: lazy("./views/dashboard.js", "dashboard"),
    cellar: lazy("./views/cellar.js", "cellar"),
    wine: lazy("./views/wine.js", "wineDetail"),
    add: lazy("./views/add.js", "addWine"),
    history: lazy("./views/history.js", "history"),
    settings: lazy("./views/settings.js", "settings"),
    admin: lazy("./views/admin.js", "admin"),
};

const header = document.querySelector(".app-header");
const nav = document.getElementById("main-nav");
const menuToggle = document.querySelector(".menu-toggle");
const view = document.getElementById("view");

menuToggle.addEventListener("click", () => {
    const open = menuToggle.getAttribute("aria-expanded") !== "true";
    menuToggle.setAttribute("aria-expanded", String(open));
    nav.classList.toggle("open", open);
});

document.querySelector(".sign-out").addEventListener("click", async () => {
    try {
        await api("POST", "/api/auth/logout");
    } catch (error) {
        if (error.name !== "SessionEnded") toast(error.message, "error");
    }
    clearToken();
    forgetMember();
    toast("You are signed out.", "success");
    location.hash = "#signin";
});

let lastScreen = null;

startRouter({
    screens,
    fallback: "dashboard",
    view,
    guard(route) {
        const signedIn = Boolean(token());
        if (!signedIn && !PUBLIC_SCREENS.has(route.name)) {
            if (route.name) sessionStorage.setItem("winebox.return", location.hash);
            return "#signin";
        }
        if (signedIn && (route.name === "signin" || route.name === "")) return "#dashboard";
        return null;
    },
    onError(target, error) {
        replace(target, h("div", { class: "notice error", role: "alert" },
            h("p", { text: error.message || String(error) }),
            h("a", { href: location.hash, class: "button secondary", text: "Try again",
                onclick: (event) => { event.preventDefault(); window.dispatchEvent(new HashChangeEvent("hashchange")); } })));
    },
    onChange(route) {
        const signedIn = Boolean(token()) && !PUBLIC_SCREENS.has(route.name);
        header.hidden = !signedIn;
        nav.classList.remove("open");
        menuToggle.setAttribute("aria-expanded", "false");
        const section = route.name === "wine" ? "cellar" : route.name;
        for (const link of nav.querySelectorAll("a[data-nav]")) {
            if (link.dataset.nav === section) link.setAttribute("aria-current", "page");
            else link.removeAttribute("aria-current");
        }
        if (signedIn) currentMember().catch(() => {});
        // Move focus to the new screen for keyboard and screen-reader users, but not on the first load.
        if (lastScreen !== null && lastScreen !== route.name) view.focus({ preventScroll: true });
        lastScreen = route.name;
        window.scrollTo(0, 0);
    },
});
