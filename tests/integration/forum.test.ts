import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, eq } from "drizzle-orm";
import { createTestDb, makeUser } from "../setup/db";
import type { DB } from "../../db/client";
import { forumPosts, forumTopics, mailOutbox, notifications, searchDocuments, sessions, users } from "../../db/schema/index";
import {
  createPost,
  createTopic,
  deletePost,
  ensureCategories,
  getCategory,
  getTopic,
  listPosts,
  listTopics,
  setPostHidden,
  setSubscription,
  splitTopic,
  moveTopic,
  type Actor,
  handleOf,
} from "~/models/forum.server";
import { assignClearing, listQueue, publishAsFaq, settleClearing, submitToClearing, toggleConcern, listHistory } from "~/models/clearing.server";
import { countUnread, enqueueDigests, setEmailPref, unsubscribeToken, verifyUnsubscribeToken, unsubscribe } from "~/models/notification.server";
import { deleteAccount, exportUserData } from "~/models/dsgvo.server";
import { getArticleBySlug } from "~/models/article.server";
import { renderToString } from "react-dom/server";

let db: DB;
let cleanup: () => void;
const actors: Record<string, Actor> = {};

async function actor(key: string, role: Actor["role"], city?: string) {
  const u = await makeUser(db, role, city);
  const name = db.select({ name: users.name }).from(users).where(eq(users.id, u.id)).get()!.name;
  actors[key] = { id: u.id, role, cityId: u.cityId, name };
  return actors[key];
}

beforeAll(async () => {
  ({ db, cleanup } = createTestDb());
  ensureCategories(db);
  await actor("duisburg", "mitglied", "duisburg");
  await actor("dortmund", "mitglied", "dortmund");
  await actor("koordDuisburg", "koordination", "duisburg");
  await actor("koordDortmund", "koordination", "dortmund");
  await actor("redaktion", "redaktion");
  await actor("mod", "moderation");
});
afterAll(() => cleanup());

const guest = null;
const viewer = (a: Actor) => ({ id: a.id, role: a.role, cityId: a.cityId });

