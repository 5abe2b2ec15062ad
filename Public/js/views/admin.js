// Administration: members (invite by mail or create with a password, disable/enable, promote/demote, remove) and the
// audit trail.
import { api, del, get, post, put } from "../api.js";
import { confirmDialog, field, formValues, formatDate, formatNumber, h, replace, spinner, tableWrap, toast, withBusy } from "../dom.js";
import { currentMember } from "../app.js";

const PAGE = 50;

function userRow(user, me, reload) {
    const act = (label, work, danger = false) => h("button", { type: "button", class: `button small ${danger ? "danger" : "secondary"}`,
        text: label, "aria-label": `${label} ${user.email}`, onclick: (event) => withBusy(event.currentTarget, async () => {
            await work();
            reload();
        }) });
    const self = user.id === me.id;
    const role = user.is_admin ? "Admin" : "Member";
    // An invitation waiting to be accepted, or a registration waiting for its address to be confirmed.
    const pending = user.is_verified ? "" : user.invited_at ? ", invited" : ", unverified";
    const status = `${user.is_active ? "Active" : "Disabled"}${pending}`;
    return h("tr", { dataset: { user: user.email } },
        h("td", {}, h("strong", { text: user.full_name || user.email }), user.full_name ? h("div", { class: "hint", text: user.email }) : null,
            // On a phone the role and status columns give way to this line, so the actions fit beside it.
            h("div", { class: "hint phone-only", text: `${role} · ${status}` })),
        h("td", { class: "hide-phone", text: role }),
        h("td", { class: "hide-phone", text: status }),
        h("td", { class: "hide-phone", text: user.last_login ? formatDate(user.last_login, true) : "Never" }),
        h("td", {}, self ? h("span", { class: "hint", text: "You" }) : h("div", { class: "chips" },
            user.is_verified ? null : act("Invite again", async () => {
                const invitation = await post("/api/admin/invitations", { email: user.email, full_name: user.full_name, role: user.role });
                toast(invitationMessage(invitation), invitation.mailed ? "success" : "error");
            }),
            act(user.is_active ? "Disable" : "Enable", async () => {
                await post(`/api/admin/users/${user.id}/${user.is_active ? "disable" : "enable"}`);
                toast(`${user.email} is ${user.is_active ? "disabled" : "enabled"}.`, "success");
            }),
            act(user.is_admin ? "Make member" : "Make admin", async () => {
                await put(`/api/admin/users/${user.id}/role`, { role: user.is_admin ? "member" : "admin" });
                toast(`${user.email} is now ${user.is_admin ? "a member" : "an admin"}.`, "success");
            }),
            act("Remove", async () => {
                if (!(await confirmDialog(`Remove ${user.email}? Their history stays, without their name.`, "Remove"))) return;
                await del(`/api/admin/users/${user.id}`);
                toast(`${user.email} was removed.`, "success");
            }, true))));
}

function invitationMessage(invitation) {
    return invitation.mailed ? `An invitation is on its way to ${invitation.user.email}.`
        : `The invitation to ${invitation.user.email} could not be mailed; pass on its link instead.`;
}

/** The link of the invitation just sent, to pass on by other means; it is shown once and not stored. */
function invitationResult(invitation) {
    const link = field("Invitation link", "invitation_link", { value: invitation.invitation_link, readonly: true });
    const input = link.querySelector("input");
    const copy = h("button", { type: "button", class: "button secondary", text: "Copy link", onclick: async () => {
        input.select();
        if (!navigator.clipboard) {
            toast("Copy the selected link with your keyboard or menu.", "info");
            return;
        }
        await navigator.clipboard.writeText(invitation.invitation_link);
        toast("The invitation link is copied.", "success");
    } });
    return h("div", { class: "notice invitation", role: "status" },
        h("p", { text: `${invitationMessage(invitation)} The link works once, until ${formatDate(invitation.expires_at, true)}; `
            + "whoever holds it can choose the account's password." }),
        link, h("div", { class: "actions" }, copy));
}

