// Copies the one GOV.UK Frontend file the portal serves besides its own CSS.
// Run by `npm run build` after Sass has written static/dist/portal.css.
// Plain Node (no packages) so it works the same on Windows, macOS and Linux.
import { mkdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const dist = join(root, "static", "dist");
const source = join(root, "node_modules", "govuk-frontend", "dist", "govuk", "govuk-frontend.min.js");

mkdirSync(dist, { recursive: true });

// Copy the file without its sourceMappingURL comment: the .map is not
// served, and Django's ManifestStaticFilesStorage (used by collectstatic)
// fails on a reference to a file that does not exist.
const js = readFileSync(source, "utf8").replace(/\n?\/\/# sourceMappingURL=\S+\s*$/, "\n");
writeFileSync(join(dist, "govuk-frontend.min.js"), js);

// Guard against the crown's typeface sneaking back in (for example if the
// Sass configuration is changed): only GOV.UK services may use it.
const cssPath = join(dist, "portal.css");
const css = readFileSync(cssPath, "utf8");
if (/@font-face|GDS Transport/i.test(css)) {
  console.error("portal.css contains @font-face or GDS Transport: check frontend/scss/portal.scss");
  process.exit(1);
}

for (const name of ["portal.css", "govuk-frontend.min.js"]) {
  console.log(`static/dist/${name} ${(statSync(join(dist, name)).size / 1024).toFixed(1)} KB`);
}
