// Drives the console's first-run setup in Debian's chromium (headless) against a fresh server whose root has no
// password:
//   node setup.test.mjs <base url> <dba user> <dba password> <root password> <screenshot dir>
// The page offers setup instead of the login (with a way to the login); differing root passwords and a refused
// password show errors; setup then leads to the login form with the new user filled in; the new dba logs in; a reload
// offers the login only.
import { expect, logIn, open } from "./browser.mjs";

const [url, dba, dbaPassword, rootPassword, shots] = process.argv.slice(2);
const { page, step, finish } = await open("setup", shots);
const fillSetup = async (password, rootAgain) => {
  await page.fill("#setup input[name=username]", dba);
  await page.fill("#setup input[name=password]", password);
  await page.fill("#setup input[name=root_password]", rootPassword);
  await page.fill("#setup input[name=root_password_again]", rootAgain);
  await page.click("#setup button[type=submit]");
};

await step("a server without a root password offers setup", async () => {
  await page.goto(`${url}/console/`);
  await page.locator("#setup").waitFor({ state: "visible", timeout: 10000 });
  expect(await page.locator("#login").isHidden(), "no login form");
  expect(await page.locator("#nav").isHidden(), "no pages before signing in");
  await page.screenshot({ path: `${shots}/console-setup.png` });
});
await step("an existing user may log in instead", async () => {
  await page.click("#skip-setup");
  await page.locator("#login").waitFor({ state: "visible", timeout: 10000 });
  await page.reload();
  await page.locator("#setup").waitFor({ state: "visible", timeout: 10000 });
});
await step("differing root passwords are caught in the page", async () => {
  await fillSetup(dbaPassword, `${rootPassword}-typo`);
  await page.locator("#setup-error", { hasText: "The two root passwords differ" }).waitFor({ timeout: 10000 });
});
await step("a refused password shows the server's code", async () => {
  await fillSetup("password", rootPassword);
  await page.locator("#setup-error", { hasText: "INVALID_PARAMETER" }).waitFor({ timeout: 10000 });
  expect(await page.locator("#setup").isVisible(), "setup still offered");
});
await step("setup leads to the login form", async () => {
  await fillSetup(dbaPassword, rootPassword);
  await page.locator("#login").waitFor({ state: "visible", timeout: 10000 });
  expect((await page.inputValue("#login input[name=user]")) === dba, "the new user is filled in");
  expect((await page.textContent("#login-message")).includes("Server setup complete"), "the server's message");
});
await step("the new dba logs in", async () => {
  await logIn(page, dba, dbaPassword);
  expect((await page.textContent("#role")) === "dba", "role dba");
  await page.click("#logout");
  await page.locator("#login").waitFor({ state: "visible", timeout: 10000 });
});
await step("once set up, a reload offers only the login", async () => {
  await page.reload();
  await page.locator("#login").waitFor({ state: "visible", timeout: 10000 });
  await page.waitForTimeout(500);
  expect(await page.locator("#setup").isHidden(), "no setup form");
});
await finish();
