// The portal's only script, loaded as an ES module at the end of <body>.
// Every page works without it; it adds GOV.UK Frontend's behaviour (menu
// toggle, error summary focus, …) and the auto-refresh of status pages.
import { initAll } from "./../dist/govuk-frontend.min.js";

initAll();

// <div data-auto-refresh="10"> reloads the page every 10 seconds, for pages
// that report progress (such as an annual review being built). The smallest
// value on the page wins; values under 5 seconds are raised to 5 so a typo
// cannot hammer the server. Stop refreshing once the user starts typing
// in a form on the page, so nothing they entered is lost.
const delays = Array.from(document.querySelectorAll("[data-auto-refresh]"))
  .map((element) => Number.parseInt(element.dataset.autoRefresh, 10))
  .filter((seconds) => Number.isFinite(seconds) && seconds > 0);

if (delays.length > 0) {
  const seconds = Math.max(5, Math.min(...delays));
  const timer = window.setTimeout(() => window.location.reload(), seconds * 1000);
  document.addEventListener("input", () => window.clearTimeout(timer), { once: true });
}
