// "One submit, one record" (issue 11): every create form carries a key; a repeated POST with the same key
// creates nothing and gets the first result.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { count, eq } from "drizzle-orm";
import { createTestDb, makeUser } from "../setup/db";
import type { DB } from "../../db/client";
import { articleSuggestions, forumPosts, forumTopics, idempotencyKeys, invitations, mailOutbox, projects } from "../../db/schema/index";
import { createUserSession } from "~/services/auth.server";
import { IDEMPOTENCY_TTL_MS, newIdempotencyKey, purgeExpiredIdempotencyKeys, runIdempotent } from "~/services/idempotency.server";
import { createArticle } from "~/models/article.server";
import { createTopic, ensureCategories, getCategory } from "~/models/forum.server";
import { action as replyAction, loader as topicLoader } from "~/routes/forum.$kategorie.$themaId";
import { action as topicAction, loader as newTopicLoader } from "~/routes/forum.$kategorie.neu";
import { action as projectAction, loader as newProjectLoader } from "~/routes/projekte.neu";
import { action as suggestAction } from "~/routes/wissen.$slug_.vorschlagen";
import { action as inviteAction } from "~/routes/verwaltung.einladungen";

let db: DB;
let cleanup: () => void;
const cookies: Record<string, string> = {};
const ids: Record<string, { id: string; cityId: number | null }> = {};
let topicId = 0;
const CAT = "allgemeines";

beforeAll(async () => {
  ({ db, cleanup } = createTestDb());
  ensureCategories(db);
  for (const [key, role, city] of [
    ["mia", "mitglied", "dortmund"],
    ["max", "mitglied", "duisburg"],
    ["koDo", "koordination", "dortmund"],
    ["redaktion", "redaktion", undefined],
  ] as const) {
    const u = await makeUser(db, role, city);
    ids[key] = { id: u.id, cityId: u.cityId };
    cookies[key] = (await createUserSession(u.id)).split(";")[0];
  }
  const cat = getCategory(db, CAT, { id: ids.mia.id, role: "mitglied", cityId: ids.mia.cityId })!;
  topicId = createTopic(db, { category: cat, title: "Schulanmeldung ohne Meldebescheinigung", raw: "Wie machen andere Städte das?", handlungsfelder: [], staedte: [] }, { ...ids.mia, role: "mitglied", name: "Mia" } as never);
  createArticle(
    db,
    { type: "praxis", title: "Aufsuchende Arbeit", summary: "Kurz.", body: "## Problembeschreibung und Ziel\n\nText.", handlungsfelder: [], ebenen: [], staedte: [], quellen: [], stand: "2026-11-01", status: "veroeffentlicht" },
    { id: ids.redaktion.id },
  );
});
afterAll(() => cleanup());

const base = "http://localhost:3000";
function post(path: string, who: string, fields: Record<string, string | string[]>) {
  const form = new FormData();
  for (const [k, v] of Object.entries(fields)) for (const x of Array.isArray(v) ? v : [v]) form.append(k, x);
  return new Request(base + path, { method: "POST", body: form, headers: { Cookie: cookies[who] } });
}
const get = (path: string, who: string) => new Request(base + path, { headers: { Cookie: cookies[who] } });
async function run(p: Promise<unknown>): Promise<Response | unknown> {
  try {
    return await p;
  } catch (e) {
    if (e instanceof Response) return e;
    throw e;
  }
}
const location = (r: unknown) => (r instanceof Response ? r.headers.get("Location") : null);
const n = (table: typeof forumPosts | typeof forumTopics | typeof projects | typeof articleSuggestions | typeof invitations | typeof mailOutbox) =>
  db.select({ n: count() }).from(table).get()!.n;

