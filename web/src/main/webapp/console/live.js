// Live queries: system.live_queries with user, query, status, times and changes delivered; Kill sends KILL LIVE QUERY.
import { $, act, button, fill, loader, micros, quote, sql } from "./api.js";

const load = loader("live-error");

function refresh() {
  return load(() => sql("SELECT live_id, user_id, query, status, created_at, last_update, changes"
    + " FROM system.live_queries ORDER BY created_at"), (result) => {
    fill("live-list", result.rows, (r) => [r[0], r[1], r[2], r[3], micros(r[4]), micros(r[5]), r[6]],
      (r) => [button("Kill", () => act("live-error", `KILL LIVE QUERY ${quote(r[0])}`, refresh))]);
    $("live-count").textContent = `${result.rows.length} live quer${result.rows.length === 1 ? "y" : "ies"}`;
  });
}

$("live-refresh").addEventListener("click", refresh);

export const live = { id: "live", admin: true, open: refresh };
