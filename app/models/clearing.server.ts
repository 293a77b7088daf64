// Clearingstelle workflow on forum topics (DESIGN.md): offen → an-clearingstelle → in-klaerung → geklaert | abgelehnt.
// Every transition is recorded in clearing_events and the audit log; search_documents carry the status.
import { and, asc, count, desc, eq, inArray, isNull, sql, type SQL } from "drizzle-orm";
import { cities, clearingEvents, forumCategories, forumTopics, topicConcerns, users, type ClearingStatus } from "../../db/schema/index";
import type { DB, Executor } from "~/services/db.server";
import { audit } from "~/services/audit.server";
import { can } from "~/services/permissions";
import { createArticle, getArticleBySlug } from "~/models/article.server";
import { nextReviewDate } from "~/utils/review";
import { markdownToText } from "~/services/markdown.server";
import { publicLink } from "~/services/mail.server";
import { todayIso } from "~/utils/format";
import { notify } from "./notification.server";
import { CLEARING_LABELS, ForumError, syncTopicSearch, topicSubscribers, type Actor } from "./forum.server";

const ALLOWED: Record<string, ClearingStatus[]> = {
  submit: ["offen", "abgelehnt"],
  assign: ["an-clearingstelle", "in-klaerung"],
  settle: ["an-clearingstelle", "in-klaerung"],
};

function loadTopic(tx: Executor, topicId: number) {
  const t = tx
    .select({ id: forumTopics.id, title: forumTopics.title, status: forumTopics.clearingStatus, cityId: forumTopics.cityId, authorId: forumTopics.authorId, catSlug: forumCategories.slug })
    .from(forumTopics)
    .innerJoin(forumCategories, eq(forumCategories.id, forumTopics.categoryId))
    .where(eq(forumTopics.id, topicId))
    .get();
  if (!t) throw new ForumError("Thema nicht gefunden.");
  return t;
}

function transition(tx: Executor, t: { id: number; status: ClearingStatus }, to: ClearingStatus, actor: Actor, note: string, set: Partial<typeof forumTopics.$inferInsert> = {}) {
  tx.update(forumTopics).set({ ...set, clearingStatus: to }).where(eq(forumTopics.id, t.id)).run();
  tx.insert(clearingEvents).values({ topicId: t.id, fromStatus: t.status, toStatus: to, actorId: actor.id, note }).run();
  audit(tx, { actorId: actor.id, action: "clearing.status", entityType: "forum_topic", entityId: t.id, detail: { from: t.status, to } });
  syncTopicSearch(tx, t.id);
}

const usersWithRole = (tx: Executor, role: "redaktion" | "koordination") =>
  tx.select({ id: users.id }).from(users).where(and(eq(users.role, role), isNull(users.deletedAt))).all().map((u) => u.id);

/** Koordination sends a topic of their own city (the caller checked clearing.submit with the topic's cityId). */
export function submitToClearing(db: DB, topicId: number, note: string, actor: Actor) {
  db.transaction((tx) => {
    const t = loadTopic(tx, topicId);
    if (!ALLOWED.submit.includes(t.status)) throw new ForumError(`Das Thema ist bereits „${CLEARING_LABELS[t.status]}“.`);
    transition(tx, t, "an-clearingstelle", actor, note);
    const url = `/forum/${t.catSlug}/${t.id}`;
    notify(tx, [...usersWithRole(tx, "redaktion"), ...topicSubscribers(tx, t.id)], {
      kind: "clearing",
      topicId: t.id,
      actorId: actor.id,
      message: `„${t.title}“ wurde an die Clearingstelle gegeben`,
      url,
    });
  });
}

export function assignClearing(db: DB, topicId: number, input: { assigneeId: string; dueDate: string; note: string }, actor: Actor) {
  db.transaction((tx) => {
    const t = loadTopic(tx, topicId);
    if (!ALLOWED.assign.includes(t.status)) throw new ForumError(`Ein Thema im Status „${CLEARING_LABELS[t.status]}“ kann nicht zugewiesen werden.`);
    const assignee = tx.select({ id: users.id, role: users.role }).from(users).where(and(eq(users.id, input.assigneeId), isNull(users.deletedAt))).get();
    if (!assignee || (assignee.role !== "redaktion" && assignee.role !== "admin")) throw new ForumError("Bitte wählen Sie eine Person der Redaktion.");
    transition(tx, t, "in-klaerung", actor, input.note, { assigneeId: input.assigneeId, dueDate: input.dueDate });
    const url = `/forum/${t.catSlug}/${t.id}`;
    notify(tx, [input.assigneeId], { kind: "clearing", topicId: t.id, actorId: actor.id, message: `Ihnen wurde „${t.title}“ zur Klärung zugewiesen (fällig ${input.dueDate})`, url });
    notify(tx, topicSubscribers(tx, t.id).filter((u) => u !== input.assigneeId), { kind: "clearing", topicId: t.id, actorId: actor.id, message: `„${t.title}“ ist jetzt in Klärung`, url });
  });
}

