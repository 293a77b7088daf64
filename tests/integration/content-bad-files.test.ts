// Bad content files: every refused file gets exactly one line with its name and reason, the good files are
// imported, the exit code is 1 – and no input, however large or deep, ends in a stack overflow.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { mkdtempSync, mkdirSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { spawnSync } from "node:child_process";
import Database from "better-sqlite3";
import { createTestDb } from "../setup/db";
import { importContent } from "~/services/content/importer.server";
import { articleCollection } from "~/services/content/articles.server";
import { cleanContentText, firstInvalidUtf8, markdownShapeProblem } from "~/services/content/files.server";

const ROOT = join(__dirname, "..", "..");
const fm = (title: string) =>
  `---\ntitle: "${title}"\ntype: glossar\nsummary: "Kurz"\nhandlungsfelder: [gesundheit]\nebenen: [kommune]\nstaedte: []\nstand: 2013-01-31\nquellen: ["Test"]\n---\n`;

let work: string;
let content: string;
beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), "sn-bad-content-"));
  content = join(work, "content");
  const w = join(content, "wissen");
  mkdirSync(w, { recursive: true });
  writeFileSync(join(w, "gut-eins.md"), `${fm("Gut eins")}Ein guter Beitrag über Krankenversicherung.\n`);
  writeFileSync(join(w, "gut-zwei.md"), `${fm("Gut zwei")}Zeile mit Windows-Ende\r\nund\u0007 Steuer\u001bzeichen.\r\n`);
  // "Kaputt " + Latin-1 "ü" (0xFC) – invalid UTF-8 at byte offset fm.length + 7.
  writeFileSync(join(w, "kaputt-utf8.md"), Buffer.concat([Buffer.from(`${fm("Kaputt")}Kaputt `), Buffer.from([0xfc, 0x62, 0x65, 0x72])]));
  writeFileSync(join(work, "ausserhalb.md"), `${fm("Ausserhalb")}Liegt außerhalb des Inhaltsordners.\n`);
  symlinkSync(join(work, "ausserhalb.md"), join(w, "verlinkt.md"));
  // 20 MB in one line: the input that used to end in "Maximum call stack size exceeded".
  writeFileSync(join(w, "riesig.md"), `${fm("Riesig")}${"x".repeat(20 * 1024 * 1024)}\n`);
  writeFileSync(join(w, "kapitel.md"), `${fm("Kapitel klein")}Text\n`);
  writeFileSync(join(w, "Kapitel.md"), `${fm("Kapitel groß")}Text\n`);
  writeFileSync(join(w, "binaer.md"), Buffer.concat([Buffer.from(fm("Binär")), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x00, 0x01])]));
  writeFileSync(join(w, "leer.md"), "");
  writeFileSync(join(w, "tief.md"), `${fm("Tief")}${">".repeat(5000)} zu tief\n`);
  writeFileSync(join(w, "notizen.txt"), "keine Markdown-Datei");
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

const BAD = ["kaputt-utf8.md", "verlinkt.md", "riesig.md", "kapitel.md", "Kapitel.md", "binaer.md", "leer.md", "tief.md"];

