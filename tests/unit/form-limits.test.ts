// Every string in a form schema has a length limit. Form schemas live in routes, components and utils; this
// reads their source and fails for any `z.string()` without `.max(…)` (or a fixed-length pattern such as a date,
// or the `line()`/`body()` helpers that carry the limit themselves). The enforcement of the big limits (reply,
// article, project, programme) is tested through the real actions in tests/integration/input-hygiene.test.ts.
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";
import { LIMITS } from "~/utils/forms";

const ROOT = join(__dirname, "../..");
// Not form schemas: the content-file front matter (files are bounded by the importer) and environment variables.
const EXEMPT = new Set(["app/services/content/frontmatter.ts", "app/services/env.server.ts", "app/utils/forms.ts"]);

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    return statSync(p).isDirectory() ? files(p) : /\.(ts|tsx)$/.test(name) ? [p] : [];
  });
}

// An anchored pattern without open-ended repetition (a date, a time "HH:MM") bounds the length by itself.
const FIXED_LENGTH = /\.regex\(\/\^(?:[^/*+{\n]|\{\d+\})*\$\//;

function unboundedStrings(): string[] {
  const out: string[] = [];
  for (const file of files(join(ROOT, "app"))) {
    const rel = relative(ROOT, file).split("\\").join("/");
    if (EXEMPT.has(rel)) continue;
    const src = readFileSync(file, "utf8");
    for (const m of src.matchAll(/z\s*\.string\(/g)) {
      const at = m.index!;
      const before = src.slice(Math.max(0, at - 12), at);
      // The chain of this string schema: up to the next property of the object or the end of the statement.
      const rest = src.slice(at);
      const end = rest.search(/,\n\s*[\w"']+:|\n\s*[}\])];?\n|;\n/);
      const chain = end < 0 ? rest.slice(0, 400) : rest.slice(0, end);
      if (/\.max\(/.test(chain) || FIXED_LENGTH.test(chain) || before.endsWith(".pipe(")) continue;
      const line = src.slice(0, at).split("\n").length;
      out.push(`${rel}:${line}: ${chain.split("\n")[0].trim()}`);
    }
  }
  return out;
}

describe("form schemas bound every string", () => {
  it("has no z.string() without a length limit", () => {
    expect(unboundedStrings()).toEqual([]);
  });

  it("the scan finds the schemas it should check", () => {
    // Guard against a scan that silently checks nothing (a renamed folder, a changed import style).
    const checked = files(join(ROOT, "app")).filter((f) => /z\s*\.string\(/.test(readFileSync(f, "utf8")));
    expect(checked.length).toBeGreaterThanOrEqual(10);
  });

  it("uses the limits the brief names", () => {
    expect(LIMITS).toMatchObject({ name: 100, title: 200, post: 50_000, article: 200_000 });
  });
});
