// Forum data access: categories, topics, posts, read state, subscriptions, flags and moderation.
// Permission scoping happens inside the queries (visibilityFor); routes check actions with can().
// Every change that affects what is readable updates search_documents in the same transaction.
import { and, asc, count, desc, eq, gte, inArray, isNull, lte, max, sql, type SQL } from "drizzle-orm";
import { slugify } from "~/utils/slug";
import {
  cities,
  forumCategories,
  forumFlags,
  forumPostRevisions,
  forumPosts,
  forumSubscriptions,
  forumTopicReads,
  forumTopics,
  moderationNotes,
  searchDocuments,
  users,
  type ClearingStatus,
  type SubscriptionLevel,
} from "../../db/schema/index";
import type { DB, Executor } from "~/services/db.server";
import { legacyMentionLinks, markdownToText, MENTION_PATTERN, renderMarkdown } from "~/services/markdown.server";
import { removeSearchDocs, upsertSearchDocs, type SearchDoc } from "~/services/search/documents.server";
import { syncAttachmentDocs } from "~/models/attachment.server";
import { audit } from "~/services/audit.server";
import { visibilityFor, type Viewer } from "~/services/permissions";
import { HANDLUNGSFELDER, type Role } from "~/utils/taxonomy";
import { notify } from "./notification.server";
import { preparedFor } from "./prepared.server";

export const POSTS_PER_PAGE = 50;
export const TOPICS_PER_PAGE = 20;
export const FORMER_MEMBER = "ehemaliges Mitglied";

export type Actor = { id: string; name: string; role: Role; cityId: number | null };

export const CLEARING_LABELS: Record<ClearingStatus, string> = {
  offen: "offen",
  "an-clearingstelle": "an Clearingstelle",
  "in-klaerung": "in Klärung",
  geklaert: "geklärt",
  abgelehnt: "abgelehnt",
};

// ---------------------------------------------------------------- categories

export const DEFAULT_CATEGORIES: { slug: string; name: string; description: string; handlungsfeld: string | null; isClearing: boolean; visibility: "public" | "members" }[] = [
  { slug: "allgemeines", name: "Allgemeines", description: "Austausch, Termine und Fragen, die in kein Handlungsfeld passen.", handlungsfeld: null, isClearing: false, visibility: "public" },
  ...Object.entries(HANDLUNGSFELDER).map(([slug, name]) => ({
    slug,
    name,
    description: `Fachfragen aus dem Handlungsfeld ${name}.`,
    handlungsfeld: slug,
    isClearing: false,
    visibility: "public" as const,
  })),
  {
    slug: "clearingstelle",
    name: "Clearingstelle",
    description: "Fragen von allgemeinem Interesse, die keine Stadt allein klären kann – nur für Mitglieder sichtbar.",
    handlungsfeld: null,
    isClearing: true,
    visibility: "members",
  },
];

/** Creates the default categories that are missing (idempotent; existing ones keep their settings). */
export function ensureCategories(db: Executor): number {
  let created = 0;
  DEFAULT_CATEGORIES.forEach((c, i) => {
    const exists = db.select({ id: forumCategories.id }).from(forumCategories).where(eq(forumCategories.slug, c.slug)).get();
    if (!exists) {
      db.insert(forumCategories).values({ ...c, sort: i }).run();
      created++;
    }
  });
  return created;
}

export type Category = typeof forumCategories.$inferSelect;

export function listCategories(db: Executor, viewer: Viewer) {
  const vis = visibilityFor(viewer);
  const topicCounts = db
    .select({ categoryId: forumTopics.categoryId, n: count(), last: max(forumTopics.lastPostAt) })
    .from(forumTopics)
    .groupBy(forumTopics.categoryId)
    .all();
  const byCat = new Map(topicCounts.map((t) => [t.categoryId, t]));
  return db
    .select()
    .from(forumCategories)
    .where(inArray(forumCategories.visibility, vis))
    .orderBy(asc(forumCategories.sort), asc(forumCategories.name))
    .all()
    .map((c) => ({ ...c, topicCount: byCat.get(c.id)?.n ?? 0, lastActivity: byCat.get(c.id)?.last ?? null }));
}

export function listAllCategories(db: Executor) {
  return db.select().from(forumCategories).orderBy(asc(forumCategories.sort), asc(forumCategories.name)).all();
}

/** A category the viewer may read, else null (the route answers 404 – guests never learn it exists). */
export function getCategory(db: Executor, slug: string, viewer: Viewer): Category | null {
  const c = db.select().from(forumCategories).where(eq(forumCategories.slug, slug)).get();
  if (!c || !visibilityFor(viewer).includes(c.visibility)) return null;
  return c;
}

export function setCategoryVisibility(db: DB, actorId: string, categoryId: number, visibility: "public" | "members") {
  db.transaction((tx) => {
    tx.update(forumCategories).set({ visibility }).where(eq(forumCategories.id, categoryId)).run();
    const topics = tx.select({ id: forumTopics.id }).from(forumTopics).where(eq(forumTopics.categoryId, categoryId)).all();
    for (const t of topics) syncTopicSearch(tx, t.id, { posts: true });
    audit(tx, { actorId, action: "forum.category.visibility", entityType: "forum_category", entityId: categoryId, detail: { visibility } });
  });
}

/** What depends on a category: its topics (they block the deletion) and the subscriptions to it. */
export function categoryDependencies(db: Executor, categoryId: number) {
  const topics = db.select({ n: sql<number>`count(*)` }).from(forumTopics).where(eq(forumTopics.categoryId, categoryId)).get()?.n ?? 0;
  const subscriptions = db.select({ n: sql<number>`count(*)` }).from(forumSubscriptions).where(eq(forumSubscriptions.categoryId, categoryId)).get()?.n ?? 0;
  return { topics, subscriptions };
}

