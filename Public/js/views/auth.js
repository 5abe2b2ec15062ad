// The signed-out screens: sign in, first-run setup, register, verify e-mail, forgot and reset password,
// accept an invitation.
import { api, storeToken, takeReturnRoute } from "../api.js";
import { field, formValues, h, replace, spinner, toast, withBusy } from "../dom.js";
import { forgetMember } from "../app.js";

function card(title, ...content) {
    return h("section", { class: "auth-card" },
        h("div", { class: "auth-brand" }, h("img", { src: "/favicon.svg", alt: "", width: 40, height: 40 }),
            h("span", { text: "WineBox" })),
        h("h1", { text: title }), ...content);
}

function form(fields, submitLabel, onSubmit) {
    const submit = h("button", { type: "submit", class: "button wide", text: submitLabel });
    const element = h("form", { class: "stack", novalidate: false }, fields, submit);
    element.addEventListener("submit", (event) => {
        event.preventDefault();
        withBusy(submit, () => onSubmit(formValues(element), element));
    });
    return element;
}

const emailField = () => field("E-mail", "email", { type: "email", autocomplete: "email", required: true });
const newPasswordField = (label = "Password", name = "password") =>
    field(label, name, { type: "password", autocomplete: "new-password", required: true, minlength: 8,
        maxlength: 128, "aria-describedby": "password-rule" });
const passwordRule = () => h("p", { id: "password-rule", class: "hint",
    text: "8 to 128 characters; not a common password, and not built from your e-mail address." });

async function signInWith(email, password, keep) {
    const grant = await api("POST", "/api/auth/login", { body: { email, password } });
    storeToken(grant.access_token, keep);
    forgetMember();
    location.hash = takeReturnRoute();
}

export async function signIn(view, route) {
    const expired = route.params.get("expired") === "1";
    const keep = h("input", { type: "checkbox", id: "keep", name: "keep" });
    replace(view, card("Sign in",
        expired ? h("p", { class: "notice", role: "status", text: "Your session has ended. Please sign in again." }) : null,
        form([
            emailField(),
            field("Password", "password", { type: "password", autocomplete: "current-password", required: true }),
            h("div", { class: "check" }, keep, h("label", { for: "keep", text: "Keep me signed in on this device" })),
        ], "Sign in", (values) => signInWith(values.email, values.password ?? "", keep.checked)),
        h("p", { class: "auth-links" }, h("a", { href: "#forgot", text: "Forgot password?" }), " · ",
            h("a", { href: "#register", text: "Create an account" }))));
}

export async function setup(view, route) {
    const code = route.params.get("token") ?? "";
    replace(view, card("Welcome to WineBox",
        h("p", { text: "Create the first administrator account. This link works once." }),
        code ? null : h("p", { class: "notice error", text: "This setup link has no code. Use the link from the server's log." }),
        form([
            field("Your name", "full_name", { autocomplete: "name" }), emailField(), newPasswordField(), passwordRule(),
        ], "Create administrator", async (values) => {
            const grant = await api("POST", "/api/setup", {
                body: { token: code, email: values.email, password: values.password ?? "", full_name: values.full_name },
            });
            storeToken(grant.access_token);
            forgetMember();
            toast("Your administrator account is ready.", "success");
            location.hash = "#dashboard";
        })));
}

export async function register(view) {
    const done = h("div", { hidden: true });
    const registration = form([
        field("Your name", "full_name", { autocomplete: "name" }), emailField(), newPasswordField(), passwordRule(),
        newPasswordField("Repeat the password", "confirm"),
    ], "Create account", async (values, element) => {
        if ((values.password ?? "") !== (values.confirm ?? "")) throw new Error("The two passwords differ.");
        const answer = await api("POST", "/api/auth/register", {
            body: { email: values.email, password: values.password, full_name: values.full_name },
        });
        element.hidden = true;
        done.hidden = false;
        replace(done, h("p", { class: "notice", role: "status",
            text: answer?.message ?? "Check your e-mail for a link to confirm your address." }),
        h("a", { href: "#signin", class: "button wide", text: "Back to sign in" }));
    });
    replace(view, card("Create an account", registration, done,
        h("p", { class: "auth-links" }, h("a", { href: "#signin", text: "I already have an account" }))));
}

export async function verify(view, route) {
    const status = h("div", { role: "status" }, spinner("Confirming your address…"));
    replace(view, card("Confirm your e-mail", status));
    try {
        await api("POST", "/api/auth/verify", { body: { token: route.params.get("token") ?? "" } });
        replace(status, h("p", { class: "notice success", text: "Your address is confirmed. You can sign in now." }));
    } catch (error) {
        replace(status, h("p", { class: "notice error", text: `This link did not work: ${error.message}` }));
    }
    status.append(h("a", { href: "#signin", class: "button wide", text: "Continue to sign in" }));
}

export async function forgotPassword(view) {
    const sent = h("p", { class: "notice", role: "status", hidden: true,
        text: "If an account uses that address, a link to reset its password is on its way." });
    replace(view, card("Reset your password",
        h("p", { text: "Enter your e-mail address and we will send you a link to choose a new password." }),
        form([emailField()], "Send the link", async (values) => {
            await api("POST", "/api/auth/forgot-password", { body: { email: values.email } });
            sent.hidden = false;
        }), sent,
        h("p", { class: "auth-links" }, h("a", { href: "#signin", text: "Back to sign in" }))));
}

export async function resetPassword(view, route) {
    const code = route.params.get("token") ?? "";
    replace(view, card("Choose a new password",
        form([newPasswordField("New password", "new_password"), passwordRule(),
            newPasswordField("Repeat the new password", "confirm")], "Set the password", async (values) => {
            if ((values.new_password ?? "") !== (values.confirm ?? "")) throw new Error("The two passwords differ.");
            const answer = await api("POST", "/api/auth/reset-password", {
                body: { token: code, new_password: values.new_password },
            });
            toast(answer?.message ?? "Your password has been reset.", "success");
            location.hash = "#signin";
        })));
}

export async function acceptInvitation(view, route) {
    const code = route.params.get("token") ?? "";
    replace(view, card("Join the cellar",
        h("p", { text: "You were invited to this WineBox. Choose your password to open your account; the link works once." }),
        form([field("Your name", "full_name", { autocomplete: "name" }), newPasswordField(), passwordRule(),
            newPasswordField("Repeat the password", "confirm")], "Open my account", async (values) => {
            if ((values.password ?? "") !== (values.confirm ?? "")) throw new Error("The two passwords differ.");
            const body = { token: code, password: values.password ?? "" };
            if (values.full_name) body.full_name = values.full_name;
            const grant = await api("POST", "/api/auth/accept-invitation", { body });
            storeToken(grant.access_token);
            forgetMember();
            toast("Welcome! Your account is ready.", "success");
            location.hash = "#dashboard";
        })));
}
