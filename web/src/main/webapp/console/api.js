// The console's only way to the server: the public HTTP API (DESIGN.md §5) with the logged-in user's access token,
// and the small DOM helpers every page shares. The token lives in memory only; the refresh token is the server's
// HttpOnly cookie.
export const $ = (id) => document.getElementById(id);

let token = null;

/** Sets (or, with null, forgets) the access token sent as `Authorization: Bearer`. */
export function useToken(accessToken) {
  token = accessToken;
}

/**
 * Calls the API and returns its JSON. A POST sends `body` as JSON; `body === undefined` makes a GET.
 * Throws an Error with `code` (the contract's code, or HTTP_<status>) and the server's message on any failure.
 */
export async function api(path, body, bearer = token) {
  const headers = {};
  if (body !== undefined) headers["Content-Type"] = "application/json";
  if (bearer) headers.Authorization = `Bearer ${bearer}`;
  const response = await fetch(path, {
    method: body === undefined ? "GET" : "POST", headers, credentials: "same-origin",
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const json = await response.json().catch(() => ({ error: { code: `HTTP_${response.status}`, message: response.statusText } }));
  if (!response.ok || json.error) {
    const error = new Error(json.error?.message ?? json.message ?? `HTTP ${response.status}`);
    error.code = json.error?.code ?? `HTTP_${response.status}`;
    // A refused token (expired, revoked, user locked or dropped) ends the session: the shell shows the login form.
    if (bearer && error.code === "AUTH_REQUIRED") window.dispatchEvent(new Event("kalam:auth-lost"));
    throw error;
  }
  return json;
}

/**
 * A page's loads, which show their errors in the element `errorId`: `const load = loader(errorId)`, then
 * `load(query, show)` runs `query()` and passes its result to `show` only if no later `load` has begun meanwhile — a
 * slower, older load that answers last must not overwrite the newer one (e.g. the list loaded when the page opened
 * arriving after the list reloaded by an action). An error of `query` or `show` is shown in `errorId`; clearing it is
 * up to the page.
 * @returns a promise of what `show` returned; undefined after an error or for a superseded load
 */
export function loader(errorId) {
  let last = 0;
  return async (query, show) => {
    const mine = ++last;
    try {
      const result = await query();
      if (mine === last) return show(result);
    } catch (e) {
      showError(errorId, e);
    }
    return undefined;
  };
}

/**
 * Polls a page while it is shown: `refresh()` runs `load()` unless the page's element `pageId` is hidden, and runs it
 * again after the delay (ms) `load()` resolves to; an undefined delay (a failed or superseded load) stops the polling
 * until `refresh()` is called again. `stop()` cancels the next run.
 */
export function poller(pageId, load) {
  let timer = null;
  const refresh = async () => {
    clearTimeout(timer);
    if ($(pageId).hidden) return;
    const delay = await load();
    if (delay !== undefined) timer = setTimeout(refresh, delay);
  };
  return { refresh, stop: () => clearTimeout(timer) };
}

/** Runs one statement through POST /v1/api/sql and returns its result ({schema, rows, row_count, message}). */
export async function sql(statement) {
  return (await api("/v1/api/sql", { sql: statement })).results[0];
}

/** @returns a result's rows as objects keyed by column name */
export const records = (result) => result.rows.map((row) => Object.fromEntries(result.schema.map((c, i) => [c.name, row[i]])));

/** A quoted SQL identifier, so that names like `default` are never read as keywords. */
export const ident = (s) => `"${String(s).replaceAll('"', '""')}"`;

/** A SQL string literal. */
export const quote = (s) => `'${String(s).replaceAll("'", "''")}'`;

/**
 * A TIMESTAMP as the API returns it (microseconds since the epoch) in UTC, `2026-11-23 05:00:00`, or with `ms`
 * `2026-11-23 05:00:00.449`; "" for NULL.
 */
export function micros(v, { ms = false } = {}) {
  if (v === null) return "";
  const time = new Date(Number(v) / 1000).toISOString().replace("T", " ").replace("Z", "");
  return ms ? time : time.slice(0, 19);
}

/** Shows `CODE: message` of an API error in the element with the given id. */
export function showError(id, e) {
  $(id).textContent = `${e.code}: ${e.message}`;
}

export function button(text, action) {
  const b = document.createElement("button");
  b.type = "button";
  b.textContent = text;
  b.addEventListener("click", action);
  return b;
}

/** Replaces the body of table `tableId`: one row per item, its `cells(row)` texts, then a cell of `actions(row)`. */
export function fill(tableId, rows, cells, actions) {
  $(tableId).tBodies[0].replaceChildren(...rows.map((row) => {
    const tr = document.createElement("tr");
    for (const text of cells(row)) tr.insertCell().textContent = text ?? "";
    if (actions) tr.insertCell().append(...actions(row));
    return tr;
  }));
}

/** Runs an action's statement, shows its error (if any) in `errorId`, then calls `then` either way. */
export async function act(errorId, statement, then) {
  $(errorId).textContent = "";
  try {
    await sql(statement);
  } catch (e) {
    showError(errorId, e);
  }
  then();
}