/**
 * Deletes an empty category (after the confirmation page). A category with topics is refused: its topics would
 * otherwise lose their place; moderators move them first ("Thema verschieben"). Subscriptions to it end with it.
 */
export function deleteCategory(db: DB, actorId: string, categoryId: number): "deleted" | "refused" | "missing" {
  return db.transaction(
    (tx) => {
      const c = tx.select({ slug: forumCategories.slug }).from(forumCategories).where(eq(forumCategories.id, categoryId)).get();
      if (!c) return "missing";
      const deps = categoryDependencies(tx, categoryId);
      if (deps.topics > 0) return "refused";
      tx.delete(forumCategories).where(eq(forumCategories.id, categoryId)).run();
      audit(tx, { actorId, action: "forum.category.delete", entityType: "forum_category", entityId: categoryId, detail: { slug: c.slug, subscriptions: deps.subscriptions } });
      return "deleted";
    },
    { behavior: "immediate" },
  );
}

// ---------------------------------------------------------------- helpers

/** Mention handle of a display name: "Mia Mitglied Dortmund (Demo)" → "mia-mitglied-dortmund-demo". */
export function handleOf(name: string): string {
  return slugify(name);
}

const MENTION = MENTION_PATTERN;

/** URL of a member's profile page (the target of a mention link). */
export function profileUrl(handle: string) {
  return `/mitglieder/${handle}`;
}

/**
 * Members by mention handle (not deleted). Handles are slugs of display names, so two equal names share one
 * handle: the later account wins, as it always did for mention notifications.
 */
export function membersByHandle(db: Executor) {
  const rows = db.select({ id: users.id, name: users.name }).from(users).where(isNull(users.deletedAt)).orderBy(asc(users.createdAt), asc(users.id)).all();
  return new Map(rows.map((u) => [handleOf(u.name), u]));
}

function mentionResolver(db: Executor) {
  let map: ReturnType<typeof membersByHandle> | null = null;
  return (handle: string) => {
    map ??= membersByHandle(db);
    const u = map.get(handle);
    return u ? { url: profileUrl(handle), name: u.name } : null;
  };
}
const CONTENT_LINK = /(?:https?:\/\/[^\s/)]+)?\/(wissen|foerderung)\/([a-z0-9]+(?:-[a-z0-9]+)*)/g;
const WIKI = /\[\[([a-z0-9]+(?:-[a-z0-9]+)*)(?:\|[^\]\n]{1,200})?\]\]/g;

function contentDoc(db: Executor, slug: string, typ?: "wissen" | "foerderung") {
  const ids = typ ? [`${typ}:${slug}`] : [`wissen:${slug}`, `foerderung:${slug}`];
  const rows = db
    .select({ id: searchDocuments.id, url: searchDocuments.url, title: searchDocuments.title, summary: searchDocuments.summary })
    .from(searchDocuments)
    .where(and(inArray(searchDocuments.id, ids), eq(searchDocuments.visibility, "public")))
    .all();
  return rows.sort((a, b) => ids.indexOf(a.id) - ids.indexOf(b.id))[0] ?? null;
}

/** Markdown → stored HTML, link previews and mentioned user ids. */
export function cookPost(db: Executor, raw: string) {
  const mentionHandles = new Set<string>();
  for (const m of raw.matchAll(MENTION)) mentionHandles.add(m[2]);
  const mentioned: string[] = [];
  const byHandle = mentionHandles.size > 0 ? membersByHandle(db) : new Map<string, { id: string; name: string }>();
  for (const h of mentionHandles) {
    const u = byHandle.get(h);
    if (u) mentioned.push(u.id);
  }
  const { html } = renderMarkdown(raw, {
    headingAnchors: false,
    minHeadingDepth: 3,
    resolveMention: (h) => {
      const u = byHandle.get(h);
      return u ? { url: profileUrl(h), name: u.name } : null;
    },
    resolveWikiLink: (slug) => {
      const d = contentDoc(db, slug);
      return d ? { url: d.url, title: d.title } : null;
    },
  });
  const previews: { url: string; title: string; summary: string }[] = [];
  const seen = new Set<string>();
  const push = (d: { url: string; title: string; summary: string } | null) => {
    if (d && !seen.has(d.url) && previews.length < 3) {
      seen.add(d.url);
      previews.push({ url: d.url, title: d.title, summary: d.summary.slice(0, 300) });
    }
  };
  for (const m of raw.matchAll(CONTENT_LINK)) push(contentDoc(db, m[2], m[1] as "wissen" | "foerderung"));
  for (const m of raw.matchAll(WIKI)) push(contentDoc(db, m[1]));
  return { cooked: html, previews, mentioned };
}

/** The preview of a post: exactly the HTML a published post would store (same renderer and sanitizer). */
export function previewHtml(db: Executor, raw: string): string {
  return raw.trim() ? cookPost(db, raw).cooked : "";
}

function topicUrl(categorySlug: string, topicId: number) {
  return `/forum/${categorySlug}/${topicId}`;
}
export function postUrl(categorySlug: string, topicId: number, postNumber: number) {
  return postNumber <= 1 ? topicUrl(categorySlug, topicId) : `${topicUrl(categorySlug, topicId)}?beitrag=${postNumber}#beitrag-${postNumber}`;
}

function excerptOf(text: string, n = 220) {
  return text.length > n ? `${text.slice(0, n - 1).trimEnd()}…` : text;
}

