import { h, replace } from "../dom.js";

export async function admin(view) {
    replace(view, h("h1", { text: "admin" }));
}