describe("forum basics", () => {
  it("creates the default categories idempotently, Clearingstelle members-only", () => {
    expect(ensureCategories(db)).toBe(0);
    expect(getCategory(db, "clearingstelle", guest)).toBeNull();
    expect(getCategory(db, "clearingstelle", viewer(actors.duisburg))?.isClearing).toBe(true);
    expect(getCategory(db, "gesundheit", guest)?.name).toBe("Gesundheit");
  });

  it("numbers posts per topic, notifies watchers and mentions, never the actor, and indexes search docs", () => {
    const cat = getCategory(db, "gesundheit", guest)!;
    const id = createTopic(db, { category: cat, title: "Krankenversicherung für EU-Bürger ohne Job?", raw: "Wie macht ihr das?", handlungsfelder: [], staedte: [] }, actors.duisburg);
    const n2 = createPost(db, { topicId: id, raw: `Bei uns so. @${handleOf(actors.koordDortmund.name)} weißt du mehr?` }, actors.dortmund);
    expect(n2).toBe(2);
    const n3 = createPost(db, { topicId: id, raw: "Danke!", replyTo: 2 }, actors.duisburg);
    expect(n3).toBe(3);
    // duisburg (author) watched automatically and got the answer of dortmund, not their own
    const duisNotes = db.select().from(notifications).where(eq(notifications.userId, actors.duisburg.id)).all();
    expect(duisNotes.map((n) => n.postNumber)).toEqual([2]);
    expect(db.select().from(notifications).where(eq(notifications.userId, actors.koordDortmund.id)).all()[0].kind).toBe("erwaehnung");
    const dortNotes = db.select().from(notifications).where(eq(notifications.userId, actors.dortmund.id)).all();
    expect(dortNotes).toHaveLength(1); // reply to own post (dedup with watch)
    const doc = db.select().from(searchDocuments).where(eq(searchDocuments.id, `forum:topic:${id}`)).get()!;
    expect(doc).toMatchObject({ typ: "forum", subtype: "topic", slug: String(id), url: `/forum/gesundheit/${id}`, status: "offen", visibility: "public" });
    expect(doc.staedte).toEqual(["duisburg"]);
    expect(doc.handlungsfelder).toEqual(["gesundheit"]);
    const mails = db.select().from(mailOutbox).all();
    expect(mails.length).toBeGreaterThan(0);
    for (const m of mails) {
      expect(m.headers["List-Unsubscribe"]).toMatch(/^<http.*\/abbestellen\/.+>$/);
      expect(m.headers["List-Unsubscribe-Post"]).toBe("List-Unsubscribe=One-Click");
      expect(m.text).toContain("/abbestellen/");
    }
  });

  it("hidden and deleted posts leave the search index and show no content", () => {
    const cat = getCategory(db, "wohnen", guest)!;
    const id = createTopic(db, { category: cat, title: "Problemimmobilie", raw: "Start", handlungsfelder: [], staedte: [] }, actors.dortmund);
    createPost(db, { topicId: id, raw: "geheim-wort-xyz" }, actors.duisburg);
    const p = db.select().from(forumPosts).where(and(eq(forumPosts.topicId, id), eq(forumPosts.postNumber, 2))).get()!;
    expect(db.select().from(searchDocuments).where(eq(searchDocuments.id, `forum:post:${p.id}`)).get()).toBeTruthy();
    setPostHidden(db, p.id, true, actors.mod);
    expect(db.select().from(searchDocuments).where(eq(searchDocuments.id, `forum:post:${p.id}`)).get()).toBeUndefined();
    expect(listPosts(db, id, 1, { showHidden: false }).posts[1].cooked).toBe("");
    setPostHidden(db, p.id, false, actors.mod);
    deletePost(db, p.id, actors.duisburg);
    expect(db.select().from(searchDocuments).where(eq(searchDocuments.id, `forum:post:${p.id}`)).get()).toBeUndefined();
  });

  it("guests never see members-only topics (list, direct lookup, search docs visibility)", () => {
    const cat = getCategory(db, "clearingstelle", viewer(actors.duisburg))!;
    const id = createTopic(db, { category: cat, title: "Intern", raw: "Nur für Mitglieder", handlungsfelder: ["gesundheit"], staedte: [] }, actors.duisburg);
    expect(getTopic(db, id, guest)).toBeNull();
    expect(getTopic(db, id, viewer(actors.dortmund))).not.toBeNull();
    expect(listTopics(db, { viewer: guest }).topics.some((t) => t.id === id)).toBe(false);
    expect(listTopics(db, { viewer: viewer(actors.dortmund) }).topics.some((t) => t.id === id)).toBe(true);
    expect(db.select().from(searchDocuments).where(eq(searchDocuments.id, `forum:topic:${id}`)).get()!.visibility).toBe("members");
  });

  it("moves and splits topics and keeps the search docs right", () => {
    const cat = getCategory(db, "allgemeines", guest)!;
    const id = createTopic(db, { category: cat, title: "Sammelthema", raw: "eins", handlungsfelder: [], staedte: [] }, actors.duisburg);
    for (let i = 2; i <= 5; i++) createPost(db, { topicId: id, raw: `Beitrag ${i}` }, actors.dortmund);
    const newId = splitTopic(db, id, 4, "Abgeteilt", actors.mod);
    expect(listPosts(db, newId, 1, { showHidden: false }).posts.map((p) => p.postNumber)).toEqual([1, 2]);
    expect(db.select().from(forumTopics).where(eq(forumTopics.id, id)).get()!.postCount).toBe(3);
    moveTopic(db, newId, getCategory(db, "clearingstelle", viewer(actors.mod))!.id, actors.mod);
    const docs = db.select().from(searchDocuments).where(eq(searchDocuments.slug, String(newId))).all();
    expect(docs.every((d) => d.visibility === "members" && d.url.startsWith("/forum/clearingstelle/"))).toBe(true);
  });
});