describe("reply (Antwort veröffentlichen)", () => {
  const path = () => `/forum/${CAT}/${topicId}`;
  const params = () => ({ kategorie: CAT, themaId: String(topicId) });

  it("every render of the topic page carries a fresh key", async () => {
    const a = (await topicLoader({ request: get(path(), "max"), params: params(), context: {} })) as { replyKey: string };
    const b = (await topicLoader({ request: get(path(), "max"), params: params(), context: {} })) as { replyKey: string };
    expect(a.replyKey).toMatch(/^[A-Za-z0-9_-]{16,64}$/);
    expect(a.replyKey).not.toBe(b.replyKey);
  });

  it("two identical POSTs with the same key create one post and give the same redirect", async () => {
    const before = n(forumPosts);
    const key = newIdempotencyKey();
    const fields = { intent: "reply", raw: "Bei uns geht das über die Schulverwaltung.", replyTo: "", idempotencyKey: key };
    const r1 = await run(replyAction({ request: post(path(), "max", fields), params: params(), context: {} }));
    const r2 = await run(replyAction({ request: post(path(), "max", fields), params: params(), context: {} }));
    expect(n(forumPosts)).toBe(before + 1);
    expect(location(r1)).toMatch(new RegExp(`^/forum/${CAT}/${topicId}\\?beitrag=\\d+#beitrag-\\d+$`));
    expect(location(r2)).toBe(location(r1));
    // a new render (new key) is a new reply
    await run(replyAction({ request: post(path(), "max", { ...fields, idempotencyKey: newIdempotencyKey() }), params: params(), context: {} }));
    expect(n(forumPosts)).toBe(before + 2);
  });

  it("a rejected POST does not use up the key: the corrected form with the same key is published once", async () => {
    const before = n(forumPosts);
    const key = newIdempotencyKey();
    const bad = await run(replyAction({ request: post(path(), "max", { intent: "reply", raw: "x", replyTo: "", idempotencyKey: key }), params: params(), context: {} }));
    expect((bad as { init?: { status?: number } }).init?.status).toBe(400);
    const fields = { intent: "reply", raw: "Jetzt mit richtigem Text.", replyTo: "", idempotencyKey: key };
    await run(replyAction({ request: post(path(), "max", fields), params: params(), context: {} }));
    await run(replyAction({ request: post(path(), "max", fields), params: params(), context: {} }));
    expect(n(forumPosts)).toBe(before + 1);
  });

  it("another user's key is not theirs to replay", async () => {
    const before = n(forumPosts);
    const key = newIdempotencyKey();
    const fields = { intent: "reply", raw: "Wir fragen beim Schulamt nach.", replyTo: "", idempotencyKey: key };
    await run(replyAction({ request: post(path(), "max", fields), params: params(), context: {} }));
    await run(replyAction({ request: post(path(), "koDo", fields), params: params(), context: {} }));
    expect(n(forumPosts)).toBe(before + 2);
  });
});

