// What every console browser test shares: Debian's chromium (headless) through playwright-core, named steps that
// stop the run with a screenshot and a non-zero exit at the first failure, and logging in through the page.
import { chromium } from "playwright-core";

/**
 * Opens a browser page. `step(name, action)` runs one step; on failure it saves `<shots>/<name of the run>-failed.png`,
 * prints the step and exits 1. `finish()` closes the browser and prints "<run>: all steps passed".
 */
export async function open(run, shots) {
  const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ["--no-sandbox", "--disable-gpu"] });
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  const step = async (name, action) => {
    try {
      await action();
    } catch (e) {
      await page.screenshot({ path: `${shots}/${run}-failed.png` }).catch(() => {});
      console.error(`step "${name}" failed: ${e.message}`);
      await browser.close();
      process.exit(1);
    }
  };
  const finish = async () => {
    await browser.close();
    console.log(`${run}: all steps passed`);
  };
  return { page, step, finish };
}

/** Throws `what` unless `condition` holds. */
export function expect(condition, what) {
  if (!condition) throw new Error(what);
}

/**
 * Opens the console and waits for its login form. The IT server's root has no password, so the page first offers
 * first-run setup; this takes its "log in with an existing user instead".
 */
export async function openLogin(page, url) {
  await page.goto(`${url}/console/`);
  await page.locator("#login:visible, #setup:visible").waitFor({ timeout: 10000 });
  if (await page.locator("#setup").isVisible()) await page.click("#skip-setup");
  await page.locator("#login").waitFor({ state: "visible", timeout: 10000 });
}

/** Fills the login form and submits it. */
export async function submitLogin(page, user, password) {
  await page.fill("#login input[name=user]", user);
  await page.fill("#login input[name=password]", password);
  await page.click("#login button[type=submit]");
}

/** Fills the login form, submits it and waits until the header names the user. */
export async function logIn(page, user, password) {
  await submitLogin(page, user, password);
  await page.locator("#who").filter({ hasText: user }).waitFor({ timeout: 10000 });
}
