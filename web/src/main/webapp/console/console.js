// The KalamDB admin console: a static page that uses only the public HTTP API (DESIGN.md §5) with the
// logged-in user's token. The access token lives in memory; the refresh token is the server's HttpOnly cookie,
// so a reload signs in again through POST /v1/api/auth/refresh.
const $ = (id) => document.getElementById(id);
const NUMERIC = new Set(["SmallInt", "Int", "BigInt", "Float", "Double"]);
let token = null;

async function api(path, body, bearer = token) {
  const headers = { "Content-Type": "application/json" };
  if (bearer) headers.Authorization = `Bearer ${bearer}`;
  const response = await fetch(path, { method: "POST", headers, body: JSON.stringify(body ?? {}), credentials: "same-origin" });
  const json = await response.json().catch(() => ({ error: { code: `HTTP_${response.status}`, message: response.statusText } }));
  if (!response.ok || json.error) {
    const error = new Error(json.error?.message ?? `HTTP ${response.status}`);
    error.code = json.error?.code ?? `HTTP_${response.status}`;
    throw error;
  }
  return json;
}

const ADMIN_ROLES = new Set(["dba", "system"]);
let refreshTimer = null;

function signedIn(session) {
  token = session.access_token;
  $("who").textContent = session.user.id;
  $("role").textContent = session.user.role;
  $("login").hidden = true;
  $("session").hidden = false;
  $("nav").hidden = false;
  // Role-aware: only dba and system see the admin pages; everyone has the SQL studio over their own data.
  for (const button of document.querySelectorAll("nav .admin")) button.hidden = !ADMIN_ROLES.has(session.user.role);
  show("studio");
}

function signedOut() {
  token = null;
  clearTimeout(refreshTimer);
  for (const id of ["session", "nav", "studio", "jobs", "live", "users"]) $(id).hidden = true;
  $("login").hidden = false;
  $("results").replaceChildren();
}

function show(view) {
  for (const id of ["studio", "jobs", "live", "users"]) $(id).hidden = id !== view;
  for (const button of document.querySelectorAll("nav button")) button.classList.toggle("active", button.dataset.view === view);
  clearTimeout(refreshTimer);
  if (view === "jobs") refreshJobs();
  else if (view === "live") refreshLive();
  else if (view === "users") refreshUsers();
  else $("sql").focus();
}

for (const button of document.querySelectorAll("nav button")) {
  button.addEventListener("click", () => show(button.dataset.view));
}

$("login").addEventListener("submit", async (event) => {
  event.preventDefault();
  const form = new FormData(event.target);
  $("login-error").textContent = "";
  try {
    signedIn(await api("/v1/api/auth/login", { user: form.get("user"), password: form.get("password") }, null));
  } catch (e) {
    $("login-error").textContent = `${e.code}: ${e.message}`;
  }
});

$("logout").addEventListener("click", async () => {
  try {
    await api("/v1/api/auth/logout", {});
  } finally {
    signedOut();
  }
});

function cell(value, type) {
  const td = document.createElement("td");
  if (value === null) {
    td.className = "null";
    td.textContent = "NULL";
  } else {
    td.textContent = typeof value === "object" ? JSON.stringify(value) : String(value);
    if (NUMERIC.has(type) || (typeof type === "object" && type.Decimal)) td.className = "num";
  }
  return td;
}

function render(result) {
  if (!result.schema.length) {
    const p = document.createElement("p");
    p.className = "message";
    p.textContent = result.message;
    return p;
  }
  const table = document.createElement("table");
  const head = table.createTHead().insertRow();
  for (const column of result.schema) {
    const th = document.createElement("th");
    th.textContent = column.name;
    head.append(th);
  }
  const body = table.createTBody();
  for (const row of result.rows) {
    const tr = body.insertRow();
    row.forEach((value, i) => tr.append(cell(value, result.schema[i].data_type)));
  }
  const caption = table.createCaption();
  caption.textContent = `(${result.row_count} ${result.row_count === 1 ? "row" : "rows"})`;
  caption.style.captionSide = "bottom";
  return table;
}

