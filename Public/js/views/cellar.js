import { h, replace } from "../dom.js";

export async function cellar(view) {
    replace(view, h("h1", { text: "cellar" }));
}