describe("Clearingstelle", () => {
  it("runs the whole workflow with history, concerns, notifications and an FAQ draft", () => {
    const cat = getCategory(db, "kinder-bildung", guest)!;
    const id = createTopic(db, { category: cat, title: "Schulanmeldung ohne Meldebescheinigung", raw: "Frage", handlungsfelder: [], staedte: [] }, actors.duisburg);
    setSubscription(db, actors.dortmund.id, { topicId: id }, "follow");
    submitToClearing(db, id, "", actors.koordDuisburg);
    expect(toggleConcern(db, id, actors.koordDortmund)).toBe(true);
    assignClearing(db, id, { assigneeId: actors.redaktion.id, dueDate: "2020-01-01", note: "" }, actors.redaktion);
    const q = listQueue(db, { status: "in-klaerung" });
    const row = q.find((r) => r.id === id)!;
    expect(row).toMatchObject({ overdue: true, concerns: 1 });
    expect(db.select().from(searchDocuments).where(eq(searchDocuments.id, `forum:topic:${id}`)).get()!.status).toBe("in-klaerung");
    const before = countUnread(db, actors.koordDortmund.id);
    settleClearing(db, id, { outcome: "geklaert", reason: "Die Schulpflicht gilt ab Wohnsitz." }, actors.redaktion);
    expect(countUnread(db, actors.koordDortmund.id)).toBe(before + 1);
    expect(db.select().from(notifications).where(and(eq(notifications.userId, actors.dortmund.id), eq(notifications.kind, "clearing"))).all().length).toBeGreaterThan(0);
    expect(listHistory(db, id).map((h) => h.to)).toEqual(["an-clearingstelle", "in-klaerung", "geklaert"]);
    const slug = publishAsFaq(db, id, "Die Schulpflicht gilt ab Wohnsitz.", actors.redaktion);
    const art = getArticleBySlug(db, slug)!;
    expect(art.type).toBe("faq");
    expect(art.status).toBe("entwurf");
    expect(JSON.stringify(art.quellen)).toContain(`/forum/kinder-bildung/${id}`);
  });
});

describe("e-mail preferences and unsubscribe", () => {
  it("signed tokens verify and tampered ones do not", () => {
    const t = unsubscribeToken(actors.dortmund.id);
    expect(verifyUnsubscribeToken(t)).toBe(actors.dortmund.id);
    expect(verifyUnsubscribeToken(t.slice(0, -2) + (t.endsWith("A") ? "BB" : "AA"))).toBeNull();
    expect(verifyUnsubscribeToken("abc.def")).toBeNull();
  });

  it("daily digest sends one mail per user with pending items", () => {
    setEmailPref(db, actors.koordDuisburg.id, "taeglich");
    const cat = getCategory(db, "arbeitsmarkt", guest)!;
    const id = createTopic(db, { category: cat, title: "Kindergeld und Arbeit", raw: "Frage", handlungsfelder: [], staedte: [] }, actors.koordDuisburg);
    createPost(db, { topicId: id, raw: "Antwort 1" }, actors.dortmund);
    createPost(db, { topicId: id, raw: "Antwort 2" }, actors.duisburg);
    const before = db.select().from(mailOutbox).all().length;
    const r = enqueueDigests(db);
    expect(r.users).toBe(1);
    expect(r.items).toBe(2);
    const mails = db.select().from(mailOutbox).all();
    expect(mails.length).toBe(before + 1);
    expect(mails.at(-1)!.subject).toContain("2 Neuigkeiten");
    expect(enqueueDigests(db).users).toBe(0);
    expect(unsubscribe(db, actors.koordDuisburg.id)).toBe(true);
    expect(db.select().from(users).where(eq(users.id, actors.koordDuisburg.id)).get()!.emailPref).toBe("nie");
  });
});

