// Storages: SHOW STORAGES (credentials are always masked by the server) with the tables that use each one; create a
// filesystem storage with its path templates, drop an unused one.
import { $, act, button, fill, loader, quote, records, sql } from "./api.js";

const load = loader("storages-error");

function refresh() {
  return load(() => Promise.all([sql("SHOW STORAGES"),
    sql("SELECT table_id, storage_id FROM system.tables ORDER BY table_id")]), ([storages, tables]) => {
    const users = new Map();
    for (const t of records(tables)) users.set(t.storage_id, [...(users.get(t.storage_id) ?? []), t.table_id]);
    fill("storage-list", records(storages), (s) => [s.storage_id, s.description, s.storage_type, s.base_directory,
      s.shared_tables_template, s.user_tables_template, s.credentials, (users.get(s.storage_id) ?? []).join(", ")],
    (s) => (s.storage_id === "local" ? []
      : [button("Drop", () => act("storages-error", `DROP STORAGE ${s.storage_id}`, refresh))]));
  });
}

$("create-storage").addEventListener("submit", (event) => {
  event.preventDefault();
  const form = new FormData(event.target);
  const optional = [["SHARED_TABLES_TEMPLATE", "shared"], ["USER_TABLES_TEMPLATE", "user"],
    ["DESCRIPTION", "description"], ["CREDENTIALS", "credentials"]]
    .filter(([, field]) => form.get(field).trim())
    .map(([clause, field]) => ` ${clause} ${quote(form.get(field).trim())}`);
  act("storages-error", `CREATE STORAGE ${form.get("id").trim()} TYPE 'filesystem' PATH ${quote(form.get("path").trim())}`
    + optional.join(""), () => {
    if (!$("storages-error").textContent) event.target.reset();
    refresh();
  });
});

export const storages = { id: "storages", admin: true, open: refresh };