describe("topic, project, suggestion, invitation", () => {
  it("topic: the same key twice creates one topic and one redirect", async () => {
    const key = (
      (await newTopicLoader({ request: get(`/forum/${CAT}/neu`, "mia"), params: { kategorie: CAT }, context: {} })) as { idempotencyKey: string }
    ).idempotencyKey;
    const before = n(forumTopics);
    const fields = { intent: "topic", title: "Wer übernimmt die Kosten der Dolmetscher?", raw: "Bei Elterngesprächen in der Schule.", feld: "", stadt: "", idempotencyKey: key };
    const r1 = await run(topicAction({ request: post(`/forum/${CAT}/neu`, "mia", fields), params: { kategorie: CAT }, context: {} }));
    const r2 = await run(topicAction({ request: post(`/forum/${CAT}/neu`, "mia", fields), params: { kategorie: CAT }, context: {} }));
    expect(n(forumTopics)).toBe(before + 1);
    expect(location(r1)).toMatch(new RegExp(`^/forum/${CAT}/\\d+$`));
    expect(location(r2)).toBe(location(r1));
  });

  it("project: the same key twice creates one project", async () => {
    const loaded = (await newProjectLoader({ request: get("/projekte/neu", "koDo"), params: {}, context: {} })) as { idempotencyKey: string };
    const before = n(projects);
    const fields = {
      titel: "Sprachcafé Nordstadt",
      zusammenfassung: "Ein offener Treffpunkt.",
      stadt: String(ids.koDo.cityId),
      status: "idee",
      statusDatum: "2026-11-01",
      felder: ["soziales-miteinander"],
      sichtbarkeit: "members",
      intent: "speichern",
      idempotencyKey: loaded.idempotencyKey,
    };
    const r1 = await run(projectAction({ request: post("/projekte/neu", "koDo", fields), params: {}, context: {} }));
    const r2 = await run(projectAction({ request: post("/projekte/neu", "koDo", fields), params: {}, context: {} }));
    expect(location(r1)).toMatch(/^\/projekte\/sprachcafe-nordstadt/);
    expect(n(projects)).toBe(before + 1);
    expect(location(r2)).toBe(location(r1));
  });

  it("suggestion: the same key twice sends one suggestion", async () => {
    const before = n(articleSuggestions);
    const fields = { summary: "Kurz und neu.", body: "## Problembeschreibung und Ziel\n\nNeuer Text.", comment: "Quelle: Jahresbericht 2025", idempotencyKey: newIdempotencyKey() };
    const r1 = await run(suggestAction({ request: post("/wissen/aufsuchende-arbeit/vorschlagen", "max", fields), params: { slug: "aufsuchende-arbeit" }, context: {} }));
    const r2 = await run(suggestAction({ request: post("/wissen/aufsuchende-arbeit/vorschlagen", "max", fields), params: { slug: "aufsuchende-arbeit" }, context: {} }));
    expect(location(r1)).toBe("/wissen/aufsuchende-arbeit/vorschlagen");
    expect(location(r2)).toBe(location(r1));
    expect(n(articleSuggestions)).toBe(before + 1);
  });

  it("invitation: the same key twice creates one invitation and one mail, and the repeat shows no link", async () => {
    const inv = n(invitations);
    const mails = n(mailOutbox);
    const fields = { email: "neu.dortmund@test.invalid", role: "mitglied", cityId: String(ids.koDo.cityId), idempotencyKey: newIdempotencyKey() };
    const r1 = (await inviteAction({ request: post("/verwaltung/einladungen", "koDo", fields), params: {}, context: {} })) as { ok: true; link: string | null };
    const r2 = (await inviteAction({ request: post("/verwaltung/einladungen", "koDo", fields), params: {}, context: {} })) as { ok: true; link: string | null };
    expect(r1.ok && r1.link).toMatch(/\/registrieren\//);
    expect(r2.ok).toBe(true);
    expect(r2.link).toBeNull();
    expect(n(invitations)).toBe(inv + 1);
    expect(n(mailOutbox)).toBe(mails + 1);
    // the invitation link (a secret) is not what is remembered for the repeat
    const rows = db.select({ result: idempotencyKeys.result }).from(idempotencyKeys).where(eq(idempotencyKeys.route, "verwaltung.einladungen")).all();
    expect(rows.some((r) => r.result.includes("registrieren"))).toBe(false);
  });
});

describe("expiry", () => {
  it("keys older than 24 hours are removed and no longer replay", () => {
    const scope = { userId: ids.mia.id, route: "test.route", key: newIdempotencyKey() };
    let runs = 0;
    const then = new Date(Date.now() - IDEMPOTENCY_TTL_MS - 60_000);
    runIdempotent(db, scope, () => `/ergebnis/${++runs}`, then);
    expect(runIdempotent(db, scope, () => `/ergebnis/${++runs}`, new Date(then.getTime() + 1000))).toEqual({ result: "/ergebnis/1", replayed: true });
    expect(purgeExpiredIdempotencyKeys(db)).toBeGreaterThanOrEqual(1);
    expect(runIdempotent(db, scope, () => `/ergebnis/${++runs}`)).toEqual({ result: "/ergebnis/2", replayed: false });
  });
});
