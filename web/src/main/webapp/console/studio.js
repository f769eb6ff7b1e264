// SQL studio: run the selection (or everything) with Run or Ctrl+Enter, one grid per statement, browser and server
// timing, errors with their code; the last 50 statements in local storage.
import { $, api, showError } from "./api.js";
import { render } from "./grid.js";

const HISTORY = "kalam.history";

/** @returns the statements run before, newest first, from local storage */
const pastStatements = () => JSON.parse(localStorage.getItem(HISTORY) ?? "[]");

function remember(statement) {
  const history = pastStatements().filter((s) => s !== statement);
  history.unshift(statement);
  localStorage.setItem(HISTORY, JSON.stringify(history.slice(0, 50)));
  showHistory();
}

function showHistory() {
  const select = $("history");
  select.replaceChildren(new Option("History…", ""));
  for (const statement of pastStatements()) {
    select.append(new Option(statement.length > 80 ? `${statement.slice(0, 80)}…` : statement, statement));
  }
}

async function run() {
  const editor = $("sql");
  const selected = editor.value.slice(editor.selectionStart, editor.selectionEnd);
  const statement = (selected.trim() ? selected : editor.value).trim();
  if (!statement) return;
  $("sql-error").textContent = "";
  $("timing").textContent = "running…";
  const start = performance.now();
  try {
    const response = await api("/v1/api/sql", { sql: statement });
    $("results").replaceChildren(...response.results.map(render));
    $("timing").textContent = `Time: ${(performance.now() - start).toFixed(1)} ms (server ${response.took} ms)`;
    remember(statement);
  } catch (e) {
    $("timing").textContent = "";
    $("results").replaceChildren();
    showError("sql-error", e);
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

export const studio = {
  id: "studio",
  open: () => $("sql").focus(),
  clear: () => $("results").replaceChildren(),
};
