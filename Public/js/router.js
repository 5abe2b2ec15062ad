// The hash router: `#name/rest?key=value` picks a screen by `name`; screens get `{rest, params}`.

/** Splits a hash such as `#wine/abc?tab=lots` into `{name, rest, params}`. */
export function parseHash(hash) {
    const raw = hash.replace(/^#/, "");
    const [path, query = ""] = raw.split("?", 2);
    const [name, ...rest] = path.split("/");
    return { name: name || "", rest: rest.map(decodeURIComponent), params: new URLSearchParams(query) };
}

/**
 * Starts routing. `screens`: name → async function(view, route) that renders into `view`.
 * `onError(view, error)` shows a screen's failure (a session that ended is left to the API client).
 * `guard(route)` may answer a different hash to go to instead (e.g. sign-in when signed out).
 */
export function startRouter({ screens, fallback, guard, view, onChange, onError }) {
    let generation = 0;
    async function show() {
        const route = parseHash(location.hash);
        const redirect = guard(route);
        if (redirect && redirect !== location.hash) {
            location.replace(redirect);
            return;
        }
        for (const dialog of document.querySelectorAll("dialog[open]")) dialog.close();
        const screen = screens[route.name] ?? screens[fallback];
        const current = ++generation;
        route.isCurrent = () => current === generation;
        onChange(route);
        document.body.dataset.busy = "true";
        try {
            await screen(view, route);
        } catch (error) {
            if (error?.name !== "SessionEnded" && route.isCurrent()) onError(view, error);
        } finally {
            if (route.isCurrent()) document.body.dataset.busy = "false";
        }
    }
    window.addEventListener("hashchange", show);
    show();
}
