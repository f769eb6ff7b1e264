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

function signedIn(session) {
  token = session.access_token;
  $("who").textContent = session.user.id;
  $("role").textContent = session.user.role;
  $("login").hidden = true;
  $("session").hidden = false;
  $("studio").hidden = false;
  $("sql").focus();
}

function signedOut() {
  token = null;
  $("session").hidden = true;
  $("studio").hidden = true;
  $("login").hidden = false;
  $("results").replaceChildren();
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

showHistory();
api("/v1/api/auth/refresh", {}, null).then(signedIn, signedOut);
