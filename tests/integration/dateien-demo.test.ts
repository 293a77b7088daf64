// Demo attachments (issue 14): seeding puts a checklist PDF and the Abb. 1 CSV on their public articles, guests
// download them byte-identical, their text is searchable, and a second run adds nothing.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { eq } from "drizzle-orm";
import { createTestDb, makeUser } from "../setup/db";
import type { DB } from "../../db/client";
import { attachments } from "../../db/schema/index";
import { createArticle } from "~/models/article.server";
import { downloadResponse, runTextExtraction } from "~/models/attachment.server";
import { FtsSearchIndex } from "~/services/search/fts.server";
import { getDb } from "~/services/db.server";
import * as page from "~/routes/wissen.$slug";
import { ABB1, DEMO_CHECKLIST, DEMO_CSV, demoAbb1Csv, demoChecklistPdf, seedDemoDateien } from "../../scripts/lib/demo-dateien";

let db: DB;
let cleanup: () => void;
let filesDir: string;

const article = (slug: string, title: string) => ({
  slug,
  type: "checkliste" as const,
  title,
  summary: "Kurz.",
  body: "Text.",
  handlungsfelder: ["zusammenarbeit"],
  ebenen: ["kommune"],
  staedte: [],
  quellen: ["Handlungsrahmen, S. 9"],
  stand: "2026-11-25",
  pruefenBis: null,
  status: "veroeffentlicht" as const,
});

beforeAll(async () => {
  filesDir = mkdtempSync(join(tmpdir(), "sn-demo-files-"));
  process.env.FILES_DIR = filesDir;
  ({ db, cleanup } = createTestDb());
  const u = await makeUser(db, "redaktion", undefined, "redaktion@demo.staedtenetz.invalid");
  createArticle(db, article(DEMO_CHECKLIST.article, "Checkliste Anmeldung"), { id: u.id });
  createArticle(db, { ...article(DEMO_CSV.article, "Zuzüge aus Bulgarien und Rumänien 2007–2011"), type: "fakten" as const }, { id: u.id });
});
afterAll(() => {
  cleanup();
  rmSync(filesDir, { recursive: true, force: true });
});

describe("demo attachments", () => {
  it("the CSV holds the Abb. 1 figures: sums as stated in the source, a source line", () => {
    const lines = demoAbb1Csv().toString("utf8").trim().split("\n");
    expect(lines[0]).toBe("Jahr;Zuzüge aus Bulgarien;Zuzüge aus Rumänien;zusammen");
    // the totals row of Abb. 1 in the source paper
    expect(lines.slice(1, 6).map((l) => Number(l.split(";")[3]))).toEqual([64158, 71476, 86494, 113972, 147091]);
    expect(ABB1.reduce((n, r) => n + r.bulgarien + r.rumaenien, 0)).toBeLessThan(500_000);
    expect(lines.at(-1)).toMatch(/^Quelle: Statistisches Bundesamt.*Abb\. 1/);
  });

  it("seeding attaches both files to their public articles; guests download them byte-identical; a re-run adds nothing", async () => {
    expect(await seedDemoDateien(db)).toBe("Checkliste (PDF): neu; Abb. 1 (CSV): neu");
    expect(await seedDemoDateien(db)).toBe("Checkliste (PDF): vorhanden; Abb. 1 (CSV): vorhanden");
    expect(db.select().from(attachments).all()).toHaveLength(2);
    for (const [slug, name, bytes, type] of [
      [DEMO_CHECKLIST.article, DEMO_CHECKLIST.name, demoChecklistPdf(), "PDF"],
      [DEMO_CSV.article, DEMO_CSV.name, demoAbb1Csv(), "CSV"],
    ] as const) {
      const r = (await page.loader({ request: new Request(`http://localhost:3000/wissen/${slug}`), params: { slug }, context: {} })) as {
        files: { id: number; name: string; typeLabel: string }[];
      };
      expect(r.files.map((f) => [f.name, f.typeLabel])).toEqual([[name, type]]);
      const res = downloadResponse(db, r.files[0].id, null);
      expect(res.status).toBe(200);
      expect(Buffer.from(await res.arrayBuffer()).equals(bytes)).toBe(true);
    }
  });

  it("their text is found by guests (checklist word, a figure of the CSV)", async () => {
    while ((await runTextExtraction(db)) > 0);
    const fts = new FtsSearchIndex(getDb);
    const find = async (q: string) => (await fts.search({ q, limit: 10, offset: 0 }, null)).hits.map((h) => h.url);
    const id = (name: string) => db.select().from(attachments).where(eq(attachments.originalName, name)).get()!.id;
    expect(await find("Wohnungsgeberbestätigung")).toContain(`/dateien/${id(DEMO_CHECKLIST.name)}`);
    expect(await find("147091")).toContain(`/dateien/${id(DEMO_CSV.name)}`);
  });
});
