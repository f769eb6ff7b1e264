// Health: the healthcheck (status, version), MicroProfile readiness, and the server metrics of system.stats —
// uptime, memory, namespaces and tables, hot and cold rows, jobs, live subscriptions; refreshed every 5 s.
import { $, api, loader, poller, records, sql } from "./api.js";

const load = loader("health-error");

const bytes = (n) => (n >= 1 << 30 ? `${(n / (1 << 30)).toFixed(1)} GiB` : n >= 1 << 20 ? `${(n / (1 << 20)).toFixed(1)} MiB`
  : n >= 1 << 10 ? `${(n / (1 << 10)).toFixed(1)} KiB` : `${n} B`);

function duration(seconds) {
  const d = Math.floor(seconds / 86400);
  const h = Math.floor((seconds % 86400) / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  return `${d ? `${d} d ` : ""}${d || h ? `${h} h ` : ""}${m} min ${seconds % 60} s`;
}

async function readiness() {
  const response = await fetch("/health/ready");
  return (await response.json().catch(() => ({}))).status ?? `HTTP ${response.status}`;
}

/** Loads the facts; resolves to the delay before the next load, 5 s. */
function loadFacts() {
  return load(() => Promise.all([api("/v1/api/healthcheck"), readiness(),
    sql("SELECT metric_name, metric_value FROM system.stats")]), ([check, ready, stats]) => {
    const m = Object.fromEntries(records(stats).map((r) => [r.metric_name, Number(r.metric_value)]));
    const facts = [
      ["status", `${check.status} (ready: ${ready})`],
      ["version", `${check.version} (API ${check.api_version})`],
      ["uptime", duration(m.uptime_seconds)],
      ["memory", `${bytes(m.heap_used_bytes)} of ${bytes(m.heap_max_bytes)} heap`],
      ["tables", `${m.tables} in ${m.namespaces} namespaces`],
      ["hot tier", `${m.hot_rows} rows, ${bytes(m.hot_sst_bytes)} of SST files`],
      ["cold tier", `${m.cold_rows} rows in ${m.cold_segments} segments, ${bytes(m.cold_bytes)}`],
      ["jobs", `${m.jobs} (${m.jobs_running} running, ${m.jobs_failed} failed)`],
      ["subscriptions", `${m.live_subscriptions} live`],
    ];
    $("health-facts").replaceChildren(...facts.flatMap(([name, value]) => {
      const dt = document.createElement("dt");
      dt.textContent = name;
      const dd = document.createElement("dd");
      dd.textContent = value;
      dd.dataset.fact = name;
      return [dt, dd];
    }));
    $("health-error").textContent = "";
    return 5000;
  });
}

const { refresh, stop } = poller("health", loadFacts);

export const health = { id: "health", admin: true, open: refresh, close: stop };