describe("DSGVO", () => {
  it("exports the user's data and deletes the account keeping posts as 'ehemaliges Mitglied'", async () => {
    const a = await actor("leaving", "mitglied", "duisburg");
    const cat = getCategory(db, "allgemeines", guest)!;
    const id = createTopic(db, { category: cat, title: "Abschied", raw: "Mein Text", handlungsfelder: [], staedte: [] }, a);
    const data = exportUserData(db, a.id)!;
    expect(data.konto.email).toContain("@test.invalid");
    expect(data.beitraege[0].raw).toBe("Mein Text");
    expect(data.abonnements.length).toBe(1);
    db.insert(sessions).values({ id: "s-leaving", userId: a.id, expiresAt: Math.floor(Date.now() / 1000) + 3600 }).run();
    deleteAccount(db, a.id);
    const u = db.select().from(users).where(eq(users.id, a.id)).get()!;
    expect(u.name).toBe("ehemaliges Mitglied");
    expect(u.email).toMatch(/@geloescht\.invalid$/);
    expect(u.deletedAt).not.toBeNull();
    expect(db.select().from(sessions).where(eq(sessions.userId, a.id)).all()).toHaveLength(0);
    const posts = listPosts(db, id, 1, { showHidden: false }).posts;
    expect(posts[0].authorName).toBe("ehemaliges Mitglied");
    expect(posts[0].cooked).toContain("Mein Text");
    expect(exportUserData(db, a.id)!.abonnements).toHaveLength(0);
  });
});

describe("scale", () => {
  it("a 2,000-post topic pages at 50 posts; reports the page render time", async () => {
    const cat = getCategory(db, "allgemeines", guest)!;
    const id = createTopic(db, { category: cat, title: "Langes Thema", raw: "Start", handlungsfelder: [], staedte: [] }, actors.duisburg);
    const now = Date.now();
    db.transaction((tx) => {
      for (let n = 2; n <= 2000; n++) {
        tx.insert(forumPosts).values({ topicId: id, postNumber: n, authorId: n % 2 ? actors.duisburg.id : actors.dortmund.id, raw: `Beitrag **${n}**`, cooked: `<p>Beitrag <strong>${n}</strong> mit etwas Text, damit die Seite realistisch ist.</p>`, createdAt: new Date(now + n) }).run();
      }
      tx.update(forumTopics).set({ postCount: 2000, lastPostNumber: 2000 }).where(eq(forumTopics.id, id)).run();
    });
    const { PostList } = await import("~/components/forum/PostList");
    const { createElement } = await import("react");
    const { createMemoryRouter, RouterProvider } = await import("react-router-dom");
    const times: number[] = [];
    for (const page of [1, 20, 40, 40, 20, 1]) {
      const t0 = performance.now();
      const r = listPosts(db, id, page, { showHidden: false });
      const element = createElement(PostList, { posts: r.posts.map((p) => ({ ...p, createdAt: p.createdAt.toISOString() })), canReply: true, canFlag: true, canAccept: true, acceptedPostNumber: null, editableIds: [], baseUrl: `/forum/allgemeines/${id}`, page });
      const router = createMemoryRouter([{ path: "/", element }]);
      const html = renderToString(createElement(RouterProvider, { router }));
      times.push(performance.now() - t0);
      expect(r.posts.length).toBe(50);
      expect((html.match(/<article/g) ?? []).length).toBe(50);
      if (page === 40) expect(r.posts[49].postNumber).toBe(2000);
    }
    const warm = times.slice(3);
    console.log(`[forum-scale] 2000-post topic, page query+render (ms): ${times.map((t) => t.toFixed(1)).join(", ")}; warm median ${warm.sort((a, b) => a - b)[1].toFixed(1)} ms`);
  });
});

describe("unsubscribe token encoding", () => {
  it("rejects a token whose last character was changed even if it decodes to the same bytes", () => {
    const t = unsubscribeToken(actors.duisburg.id);
    for (const c of "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_") {
      const forged = t.slice(0, -1) + c;
      if (forged !== t) expect(verifyUnsubscribeToken(forged)).toBeNull();
    }
  });
});
