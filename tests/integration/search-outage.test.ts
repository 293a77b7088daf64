// Search outage: with MEILI_HOST pointing at a closed port the site keeps searching (FTS5, with a notice) and
// /healthz stays 200 with "search":"degraded"; a Meilisearch task that ends `failed` keeps its outbox row.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createServer, type Server } from "node:http";
import { join } from "node:path";
import { createTestDb } from "../setup/db";
import { freePort, startApp, type RunningApp } from "../setup/app-server";
import { importContent } from "~/services/content/importer.server";
import { upsertSearchDocs } from "~/services/search/documents.server";
import { MeiliSearchIndex, drainOutbox } from "~/services/search/meili.server";
import { getDb } from "~/services/db.server";

const ROOT = join(__dirname, "..", "..");
const NOTICE = "Die erweiterte Suche ist gerade nicht erreichbar – Ergebnisse aus der eingebauten Suche.";

describe("site with Meilisearch unreachable", () => {
  let t: ReturnType<typeof createTestDb>;
  let down: RunningApp;
  let plain: RunningApp;
  beforeAll(async () => {
    t = createTestDb();
    const r = await importContent(t.db, { dir: join(ROOT, "content") });
    expect(r.errors).toEqual([]);
    const closed = await freePort(); // nothing listens there
    [down, plain] = await Promise.all([startApp(t.path, { MEILI_HOST: `http://127.0.0.1:${closed}` }), startApp(t.path)]);
  }, 180_000);
  afterAll(async () => {
    await Promise.all([down?.stop(), plain?.stop()]);
    t?.cleanup();
  });

  it("/healthz answers 200 with search degraded (and ok without Meilisearch)", async () => {
    const res = await fetch(`${down.base}/healthz`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ db: "ok", search: "degraded" });
    const ok = await fetch(`${plain.base}/healthz`);
    expect(ok.status).toBe(200);
    expect(await ok.json()).toEqual({ db: "ok", search: "ok" });
  });

  it("/suche finds Krankenversicherung from the built-in index and shows the notice", async () => {
    const res = await fetch(`${down.base}/suche?q=Krankenversicherung`);
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain(NOTICE);
    expect(html).toMatch(/<li class="suche-treffer"><h3><a [^>]*href="\/wissen\/[a-z0-9-]+"/);
    expect(html).not.toContain("Keine Treffer");
    // The notice is only there while the engine is down.
    const normal = await (await fetch(`${plain.base}/suche?q=Krankenversicherung`)).text();
    expect(normal).not.toContain(NOTICE);
  });

  it("/api/suche keeps its contract and adds degraded: true", async () => {
    const res = await fetch(`${down.base}/api/suche?q=Krankenversicherung`);
    expect(res.status).toBe(200);
    const body = (await res.json()) as { total: number; hits: { typ: string; url: string }[]; facets: object; degraded?: boolean };
    expect(body.total).toBeGreaterThan(0);
    expect(body.hits[0]).toMatchObject({ typ: expect.any(String), url: expect.stringMatching(/^\//) });
    expect(body.facets).toHaveProperty("typ");
    expect(body.degraded).toBe(true);
    const normal = (await (await fetch(`${plain.base}/api/suche?q=Krankenversicherung`)).json()) as { total: number; degraded?: boolean };
    expect(normal.total).toBe(body.total);
    expect(normal).not.toHaveProperty("degraded");
  });
});

describe("a Meilisearch task that ends failed", () => {
  let fake: Server;
  let host: string;
  let t: ReturnType<typeof createTestDb>;
  beforeAll(async () => {
    // A stand-in for the external service: accepts the documents, then reports the task as failed.
    fake = createServer((req, res) => {
      res.setHeader("Content-Type", "application/json");
      if (req.method === "POST" && req.url?.startsWith("/indexes/sn_documents/documents")) {
        req.resume();
        res.statusCode = 202;
        res.end(JSON.stringify({ taskUid: 7, indexUid: "sn_documents", status: "enqueued", type: "documentAdditionOrUpdate", enqueuedAt: new Date().toISOString() }));
      } else if (req.url?.startsWith("/tasks/7")) {
        res.end(JSON.stringify({ uid: 7, indexUid: "sn_documents", status: "failed", type: "documentAdditionOrUpdate", error: { message: "Speicher voll", code: "no_space_left_on_device" } }));
      } else {
        res.statusCode = 404;
        res.end("{}");
      }
    });
    await new Promise<void>((r) => fake.listen(0, "127.0.0.1", r));
    host = `http://127.0.0.1:${(fake.address() as { port: number }).port}`;
    process.env.MEILI_HOST = host; // search documents then also go to the outbox
    t = createTestDb({ seed: false });
  });
  afterAll(() => {
    delete process.env.MEILI_HOST;
    fake.close();
    t.cleanup();
  });

  it("keeps the outbox row pending with the error recorded", async () => {
    t.db.transaction((tx) => upsertSearchDocs(tx, [{ id: "wissen:a", typ: "wissen", slug: "a", url: "/wissen/a", title: "A", visibility: "public" }]));
    const engine = new MeiliSearchIndex(getDb, host);
    await expect(drainOutbox(engine)).rejects.toThrow(/fehlgeschlagen: Speicher voll/);
    const rows = t.db.$client.prepare("SELECT doc_id, attempts, last_error, done_at FROM search_outbox").all() as {
      doc_id: string; attempts: number; last_error: string; done_at: number | null;
    }[];
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ doc_id: "wissen:a", attempts: 1, done_at: null });
    expect(rows[0].last_error).toMatch(/Meilisearch-Aufgabe 7 .*fehlgeschlagen: Speicher voll/);
  });
});
