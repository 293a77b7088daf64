// Pure evaluation of `npm outdated --json` and `npm audit --json` for scripts/check-deps.ts (unit-tested).

export type Outdated = Record<string, { current?: string; wanted?: string; latest?: string; dependent?: string; location?: string }>;
type Via = string | { source?: number; name?: string; title?: string; url?: string; severity?: string; range?: string };
export type Audit = {
  vulnerabilities?: Record<string, { name: string; severity: string; isDirect?: boolean; via: Via[]; range?: string; fixAvailable?: boolean | { name: string; version: string; isSemVerMajor?: boolean } }>;
};

export type OutdatedRow = { name: string; current: string; target: string };
export type AdvisoryRow = {
  package: string;
  installed: string | null;
  severity: string;
  id: string;
  title: string;
  vulnerable: string;
  fixedIn: string | null;
  /** a fixed version exists within the installed major (an npm override or update takes it) */
  fixInMajor: boolean;
};

const SEVERITY = ["info", "low", "moderate", "high", "critical"];

export function parseVersion(v: string): [number, number, number] | null {
  const m = /^v?(\d+)\.(\d+)\.(\d+)/.exec(v.trim());
  return m ? [Number(m[1]), Number(m[2]), Number(m[3])] : null;
}
export function compareVersions(a: string, b: string): number {
  const x = parseVersion(a);
  const y = parseVersion(b);
  if (!x || !y) return 0;
  for (let i = 0; i < 3; i++) if (x[i] !== y[i]) return x[i] - y[i];
  return 0;
}
const major = (v: string) => parseVersion(v)?.[0] ?? null;

/** Packages with a newer version inside the installed major (the newest such: latest if same major, else wanted). */
export function outdatedWithinMajor(o: Outdated): OutdatedRow[] {
  const rows: OutdatedRow[] = [];
  for (const [name, r] of Object.entries(o)) {
    if (!r.current) continue;
    const candidates = [r.latest, r.wanted].filter((v): v is string => !!v && major(v) === major(r.current!) && compareVersions(v, r.current!) > 0);
    if (candidates.length === 0) continue;
    const target = candidates.sort(compareVersions).at(-1)!;
    rows.push({ name, current: r.current, target });
  }
  return rows.sort((a, b) => a.name.localeCompare(b.name));
}

/**
 * The first version after a vulnerable range such as "<6.30.6", ">=6.30.2 <6.30.6" or ">=6.30.2 <=6.30.5"
 * (then the next patch); null when the range has no upper bound.
 */
export function fixedVersionOf(range: string): string | null {
  const lt = /<\s*(\d+\.\d+\.\d+)(?![\d.])/.exec(range.replace(/<=/g, "≤"));
  if (lt) return lt[1];
  const le = /<=\s*(\d+)\.(\d+)\.(\d+)/.exec(range);
  if (le) return `${le[1]}.${le[2]}.${Number(le[3]) + 1}`;
  return null;
}

/** One row per (package, advisory), from the packages that carry the advisory themselves (not "via" others). */
export function advisories(a: Audit, installedVersion: (name: string) => string | null): AdvisoryRow[] {
  const rows: AdvisoryRow[] = [];
  for (const v of Object.values(a.vulnerabilities ?? {})) {
    for (const via of v.via) {
      if (typeof via === "string") continue; // inherited from another package, listed under that one
      const installed = installedVersion(v.name);
      const fixedIn = via.range ? fixedVersionOf(via.range) : null;
      const id = via.url ? via.url.replace(/^.*\//, "") : String(via.source ?? "?");
      rows.push({
        package: v.name,
        installed,
        severity: via.severity ?? v.severity,
        id,
        title: via.title ?? "",
        vulnerable: via.range ?? v.range ?? "",
        fixedIn,
        fixInMajor: !!(fixedIn && installed && major(fixedIn) === major(installed) && compareVersions(fixedIn, installed) > 0),
      });
    }
  }
  return rows.sort((x, y) => SEVERITY.indexOf(y.severity) - SEVERITY.indexOf(x.severity) || x.package.localeCompare(y.package));
}

/** Exit 1 when a high or critical advisory has a fix within the installed major. */
export function mustFail(rows: AdvisoryRow[]): AdvisoryRow[] {
  return rows.filter((r) => (r.severity === "high" || r.severity === "critical") && r.fixInMajor);
}