/** geklärt or abgelehnt with an answer/reason: notifies all subscribers, the asker and every city coordinator. */
export function settleClearing(db: DB, topicId: number, input: { outcome: "geklaert" | "abgelehnt"; reason: string }, actor: Actor) {
  db.transaction((tx) => {
    const t = loadTopic(tx, topicId);
    if (!ALLOWED.settle.includes(t.status)) throw new ForumError(`Ein Thema im Status „${CLEARING_LABELS[t.status]}“ kann nicht abgeschlossen werden.`);
    transition(tx, t, input.outcome, actor, input.reason, { clearingReason: input.reason });
    const recipients = [...topicSubscribers(tx, t.id), ...usersWithRole(tx, "koordination"), ...(t.authorId ? [t.authorId] : [])];
    notify(tx, recipients, {
      kind: "clearing",
      topicId: t.id,
      actorId: actor.id,
      message: `Die Clearingstelle hat „${t.title}“ ${input.outcome === "geklaert" ? "geklärt" : "abgelehnt"}`,
      url: `/forum/${t.catSlug}/${t.id}`,
    });
  });
}

/**
 * "Betrifft uns auch": one mark per city, set by a user of another city than the topic's own while the topic
 * is at the Clearingstelle (can(…, "clearing.concern")). Setting is idempotent: a second member of the same
 * city, or a double click, leaves the first mark as it is. Returns "already" when the city was marked before.
 */
export function markConcern(db: DB, topicId: number, actor: Actor): "marked" | "already" {
  return db.transaction(
    (tx) => {
      const t = loadTopic(tx, topicId);
      if (!can(actor, "clearing.concern", { cityId: t.cityId, clearingStatus: t.status })) {
        throw new ForumError(
          actor.cityId == null
            ? "Nur Konten mit einer Stadt können „betrifft uns auch“ markieren."
            : actor.cityId === t.cityId
              ? "Die eigene Stadt kann ihr Thema nicht als „betrifft uns auch“ markieren."
              : "„Betrifft uns auch“ geht nur, solange das Thema bei der Clearingstelle liegt.",
        );
      }
      const inserted = tx.insert(topicConcerns).values({ topicId, cityId: actor.cityId!, userId: actor.id }).onConflictDoNothing().returning({ t: topicConcerns.topicId }).all();
      if (inserted.length === 0) return "already";
      audit(tx, { actorId: actor.id, action: "clearing.concern", entityType: "forum_topic", entityId: topicId });
      return "marked";
    },
    { behavior: "immediate" },
  );
}

/** Removes the mark of the actor's city: only who set it or a coordinator of that city (clearing.unconcern). */
export function unmarkConcern(db: DB, topicId: number, actor: Actor): "removed" | "absent" {
  if (actor.cityId == null) return "absent";
  return db.transaction(
    (tx) => {
      const mark = tx
        .select({ userId: topicConcerns.userId })
        .from(topicConcerns)
        .where(and(eq(topicConcerns.topicId, topicId), eq(topicConcerns.cityId, actor.cityId!)))
        .get();
      if (!mark) return "absent";
      if (!can(actor, "clearing.unconcern", { cityId: actor.cityId, ownerId: mark.userId })) {
        throw new ForumError("Die Markierung Ihrer Stadt kann nur entfernen, wer sie gesetzt hat, oder die Koordination Ihrer Stadt.");
      }
      tx.delete(topicConcerns).where(and(eq(topicConcerns.topicId, topicId), eq(topicConcerns.cityId, actor.cityId!))).run();
      audit(tx, { actorId: actor.id, action: "clearing.concern.remove", entityType: "forum_topic", entityId: topicId });
      return "removed";
    },
    { behavior: "immediate" },
  );
}

/** Demo data helper (forum-demo.server.ts): marks, never unmarks. */
export function toggleConcern(db: DB, topicId: number, actor: Actor): boolean {
  return markConcern(db, topicId, actor) === "marked";
}

export function listConcerns(db: Executor, topicId: number) {
  return db
    .select({ cityId: cities.id, name: cities.name, slug: cities.slug, userId: topicConcerns.userId })
    .from(topicConcerns)
    .innerJoin(cities, eq(cities.id, topicConcerns.cityId))
    .where(eq(topicConcerns.topicId, topicId))
    .orderBy(asc(cities.name))
    .all();
}

export function listHistory(db: Executor, topicId: number) {
  return db
    .select({ id: clearingEvents.id, from: clearingEvents.fromStatus, to: clearingEvents.toStatus, note: clearingEvents.note, createdAt: clearingEvents.createdAt, actorName: users.name })
    .from(clearingEvents)
    .leftJoin(users, eq(users.id, clearingEvents.actorId))
    .where(eq(clearingEvents.topicId, topicId))
    .orderBy(asc(clearingEvents.id))
    .all();
}

export function listAssignees(db: Executor) {
  return db
    .select({ id: users.id, name: users.name })
    .from(users)
    .where(and(inArray(users.role, ["redaktion", "admin"]), isNull(users.deletedAt), isNull(users.disabledAt)))
    .orderBy(asc(users.name))
    .all();
}

export type QueueFilters = { status?: ClearingStatus | "alle"; assignee?: string; feld?: string; stadt?: string };

