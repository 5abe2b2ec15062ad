import { h, replace } from "../dom.js";

export async function addWine(view) {
    replace(view, h("h1", { text: "add" }));
}
