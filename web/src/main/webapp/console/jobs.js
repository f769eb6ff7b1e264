// Jobs (batch job control): system.jobs newest first (200 at most) filtered by status, type and table; flush a table
// or all tables, stop a job (KILL JOB), restart a failed flush; refreshed every second while a listed job is pending
// or running, else every 5 s.
import { $, act, button, ident, loader, micros, poller, quote, sql } from "./api.js";

const ACTIVE = ["new", "queued", "running"];
const load = loader("jobs-error");

function jobRow(job) {
  const [id, type, status, namespace, table, progress, message, started, finished] = job;
  const tr = document.createElement("tr");
  const target = namespace && table ? `${namespace}.${table}` : "";
  for (const [text, cls] of [[id], [type], [status, `status-${status}`], [target],
    [`${Math.round((progress ?? 0) * 100)}%`, "num"], [micros(started)], [micros(finished)], [message ?? ""]]) {
    const td = tr.insertCell();
    td.textContent = text;
    if (cls) td.className = cls;
  }
  const actions = tr.insertCell();
  if (ACTIVE.includes(status)) {
    actions.append(button("Stop", () => jobAction(`KILL JOB ${quote(id)}`)));
  } else if (["failed", "cancelled"].includes(status) && type === "flush-table" && target) {
    actions.append(button("Restart", () => jobAction(`FLUSH TABLE ${ident(namespace)}.${ident(table)}`)));
  }
  return tr;
}

/** @returns the WHERE clause of the filters: status, type and (namespace.table) table */
function filters() {
  const conditions = [];
  if ($("job-status").value) conditions.push(`status = ${quote($("job-status").value)}`);
  if ($("job-type").value) conditions.push(`job_type = ${quote($("job-type").value)}`);
  const [namespace, table] = $("job-table").value.trim().split(".");
  if (namespace) conditions.push(`namespace_id = ${quote(namespace)}`);
  if (table) conditions.push(`table_name = ${quote(table)}`);
  return conditions.length ? ` WHERE ${conditions.join(" AND ")}` : "";
}

/** Loads the list; resolves to the delay before the next load: 1 s while a listed job is active, else 5 s. */
function loadList() {
  return load(() => sql("SELECT job_id, job_type, status, namespace_id, table_name, progress, message, started_at,"
    + ` finished_at FROM system.jobs${filters()} ORDER BY created_at DESC LIMIT 200`), (result) => {
    $("jobs-error").textContent = "";
    $("job-list").tBodies[0].replaceChildren(...result.rows.map(jobRow));
    $("jobs-refreshed").textContent = `${result.rows.length} job(s), refreshed ${new Date().toLocaleTimeString()}`;
    return result.rows.some((r) => ACTIVE.includes(r[2])) ? 1000 : 5000;
  });
}

const { refresh, stop } = poller("jobs", loadList);
const jobAction = (statement) => act("jobs-error", statement, refresh);

$("flush").addEventListener("click", () => {
  const table = $("flush-table").value.trim();
  if (table) jobAction(`FLUSH TABLE ${table}`);
});
$("flush-all").addEventListener("click", () => jobAction("FLUSH ALL TABLES"));
$("job-status").addEventListener("change", refresh);
$("job-type").addEventListener("change", refresh);
$("job-table").addEventListener("change", refresh);

export const jobs = { id: "jobs", admin: true, open: refresh, close: stop };