function remember(sql) {
  const history = JSON.parse(localStorage.getItem("kalam.history") ?? "[]").filter((s) => s !== sql);
  history.unshift(sql);
  localStorage.setItem("kalam.history", JSON.stringify(history.slice(0, 50)));
  showHistory();
}

function showHistory() {
  const select = $("history");
  select.replaceChildren(new Option("History…", ""));
  for (const sql of JSON.parse(localStorage.getItem("kalam.history") ?? "[]")) {
    select.append(new Option(sql.length > 80 ? `${sql.slice(0, 80)}…` : sql, sql));
  }
}

async function run() {
  const editor = $("sql");
  const selected = editor.value.slice(editor.selectionStart, editor.selectionEnd);
  const sql = (selected.trim() ? selected : editor.value).trim();
  if (!sql) return;
  $("sql-error").textContent = "";
  $("timing").textContent = "running…";
  const start = performance.now();
  try {
    const response = await api("/v1/api/sql", { sql });
    $("results").replaceChildren(...response.results.map(render));
    $("timing").textContent = `Time: ${(performance.now() - start).toFixed(1)} ms (server ${response.took} ms)`;
    remember(sql);
  } catch (e) {
    $("timing").textContent = "";
    $("results").replaceChildren();
    $("sql-error").textContent = `${e.code}: ${e.message}`;
    if (e.code === "AUTH_REQUIRED") signedOut();
  }
}

$("run").addEventListener("click", run);
$("sql").addEventListener("keydown", (event) => {
  if (event.key === "Enter" && (event.ctrlKey || event.metaKey)) {
    event.preventDefault();
    run();
  }
});
$("history").addEventListener("change", (event) => {
  if (event.target.value) $("sql").value = event.target.value;
});

// --- Jobs: system.jobs, refreshed every second while a job is pending or running ---

const micros = (v) => (v === null ? "" : new Date(Number(v) / 1000).toISOString().replace("T", " ").slice(0, 19));
const quote = (s) => `'${String(s).replaceAll("'", "''")}'`;

async function sql(statement) {
  return (await api("/v1/api/sql", { sql: statement })).results[0];
}

async function jobAction(statement) {
  $("jobs-error").textContent = "";
  try {
    await sql(statement);
  } catch (e) {
    $("jobs-error").textContent = `${e.code}: ${e.message}`;
  }
  refreshJobs();
}

function jobRow(job) {
  const [id, type, status, namespace, table, progress, message, , started, finished] = job;
  const tr = document.createElement("tr");
  tr.dataset.job = id;
  const target = namespace && table ? `${namespace}.${table}` : "";
  for (const [text, cls] of [[id], [type], [status, `status-${status}`], [target],
    [`${Math.round((progress ?? 0) * 100)}%`, "num"], [micros(started)], [micros(finished)], [message ?? ""]]) {
    const td = tr.insertCell();
    td.textContent = text;
    if (cls) td.className = cls;
  }
  const actions = tr.insertCell();
  if (["new", "queued", "running"].includes(status)) {
    const stop = document.createElement("button");
    stop.textContent = "Stop";
    stop.addEventListener("click", () => jobAction(`KILL JOB ${quote(id)}`));
    actions.append(stop);
  } else if (["failed", "cancelled"].includes(status) && type === "flush-table" && target) {
    const restart = document.createElement("button");
    restart.textContent = "Restart";
    restart.addEventListener("click", () => jobAction(`FLUSH TABLE ${target}`));
    actions.append(restart);
  }
  return tr;
}

async function refreshJobs() {
  clearTimeout(refreshTimer);
  if ($("jobs").hidden) return;
  try {
    const result = await sql("SELECT job_id, job_type, status, namespace_id, table_name, progress, message, created_at,"
      + " started_at, finished_at FROM system.jobs ORDER BY created_at DESC LIMIT 200");
    const status = $("job-status").value;
    const type = $("job-type").value;
    const rows = result.rows.filter((r) => (!status || r[2] === status) && (!type || r[1] === type));
    $("job-list").tBodies[0].replaceChildren(...rows.map(jobRow));
    $("jobs-refreshed").textContent = `${rows.length} job(s), refreshed ${new Date().toLocaleTimeString()}`;
    const busy = result.rows.some((r) => ["new", "queued", "running"].includes(r[2]));
    refreshTimer = setTimeout(refreshJobs, busy ? 1000 : 5000);
  } catch (e) {
    $("jobs-error").textContent = `${e.code}: ${e.message}`;
  }
}