/** Rewrites the search documents of a topic (and optionally all its posts) from the current rows. */
export function syncTopicSearch(tx: Executor, topicId: number, opts: { posts?: boolean; postIds?: number[] } = {}) {
  const t = tx
    .select({ topic: forumTopics, catSlug: forumCategories.slug, visibility: forumCategories.visibility })
    .from(forumTopics)
    .innerJoin(forumCategories, eq(forumCategories.id, forumTopics.categoryId))
    .where(eq(forumTopics.id, topicId))
    .get();
  if (!t) return;
  const first = tx
    .select({ raw: forumPosts.raw, deletedAt: forumPosts.deletedAt, hiddenAt: forumPosts.hiddenAt })
    .from(forumPosts)
    .where(and(eq(forumPosts.topicId, topicId), eq(forumPosts.postNumber, 1)))
    .get();
  const firstText = first && !first.deletedAt && !first.hiddenAt ? markdownToText(first.raw) : "";
  const base = {
    typ: "forum" as const,
    handlungsfelder: t.topic.handlungsfelder,
    staedte: t.topic.staedte,
    status: t.topic.clearingStatus,
    visibility: t.visibility,
    updatedAt: t.topic.lastPostAt,
  };
  const docs: SearchDoc[] = [
    {
      ...base,
      id: `forum:topic:${topicId}`,
      slug: String(topicId),
      url: topicUrl(t.catSlug, topicId),
      title: t.topic.title,
      summary: excerptOf(firstText),
      body: firstText,
      subtype: "topic",
    },
  ];
  const remove: string[] = [];
  if (opts.posts || opts.postIds) {
    const where = opts.postIds ? and(eq(forumPosts.topicId, topicId), inArray(forumPosts.id, opts.postIds)) : eq(forumPosts.topicId, topicId);
    const posts = tx
      .select({ id: forumPosts.id, postNumber: forumPosts.postNumber, raw: forumPosts.raw, deletedAt: forumPosts.deletedAt, hiddenAt: forumPosts.hiddenAt, createdAt: forumPosts.createdAt })
      .from(forumPosts)
      .where(where)
      .all();
    for (const p of posts) {
      if (p.postNumber <= 1 || p.deletedAt || p.hiddenAt) {
        remove.push(`forum:post:${p.id}`);
        continue;
      }
      const text = markdownToText(p.raw);
      docs.push({
        ...base,
        id: `forum:post:${p.id}`,
        slug: String(p.id),
        url: postUrl(t.catSlug, topicId, p.postNumber),
        title: `${t.topic.title} – Beitrag ${p.postNumber}`,
        summary: excerptOf(text),
        body: text,
        subtype: "post",
        updatedAt: p.createdAt,
      });
    }
  }
  upsertSearchDocs(tx, docs);
  removeSearchDocs(tx, remove);
  // the posts' attachments follow them (hidden, deleted, moved): their "dokument" docs go or change visibility
  if (opts.posts || opts.postIds) {
    const ids = opts.postIds ?? tx.select({ id: forumPosts.id }).from(forumPosts).where(eq(forumPosts.topicId, topicId)).all().map((p) => p.id);
    syncAttachmentDocs(tx, "forum_post", ids.map(String));
  }
}

function recomputeTopic(tx: Executor, topicId: number) {
  const visible = and(eq(forumPosts.topicId, topicId), isNull(forumPosts.deletedAt), isNull(forumPosts.hiddenAt));
  const agg = tx.select({ n: count(), last: max(forumPosts.createdAt) }).from(forumPosts).where(visible).get();
  const lastNo = tx.select({ m: max(forumPosts.postNumber) }).from(forumPosts).where(eq(forumPosts.topicId, topicId)).get();
  tx.update(forumTopics)
    .set({ postCount: agg?.n ?? 0, lastPostNumber: lastNo?.m ?? 0, ...(agg?.last ? { lastPostAt: agg.last } : {}) })
    .where(eq(forumTopics.id, topicId))
    .run();
}

function citySlug(tx: Executor, cityId: number | null) {
  if (cityId == null) return null;
  return tx.select({ slug: cities.slug }).from(cities).where(eq(cities.id, cityId)).get()?.slug ?? null;
}

/** Subscription level of a user for a topic, falling back to the category. */
function subscribersOf(tx: Executor, topicId: number, categoryId: number, levels: SubscriptionLevel[]) {
  const topicSubs = tx.select({ userId: forumSubscriptions.userId, level: forumSubscriptions.level }).from(forumSubscriptions).where(eq(forumSubscriptions.topicId, topicId)).all();
  const catSubs = tx.select({ userId: forumSubscriptions.userId, level: forumSubscriptions.level }).from(forumSubscriptions).where(eq(forumSubscriptions.categoryId, categoryId)).all();
  const level = new Map<string, SubscriptionLevel>();
  for (const s of catSubs) level.set(s.userId, s.level);
  for (const s of topicSubs) level.set(s.userId, s.level); // topic overrides category
  return [...level.entries()].filter(([, l]) => levels.includes(l)).map(([u]) => u);
}

export function topicSubscribers(tx: Executor, topicId: number, levels: SubscriptionLevel[] = ["watch", "follow"]) {
  const t = tx.select({ categoryId: forumTopics.categoryId }).from(forumTopics).where(eq(forumTopics.id, topicId)).get();
  return t ? subscribersOf(tx, topicId, t.categoryId, levels) : [];
}

export function mutedUsers(tx: Executor, topicId: number) {
  return new Set(topicSubscribers(tx, topicId, ["mute"]));
}

function autoWatch(tx: Executor, userId: string, topicId: number) {
  tx.insert(forumSubscriptions).values({ userId, topicId, level: "watch" }).onConflictDoNothing().run();
}

// ---------------------------------------------------------------- topics

export type TopicListOptions = {
  viewer: Viewer;
  categoryId?: number;
  sort?: "aktivitaet" | "unbeantwortet";
  feld?: string;
  stadt?: string;
  page?: number;
  perPage?: number;
};

