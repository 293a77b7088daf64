// Content importer: real migrations on a temp DB, real files (the corpus, a broken fixture folder, temp folders).
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { spawnSync } from "node:child_process";
import { eq, sql } from "drizzle-orm";
import { createTestDb, makeUser } from "../setup/db";
import { importContent } from "~/services/content/importer.server";
import { articleCollection } from "~/services/content/articles.server";
import { getArticleBySlug, updateArticle, inputFromRevision } from "~/models/article.server";
import { getRevision, listRevisions } from "~/models/revision.server";
import { articles, searchDocuments } from "../../db/schema/index";
import type { DB } from "../../db/client";

const ROOT = join(__dirname, "..", "..");
let t: ReturnType<typeof createTestDb>;
let db: DB;
let tmp: string;
beforeEach(() => {
  t = createTestDb();
  db = t.db;
  tmp = mkdtempSync(join(tmpdir(), "sn-content-"));
  mkdirSync(join(tmp, "wissen"));
});
afterEach(() => {
  t.cleanup();
  rmSync(tmp, { recursive: true, force: true });
});

const only = [articleCollection];
const file = (slug: string, fm: Record<string, string>, body: string) => {
  const base: Record<string, string> = {
    title: `"Titel ${slug}"`,
    type: "glossar",
    summary: `"Zusammenfassung ${slug}"`,
    handlungsfelder: "[zusammenarbeit]",
    ebenen: "[kommune]",
    staedte: "[]",
    stand: "2013-01-31",
    quellen: '["Handlungsrahmen, S. 1"]',
    ...fm,
  };
  writeFileSync(join(tmp, "wissen", `${slug}.md`), `---\n${Object.entries(base).map(([k, v]) => `${k}: ${v}`).join("\n")}\n---\n${body}\n`);
};

describe("content import of the corpus", () => {
  it("creates ≥ 45 articles without errors; a second run reports 0 created and 0 updated", async () => {
    const first = await importContent(db, { dir: join(ROOT, "content"), collections: only });
    const w = first.collections[0];
    expect(first.errors).toEqual([]);
    expect(w.failed).toBe(0);
    expect(w.created).toBeGreaterThanOrEqual(45);
    expect(first.ok).toBe(true);
    // Every published article is searchable, with its headings and plain-text body.
    const published = db.select({ n: sql<number>`count(*)` }).from(articles).where(eq(articles.status, "veroeffentlicht")).get()!.n;
    const docs = db.select({ n: sql<number>`count(*)` }).from(searchDocuments).where(eq(searchDocuments.typ, "wissen")).get()!.n;
    expect(docs).toBe(published);
    const doc = db.select().from(searchDocuments).where(eq(searchDocuments.id, "wissen:wohnen-task-force-problemimmobilien")).get()!;
    expect(doc.url).toBe("/wissen/wohnen-task-force-problemimmobilien");
    expect(doc.headings).toContain("Gescheiterte Ansätze");
    expect(doc.body).not.toContain("##");
    expect(doc.subtype).toBe("praxis");
    // Forward [[links]] inside the corpus resolve after the finish pass.
    expect(first.missingLinks).toEqual([]);

    const second = await importContent(db, { dir: join(ROOT, "content"), collections: only });
    expect(second.collections[0]).toMatchObject({ created: 0, updated: 0, failed: 0, conflicts: 0, unchanged: w.created });
  });
});

describe("broken files", () => {
  it("reports each bad file with field and reason, imports the rest, lists missing links", async () => {
    const r = await importContent(db, { dir: join(ROOT, "tests/fixtures/content-broken"), collections: only });
    expect(r.ok).toBe(false);
    expect(r.collections[0]).toMatchObject({ total: 5, created: 2, failed: 3 });
    expect(r.errors).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^wissen\/kaputt-yaml\.md: \(YAML\): /),
        expect.stringMatching(/^wissen\/kaputt-handlungsfeld\.md: handlungsfelder\.1: unbekannter Wert/),
        "wissen/kaputt-ohne-titel.md: title: fehlt",
      ]),
    );
    expect(r.warnings).toEqual([expect.stringContaining("gut-zwei.md: Warnung: unbekannter Schlüssel „autor“")]);
    expect(r.missingLinks).toEqual([{ folder: "wissen", slug: "gut-eins", target: "gibt-es-nicht" }]);
    // gut-eins links forward to gut-zwei (imported after it): the finish pass re-rendered the link.
    expect(getArticleBySlug(db, "gut-eins")!.html).toContain('href="/wissen/gut-zwei"');
    expect(getArticleBySlug(db, "kaputt-ohne-titel")).toBeNull();
  });

  it("the CLI prints file: field: reason, a summary, and exits non-zero", () => {
    const res = spawnSync(process.execPath, ["--import", "tsx", "scripts/content-import.ts", "--dir", "tests/fixtures/content-broken"], {
      cwd: ROOT,
      env: { ...process.env, DATABASE_URL: `file:${join(tmp, "cli.db")}` },
      encoding: "utf8",
    });
    expect(res.status).toBe(1);
    expect(res.stderr).toContain("wissen/kaputt-ohne-titel.md: title: fehlt");
    expect(res.stderr).toMatch(/kaputt-handlungsfeld\.md: handlungsfelder\.1: unbekannter Wert/);
    expect(res.stdout).toMatch(/created 2 \(neu\), updated 0 .*failed 3/);
    expect(res.stdout).toContain("gut-eins.md → [[gibt-es-nicht]]");
  }, 60_000);
});

