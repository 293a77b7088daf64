// The page cache (docs/decisions/021-page-cache.md): guests get cached pages that are never older than the last
// committed write, with a fresh CSP nonce each time; nobody signed in ever gets a cached page.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { ACCOUNTS, E2E_PASSWORD } from "../e2e/accounts";
import { raw, signIn, startServer, stopServer, type Running } from "../setup/server-process";
import { createTestDb } from "../setup/db";
import { openDatabase } from "../../db/client";
import { setDb } from "../../app/services/db.server";
import { dataVersionReader, versionedTables, PRIVATE_TABLES } from "../../db/data-version";
import { createPost, markRead } from "../../app/models/forum.server";
import { addProjectUpdate } from "../../app/models/project.server";
import { forumCategories, forumTopics, projects, users } from "../../db/schema/index";

describe("data version", () => {
  it("every table a guest page can show has insert, update and delete triggers; private tables and FTS have none", () => {
    const t = createTestDb();
    try {
      const sqlite = t.db.$client;
      const triggers = new Set((sqlite.prepare("select name from sqlite_master where type = 'trigger'").all() as { name: string }[]).map((r) => r.name));
      const tables = versionedTables(sqlite);
      for (const name of ["articles", "programmes", "forum_posts", "forum_topics", "projects", "project_updates", "cities", "city_figure_values", "search_documents", "users", "ziele", "termine", "forderungen", "attachments"]) {
        expect(tables, name).toContain(name);
      }
      for (const table of tables) for (const op of ["insert", "update", "delete"]) expect(triggers.has(`dv_${table}_${op}`), `${table} ${op}`).toBe(true);
      for (const name of PRIVATE_TABLES) expect(tables).not.toContain(name);
      expect(tables.some((n) => n.startsWith("search_fts"))).toBe(false);
    } finally {
      t.cleanup();
    }
  });
});

describe("page cache over HTTP", { timeout: 180_000 }, () => {
  let s: Running | undefined;
  let topicUrl = "";
  beforeAll(async () => {
    s = await startServer({ entry: "e2e" });
  }, 180_000);
  afterAll(() => stopServer(s));

  function second() {
    // another connection to the server's database file: a second process writing
    const { db } = openDatabase(`file:${s!.dbPath}`);
    setDb(db);
    return db;
  }

  it("a guest's second request is a hit with a fresh nonce that matches the CSP; If-None-Match gets 304 without a CSP", async () => {
    const a = await raw(s!.port, { path: "/wissen" });
    const b = await raw(s!.port, { path: "/wissen" });
    expect(a.status).toBe(200);
    expect(a.headers["x-cache"]).toBe("miss");
    expect(b.headers["x-cache"]).toBe("hit");
    expect(b.headers["cache-control"]).toBe("public, max-age=0, must-revalidate");
    expect(b.headers.etag).toBe(a.headers.etag);
    const nonceOf = (r: typeof a) => /'nonce-([^']+)'/.exec(String(r.headers["content-security-policy"]))![1];
    expect(nonceOf(a)).not.toBe(nonceOf(b));
    const body = b.body.toString();
    expect(body).toContain(`nonce="${nonceOf(b)}"`);
    expect(body).not.toContain(nonceOf(a));
    expect(body).not.toContain("__SN_NONCE__");
    const c = await raw(s!.port, { path: "/wissen", headers: { "If-None-Match": String(a.headers.etag) } });
    expect(c.status).toBe(304);
    expect(c.body.length).toBe(0);
    expect(c.headers["content-security-policy"]).toBeUndefined();
    const health = JSON.parse((await raw(s!.port, { path: "/healthz?cache=1" })).body.toString());
    expect(health.cache.hits).toBeGreaterThan(0);
    expect(health.cache.entries).toBeGreaterThan(0);
  });

  it("a forum reply and a project update written by another process show on the guest's next request", async () => {
    const db = second();
    try {
      const topic = db
        .select({ id: forumTopics.id, cat: forumCategories.slug })
        .from(forumTopics)
        .innerJoin(forumCategories, eq(forumCategories.id, forumTopics.categoryId))
        .where(eq(forumCategories.visibility, "public"))
        .limit(1)
        .get()!;
      topicUrl = `/forum/${topic.cat}/${topic.id}`;
      const author = db.select().from(users).where(eq(users.email, ACCOUNTS.mitgliedDortmund)).get()!;
      await raw(s!.port, { path: topicUrl });
      expect((await raw(s!.port, { path: topicUrl })).headers["x-cache"]).toBe("hit");
      const marker = `Cache-Probe ${Date.now()}`;
      createPost(db, { topicId: topic.id, raw: marker }, { id: author.id, name: author.name, role: author.role, cityId: author.cityId });
      const after = await raw(s!.port, { path: topicUrl });
      expect(after.headers["x-cache"]).toBe("miss");
      expect(after.body.toString()).toContain(marker);

      const project = db.select().from(projects).where(eq(projects.visibility, "public")).limit(1).get()!;
      const url = `/projekte/${project.slug}`;
      await raw(s!.port, { path: url });
      const update = `Neuer Stand ${Date.now()}`;
      addProjectUpdate(db, { id: author.id, cityId: author.cityId }, project.id, update);
      expect((await raw(s!.port, { path: url })).body.toString()).toContain(update);

      // a private write (read state) leaves the cache alone
      await raw(s!.port, { path: topicUrl });
      const before = dataVersionReader(db.$client)();
      markRead(db, author.id, topic.id, 1);
      expect(dataVersionReader(db.$client)()).toBe(before);
      expect((await raw(s!.port, { path: topicUrl })).headers["x-cache"]).toBe("hit");
    } finally {
      setDb(undefined);
      db.$client.close();
    }
  });

  it("no signed-in role ever gets a cached page, not even of a page a guest has cached", async () => {
    for (const path of ["/", "/wissen", "/forum", "/projekte", "/foerderung"]) {
      await raw(s!.port, { path });
      expect((await raw(s!.port, { path })).headers["x-cache"], path).toBe("hit");
    }
    for (const [who, email] of Object.entries(ACCOUNTS)) {
      const cookie = await signIn(s!, email, E2E_PASSWORD);
      for (const path of ["/", "/wissen", "/forum", "/projekte", "/foerderung"]) {
        const r = await raw(s!.port, { path, headers: { Cookie: cookie } });
        expect(r.headers["x-cache"], `${who} ${path}`).toBeUndefined();
        expect(r.headers["cache-control"], `${who} ${path}`).toBe("no-store");
        expect(r.body.toString(), `${who} ${path}`).toContain("Abmelden");
      }
    }
    // any cookie at all bypasses the cache (a stale session cookie, a flash message)
    expect((await raw(s!.port, { path: "/wissen", headers: { Cookie: "x=1" } })).headers["x-cache"]).toBeUndefined();
  });
});