/**
 * The two statements of a topic list (rows, total), prepared once per query shape (preparedFor): the viewer's
 * visibilities and sort are part of the SQL text; category, Handlungsfeld, city, user, limit and offset are
 * placeholders.
 */
function topicListStatements(db: Executor, o: TopicListOptions) {
  const visibilities = visibilityFor(o.viewer);
  const unanswered = o.sort === "unbeantwortet";
  const shape = `forum.topics:${visibilities.join(",")}:${o.categoryId ? "c" : ""}${o.feld ? "f" : ""}${o.stadt ? "s" : ""}:${unanswered ? "u" : "a"}`;
  return preparedFor(db, shape, (db) => {
    const conds: SQL[] = [inArray(forumCategories.visibility, visibilities)];
    if (o.categoryId) conds.push(eq(forumTopics.categoryId, sql.placeholder("categoryId")));
    if (o.feld) conds.push(sql`${forumTopics.handlungsfelder} like ${sql.placeholder("feld")}`);
    if (o.stadt) conds.push(sql`${forumTopics.staedte} like ${sql.placeholder("stadt")}`);
    if (unanswered) conds.push(and(lte(forumTopics.postCount, 1), isNull(forumTopics.acceptedPostNumber))!);
    const where = and(...conds);
    const rows = db
      .select({
        id: forumTopics.id,
        title: forumTopics.title,
        categorySlug: forumCategories.slug,
        categoryName: forumCategories.name,
        handlungsfelder: forumTopics.handlungsfelder,
        staedte: forumTopics.staedte,
        clearingStatus: forumTopics.clearingStatus,
        accepted: forumTopics.acceptedPostNumber,
        locked: forumTopics.lockedAt,
        postCount: forumTopics.postCount,
        lastPostNumber: forumTopics.lastPostNumber,
        lastPostAt: forumTopics.lastPostAt,
        createdAt: forumTopics.createdAt,
        authorName: users.name,
        lastRead: forumTopicReads.lastReadPostNumber,
      })
      .from(forumTopics)
      .innerJoin(forumCategories, eq(forumCategories.id, forumTopics.categoryId))
      .leftJoin(users, eq(users.id, forumTopics.authorId))
      .leftJoin(forumTopicReads, and(eq(forumTopicReads.topicId, forumTopics.id), eq(forumTopicReads.userId, sql.placeholder("userId"))))
      .where(where)
      .orderBy(unanswered ? desc(forumTopics.createdAt) : desc(forumTopics.lastPostAt), desc(forumTopics.id))
      .limit(sql.placeholder("limit"))
      .offset(sql.placeholder("offset"))
      .prepare();
    const total = db.select({ n: count() }).from(forumTopics).innerJoin(forumCategories, eq(forumCategories.id, forumTopics.categoryId)).where(where).prepare();
    return { rows, total };
  });
}

/** The placeholder values of a topic list (the LIKE patterns for a JSON array column contain the quoted value). */
function topicListParams(o: TopicListOptions) {
  const like = (v: string) => `%"${v.replace(/[%_"]/g, "")}"%`;
  return {
    ...(o.categoryId ? { categoryId: o.categoryId } : {}),
    ...(o.feld ? { feld: like(o.feld) } : {}),
    ...(o.stadt ? { stadt: like(o.stadt) } : {}),
  };
}

type TopicRow = ReturnType<ReturnType<typeof topicListStatements>["rows"]["all"]>[number];
function toTopicItem(r: TopicRow, viewer: Viewer) {
  return {
    ...r,
    authorName: r.authorName ?? FORMER_MEMBER,
    unread: viewer ? (r.lastRead == null ? null : Math.max(0, r.lastPostNumber - r.lastRead)) : null,
    isNew: !!viewer && r.lastRead == null,
  };
}

export function listTopics(db: Executor, o: TopicListOptions) {
  const perPage = o.perPage ?? TOPICS_PER_PAGE;
  const page = Math.max(1, o.page ?? 1);
  const st = topicListStatements(db, o);
  const params = topicListParams(o);
  const rows = st.rows.all({ ...params, userId: o.viewer?.id ?? "", limit: perPage, offset: (page - 1) * perPage });
  const total = st.total.get(params)?.n ?? 0;
  return {
    topics: rows.map((r) => toTopicItem(r, o.viewer)),
    total,
    page,
    pages: Math.max(1, Math.ceil(total / perPage)),
  };
}

/** A topic the viewer may read (by category visibility), else null → 404. */
export function getTopic(db: Executor, id: number, viewer: Viewer) {
  if (!Number.isSafeInteger(id) || id <= 0) return null;
  const row = db
    .select({ topic: forumTopics, category: forumCategories, authorName: users.name, cityName: cities.name, citySlug: cities.slug })
    .from(forumTopics)
    .innerJoin(forumCategories, eq(forumCategories.id, forumTopics.categoryId))
    .leftJoin(users, eq(users.id, forumTopics.authorId))
    .leftJoin(cities, eq(cities.id, forumTopics.cityId))
    .where(eq(forumTopics.id, id))
    .get();
  if (!row || !visibilityFor(viewer).includes(row.category.visibility)) return null;
  return { ...row.topic, category: row.category, authorName: row.authorName ?? FORMER_MEMBER, cityName: row.cityName, citySlug: row.citySlug };
}
export type Topic = NonNullable<ReturnType<typeof getTopic>>;

export function pageOfPost(db: Executor, topicId: number, postNumber: number) {
  const before = db.select({ n: count() }).from(forumPosts).where(and(eq(forumPosts.topicId, topicId), sql`${forumPosts.postNumber} < ${postNumber}`)).get()?.n ?? 0;
  return Math.floor(before / POSTS_PER_PAGE) + 1;
}