/** The Clearingstelle queue: every topic that was sent there; overdue = in Klärung with a past due date. */
export function listQueue(db: Executor, f: QueueFilters, today = todayIso()) {
  const conds: SQL[] = [sql`${forumTopics.clearingStatus} <> 'offen'`];
  if (f.status && f.status !== "alle") conds.push(eq(forumTopics.clearingStatus, f.status));
  if (f.assignee) conds.push(eq(forumTopics.assigneeId, f.assignee));
  if (f.feld) conds.push(sql`${forumTopics.handlungsfelder} like ${`%"${f.feld.replace(/[%_"]/g, "")}"%`}`);
  if (f.stadt) conds.push(sql`${forumTopics.staedte} like ${`%"${f.stadt.replace(/[%_"]/g, "")}"%`}`);
  const concernCounts = db.select({ topicId: topicConcerns.topicId, n: count() }).from(topicConcerns).groupBy(topicConcerns.topicId).all();
  const concerns = new Map(concernCounts.map((c) => [c.topicId, c.n]));
  const rows = db
    .select({
      id: forumTopics.id,
      title: forumTopics.title,
      status: forumTopics.clearingStatus,
      dueDate: forumTopics.dueDate,
      handlungsfelder: forumTopics.handlungsfelder,
      staedte: forumTopics.staedte,
      categorySlug: forumCategories.slug,
      assigneeName: users.name,
      cityName: cities.name,
      updatedAt: forumTopics.updatedAt,
    })
    .from(forumTopics)
    .innerJoin(forumCategories, eq(forumCategories.id, forumTopics.categoryId))
    .leftJoin(users, eq(users.id, forumTopics.assigneeId))
    .leftJoin(cities, eq(cities.id, forumTopics.cityId))
    .where(and(...conds))
    .orderBy(
      sql`case ${forumTopics.clearingStatus} when 'an-clearingstelle' then 0 when 'in-klaerung' then 1 else 2 end`,
      asc(sql`coalesce(${forumTopics.dueDate}, '9999-12-31')`),
      desc(forumTopics.updatedAt),
    )
    .limit(200)
    .all();
  return rows.map((r) => ({
    ...r,
    concerns: concerns.get(r.id) ?? 0,
    overdue: r.status === "in-klaerung" && !!r.dueDate && r.dueDate < today,
  }));
}

/** Drafts an faq article from a settled topic; the article links back to the topic. Returns its slug. */
export function publishAsFaq(db: DB, topicId: number, answer: string, actor: Actor): string {
  const t = db
    .select({ topic: forumTopics, catSlug: forumCategories.slug })
    .from(forumTopics)
    .innerJoin(forumCategories, eq(forumCategories.id, forumTopics.categoryId))
    .where(eq(forumTopics.id, topicId))
    .get();
  if (!t) throw new ForumError("Thema nicht gefunden.");
  if (t.topic.clearingStatus !== "geklaert") throw new ForumError("Nur geklärte Fragen können als FAQ veröffentlicht werden.");
  if (t.topic.faqSlug) return t.topic.faqSlug;
  const url = `/forum/${t.catSlug}/${topicId}`;
  const body = [`## Frage`, "", t.topic.title, "", `## Antwort der Clearingstelle`, "", answer, "", `Die Diskussion steht im Forum: [${t.topic.title}](${url})`].join("\n");
  const summary = markdownToText(answer).slice(0, 240) || t.topic.title;
  return db.transaction((tx) => {
    const { slug } = createArticle(
      tx,
      {
        type: "faq",
        // The question's own title, unchanged (no "?" appended).
        title: t.topic.title.trim(),
        summary,
        body,
        handlungsfelder: t.topic.handlungsfelder,
        ebenen: [],
        staedte: t.topic.staedte,
        quellen: [publicLink(url)],
        stand: todayIso(),
        pruefenBis: nextReviewDate("faq", todayIso()),
        status: "entwurf",
        // The Redaktion user who drafts it owns the FAQ (reminders, Meine Prüfungen).
        ownerId: actor.id,
      },
      { id: actor.id },
      "Aus der Clearingstelle übernommen",
    );
    tx.update(forumTopics).set({ faqSlug: slug }).where(eq(forumTopics.id, topicId)).run();
    audit(tx, { actorId: actor.id, action: "clearing.faq", entityType: "forum_topic", entityId: topicId, detail: { slug } });
    return slug;
  });
}

/**
 * The FAQ link on a topic: by the FAQ's title and only once it is published. Until then only viewers who may
 * read drafts (Redaktion) get the draft (shown as "FAQ-Entwurf"); everyone else gets null.
 */
export function faqLinkForTopic(db: Executor, faqSlug: string | null, canReadDrafts: boolean): { url: string; title: string; published: boolean } | null {
  if (!faqSlug) return null;
  const a = getArticleBySlug(db, faqSlug);
  if (!a) return null;
  if (a.status === "veroeffentlicht") return { url: `/wissen/${a.slug}`, title: a.title, published: true };
  return canReadDrafts ? { url: `/wissen/${a.slug}`, title: a.title, published: false } : null;
}