describe("content:import with a folder of bad files", () => {
  it("prints one line per bad file with its reason, imports the good files, exits 1", () => {
    const dbFile = join(work, "cli.db");
    const res = spawnSync(process.execPath, ["--import", "tsx", "scripts/content-import.ts", "--dir", content], {
      cwd: ROOT,
      env: { ...process.env, DATABASE_URL: `file:${dbFile}`, NODE_ENV: "production" },
      encoding: "utf8",
      timeout: 120_000,
    });
    expect(res.status, res.stderr).toBe(1);
    const errorLines = res.stderr.split("\n").filter((l) => l.startsWith("Fehler: wissen/"));
    for (const name of BAD) expect(errorLines.filter((l) => l.startsWith(`Fehler: wissen/${name}: `)), name).toHaveLength(1);
    expect(errorLines).toHaveLength(BAD.length);
    const line = (name: string) => errorLines.find((l) => l.startsWith(`Fehler: wissen/${name}: `))!;
    expect(line("kaputt-utf8.md")).toMatch(new RegExp(`kein gültiges UTF-8 .*Byte-Position ${Buffer.byteLength(fm("Kaputt")) + 7}\\b`));
    expect(line("verlinkt.md")).toMatch(/symbolischer Link – abgelehnt, wird nicht verfolgt/);
    expect(line("riesig.md")).toMatch(/zu groß \(20,0 MB; höchstens 2,0 MB/);
    expect(line("kapitel.md")).toMatch(/„Kapitel\.md“ nur in Groß-\/Kleinschreibung/);
    expect(line("Kapitel.md")).toMatch(/„kapitel\.md“ nur in Groß-\/Kleinschreibung/);
    expect(line("binaer.md")).toMatch(/Binärdatei \(NUL-Byte an Byte-Position \d+\)/);
    expect(line("leer.md")).toMatch(/leere Datei/);
    expect(line("tief.md")).toMatch(/Zitat in Zeile \d+ ist tiefer als 32 Ebenen/);
    expect(res.stderr).toContain("wissen/notizen.txt: übersprungen: keine .md-Datei");
    expect(res.stderr).toMatch(/gut-zwei\.md: Warnung: 2 Steuerzeichen entfernt/);
    expect(res.stderr).not.toMatch(/Maximum call stack|at .*\.ts:\d+/);
    expect(res.stdout).toMatch(/created 2 \(neu\).*failed 8 \(fehlerhaft\)/);

    const db = new Database(dbFile, { readonly: true });
    const rows = db.prepare("select slug, body from articles order by slug").all() as { slug: string; body: string }[];
    db.close();
    expect(rows.map((r) => r.slug)).toEqual(["gut-eins", "gut-zwei"]);
    // CR LF became LF, the control characters are gone: nothing of them reaches the database.
    const zwei = rows.find((r) => r.slug === "gut-zwei")!.body;
    expect(zwei).toBe("Zeile mit Windows-Ende\nund Steuerzeichen.");
    expect(zwei).not.toMatch(/[\u0000-\u0008\u000b-\u001f]/);
  }, 120_000);

  it("with the size limit raised, the 20 MB file is refused for its shape – never a stack overflow", async () => {
    const t = createTestDb();
    try {
      const r = await importContent(t.db, { dir: content, collections: [articleCollection], maxBytes: 64 * 1024 * 1024 });
      const riesig = r.errors.filter((e) => e.startsWith("wissen/riesig.md: "));
      expect(riesig).toEqual([expect.stringMatching(/\(Inhalt\): Absatz ohne Leerzeile ist länger als/)]);
      expect(r.errors.join("\n")).not.toMatch(/call stack/i);
      expect(r.collections[0]).toMatchObject({ created: 2, failed: 8 });
    } finally {
      t.cleanup();
    }
  }, 120_000);
});

describe("file check helpers", () => {
  it("finds the offset of the first invalid UTF-8 sequence (truncated, overlong, surrogate)", () => {
    expect(firstInvalidUtf8(Buffer.from("Grüße € 😀"))).toBe(-1);
    expect(firstInvalidUtf8(Buffer.from([0x61, 0xc3]))).toBe(1);
    expect(firstInvalidUtf8(Buffer.from([0x61, 0x62, 0xc0, 0xaf]))).toBe(2);
    expect(firstInvalidUtf8(Buffer.from([0xed, 0xa0, 0x80]))).toBe(0);
  });
  it("CR LF → LF, tabs kept, other C0 controls removed", () => {
    expect(cleanContentText("\uFEFFa\r\nb\rc\td\u0000e\u001f")).toEqual({ text: "a\nb\nc\tde", removed: 2 });
  });
  it("accepts ordinary nesting and refuses deep nesting", () => {
    expect(markdownShapeProblem("> Zitat\n>> tiefer\n\n- a\n  - b\n    - c\n\n".repeat(100))).toBeNull();
    expect(markdownShapeProblem(`${" ".repeat(200)}- zu tief`)).toMatch(/Liste in Zeile 1/);
  });
});
