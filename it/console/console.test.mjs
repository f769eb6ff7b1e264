// Drives the admin console in Debian's chromium (headless) against a running server:
//   node console.test.mjs <base url> <user> <password> <dba user> <dba password> <table> <screenshot dir>
// As a user: logs in, runs a query and checks the grid, shows an error with its code, survives a reload (refresh
// cookie), sees no admin pages, logs out. As a dba: starts a flush of <table> from the jobs page and watches it
// reach completed, kills the user's live query (ConsoleIT holds it open over a WebSocket), creates a user. Exits
// non-zero with the failing step on stderr; screenshots go to the given directory.
import { expect, logIn, open, openLogin, submitLogin } from "./browser.mjs";

const [url, user, password, admin, adminPassword, table, shots] = process.argv.slice(2);
const { page, step, finish } = await open("console", shots);

await step("open the login page", async () => {
  await openLogin(page, url);
  expect(await page.locator("#nav").isHidden(), "no pages before signing in");
});
await step("a wrong password shows the server's code", async () => {
  await submitLogin(page, user, "wrong-password-1");
  await page.locator("#login-error").filter({ hasText: "AUTH_REQUIRED" }).waitFor({ timeout: 10000 });
});
await step("log in", async () => {
  await logIn(page, user, password);
  expect((await page.textContent("#role")) === "user", "role shown");
  const visible = await page.locator("nav button:visible").allTextContents();
  expect(JSON.stringify(visible) === '["SQL studio"]', `a user sees only the SQL studio, not ${visible}`);
});
await step("run a query and read the grid", async () => {
  await page.fill("#sql", "SELECT 40 + 2 AS answer, 'hi' AS greeting");
  await page.click("#run");
  await page.locator("#results td").first().waitFor({ timeout: 10000 });
  const cells = await page.locator("#results td").allTextContents();
  expect(JSON.stringify(cells) === JSON.stringify(["42", "hi"]), `cells ${JSON.stringify(cells)}`);
  expect((await page.textContent("#timing")).startsWith("Time: "), "timing shown");
  await page.screenshot({ path: `${shots}/console-studio.png` });
});
await step("an error shows its code", async () => {
  await page.fill("#sql", "SELECT * FROM nowhere.nope");
  await page.keyboard.press("Control+Enter");
  await page.locator("#sql-error").filter({ hasText: "TABLE_NOT_FOUND" }).waitFor({ timeout: 10000 });
});
await step("a reload signs in again with the refresh cookie", async () => {
  await page.reload();
  await page.locator("#who").filter({ hasText: user }).waitFor({ timeout: 10000 });
  expect((await page.locator("#history option").count()) >= 2, "history kept");
});
await step("log out", async () => {
  await page.click("#logout");
  await page.locator("#login").waitFor({ state: "visible", timeout: 10000 });
  await openLogin(page, url);
  expect(await page.locator("#who").isHidden(), "still signed out after a reload");
});
await step("a dba starts a flush and watches it complete", async () => {
  await logIn(page, admin, adminPassword);
  await page.click("nav button[data-view=jobs]");
  await page.fill("#flush-table", table);
  await page.click("#flush");
  const [namespace, name] = table.split(".");
  const row = page.locator("#job-list tbody tr").filter({ hasText: `${namespace}.${name}` }).first();
  await row.locator("td.status-completed").waitFor({ timeout: 30000 });
  expect((await row.locator("td").nth(1).textContent()) === "flush-table", "job type");
  expect((await row.locator("td").nth(4).textContent()) === "100%", "progress");
  await page.screenshot({ path: `${shots}/console-jobs.png` });
});
await step("a dba kills another user's live query", async () => {
  await page.click("nav button[data-view=live]");
  const row = page.locator("#live-list tbody tr").filter({ hasText: user }).first();
  await row.waitFor({ timeout: 10000 });
  await row.locator("button").click();
  await page.locator("#live-list tbody tr").filter({ hasText: user }).waitFor({ state: "detached", timeout: 10000 });
});
await step("a dba creates a user", async () => {
  await page.click("nav button[data-view=users]");
  const name = `${admin}_made`;
  await page.fill("#create-user input[name=name]", name);
  await page.fill("#create-user input[name=password]", "made-in-console-1");
  await page.selectOption("#create-user select[name=role]", "service");
  await page.click("#create-user button[type=submit]");
  const row = page.locator("#user-list tbody tr").filter({ hasText: name }).first();
  await row.waitFor({ timeout: 10000 });
  expect((await row.locator("td").nth(1).textContent()) === "service", "created with role service");
  await page.screenshot({ path: `${shots}/console-users.png` });
});
await finish();
