import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { advisories, fixedVersionOf, mustFail, outdatedWithinMajor, type Audit } from "../../scripts/lib/deps";

const audit = JSON.parse(readFileSync(new URL("../fixtures/npm-audit-router.json", import.meta.url), "utf8")) as Audit;
const installed = (n: string) => ({ "react-router": "6.30.4", "@remix-run/router": "1.23.3", "@remix-run/react": "2.17.5" })[n] ?? null;

describe("deps:check evaluation", () => {
  it("reads the fixed version from the vulnerable range", () => {
    expect(fixedVersionOf(">=6.30.2 <6.30.6")).toBe("6.30.6");
    expect(fixedVersionOf("<7.18.0")).toBe("7.18.0");
    expect(fixedVersionOf("<=1.23.3")).toBe("1.23.4");
    expect(fixedVersionOf(">=6.30.2 <=6.30.5")).toBe("6.30.6");
    expect(fixedVersionOf("*")).toBeNull();
  });

  it("lists each advisory once, with severity and fixed version, and tells in-major fixes from major upgrades", () => {
    const rows = advisories(audit, installed);
    expect(rows.map((r) => [r.package, r.id, r.severity, r.fixedIn, r.fixInMajor])).toEqual([
      ["@remix-run/router", "GHSA-xxxx-yyyy-zzzz", "high", "1.23.4", true],
      ["react-router", "GHSA-jjmj-jmhj-qwj2", "moderate", "6.30.6", true],
      ["react-router", "GHSA-wrjc-x8rr-h8h6", "moderate", "7.18.0", false],
    ]);
  });

  it("fails only for high/critical advisories with a fix inside the installed major", () => {
    const rows = advisories(audit, installed);
    expect(mustFail(rows).map((r) => r.package)).toEqual(["@remix-run/router"]);
    expect(mustFail(rows.filter((r) => r.package === "react-router"))).toEqual([]);
    // Already on the fixed version: nothing to do.
    expect(mustFail(advisories(audit, (n) => (n === "@remix-run/router" ? "1.23.4" : installed(n))))).toEqual([]);
  });

  it("lists outdated packages only within their major", () => {
    expect(
      outdatedWithinMajor({
        "@types/react": { current: "18.3.31", wanted: "18.3.32", latest: "19.3.3" },
        zod: { current: "3.25.0", wanted: "3.25.0", latest: "4.1.0" },
        marked: { current: "15.0.1", wanted: "15.0.1", latest: "15.0.12" },
      }),
    ).toEqual([
      { name: "@types/react", current: "18.3.31", target: "18.3.32" },
      { name: "marked", current: "15.0.1", target: "15.0.12" },
    ]);
  });
});