export async function admin(view, route, invitation = null) {
    const me = await currentMember(true);
    if (!me.is_admin) {
        replace(view, h("h1", { text: "Administration" }), h("p", { class: "notice error", text: "Only administrators can see this page." }));
        return;
    }
    replace(view, h("h1", { text: "Administration" }), spinner());
    const skip = Number(route.params.get("skip") ?? 0);
    const kind = route.params.get("kind") ?? "";
    const [users, audit] = await Promise.all([get("/api/admin/users"), get("/api/admin/audit", { skip, limit: PAGE, kind })]);
    if (!route.isCurrent()) return;
    const reload = () => admin(view, route);
    const create = h("form", { class: "grid-form three", "aria-label": "Add a member" },
        field("E-mail", "email", { type: "email", required: true }),
        field("Name", "full_name", {}),
        field("Password", "password", { type: "password", autocomplete: "new-password", required: true, minlength: 8 }),
        field("Role", "role", { value: "member" }, [["member", "Member"], ["admin", "Admin"]]),
        h("div", { class: "actions span-all" }, h("button", { type: "submit", class: "button", text: "Add member" })));
    create.addEventListener("submit", (event) => {
        event.preventDefault();
        withBusy(event.submitter, async () => {
            const user = await api("POST", "/api/admin/users", { body: formValues(create) });
            toast(`${user.email} can sign in now.`, "success");
            reload();
        });
    });
    const invite = h("form", { class: "grid-form three", "aria-label": "Invite a member" },
        field("E-mail", "email", { type: "email", required: true }),
        field("Name", "full_name", {}),
        field("Role", "role", { value: "member" }, [["member", "Member"], ["admin", "Admin"]]),
        h("div", { class: "actions span-all" }, h("button", { type: "submit", class: "button", text: "Send invitation" })));
    invite.addEventListener("submit", (event) => {
        event.preventDefault();
        withBusy(event.submitter, async () => {
            const sent = await post("/api/admin/invitations", formValues(invite));
            toast(invitationMessage(sent), sent.mailed ? "success" : "error");
            await admin(view, route, sent);
        });
    });
    const kinds = ["sign_in", "sign_in_failed", "lockout", "sign_out", "password_changed", "password_reset_requested",
        "password_reset", "user_registered", "email_verified", "user_created", "user_disabled", "user_enabled",
        "role_changed", "user_removed", "user_invited", "invitation_accepted"];
    const filter = field("Event", "kind", { value: kind }, [["", "All events"], ...kinds.map((k) => [k, k.replaceAll("_", " ")])]);
    filter.addEventListener("change", (event) => { location.hash = `#admin?kind=${event.target.value}`; });
    const names = new Map(users.items.map((user) => [user.id, user.full_name || user.email]));
    replace(view, h("h1", { text: "Administration" }),
        h("section", { class: "panel", "aria-labelledby": "members-title" }, h("h2", { id: "members-title", text: `Members (${formatNumber(users.total)})` }),
            tableWrap("Members", h("table", { class: "members" },
                h("thead", {}, h("tr", {}, ["Member", "Role", "Status", "Last sign-in", "Actions"].map((label) =>
                    h("th", { scope: "col", class: ["Role", "Status", "Last sign-in"].includes(label) ? "hide-phone" : "",
                        text: label })))),
                h("tbody", {}, users.items.map((user) => userRow(user, me, reload))))),
            h("h3", { text: "Invite a member" }),
            h("p", { class: "hint", text: "They get a mail with a link to choose their own password; the link works for 7 days." }),
            invite, invitation ? invitationResult(invitation) : null,
            h("h3", { text: "Add a member with a password" }), create),
        h("section", { class: "panel", "aria-labelledby": "audit-title" }, h("h2", { id: "audit-title", text: "Audit trail" }), filter,
            tableWrap("Audit trail", h("table", { class: "audit" },
                h("thead", {}, h("tr", {}, ["When", "Event", "By", "Subject", "Address"].map((label) => h("th", { scope: "col", text: label })))),
                h("tbody", {}, audit.items.map((event) => h("tr", {},
                    h("td", { text: formatDate(event.occurred_at, true) }), h("td", { text: event.kind.replaceAll("_", " ") }),
                    h("td", { text: names.get(event.actor_id) ?? event.actor_id ?? "–" }),
                    h("td", { text: names.get(event.subject_id) ?? event.subject_id ?? "–" }),
                    h("td", { text: event.client_address ?? "" })))))),
            h("nav", { class: "pager", "aria-label": "Audit pages" },
                skip > 0 ? h("a", { class: "button secondary", href: `#admin?kind=${kind}&skip=${Math.max(0, skip - PAGE)}`, text: "Newer" }) : null,
                h("span", { text: `${formatNumber(Math.min(audit.total, skip + 1))}–${formatNumber(Math.min(audit.total, skip + PAGE))} of ${formatNumber(audit.total)}` }),
                skip + PAGE < audit.total ? h("a", { class: "button secondary", href: `#admin?kind=${kind}&skip=${skip + PAGE}`, text: "Older" }) : null)));
}
