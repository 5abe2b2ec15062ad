import { h, replace } from "../dom.js";

export async function wineDetail(view) {
    replace(view, h("h1", { text: "wine" }));
}
