// Drives the console's admin pages in Debian's chromium (headless) against a running server:
//   node admin.test.mjs <base url> <dba user> <dba password> <table> <managed user> <broken table> <screenshot dir>
// <table> (a USER table, flushed once, with a second schema version) is browsed in the schema page; a storage is
// created, shown with its templates and dropped; the health page shows the server's metrics; <managed user> gets a
// new role and password, is deleted and restored; the jobs page flushes all tables and filters the list by type,
// table and status, and restarts the failed flush of <broken table> (its storage directory is a file).
// ConsoleIT checks the server side of every change afterwards.
import { expect, logIn, open, openLogin } from "./browser.mjs";

const [url, admin, adminPassword, table, managed, broken, shots] = process.argv.slice(2);
const [namespace, tableName] = table.split(".");
const storage = `${namespace}_store`;
const { page, step, finish } = await open("admin", shots);
const cells = (row) => row.locator("td").allTextContents();
const passwords = ["reset-in-console-1", "restored-in-console-1"];
page.on("dialog", (dialog) => dialog.accept(passwords.shift()));

await step("log in as a dba", async () => {
  await openLogin(page, url);
  await logIn(page, admin, adminPassword);
  const visible = await page.locator("nav button:visible").allTextContents();
  expect(visible.length === 7, `a dba sees every page, not ${visible}`);
});
await step("browse a namespace's tables with their hot and cold rows", async () => {
  await page.click("nav button[data-view=schema]");
  await page.locator("#namespace-list button", { hasText: `${namespace} (` }).click();
  await page.locator("#namespace-name", { hasText: namespace }).waitFor({ timeout: 10000 });
  const row = page.locator("#table-list tbody tr").filter({ hasText: tableName });
  await row.waitFor({ timeout: 10000 });
  const [name, type, storageId, , , , cold, segments, version] = await cells(row);
  expect(name === tableName && type === "user" && storageId === "local", `table row ${await cells(row)}`);
  expect(cold === "2" && segments === "1" && version === "2", `cold rows, segments, version ${await cells(row)}`);
});
await step("open a table's columns and schema history", async () => {
  await page.locator("#table-list button", { hasText: tableName }).click();
  await page.locator("#table-name", { hasText: table }).waitFor({ timeout: 10000 });
  const columns = await page.locator("#table-columns tbody tr td:first-child").allTextContents();
  expect(JSON.stringify(columns) === '["id","body","tags"]', `columns ${columns}`);
  expect((await page.locator("#table-history tbody tr").count()) === 2, "two schema versions");
  await page.screenshot({ path: `${shots}/console-schema.png` });
});
await step("a storage with a broken template is refused with its code", async () => {
  await page.click("nav button[data-view=storages]");
  await page.fill("#create-storage input[name=id]", storage);
  await page.fill("#create-storage input[name=path]", storage);
  await page.fill("#create-storage input[name=user]", "{namespace}/{tableName}");
  await page.click("#create-storage button[type=submit]");
  await page.locator("#storages-error", { hasText: "INVALID_SQL" }).waitFor({ timeout: 10000 });
  expect(await page.locator("#storage-list tbody tr", { hasText: storage }).count() === 0, "nothing created");
});
await step("create a storage and see its templates, and which tables use local", async () => {
  await page.fill("#create-storage input[name=user]", "users/{namespace}/{tableName}/{shard}/{userId}");
  await page.fill("#create-storage input[name=description]", "made in the console");
  await page.fill("#create-storage input[name=credentials]", '{"owner": "ops"}');
  await page.click("#create-storage button[type=submit]");
  const row = page.locator("#storage-list tbody tr").filter({ hasText: storage });
  await row.waitFor({ timeout: 10000 });
  const [id, description, type, path, shared, user, credentials] = await cells(row);
  expect(id === storage && description === "made in the console" && type === "filesystem" && path === storage,
    `storage row ${await cells(row)}`);
  expect(shared === "{namespace}/{tableName}" && user === "users/{namespace}/{tableName}/{shard}/{userId}",
    `templates ${shared} ${user}`);
  expect(credentials === "***", "credentials masked");
  const local = await cells(page.locator("#storage-list tbody tr").filter({ hasText: "Local filesystem storage" }));
  expect(local[7].split(", ").includes(table), `local is used by ${table}: ${local[7]}`);
  await page.screenshot({ path: `${shots}/console-storages.png` });
});
await step("drop the storage", async () => {
  await page.locator("#storage-list tbody tr").filter({ hasText: storage }).locator("button", { hasText: "Drop" }).click();
  await page.locator("#storage-list tbody tr").filter({ hasText: storage }).waitFor({ state: "detached", timeout: 10000 });
});
await step("the health page shows uptime, memory, tables, jobs and subscriptions", async () => {
  await page.click("nav button[data-view=health]");
  await page.locator("#health-facts dd[data-fact=status]").waitFor({ timeout: 10000 });
  const fact = (name) => page.locator(`#health-facts dd[data-fact="${name}"]`).textContent();
  expect((await fact("status")) === "healthy (ready: UP)", `status ${await fact("status")}`);
  expect(/^(\d+ h )?\d+ min \d+ s$/.test(await fact("uptime")), `uptime ${await fact("uptime")}`);
  expect(/^[\d.]+ MiB of [\d.]+ (MiB|GiB) heap$/.test(await fact("memory")), `memory ${await fact("memory")}`);
  expect(/^\d+ in \d+ namespaces$/.test(await fact("tables")), `tables ${await fact("tables")}`);
  expect(/^\d+ \(\d+ running, \d+ failed\)$/.test(await fact("jobs")), `jobs ${await fact("jobs")}`);
  expect(/^\d+ live$/.test(await fact("subscriptions")), `subscriptions ${await fact("subscriptions")}`);
  await page.screenshot({ path: `${shots}/console-health.png` });
});
const userRow = () => page.locator("#user-list tbody tr").filter({ has: page.locator("td:first-child", { hasText: new RegExp(`^${managed}$`) }) });
await step("change a user's role and reset their password", async () => {
  await page.click("nav button[data-view=users]");
  await userRow().waitFor({ timeout: 10000 });
  await userRow().locator("select").selectOption("service");
  await userRow().locator("td:nth-child(2)", { hasText: "service" }).waitFor({ timeout: 10000 });
  await userRow().locator("button", { hasText: "Reset password" }).click();
  await page.locator("#users-error").waitFor({ state: "attached" });
  expect((await page.textContent("#users-error")) === "", `no error: ${await page.textContent("#users-error")}`);
});
await step("delete the user, then restore them", async () => {
  await userRow().locator("button", { hasText: "Delete" }).click();
  await userRow().locator("button", { hasText: "Restore" }).waitFor({ timeout: 10000 });
  expect((await cells(userRow()))[5] !== "", "deleted at shown");
  await userRow().locator("button", { hasText: "Restore" }).click();
  await userRow().locator("button", { hasText: "Delete" }).waitFor({ timeout: 10000 });
  const [, role, , , , deleted] = await cells(userRow());
  expect(role === "service" && deleted === "", `restored with their role: ${await cells(userRow())}`);
});
await step("flush all tables and filter the jobs", async () => {
  await page.click("nav button[data-view=jobs]");
  await page.selectOption("#job-type", "flush-table");
  await page.fill("#job-table", table);
  await page.press("#job-table", "Enter");
  const flushes = page.locator("#job-list tbody tr").filter({ hasText: table });
  await flushes.first().waitFor({ timeout: 10000 });
  const before = await flushes.count();
  await page.click("#flush-all");
  await page.waitForFunction(([t, n]) => [...document.querySelectorAll("#job-list tbody tr")]
    .filter((tr) => tr.textContent.includes(t)).length > n, [table, before], { timeout: 30000 });
  const listed = await page.locator("#job-list tbody tr").evaluateAll((rows) => rows.map((tr) => [tr.cells[1].textContent, tr.cells[3].textContent]));
  expect(listed.every(([type, target]) => type === "flush-table" && target === table), `only this table's flushes: ${listed}`);
  await page.selectOption("#job-status", "completed");
  await page.waitForFunction(() => {
    const statuses = [...document.querySelectorAll("#job-list tbody tr td:nth-child(3)")].map((td) => td.textContent);
    return statuses.length === 2 && statuses.every((s) => s === "completed");
  }, null, { timeout: 30000 });
});
await step("restart a failed flush", async () => {
  await page.selectOption("#job-status", "");
  await page.fill("#job-table", broken);
  await page.press("#job-table", "Enter");
  // Failed twice already: flushed by the test, and by "Flush all tables" above.
  const failed = page.locator("#job-list tbody tr").filter({ has: page.locator("td.status-failed") });
  await page.waitForFunction(() => document.querySelectorAll("#job-list tbody tr td.status-failed").length === 2, null,
    { timeout: 30000 });
  expect((await cells(failed.first()))[7] !== "", "the failure's message is shown");
  await failed.first().locator("button", { hasText: "Restart" }).click();
  await page.waitForFunction(() => document.querySelectorAll("#job-list tbody tr td.status-failed").length === 3, null,
    { timeout: 30000 });
});
await finish();