export function listPosts(db: Executor, topicId: number, page: number, opts: { showHidden: boolean }) {
  const total = db.select({ n: count() }).from(forumPosts).where(eq(forumPosts.topicId, topicId)).get()?.n ?? 0;
  const pages = Math.max(1, Math.ceil(total / POSTS_PER_PAGE));
  const p = Math.min(Math.max(1, page), pages);
  const rows = db
    .select({
      id: forumPosts.id,
      postNumber: forumPosts.postNumber,
      authorId: forumPosts.authorId,
      authorName: users.name,
      authorDeleted: users.deletedAt,
      cooked: forumPosts.cooked,
      previews: forumPosts.previews,
      replyTo: forumPosts.replyToPostNumber,
      version: forumPosts.version,
      deletedAt: forumPosts.deletedAt,
      hiddenAt: forumPosts.hiddenAt,
      createdAt: forumPosts.createdAt,
      updatedAt: forumPosts.updatedAt,
    })
    .from(forumPosts)
    .leftJoin(users, eq(users.id, forumPosts.authorId))
    .where(eq(forumPosts.topicId, topicId))
    .orderBy(asc(forumPosts.postNumber))
    .limit(POSTS_PER_PAGE)
    .offset((p - 1) * POSTS_PER_PAGE)
    .all();
  const resolve = mentionResolver(db);
  return {
    page: p,
    pages,
    total,
    posts: rows.map((r) => {
      const gone = !!r.deletedAt || (!!r.hiddenAt && !opts.showHidden);
      const name = !r.authorName || r.authorDeleted ? FORMER_MEMBER : r.authorName;
      return {
        id: r.id,
        postNumber: r.postNumber,
        authorId: r.authorId,
        authorName: name,
        handle: name === FORMER_MEMBER ? null : handleOf(name),
        cooked: gone ? "" : legacyMentionLinks(r.cooked, resolve),
        previews: gone ? [] : r.previews,
        replyTo: r.replyTo,
        edited: r.version > 1,
        deleted: !!r.deletedAt,
        hidden: !!r.hiddenAt,
        createdAt: r.createdAt,
      };
    }),
  };
}

export function getPost(db: Executor, topicId: number, postNumber: number) {
  return db.select().from(forumPosts).where(and(eq(forumPosts.topicId, topicId), eq(forumPosts.postNumber, postNumber))).get() ?? null;
}

export function getPostById(db: Executor, postId: number) {
  return db.select().from(forumPosts).where(eq(forumPosts.id, postId)).get() ?? null;
}

export function listRevisions(db: Executor, postId: number) {
  return db
    .select({ version: forumPostRevisions.version, raw: forumPostRevisions.raw, createdAt: forumPostRevisions.createdAt, editorName: users.name })
    .from(forumPostRevisions)
    .leftJoin(users, eq(users.id, forumPostRevisions.editorId))
    .where(eq(forumPostRevisions.postId, postId))
    .orderBy(desc(forumPostRevisions.version))
    .all();
}

function notifyNewPost(tx: Executor, t: { id: number; categoryId: number; title: string; catSlug: string }, postNumber: number, actor: Actor, mentioned: string[], replyToAuthor: string | null) {
  const url = postUrl(t.catSlug, t.id, postNumber);
  const muted = mutedUsers(tx, t.id);
  const notified = new Set<string>([actor.id]);
  const mentions = mentioned.filter((u) => !notified.has(u));
  notify(tx, mentions, { kind: "erwaehnung", topicId: t.id, postNumber, actorId: actor.id, message: `${actor.name} hat Sie in „${t.title}“ erwähnt`, url });
  mentions.forEach((u) => notified.add(u));
  if (replyToAuthor && !notified.has(replyToAuthor) && !muted.has(replyToAuthor)) {
    notify(tx, [replyToAuthor], { kind: "antwort", topicId: t.id, postNumber, actorId: actor.id, message: `${actor.name} hat auf Ihren Beitrag in „${t.title}“ geantwortet`, url });
    notified.add(replyToAuthor);
  }
  const watchers = subscribersOf(tx, t.id, t.categoryId, ["watch"]).filter((u) => !notified.has(u));
  if (postNumber === 1) {
    const followers = subscribersOf(tx, t.id, t.categoryId, ["watch", "follow"]).filter((u) => !notified.has(u));
    notify(tx, followers, { kind: "neues-thema", topicId: t.id, postNumber, actorId: actor.id, message: `Neues Thema: „${t.title}“`, url });
  } else {
    notify(tx, watchers, { kind: "antwort", topicId: t.id, postNumber, actorId: actor.id, message: `Neue Antwort von ${actor.name} in „${t.title}“`, url });
  }
}

export function createTopic(
  db: Executor,
  input: { category: Category; title: string; raw: string; handlungsfelder: string[]; staedte: string[] },
  actor: Actor,
): number {
  return db.transaction((tx) => {
    const { cooked, previews, mentioned } = cookPost(tx, input.raw);
    const own = citySlug(tx, actor.cityId);
    const staedte = [...new Set([...(own ? [own] : []), ...input.staedte])];
    const felder = input.category.handlungsfeld ? [...new Set([input.category.handlungsfeld, ...input.handlungsfelder])] : input.handlungsfelder;
    const now = new Date();
    const topic = tx
      .insert(forumTopics)
      .values({ categoryId: input.category.id, title: input.title, authorId: actor.id, cityId: actor.cityId, handlungsfelder: felder, staedte, postCount: 1, lastPostNumber: 1, lastPostAt: now })
      .returning({ id: forumTopics.id })
      .get();
    tx.insert(forumPosts).values({ topicId: topic.id, postNumber: 1, authorId: actor.id, raw: input.raw, cooked, previews, createdAt: now }).run();
    tx.insert(forumTopicReads).values({ userId: actor.id, topicId: topic.id, lastReadPostNumber: 1 }).run();
    autoWatch(tx, actor.id, topic.id);
    syncTopicSearch(tx, topic.id);
    notifyNewPost(tx, { id: topic.id, categoryId: input.category.id, title: input.title, catSlug: input.category.slug }, 1, actor, mentioned, null);
    return topic.id;
  });
}

