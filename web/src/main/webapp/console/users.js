// Users: system.users (never password hashes). Create, change role, reset password, soft-delete (DROP USER) and
// restore a deleted user (CREATE USER again, with a new password and the role they had) — all plain SQL.
import { $, act, button, fill, loader, micros, quote, sql } from "./api.js";

const load = loader("users-error");

const userAction = (statement) => act("users-error", statement, refresh);

function askPassword(user, then) {
  const password = prompt(`New password for ${user} (8+ characters)`);
  if (password) then(password);
}

function actions([user, role, , , , deletedAt]) {
  if (role === "system") return [];
  if (deletedAt !== null) {
    return [button("Restore", () => askPassword(user, (password) =>
      userAction(`CREATE USER ${quote(user)} WITH PASSWORD ${quote(password)} ROLE ${role}`)))];
  }
  const select = document.createElement("select");
  select.setAttribute("aria-label", `Role of ${user}`);
  for (const name of ["user", "service", "dba"]) select.append(new Option(name, name, false, name === role));
  select.addEventListener("change", () => userAction(`ALTER USER ${quote(user)} SET ROLE ${select.value}`));
  return [select,
    button("Reset password", () => askPassword(user, (password) =>
      userAction(`ALTER USER ${quote(user)} SET PASSWORD ${quote(password)}`))),
    button("Delete", () => userAction(`DROP USER ${quote(user)}`))];
}

function refresh() {
  return load(() => sql("SELECT user_id, role, email, created_at, last_login_at, deleted_at FROM system.users"
    + " ORDER BY user_id"), (result) =>
    fill("user-list", result.rows, (r) => [r[0], r[1], r[2], micros(r[3]), micros(r[4]), micros(r[5])], actions));
}

$("create-user").addEventListener("submit", (event) => {
  event.preventDefault();
  const form = new FormData(event.target);
  act("users-error", `CREATE USER ${quote(form.get("name"))} WITH PASSWORD ${quote(form.get("password"))}`
    + ` ROLE ${form.get("role")}`, () => {
    event.target.reset();
    refresh();
  });
});

export const users = { id: "users", admin: true, open: refresh };
