// The page cache (docs/decisions/021-page-cache.md): guests get cached pages that are never older than the last
// committed write, served before the Express middleware with the same guards and security headers, with a script
// CSP of hashes of exactly the scripts the render gave its nonce; nobody signed in ever gets a cached page.
import { createHash } from "node:crypto";
import { brotliDecompressSync, gunzipSync } from "node:zlib";
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
import { inputFromRevision, listArticles, updateArticle } from "../../app/models/article.server";
import { getRevision, listRevisions } from "../../app/models/revision.server";
import { articles, forumCategories, forumTopics, projects, users } from "../../db/schema/index";
import { buildEntry, hashScripts, NONCE_PLACEHOLDER, pickEncoding } from "../../scripts/lib/page-cache";
import { securityHeaders } from "../../app/services/security";

const sha = (text: string) => `'sha256-${createHash("sha256").update(text, "utf8").digest("base64")}'`;
/** The text of every inline script of a page (no src). */
const inlineScripts = (html: string) => [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)].filter((m) => !/\ssrc=/.test(m[1])).map((m) => m[2]);
const scriptSrc = (csp: unknown) => /script-src ([^;]*)/.exec(String(csp))![1];

describe("script hashes of a cached page", () => {
  it("hashes only the inline scripts that carried the render's nonce; an injected script stays blocked", () => {
    const nonce = "n0nce+abc==";
    const html = `<p>x</p><script nonce="${nonce}">window.a=1</script><script>alert("eingeschleust")</script><script nonce="${nonce}" type="module" async="">import "/build/x.js"</script><script nonce="${nonce}" src="/build/y.js"></script>`;
    const r = hashScripts(html, nonce)!;
    expect(r.hashes).toEqual([sha("window.a=1"), sha('import "/build/x.js"')]);
    expect(r.hashes).not.toContain(sha('alert("eingeschleust")'));
    expect(r.body).not.toContain(nonce);
    // a nonce anywhere else than in a nonce attribute: not stored
    expect(hashScripts(`<script nonce="${nonce}">var n="${nonce}"</script>`, nonce)).toBeUndefined();
  });

  it("the stored policy is the normal one with hashes instead of the nonce; bodies in every encoding are the same page", () => {
    const nonce = "abc123";
    const security = securityHeaders(NONCE_PLACEHOLDER, { reportUrl: "http://localhost/csp-bericht" });
    const e = buildEntry(200, [["content-type", "text/html; charset=utf-8"]], `<html><script nonce="${nonce}">1</script>ä</html>`, nonce, security)!;
    const headers = new Map<string, string>();
    for (let i = 0; i < e.raw.gzip.length; i += 2) headers.set(e.raw.gzip[i], e.raw.gzip[i + 1]);
    const normal = securityHeaders("XYZ", { reportUrl: "http://localhost/csp-bericht" });
    for (const [k, v] of Object.entries(normal)) {
      if (k === "Content-Security-Policy") expect(headers.get(k)).toBe(v.replace("'nonce-XYZ'", sha("1")));
      else expect(headers.get(k), k).toBe(v);
    }
    expect(headers.get("Content-Encoding")).toBe("gzip");
    expect(gunzipSync(e.bodies.gzip).equals(e.body)).toBe(true);
    expect(brotliDecompressSync(e.bodies.br).equals(e.body)).toBe(true);
    expect(e.body.toString()).toBe("<html><script>1</script>ä</html>");
    expect(pickEncoding("gzip, deflate, br, zstd")).toBe("br");
    expect(pickEncoding("gzip, br;q=0")).toBe("gzip");
    expect(pickEncoding("deflate")).toBe("identity");
    expect(pickEncoding(undefined)).toBe("identity");
  });
});

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

  it("a guest's second request is a hit whose CSP allows exactly the page's inline scripts by hash; If-None-Match gets 304", async () => {
    const a = await raw(s!.port, { path: "/wissen" });
    const b = await raw(s!.port, { path: "/wissen" });
    expect(a.status).toBe(200);
    expect(a.headers["x-cache"]).toBe("miss");
    expect(b.headers["x-cache"]).toBe("hit");
    expect(b.headers["cache-control"]).toBe("public, max-age=0, must-revalidate");
    expect(b.headers.etag).toBe(a.headers.etag);
    for (const r of [a, b]) {
      const src = scriptSrc(r.headers["content-security-policy"]);
      expect(src).not.toMatch(/unsafe-inline|nonce-/);
      const body = r.body.toString();
      const scripts = inlineScripts(body);
      expect(scripts.length).toBeGreaterThan(0);
      // every inline script runs by its hash, and the policy allows nothing else inline
      const allowed = src.split(" ").filter((x) => x.startsWith("'sha256-"));
      expect(new Set(allowed)).toEqual(new Set(scripts.map(sha)));
      expect(body).not.toContain("nonce=");
      expect(body).not.toContain(NONCE_PLACEHOLDER);
    }
    const c = await raw(s!.port, { path: "/wissen", headers: { "If-None-Match": String(a.headers.etag) } });
    expect(c.status).toBe(304);
    expect(c.body.length).toBe(0);
    // the same body, so the same policy
    expect(c.headers["content-security-policy"]).toBe(b.headers["content-security-policy"]);
    const health = JSON.parse((await raw(s!.port, { path: "/healthz?cache=1" })).body.toString());
    expect(health.cache.hits).toBeGreaterThan(0);
    expect(health.cache.entries).toBeGreaterThan(0);
  });

  it("a hit served before the middleware carries the same security headers, refuses a bad Host and comes compressed", async () => {
    await raw(s!.port, { path: "/forum" });
    const hit = await raw(s!.port, { path: "/forum" });
    expect(hit.headers["x-cache"]).toBe("hit");
    // a page that is never cached goes through every middleware: its security headers are the reference
    const normal = await raw(s!.port, { path: "/anmelden" });
    expect(normal.headers["x-cache"]).toBeUndefined();
    for (const name of ["x-content-type-options", "referrer-policy", "x-frame-options", "permissions-policy", "cross-origin-opener-policy", "cross-origin-resource-policy", "reporting-endpoints"]) {
      expect(hit.headers[name], name).toBeDefined();
      expect(hit.headers[name], name).toBe(normal.headers[name]);
    }
    const withoutScripts = (csp: unknown) => String(csp).replace(/script-src [^;]*/, "");
    expect(withoutScripts(hit.headers["content-security-policy"])).toBe(withoutScripts(normal.headers["content-security-policy"]));
    // each header once, as on a normal response
    const names = hit.rawHeaders.filter((_, i) => i % 2 === 0).map((n) => n.toLowerCase());
    expect(names.length).toBe(new Set(names).size);
    // a cached URL with an unknown Host is still refused
    const bad = await raw(s!.port, { path: "/forum", headers: { Host: "angreifer.example" } });
    expect(bad.status).toBe(421);
    expect(bad.body.toString()).not.toContain("<html");
    expect(bad.headers["x-cache"]).toBeUndefined();
    // a browser gets the stored brotli or gzip bytes of the same page
    const br = await raw(s!.port, { path: "/forum", headers: { "Accept-Encoding": "gzip, deflate, br" } });
    expect(br.headers["content-encoding"]).toBe("br");
    expect(br.headers.vary).toMatch(/Accept-Encoding/i);
    expect(br.headers.vary, "a shared proxy must keep guest and signed-in answers apart").toMatch(/\bCookie\b/);
    expect(brotliDecompressSync(br.body).equals(hit.body)).toBe(true);
    const gz = await raw(s!.port, { path: "/forum", headers: { "Accept-Encoding": "gzip" } });
    expect(gz.headers["content-encoding"]).toBe("gzip");
    expect(gunzipSync(gz.body).equals(hit.body)).toBe(true);
    expect(Number(gz.headers["content-length"])).toBe(gz.body.length);
  });

  it("a forum reply, an article edit and a project update written by another process show on the guest's next request", async () => {
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

      // an article edit (new revision) shows on the article and on the list
      // the first article of /wissen's first page (the list shows 20 per page)
      const first = listArticles(db, {}, { includeDrafts: false, limit: 1 }).items[0];
      const article = db.select().from(articles).where(eq(articles.slug, first.slug)).get()!;
      const editor = db.select().from(users).where(eq(users.email, ACCOUNTS.redaktion)).get()!;
      for (const path of [`/wissen/${article.slug}`, "/wissen"]) {
        await raw(s!.port, { path });
        expect((await raw(s!.port, { path })).headers["x-cache"], path).toBe("hit");
      }
      const latest = getRevision(db, "article", article.id, listRevisions(db, "article", article.id)[0].version)!;
      const summary = `Neue Kurzfassung ${Date.now()}`;
      updateArticle(db, article.id, { ...inputFromRevision(latest.meta as Record<string, unknown>, latest.body), summary }, { id: editor.id }, "Cache-Probe");
      for (const path of [`/wissen/${article.slug}`, "/wissen"]) expect((await raw(s!.port, { path })).body.toString(), path).toContain(summary);

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

describe("page cache hits and the read rate limit", { timeout: 180_000 }, () => {
  let s: Running | undefined;
  beforeAll(async () => {
    s = await startServer({ env: { RATE_LIMIT_READ: "8" } });
  }, 180_000);
  afterAll(() => stopServer(s));

  it("hits count towards the per-address read limit and get the normal 429 once it is used up", async () => {
    // /healthz (1 read) was used by the start-up probe; the page's miss and its hits all count
    const statuses: string[] = [];
    for (let i = 0; i < 12; i++) {
      const r = await raw(s!.port, { path: "/" });
      statuses.push(`${r.status}${r.headers["x-cache"] ? ` ${r.headers["x-cache"]}` : ""}`);
      if (r.status === 429) {
        expect(r.headers["retry-after"]).toMatch(/^\d+$/);
        expect(r.body.toString()).toContain("Zu viele Anfragen");
      }
    }
    expect(statuses).toContain("200 hit");
    expect(statuses.filter((x) => x === "429").length).toBeGreaterThanOrEqual(4);
    expect(statuses.indexOf("429")).toBeLessThanOrEqual(8);
  });
});