describe("idempotence, updates and conflicts", () => {
  it("updates a changed file with a new revision; batches across several transactions", async () => {
    for (let i = 0; i < 5; i++) file(`b-${i}`, {}, `Text ${i}`);
    const r1 = await importContent(db, { dir: tmp, collections: only, batchSize: 2 });
    expect(r1.collections[0]).toMatchObject({ created: 5, failed: 0 });
    file("b-3", { stand: "2026-01-01" }, "Neuer Text");
    const r2 = await importContent(db, { dir: tmp, collections: only, batchSize: 2 });
    expect(r2.collections[0]).toMatchObject({ created: 0, updated: 1, unchanged: 4 });
    const a = getArticleBySlug(db, "b-3")!;
    expect(a.html).toContain("Neuer Text");
    expect(a.stand).toBe("2026-01-01");
    expect(listRevisions(db, "article", a.id).map((r) => r.source)).toEqual(["import", "import"]);
  });

  it("never overwrites a web edit silently: reports a conflict; --force overwrites", async () => {
    file("konflikt", {}, "Originaltext aus der Datei");
    await importContent(db, { dir: tmp, collections: only });
    const user = await makeUser(db, "redaktion");
    const a = getArticleBySlug(db, "konflikt")!;
    const rev = getRevision(db, "article", a.id, 1)!;
    updateArticle(db, a.id, { ...inputFromRevision(rev.meta, "Text der Redaktion im Web"), zielgruppen: [] }, { id: user.id }, "Web-Änderung");

    // Unchanged file: nothing to import, web edit stays.
    const same = await importContent(db, { dir: tmp, collections: only });
    expect(same.collections[0]).toMatchObject({ unchanged: 1, conflicts: 0 });

    file("konflikt", {}, "Geänderter Text aus der Datei");
    const r = await importContent(db, { dir: tmp, collections: only });
    expect(r.collections[0]).toMatchObject({ conflicts: 1, updated: 0 });
    expect(r.ok).toBe(true);
    expect(r.conflicts[0]).toMatch(/^wissen\/konflikt\.md: Konflikt: auf der Website bearbeitet/);
    expect(getArticleBySlug(db, "konflikt")!.body).toBe("Text der Redaktion im Web");

    const forced = await importContent(db, { dir: tmp, collections: only, force: true });
    expect(forced.collections[0]).toMatchObject({ updated: 1, conflicts: 0 });
    expect(getArticleBySlug(db, "konflikt")!.body).toBe("Geänderter Text aus der Datei");
    // After a forced import the file is the source again: the next run is clean.
    const again = await importContent(db, { dir: tmp, collections: only });
    expect(again.collections[0]).toMatchObject({ unchanged: 1, conflicts: 0 });
  });

  it("drafts are not searchable; a file switching to entwurf removes the search document", async () => {
    file("entwurf-test", {}, "Text");
    await importContent(db, { dir: tmp, collections: only });
    expect(db.select().from(searchDocuments).where(eq(searchDocuments.id, "wissen:entwurf-test")).get()).toBeTruthy();
    file("entwurf-test", { status: "entwurf" }, "Text");
    await importContent(db, { dir: tmp, collections: only });
    expect(db.select().from(searchDocuments).where(eq(searchDocuments.id, "wissen:entwurf-test")).get()).toBeUndefined();
  });

  it("rejects file names that are not valid slugs and a missing folder is skipped", async () => {
    writeFileSync(join(tmp, "wissen", "Groß Buchstaben.md"), "---\ntitle: x\n---\n");
    const r = await importContent(db, { dir: tmp, collections: only });
    expect(r.errors[0]).toMatch(/^wissen\/Groß Buchstaben\.md: \(Dateiname\): /);
    const none = await importContent(db, { dir: join(tmp, "gibt-es-nicht"), collections: only });
    expect(none.collections[0].skipped).toContain("fehlt");
  });
});