$("flush").addEventListener("click", () => {
  const table = $("flush-table").value.trim();
  if (table) jobAction(`FLUSH TABLE ${table}`);
});
$("flush-all").addEventListener("click", () => jobAction("FLUSH ALL TABLES"));
$("job-status").addEventListener("change", refreshJobs);
$("job-type").addEventListener("change", refreshJobs);

// --- Live queries and users: system views with actions; every action is SQL the user could type ---

function button(text, action) {
  const b = document.createElement("button");
  b.type = "button";
  b.textContent = text;
  b.addEventListener("click", action);
  return b;
}

function fill(tableId, rows, cells, actions) {
  $(tableId).tBodies[0].replaceChildren(...rows.map((row) => {
    const tr = document.createElement("tr");
    for (const text of cells(row)) tr.insertCell().textContent = text ?? "";
    tr.insertCell().append(...actions(row));
    return tr;
  }));
}

async function act(errorId, statement, then) {
  $(errorId).textContent = "";
  try {
    await sql(statement);
  } catch (e) {
    $(errorId).textContent = `${e.code}: ${e.message}`;
  }
  then();
}

async function refreshLive() {
  try {
    const result = await sql("SELECT live_id, user_id, query, status, created_at, last_update, changes"
      + " FROM system.live_queries ORDER BY created_at");
    fill("live-list", result.rows, (r) => [r[0], r[1], r[2], r[3], micros(r[4]), micros(r[5]), r[6]],
      (r) => [button("Kill", () => act("live-error", `KILL LIVE QUERY ${quote(r[0])}`, refreshLive))]);
    $("live-count").textContent = `${result.rows.length} live quer${result.rows.length === 1 ? "y" : "ies"}`;
  } catch (e) {
    $("live-error").textContent = `${e.code}: ${e.message}`;
  }
}

async function refreshUsers() {
  try {
    const result = await sql("SELECT user_id, role, email, created_at, last_login_at, deleted_at FROM system.users"
      + " ORDER BY user_id");
    fill("user-list", result.rows, (r) => [r[0], r[1], r[2], micros(r[3]), micros(r[4]), micros(r[5])], (r) => {
      if (r[5] !== null || r[1] === "system") return [];
      const role = document.createElement("select");
      role.setAttribute("aria-label", `Role of ${r[0]}`);
      for (const name of ["user", "service", "dba"]) role.append(new Option(name, name, false, name === r[1]));
      role.addEventListener("change", () => act("users-error", `ALTER USER ${quote(r[0])} SET ROLE ${role.value}`, refreshUsers));
      const reset = button("Reset password", () => {
        const password = prompt(`New password for ${r[0]} (8+ characters)`);
        if (password) act("users-error", `ALTER USER ${quote(r[0])} SET PASSWORD ${quote(password)}`, refreshUsers);
      });
      return [role, reset, button("Delete", () => act("users-error", `DROP USER ${quote(r[0])}`, refreshUsers))];
    });
  } catch (e) {
    $("users-error").textContent = `${e.code}: ${e.message}`;
  }
}

$("live-refresh").addEventListener("click", refreshLive);
$("create-user").addEventListener("submit", (event) => {
  event.preventDefault();
  const form = new FormData(event.target);
  act("users-error", `CREATE USER ${quote(form.get("name"))} WITH PASSWORD ${quote(form.get("password"))}`
    + ` ROLE ${form.get("role")}`, () => {
    event.target.reset();
    refreshUsers();
  });
});

showHistory();
api("/v1/api/auth/refresh", {}, null).then(signedIn, signedOut);