export class ForumError extends Error {}

export function createPost(db: Executor, input: { topicId: number; raw: string; replyTo?: number | null }, actor: Actor): number {
  return db.transaction((tx) => {
    const t = tx
      .select({ id: forumTopics.id, categoryId: forumTopics.categoryId, title: forumTopics.title, lockedAt: forumTopics.lockedAt, catSlug: forumCategories.slug })
      .from(forumTopics)
      .innerJoin(forumCategories, eq(forumCategories.id, forumTopics.categoryId))
      .where(eq(forumTopics.id, input.topicId))
      .get();
    if (!t) throw new ForumError("Thema nicht gefunden.");
    if (t.lockedAt && actor.role !== "moderation" && actor.role !== "admin") throw new ForumError("Dieses Thema ist gesperrt; neue Antworten sind nicht möglich.");
    const { cooked, previews, mentioned } = cookPost(tx, input.raw);
    const next = (tx.select({ m: max(forumPosts.postNumber) }).from(forumPosts).where(eq(forumPosts.topicId, t.id)).get()?.m ?? 0) + 1;
    let replyToAuthor: string | null = null;
    let replyTo: number | null = null;
    if (input.replyTo && input.replyTo > 0 && input.replyTo < next) {
      const target = tx.select({ authorId: forumPosts.authorId }).from(forumPosts).where(and(eq(forumPosts.topicId, t.id), eq(forumPosts.postNumber, input.replyTo))).get();
      if (target) {
        replyTo = input.replyTo;
        replyToAuthor = target.authorId;
      }
    }
    const now = new Date();
    const post = tx
      .insert(forumPosts)
      .values({ topicId: t.id, postNumber: next, authorId: actor.id, raw: input.raw, cooked, previews, replyToPostNumber: replyTo, createdAt: now })
      .returning({ id: forumPosts.id })
      .get();
    tx.update(forumTopics).set({ postCount: sql`${forumTopics.postCount} + 1`, lastPostNumber: next, lastPostAt: now }).where(eq(forumTopics.id, t.id)).run();
    tx.insert(forumTopicReads)
      .values({ userId: actor.id, topicId: t.id, lastReadPostNumber: next })
      .onConflictDoUpdate({ target: [forumTopicReads.userId, forumTopicReads.topicId], set: { lastReadPostNumber: next } })
      .run();
    if (!tx.select({ id: forumSubscriptions.id }).from(forumSubscriptions).where(and(eq(forumSubscriptions.topicId, t.id), eq(forumSubscriptions.userId, actor.id))).get()) {
      autoWatch(tx, actor.id, t.id);
    }
    syncTopicSearch(tx, t.id, { postIds: [post.id] });
    notifyNewPost(tx, t, next, actor, mentioned, replyToAuthor);
    return next;
  });
}

export function editPost(db: DB, postId: number, raw: string, actor: Actor) {
  db.transaction((tx) => {
    const p = tx.select().from(forumPosts).where(eq(forumPosts.id, postId)).get();
    if (!p || p.deletedAt) throw new ForumError("Beitrag nicht gefunden.");
    if (p.raw === raw) return;
    tx.insert(forumPostRevisions).values({ postId, version: p.version, raw: p.raw, editorId: p.authorId }).run();
    const { cooked, previews } = cookPost(tx, raw);
    tx.update(forumPosts).set({ raw, cooked, previews, version: p.version + 1 }).where(eq(forumPosts.id, postId)).run();
    syncTopicSearch(tx, p.topicId, { postIds: [postId] });
    if (actor.id !== p.authorId) audit(tx, { actorId: actor.id, action: "forum.post.edit", entityType: "forum_post", entityId: postId, detail: { version: p.version + 1 } });
  });
}

export function deletePost(db: DB, postId: number, actor: Actor) {
  db.transaction((tx) => {
    const p = tx.select().from(forumPosts).where(eq(forumPosts.id, postId)).get();
    if (!p || p.deletedAt) return;
    tx.update(forumPosts).set({ deletedAt: new Date() }).where(eq(forumPosts.id, postId)).run();
    recomputeTopic(tx, p.topicId);
    syncTopicSearch(tx, p.topicId, { postIds: [postId] });
    audit(tx, { actorId: actor.id, action: "forum.post.delete", entityType: "forum_post", entityId: postId });
  });
}

export function acceptAnswer(db: DB, topicId: number, postNumber: number | null, actor: Actor) {
  db.transaction((tx) => {
    const t = tx
      .select({ title: forumTopics.title, catSlug: forumCategories.slug })
      .from(forumTopics)
      .innerJoin(forumCategories, eq(forumCategories.id, forumTopics.categoryId))
      .where(eq(forumTopics.id, topicId))
      .get();
    if (!t) return;
    tx.update(forumTopics).set({ acceptedPostNumber: postNumber }).where(eq(forumTopics.id, topicId)).run();
    audit(tx, { actorId: actor.id, action: postNumber ? "forum.topic.accept" : "forum.topic.unaccept", entityType: "forum_topic", entityId: topicId, detail: { postNumber } });
    if (postNumber) {
      const author = tx.select({ a: forumPosts.authorId }).from(forumPosts).where(and(eq(forumPosts.topicId, topicId), eq(forumPosts.postNumber, postNumber))).get()?.a;
      const url = postUrl(t.catSlug, topicId, postNumber);
      if (author) notify(tx, [author], { kind: "loesung", topicId, postNumber, actorId: actor.id, message: `Ihre Antwort in „${t.title}“ wurde als Lösung markiert`, url });
    }
  });
}

