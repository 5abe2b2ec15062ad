// The API client: JSON in and out, the bearer token, and the end of a session.
//
// The token lives in sessionStorage (this tab only, gone when it closes), or in localStorage when the person
// ticks "Keep me signed in on this device". Both are readable by scripts of this origin, which the CSP limits to
// our own files; tokens last 2 hours and sign-out revokes them on the server.

const TOKEN_KEY = "winebox.token";
const RETURN_KEY = "winebox.return";

export class ApiError extends Error {
    constructor(status, detail) {
        super(detail);
        this.name = "ApiError";
        this.status = status;
    }
}

/** Thrown when the server answers 401: the screen is already on its way to sign-in. */
export class SessionEnded extends Error {
    constructor() {
        super("Your session has ended. Please sign in again.");
        this.name = "SessionEnded";
    }
}

export const token = () => sessionStorage.getItem(TOKEN_KEY) ?? localStorage.getItem(TOKEN_KEY);

export function storeToken(value, keep = false) {
    clearToken();
    (keep ? localStorage : sessionStorage).setItem(TOKEN_KEY, value);
}

export function clearToken() {
    sessionStorage.removeItem(TOKEN_KEY);
    localStorage.removeItem(TOKEN_KEY);
}

/** Where to go after signing in: the screen the person was on when the session ended, or the dashboard. */
export function takeReturnRoute() {
    const route = sessionStorage.getItem(RETURN_KEY);
    sessionStorage.removeItem(RETURN_KEY);
    return route || "#dashboard";
}

function sessionEnded() {
    const current = location.hash;
    if (current && !/^#(signin|setup|register|verify|forgot|reset-password|accept-invitation)/.test(current)) {
        sessionStorage.setItem(RETURN_KEY, current);
    }
    clearToken();
    location.hash = "#signin?expired=1";
}

/**
 * Calls the API. `body`: an object (sent as JSON) or FormData. `query`: an object whose blank values are left
 * out. Answers the decoded JSON (null for 204); with `withTotal`, `{data, total}` from `X-Total-Count`.
 * Throws ApiError with the server's `detail`, or SessionEnded on 401 when a token was sent.
 */
export async function api(method, path, { body, query, withTotal = false, signal } = {}) {
    const url = new URL(path, location.origin);
    for (const [key, value] of Object.entries(query ?? {})) {
        if (value !== undefined && value !== null && value !== "") url.searchParams.set(key, value);
    }
    const headers = { Accept: "application/json" };
    const bearer = token();
    if (bearer) headers.Authorization = `Bearer ${bearer}`;
    let payload;
    if (body instanceof FormData) payload = body;
    else if (body !== undefined) {
        headers["Content-Type"] = "application/json";
        payload = JSON.stringify(body);
    }
    let response;
    try {
        response = await fetch(url, { method, headers, body: payload, signal });
    } catch (error) {
        if (error.name === "AbortError") throw error;
        throw new ApiError(0, "The server cannot be reached. Check your connection and try again.");
    }
    if (response.status === 401 && bearer) {
        sessionEnded();
        throw new SessionEnded();
    }
    const text = await response.text();
    let data = null;
    if (text) {
        try {
            data = JSON.parse(text);
        } catch {
            data = { detail: text };
        }
    }
    if (!response.ok) {
        const detail = typeof data?.detail === "string" ? data.detail : `The server answered ${response.status}.`;
        throw new ApiError(response.status, detail);
    }
    if (withTotal) return { data, total: Number(response.headers.get("X-Total-Count") ?? data?.total ?? 0) };
    return data;
}

export const get = (path, query, options = {}) => api("GET", path, { query, ...options });
export const post = (path, body) => api("POST", path, { body });
export const put = (path, body) => api("PUT", path, { body });
export const patch = (path, body) => api("PATCH", path, { body });
export const del = (path) => api("DELETE", path);

const imageCache = new Map();

/**
 * Label images need the bearer token, which an `<img src>` cannot send: fetch them and show a blob: URL
 * (allowed by the CSP's `img-src 'self' data: blob:`). URLs are cached for the life of the page.
 */
export function loadImage(img, url) {
    if (!url) return img;
    let pending = imageCache.get(url);
    if (!pending) {
        pending = fetch(url, { headers: { Authorization: `Bearer ${token()}` } })
            .then((response) => (response.ok ? response.blob() : Promise.reject(new Error(String(response.status)))))
            .then((blob) => URL.createObjectURL(blob));
        imageCache.set(url, pending);
        pending.catch(() => imageCache.delete(url));
    }
    pending.then((objectURL) => { img.src = objectURL; }, () => { img.alt = "Label image unavailable"; });
    return img;
}
