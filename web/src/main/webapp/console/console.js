// The KalamDB admin console's shell: sign-in (and first-run setup while root has no password), sign-out, the current
// user and role, and navigation between the pages. Every page is a module with {id, admin, open, close}; a page with
// `admin` is shown only to dba and system users. The whole console uses only the public API (see api.js).
import { $, api, showError, useToken } from "./api.js";
import { studio } from "./studio.js";
import { schema } from "./schema.js";
import { jobs } from "./jobs.js";
import { live } from "./live.js";
import { users } from "./users.js";
import { storages } from "./storages.js";
import { health } from "./health.js";

const PAGES = [studio, schema, jobs, live, users, storages, health];
const ADMIN_ROLES = new Set(["dba", "system"]);
let current = null;

function show(id) {
  current?.close?.();
  current = PAGES.find((page) => page.id === id);
  for (const page of PAGES) $(page.id).hidden = page !== current;
  for (const b of document.querySelectorAll("nav button")) b.classList.toggle("active", b.dataset.view === id);
  current.open();
}

function signedIn(session) {
  useToken(session.access_token);
  $("who").textContent = session.user.id;
  $("role").textContent = session.user.role;
  showForm(null);
  $("session").hidden = false;
  $("nav").hidden = false;
  // Role-aware: only dba and system see the admin pages; everyone has the SQL studio over their own data.
  for (const page of PAGES) document.querySelector(`nav button[data-view=${page.id}]`).hidden = page.admin && !ADMIN_ROLES.has(session.user.role);
  show("studio");
}

function signedOut() {
  useToken(null);
  current?.close?.();
  current = null;
  for (const id of ["session", "nav", ...PAGES.map((page) => page.id)]) $(id).hidden = true;
  studio.clear();
  showForm("login");
}

/** Shows the form with the given id, "login" or "setup", and hides the other; null hides both. */
function showForm(id) {
  for (const form of ["login", "setup"]) $(form).hidden = form !== id;
}

/**
 * After a failed sign-in by cookie: first-run setup while root has no password (the server answers the status only to
 * its own machine), else the login form; neither until the server has answered.
 */
async function offerSetupOrLogin() {
  showForm(null);
  let needsSetup = false;
  try {
    needsSetup = (await api("/v1/api/auth/status", undefined, null)).needs_setup;
  } catch {
    // not a local client, or an older server: the login form
  }
  showForm(needsSetup ? "setup" : "login");
}

for (const b of document.querySelectorAll("nav button")) b.addEventListener("click", () => show(b.dataset.view));
window.addEventListener("kalam:auth-lost", signedOut);

$("login").addEventListener("submit", async (event) => {
  event.preventDefault();
  const form = new FormData(event.target);
  $("login-error").textContent = "";
  try {
    signedIn(await api("/v1/api/auth/login", { user: form.get("user"), password: form.get("password") }, null));
    $("login-message").textContent = "";
  } catch (e) {
    showError("login-error", e);
  }
});

$("setup").addEventListener("submit", async (event) => {
  event.preventDefault();
  const form = new FormData(event.target);
  $("setup-error").textContent = "";
  if (form.get("root_password") !== form.get("root_password_again")) {
    $("setup-error").textContent = "The two root passwords differ";
    return;
  }
  try {
    const done = await api("/v1/api/auth/setup", { username: form.get("username"), password: form.get("password"),
      root_password: form.get("root_password"), email: form.get("email") || null }, null);
    showForm("login");
    $("login").elements.user.value = done.user.username;
    $("login-message").textContent = done.message;
  } catch (e) {
    showError("setup-error", e);
  }
});

$("skip-setup").addEventListener("click", () => showForm("login"));

$("logout").addEventListener("click", async () => {
  try {
    await api("/v1/api/auth/logout", {});
  } finally {
    signedOut();
  }
});

api("/v1/api/auth/refresh", {}, null).then(signedIn, () => {
  signedOut();
  offerSetupOrLogin();
});