export function markRead(db: Executor, userId: string, topicId: number, upTo: number) {
  db.insert(forumTopicReads)
    .values({ userId, topicId, lastReadPostNumber: upTo })
    .onConflictDoUpdate({
      target: [forumTopicReads.userId, forumTopicReads.topicId],
      set: { lastReadPostNumber: sql`max(${forumTopicReads.lastReadPostNumber}, ${upTo})` },
    })
    .run();
}

export function getLastRead(db: Executor, userId: string, topicId: number): number | null {
  return (
    db
      .select({ n: forumTopicReads.lastReadPostNumber })
      .from(forumTopicReads)
      .where(and(eq(forumTopicReads.userId, userId), eq(forumTopicReads.topicId, topicId)))
      .get()?.n ?? null
  );
}

// ---------------------------------------------------------------- subscriptions

export function getSubscription(db: Executor, userId: string, target: { topicId?: number; categoryId?: number }) {
  const where = target.topicId
    ? and(eq(forumSubscriptions.userId, userId), eq(forumSubscriptions.topicId, target.topicId))
    : and(eq(forumSubscriptions.userId, userId), eq(forumSubscriptions.categoryId, target.categoryId ?? -1));
  return db.select({ level: forumSubscriptions.level }).from(forumSubscriptions).where(where).get()?.level ?? null;
}

export function setSubscription(db: Executor, userId: string, target: { topicId?: number; categoryId?: number }, level: SubscriptionLevel | "none") {
  const where = target.topicId
    ? and(eq(forumSubscriptions.userId, userId), eq(forumSubscriptions.topicId, target.topicId))
    : and(eq(forumSubscriptions.userId, userId), eq(forumSubscriptions.categoryId, target.categoryId ?? -1));
  db.delete(forumSubscriptions).where(where).run();
  if (level !== "none") db.insert(forumSubscriptions).values({ userId, topicId: target.topicId ?? null, categoryId: target.categoryId ?? null, level }).run();
}

export function listUserSubscriptions(db: Executor, userId: string) {
  return db
    .select({ level: forumSubscriptions.level, topicId: forumSubscriptions.topicId, categoryId: forumSubscriptions.categoryId, topicTitle: forumTopics.title, categoryName: forumCategories.name })
    .from(forumSubscriptions)
    .leftJoin(forumTopics, eq(forumTopics.id, forumSubscriptions.topicId))
    .leftJoin(forumCategories, eq(forumCategories.id, forumSubscriptions.categoryId))
    .where(eq(forumSubscriptions.userId, userId))
    .all();
}

// ---------------------------------------------------------------- flags and moderation

export function flagPost(db: DB, postId: number, reason: string, actor: Actor) {
  db.transaction((tx) => {
    tx.insert(forumFlags).values({ postId, userId: actor.id, reason }).run();
    audit(tx, { actorId: actor.id, action: "forum.post.flag", entityType: "forum_post", entityId: postId });
    const mods = tx.select({ id: users.id }).from(users).where(and(eq(users.role, "moderation"), isNull(users.deletedAt))).all();
    const p = tx.select({ topicId: forumPosts.topicId, n: forumPosts.postNumber }).from(forumPosts).where(eq(forumPosts.id, postId)).get();
    if (p) notify(tx, mods.map((m) => m.id), { kind: "antwort", topicId: p.topicId, postNumber: p.n, actorId: actor.id, message: "Ein Beitrag wurde gemeldet", url: "/verwaltung/moderation" });
  });
}

export function listOpenFlags(db: Executor) {
  return db
    .select({
      id: forumFlags.id,
      reason: forumFlags.reason,
      createdAt: forumFlags.createdAt,
      flaggerName: users.name,
      postId: forumPosts.id,
      postNumber: forumPosts.postNumber,
      raw: forumPosts.raw,
      hiddenAt: forumPosts.hiddenAt,
      topicId: forumTopics.id,
      topicTitle: forumTopics.title,
      categorySlug: forumCategories.slug,
    })
    .from(forumFlags)
    .innerJoin(forumPosts, eq(forumPosts.id, forumFlags.postId))
    .innerJoin(forumTopics, eq(forumTopics.id, forumPosts.topicId))
    .innerJoin(forumCategories, eq(forumCategories.id, forumTopics.categoryId))
    .leftJoin(users, eq(users.id, forumFlags.userId))
    .where(eq(forumFlags.status, "offen"))
    .orderBy(asc(forumFlags.id))
    .all();
}

export function listHiddenPosts(db: Executor) {
  return db
    .select({ postId: forumPosts.id, postNumber: forumPosts.postNumber, topicId: forumTopics.id, topicTitle: forumTopics.title, categorySlug: forumCategories.slug, hiddenAt: forumPosts.hiddenAt })
    .from(forumPosts)
    .innerJoin(forumTopics, eq(forumTopics.id, forumPosts.topicId))
    .innerJoin(forumCategories, eq(forumCategories.id, forumTopics.categoryId))
    .where(sql`${forumPosts.hiddenAt} is not null`)
    .orderBy(desc(forumPosts.hiddenAt))
    .limit(100)
    .all();
}

export function setPostHidden(db: DB, postId: number, hidden: boolean, actor: Actor) {
  db.transaction((tx) => {
    const p = tx.select({ topicId: forumPosts.topicId }).from(forumPosts).where(eq(forumPosts.id, postId)).get();
    if (!p) throw new ForumError("Beitrag nicht gefunden.");
    tx.update(forumPosts).set({ hiddenAt: hidden ? new Date() : null }).where(eq(forumPosts.id, postId)).run();
    tx.update(forumFlags).set({ status: "erledigt", resolvedBy: actor.id, resolvedAt: new Date() }).where(and(eq(forumFlags.postId, postId), eq(forumFlags.status, "offen"))).run();
    recomputeTopic(tx, p.topicId);
    syncTopicSearch(tx, p.topicId, { postIds: [postId] });
    audit(tx, { actorId: actor.id, action: hidden ? "forum.post.hide" : "forum.post.restore", entityType: "forum_post", entityId: postId });
  });
}

