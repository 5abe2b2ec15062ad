// Settings: profile name, password change (the server hands back a fresh token), and the theme.
import { api, storeToken, token } from "../api.js";
import { field, formValues, h, replace, toast, withBusy } from "../dom.js";
import { applyTheme, currentMember } from "../app.js";

function section(title, ...content) {
    const id = `settings-${title.toLowerCase().replace(/[^a-z]+/g, "-")}`;
    return h("section", { class: "panel", "aria-labelledby": id }, h("h2", { id, text: title }), ...content);
}

function onSubmit(form, work) {
    form.addEventListener("submit", (event) => {
        event.preventDefault();
        withBusy(event.submitter, () => work(formValues(form)));
    });
    return form;
}

export async function settings(view) {
    const member = await currentMember(true);
    const theme = localStorage.getItem("winebox.theme") || "auto";
    const profile = onSubmit(h("form", { class: "stack profile" },
        h("p", { class: "hint", text: `Signed in as ${member.email}${member.is_admin ? " (administrator)" : ""}` }),
        field("Your name", "full_name", { value: member.full_name ?? "", autocomplete: "name", maxlength: 200 }),
        h("div", { class: "actions" }, h("button", { type: "submit", class: "button", text: "Save profile" }))),
    async (values) => {
        await api("PATCH", "/api/auth/me", { body: { full_name: values.full_name ?? "" } });
        await currentMember(true);
        toast("Profile saved.", "success");
    });
    const password = onSubmit(h("form", { class: "stack password" },
        field("Current password", "current_password", { type: "password", autocomplete: "current-password", required: true }),
        field("New password", "new_password", { type: "password", autocomplete: "new-password", required: true, minlength: 8, maxlength: 128 }),
        field("Repeat the new password", "confirm", { type: "password", autocomplete: "new-password", required: true }),
        h("p", { class: "hint", text: "Changing the password signs you out on every other device." }),
        h("div", { class: "actions" }, h("button", { type: "submit", class: "button", text: "Change password" }))),
    async (values) => {
        if (values.new_password !== values.confirm) throw new Error("The two new passwords differ.");
        const grant = await api("POST", "/api/auth/change-password",
            { body: { current_password: values.current_password, new_password: values.new_password } });
        const keep = localStorage.getItem("winebox.token") === token();
        if (grant?.access_token) storeToken(grant.access_token, keep);
        password.reset();
        toast("Password changed.", "success");
    });
    const themes = h("fieldset", { class: "theme" }, h("legend", { text: "Theme" }),
        [["auto", "Follow the system"], ["light", "Light"], ["dark", "Dark"]].map(([value, label]) =>
            h("div", { class: "check" }, h("input", { type: "radio", name: "theme", id: `theme-${value}`, value, checked: value === theme,
                onchange: () => { applyTheme(value); toast(`Theme: ${label}.`, "success"); } }),
            h("label", { for: `theme-${value}`, text: label }))));
    replace(view, h("h1", { text: "Settings" }), h("div", { class: "panels" },
        section("Profile", profile), section("Password", password), section("Appearance", themes)));
}
