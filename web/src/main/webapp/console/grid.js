// A statement result as an HTML table: column names from the schema, numbers right-aligned, times (microseconds since
// the epoch on the wire) as UTC `2026-11-23 05:04:05.449`, NULL shown as NULL, a "(N rows)" caption; a statement
// without rows shows its message.
import { micros } from "./api.js";

const NUMERIC = new Set(["SmallInt", "Int", "BigInt", "Float", "Double"]);
const TIMES = new Set(["Timestamp", "DateTime"]);

function cell(value, type) {
  const td = document.createElement("td");
  if (value === null) {
    td.className = "null";
    td.textContent = "NULL";
  } else if (TIMES.has(type)) {
    td.textContent = micros(value, { ms: true });
  } else {
    td.textContent = typeof value === "object" ? JSON.stringify(value) : String(value);
    if (NUMERIC.has(type) || (typeof type === "object" && type.Decimal)) td.className = "num";
  }
  return td;
}

/** @returns a <table> for a result with columns, or a <p class="message"> with its message */
export function render(result) {
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
