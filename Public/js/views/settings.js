import { h, replace } from "../dom.js";

export async function settings(view) {
    replace(view, h("h1", { text: "settings" }));
}
