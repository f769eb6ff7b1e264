// Schema browser: namespaces → their tables (type, storage, flush policy, TTL, schema version, and hot/cold rows
// from SHOW STATS) → a table's columns (DESCRIBE TABLE) and schema history (DESCRIBE TABLE … HISTORY).
import { $, button, fill, ident, loader, quote, records, showError, sql } from "./api.js";
import { render } from "./grid.js";

let selected = null;
const loadTable = loader("schema-error");
const loadNamespace = loader("schema-error");

function showTable(namespace, table) {
  const tableId = `${ident(namespace)}.${ident(table)}`;
  $("schema-error").textContent = "";
  return loadTable(() => Promise.all([sql(`DESCRIBE TABLE ${tableId}`), sql(`DESCRIBE TABLE ${tableId} HISTORY`)]),
    ([columns, history]) => {
      $("table-name").textContent = `${namespace}.${table}`;
      $("table-columns").replaceChildren(render(columns));
      $("table-history").replaceChildren(render(history));
      $("table-detail").hidden = false;
    });
}

function showNamespace(namespace) {
  selected = namespace;
  $("schema-error").textContent = "";
  $("table-detail").hidden = true;
  for (const b of $("namespace-list").querySelectorAll("button")) b.classList.toggle("active", b.textContent.startsWith(`${namespace} `));
  return loadNamespace(() => Promise.all([
    sql(`SELECT table_name, table_type, storage_id, flush_policy, ttl_seconds, schema_version FROM system.tables`
      + ` WHERE namespace_id = ${quote(namespace)} ORDER BY table_name`),
    sql("SHOW STATS")]), ([tables, stats]) => {
    const rowsOf = new Map(records(stats).filter((s) => s.namespace_id === namespace).map((s) => [s.table_name, s]));
    $("namespace-name").textContent = namespace;
    fill("table-list", records(tables), (t) => {
      const s = rowsOf.get(t.table_name) ?? {};
      return [t.table_type, t.storage_id, t.flush_policy, t.ttl_seconds, s.hot_rows, s.cold_rows, s.segments,
        t.schema_version];
    }, (t) => [button(t.table_name, () => showTable(namespace, t.table_name))]);
    // The table name (a button opening its columns) reads best first.
    for (const tr of $("table-list").tBodies[0].rows) tr.prepend(tr.lastElementChild);
  });
}

async function refresh() {
  $("schema-error").textContent = "";
  try {
    const namespaces = records(await sql("SELECT namespace_id, table_count FROM system.namespaces ORDER BY namespace_id"));
    $("namespace-list").replaceChildren(...namespaces.map((n) =>
      button(`${n.namespace_id} (${n.table_count})`, () => showNamespace(n.namespace_id))));
    const again = namespaces.find((n) => n.namespace_id === selected) ?? namespaces[0];
    if (again) await showNamespace(again.namespace_id);
  } catch (e) {
    showError("schema-error", e);
  }
}

export const schema = { id: "schema", admin: true, open: refresh };