export function dismissFlags(db: DB, postId: number, actor: Actor) {
  db.transaction((tx) => {
    tx.update(forumFlags).set({ status: "erledigt", resolvedBy: actor.id, resolvedAt: new Date() }).where(and(eq(forumFlags.postId, postId), eq(forumFlags.status, "offen"))).run();
    audit(tx, { actorId: actor.id, action: "forum.flag.dismiss", entityType: "forum_post", entityId: postId });
  });
}

export function setTopicLocked(db: DB, topicId: number, locked: boolean, actor: Actor) {
  db.transaction((tx) => {
    tx.update(forumTopics).set({ lockedAt: locked ? new Date() : null }).where(eq(forumTopics.id, topicId)).run();
    audit(tx, { actorId: actor.id, action: locked ? "forum.topic.lock" : "forum.topic.unlock", entityType: "forum_topic", entityId: topicId });
  });
}

export function moveTopic(db: DB, topicId: number, categoryId: number, actor: Actor) {
  db.transaction((tx) => {
    const cat = tx.select().from(forumCategories).where(eq(forumCategories.id, categoryId)).get();
    if (!cat) throw new ForumError("Unbekannte Kategorie.");
    const t = tx.select({ handlungsfelder: forumTopics.handlungsfelder, from: forumTopics.categoryId }).from(forumTopics).where(eq(forumTopics.id, topicId)).get();
    if (!t) throw new ForumError("Thema nicht gefunden.");
    const felder = cat.handlungsfeld ? [...new Set([cat.handlungsfeld, ...t.handlungsfelder])] : t.handlungsfelder;
    tx.update(forumTopics).set({ categoryId, handlungsfelder: felder }).where(eq(forumTopics.id, topicId)).run();
    syncTopicSearch(tx, topicId, { posts: true });
    audit(tx, { actorId: actor.id, action: "forum.topic.move", entityType: "forum_topic", entityId: topicId, detail: { from: t.from, to: categoryId } });
  });
}

/** Moves posts fromNumber.. of a topic into a new topic (renumbered from 1) in the same category. */
export function splitTopic(db: DB, topicId: number, fromNumber: number, title: string, actor: Actor): number {
  return db.transaction((tx) => {
    const t = tx.select().from(forumTopics).where(eq(forumTopics.id, topicId)).get();
    if (!t) throw new ForumError("Thema nicht gefunden.");
    if (fromNumber <= 1) throw new ForumError("Der erste Beitrag bleibt im Thema; teilen Sie ab Beitrag 2.");
    const moving = tx.select({ id: forumPosts.id, authorId: forumPosts.authorId }).from(forumPosts).where(and(eq(forumPosts.topicId, topicId), gte(forumPosts.postNumber, fromNumber))).orderBy(asc(forumPosts.postNumber)).all();
    if (moving.length === 0) throw new ForumError(`Beitrag ${fromNumber} gibt es in diesem Thema nicht.`);
    const created = tx
      .insert(forumTopics)
      .values({ categoryId: t.categoryId, title, authorId: moving[0].authorId, cityId: t.cityId, handlungsfelder: t.handlungsfelder, staedte: t.staedte })
      .returning({ id: forumTopics.id })
      .get();
    tx.update(forumPosts)
      .set({ topicId: created.id, postNumber: sql`${forumPosts.postNumber} - ${fromNumber - 1}`, replyToPostNumber: null })
      .where(and(eq(forumPosts.topicId, topicId), gte(forumPosts.postNumber, fromNumber)))
      .run();
    if (t.acceptedPostNumber && t.acceptedPostNumber >= fromNumber) tx.update(forumTopics).set({ acceptedPostNumber: null }).where(eq(forumTopics.id, topicId)).run();
    recomputeTopic(tx, topicId);
    recomputeTopic(tx, created.id);
    syncTopicSearch(tx, topicId);
    syncTopicSearch(tx, created.id, { posts: true });
    audit(tx, { actorId: actor.id, action: "forum.topic.split", entityType: "forum_topic", entityId: topicId, detail: { fromNumber, newTopicId: created.id } });
    return created.id;
  });
}

export function addModerationNote(db: DB, input: { topicId: number; postId?: number | null; note: string }, actor: Actor) {
  db.transaction((tx) => {
    tx.insert(moderationNotes).values({ topicId: input.topicId, postId: input.postId ?? null, authorId: actor.id, note: input.note }).run();
    audit(tx, { actorId: actor.id, action: "forum.note", entityType: "forum_topic", entityId: input.topicId });
  });
}

export function listModerationNotes(db: Executor, topicId: number) {
  return db
    .select({ id: moderationNotes.id, note: moderationNotes.note, createdAt: moderationNotes.createdAt, authorName: users.name })
    .from(moderationNotes)
    .leftJoin(users, eq(users.id, moderationNotes.authorId))
    .where(eq(moderationNotes.topicId, topicId))
    .orderBy(asc(moderationNotes.id))
    .all();
}

/** Latest topics for the start page (public or all, by viewer). */
export function latestTopics(db: Executor, viewer: Viewer, limit = 5) {
  // the rows only: the start page shows no total
  return topicListStatements(db, { viewer })
    .rows.all({ userId: viewer?.id ?? "", limit, offset: 0 })
    .map((r) => toTopicItem(r, viewer));
}


