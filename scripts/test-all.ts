// `npm test` (= `npm run validate`): lint (oxlint), typecheck (tsc), unit + integration tests (vitest), production
// build, browser tests (Playwright in Chromium). Runs every stage even when one fails and ends with the plain total
// line "N passed, N failed"; lint and typecheck count as one test each.
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync } from "node:fs";

if (process.argv.includes("--help")) {
  console.log("Aufruf: npm test  – führt Lint, Typprüfung, vitest, den Build und die Playwright-Tests aus und gibt die Summe aus.");
  process.exit(0);
}

// Browser tests need Debian's Chromium (Playwright cannot download browsers here). Install it when missing and root.
const chromium = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
if (!existsSync(chromium)) {
  console.log(`Chromium fehlt (${chromium}) – wird mit apt-get installiert …`);
  const isRoot = process.getuid?.() === 0;
  const sh = (c: string) => spawnSync("sh", ["-c", isRoot ? c : `sudo ${c}`], { stdio: "inherit" }).status;
  if (sh("apt-get update -qq") !== 0 || sh("DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium") !== 0) {
    console.error("Chromium konnte nicht installiert werden: bitte `apt-get install chromium` ausführen oder CHROMIUM_PATH setzen.");
  }
}

mkdirSync(".cache", { recursive: true });
const VITEST_JSON = ".cache/vitest.json";
const PW_JSON = ".cache/playwright.json";
rmSync(VITEST_JSON, { force: true });
rmSync(PW_JSON, { force: true });

function run(cmd: string, args: string[]) {
  const r = spawnSync(cmd, args, { stdio: "inherit", env: process.env });
  return r.status ?? 1;
}

const stages: { name: string; code: number }[] = [];
const lintCode = run("npx", ["oxlint", "-c", ".oxlintrc.json", "--deny-warnings", "app", "scripts", "db", "tests"]);
stages.push({ name: "Lint (oxlint)", code: lintCode });
const typeCode = run("npx", ["tsc", "--noEmit"]);
stages.push({ name: "Typprüfung (tsc)", code: typeCode });
// Build first: the integration tests that start the real server (tests/setup/app-server.ts) use build/.
const buildCode = run("npx", ["remix", "build"]);
const vitestCode = run("npx", ["vitest", "run", "--config", "tests/vitest.config.ts", "--reporter=default", "--reporter=json", `--outputFile=${VITEST_JSON}`]);
const e2eCode = buildCode === 0 ? run("npx", ["playwright", "test", "--config", "tests/e2e/playwright.config.ts"]) : 1;

let passed = 0;
let failed = 0;
let skipped = 0;
for (const stage of stages) {
  if (stage.code === 0) passed += 1;
  else {
    failed += 1;
    console.error(`${stage.name} fehlgeschlagen.`);
  }
}
if (existsSync(VITEST_JSON)) {
  const v = JSON.parse(readFileSync(VITEST_JSON, "utf8"));
  passed += v.numPassedTests ?? 0;
  failed += v.numFailedTests ?? 0;
  skipped += (v.numPendingTests ?? 0) + (v.numTodoTests ?? 0);
} else failed += 1;
if (existsSync(PW_JSON)) {
  const p = JSON.parse(readFileSync(PW_JSON, "utf8"));
  passed += (p.stats?.expected ?? 0) + (p.stats?.flaky ?? 0);
  failed += p.stats?.unexpected ?? 0;
  skipped += p.stats?.skipped ?? 0;
} else failed += 1;

if (buildCode !== 0) console.error("Build fehlgeschlagen.");
const ok = stages.every((s) => s.code === 0) && vitestCode === 0 && buildCode === 0 && e2eCode === 0 && failed === 0;
console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ""}`);
process.exit(ok ? 0 : 1);
