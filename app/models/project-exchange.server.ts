// Exchange about projects (issue 19): the project's forum discussion (created on first use) and other cities'
// "Interesse an Zusammenarbeit".
//
// Visibility: the forum restricts reading per category, not per topic. A members-only project's discussion
// therefore lives in the members-only category "Projektaustausch (Mitglieder)", which is exactly the audience
// that may read a members-only project (every signed-in member). A public project's discussion goes into the
// category of its first Handlungsfeld (else "Allgemeines"). When a project becomes members-only later, its topic
// moves into the members-only category in the same transaction (syncDiscussionVisibility).
import { and, asc, desc, eq, isNull } from "drizzle-orm";
import { cities, forumCategories, forumPosts, forumTopics, projectCities, projectDiscussions, projectInterest, projects, users } from "../../db/schema/index";
import type { DB, Executor } from "~/services/db.server";
import { audit } from "~/services/audit.server";
import { markdownToText } from "~/services/markdown.server";
import type { Viewer } from "~/services/permissions";
import { createTopic, ensureCategories, FORMER_MEMBER, getTopic, postUrl, syncTopicSearch, type Actor } from "./forum.server";
import { notify } from "./notification.server";

export const MEMBERS_CATEGORY = {
  slug: "projektaustausch-mitglieder",
  name: "Projektaustausch (Mitglieder)",
  description: "Diskussionen zu Projekten, die nur für Mitglieder sichtbar sind.",
};

function membersCategory(tx: Executor) {
  const c = tx.select().from(forumCategories).where(eq(forumCategories.slug, MEMBERS_CATEGORY.slug)).get();
  if (c) return c;
  return tx
    .insert(forumCategories)
    .values({ ...MEMBERS_CATEGORY, handlungsfeld: null, isClearing: false, visibility: "members", sort: 90 })
    .returning()
    .get();
}

function categoryFor(tx: Executor, p: { visibility: "public" | "members"; handlungsfelder: string[] }) {
  if (p.visibility === "members") return membersCategory(tx);
  ensureCategories(tx);
  for (const f of p.handlungsfelder) {
    const c = tx.select().from(forumCategories).where(and(eq(forumCategories.handlungsfeld, f), eq(forumCategories.visibility, "public"), eq(forumCategories.isClearing, false))).get();
    if (c) return c;
  }
  const general = tx.select().from(forumCategories).where(and(eq(forumCategories.slug, "allgemeines"), eq(forumCategories.visibility, "public"))).get();
  return general ?? membersCategory(tx); // no public category left: the safe choice
}

export function discussionTopicId(db: Executor, projectId: number): number | null {
  return db.select({ topicId: projectDiscussions.topicId }).from(projectDiscussions).where(eq(projectDiscussions.projectId, projectId)).get()?.topicId ?? null;
}

/**
 * Returns the project's topic id, creating the topic on first use. Idempotent: the check and the insert run in
 * one immediate transaction, and project_discussions' primary key is the project, so two clicks give one topic.
 */
export function startDiscussion(db: DB, projectId: number, actor: Actor): { topicId: number; created: boolean } {
  return db.transaction(
    (tx) => {
      const existing = discussionTopicId(tx, projectId);
      if (existing != null) return { topicId: existing, created: false };
      const p = tx.select().from(projects).where(eq(projects.id, projectId)).get();
      if (!p) throw new Response("Projekt nicht gefunden", { status: 404 });
      const category = categoryFor(tx, p);
      const leadSlug = tx
        .select({ slug: cities.slug })
        .from(projectCities)
        .innerJoin(cities, eq(cities.id, projectCities.cityId))
        .where(and(eq(projectCities.projectId, projectId), eq(projectCities.role, "lead")))
        .get()?.slug;
      const safeTitle = p.title.replace(/[[\]]/g, "");
      const topicId = createTopic(
        tx,
        {
          category,
          title: `Projekt: ${p.title}`.slice(0, 160),
          raw: `Diskussion zum Projekt [${safeTitle}](/projekte/${p.slug}). Fragen, Erfahrungen und Hinweise zum Projekt gehören hierher.`,
          handlungsfelder: p.handlungsfelder,
          staedte: leadSlug ? [leadSlug] : [],
        },
        actor,
      );
      tx.insert(projectDiscussions).values({ projectId, topicId }).run();
      audit(tx, { actorId: actor.id, action: "project.discussion", entityType: "project", entityId: projectId, detail: { topicId } });
      return { topicId, created: true };
    },
    { behavior: "immediate" },
  );
}

/** Inside a project write: a members-only project's topic must not sit in a public category. */
export function syncDiscussionVisibility(tx: Executor, projectId: number) {
  const row = tx
    .select({ visibility: projects.visibility, topicId: projectDiscussions.topicId, catVisibility: forumCategories.visibility })
    .from(projectDiscussions)
    .innerJoin(projects, eq(projects.id, projectDiscussions.projectId))
    .innerJoin(forumTopics, eq(forumTopics.id, projectDiscussions.topicId))
    .innerJoin(forumCategories, eq(forumCategories.id, forumTopics.categoryId))
    .where(eq(projectDiscussions.projectId, projectId))
    .get();
  if (!row || row.visibility !== "members" || row.catVisibility === "members") return;
  const cat = membersCategory(tx);
  tx.update(forumTopics).set({ categoryId: cat.id }).where(eq(forumTopics.id, row.topicId)).run();
  syncTopicSearch(tx, row.topicId, { posts: true });
}

/** The discussion as the project page shows it (null when none exists or the viewer may not read it). */
export function getDiscussion(db: Executor, projectId: number, viewer: Viewer) {
  const topicId = discussionTopicId(db, projectId);
  if (topicId == null) return null;
  const t = getTopic(db, topicId, viewer);
  if (!t) return null;
  const posts = db
    .select({ postNumber: forumPosts.postNumber, raw: forumPosts.raw, createdAt: forumPosts.createdAt, authorName: users.name })
    .from(forumPosts)
    .leftJoin(users, eq(users.id, forumPosts.authorId))
    .where(and(eq(forumPosts.topicId, topicId), isNull(forumPosts.deletedAt), isNull(forumPosts.hiddenAt)))
    .orderBy(desc(forumPosts.postNumber))
    .limit(3)
    .all();
  return {
    topicId,
    title: t.title,
    url: `/forum/${t.category.slug}/${topicId}`,
    postCount: t.postCount,
    posts: posts.map((p) => {
      const text = markdownToText(p.raw);
      return {
        postNumber: p.postNumber,
        excerpt: text.length > 280 ? `${text.slice(0, 277)}…` : text,
        createdAt: p.createdAt.toISOString(),
        authorName: p.authorName ?? FORMER_MEMBER,
        url: postUrl(t.category.slug, topicId, p.postNumber),
      };
    }),
  };
}

// ---------------------------------------------------------------- Interesse an Zusammenarbeit

/** The ids of the lead city's coordinators (they get interest and rating requests). */
export function leadCoordinators(tx: Executor, projectId: number): string[] {
  const lead = tx.select({ cityId: projectCities.cityId }).from(projectCities).where(and(eq(projectCities.projectId, projectId), eq(projectCities.role, "lead"))).get();
  if (!lead) return [];
  return tx
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.cityId, lead.cityId), eq(users.role, "koordination"), isNull(users.deletedAt)))
    .all()
    .map((u) => u.id);
}

/**
 * Records the interest of the actor's city. The lead city's coordinators are notified once per city: pressing
 * again, or again after withdrawing, notifies nobody.
 */
export function expressInterest(db: DB, projectId: number, actor: { id: string; cityId: number }, now = new Date()): "neu" | "erneut" | "schon" {
  return db.transaction(
    (tx) => {
      const row = tx.select().from(projectInterest).where(and(eq(projectInterest.projectId, projectId), eq(projectInterest.cityId, actor.cityId))).get();
      if (row && !row.withdrawnAt) return "schon";
      if (row) {
        tx.update(projectInterest)
          .set({ withdrawnAt: null, userId: actor.id, createdAt: now })
          .where(and(eq(projectInterest.projectId, projectId), eq(projectInterest.cityId, actor.cityId)))
          .run();
        return "erneut";
      }
      tx.insert(projectInterest).values({ projectId, cityId: actor.cityId, userId: actor.id, createdAt: now, notifiedAt: now }).run();
      const p = tx.select({ slug: projects.slug, title: projects.title }).from(projects).where(eq(projects.id, projectId)).get();
      const city = tx.select({ name: cities.name }).from(cities).where(eq(cities.id, actor.cityId)).get();
      if (p && city) {
        notify(tx, leadCoordinators(tx, projectId), {
          kind: "projekt",
          topicId: null,
          actorId: actor.id,
          message: `${city.name} hat Interesse an Zusammenarbeit im Projekt „${p.title}“`.slice(0, 300),
          url: `/projekte/${p.slug}#interesse`,
        });
      }
      audit(tx, { actorId: actor.id, action: "project.interest", entityType: "project", entityId: projectId });
      return "neu";
    },
    { behavior: "immediate" },
  );
}

export function withdrawInterest(db: DB, projectId: number, actor: { id: string; cityId: number }, now = new Date()): boolean {
  return db.transaction((tx) => {
    const r = tx
      .update(projectInterest)
      .set({ withdrawnAt: now })
      .where(and(eq(projectInterest.projectId, projectId), eq(projectInterest.cityId, actor.cityId), isNull(projectInterest.withdrawnAt)))
      .run();
    if (r.changes > 0) audit(tx, { actorId: actor.id, action: "project.interestWithdrawn", entityType: "project", entityId: projectId });
    return r.changes > 0;
  });
}

/** Cities with active interest (names of cities only; no person). */
export function listInterest(db: Executor, projectId: number) {
  return db
    .select({ cityId: projectInterest.cityId, slug: cities.slug, name: cities.name, createdAt: projectInterest.createdAt })
    .from(projectInterest)
    .innerJoin(cities, eq(cities.id, projectInterest.cityId))
    .where(and(eq(projectInterest.projectId, projectId), isNull(projectInterest.withdrawnAt)))
    .orderBy(asc(cities.name))
    .all()
    .map((r) => ({ ...r, createdAt: r.createdAt.toISOString() }));
}

/** DSGVO: the interest marks the user set (the city's mark stays, without the person). */
export function exportInterest(db: Executor, userId: string) {
  return db
    .select({ projekt: projects.slug, stadt: cities.name, am: projectInterest.createdAt, zurueckgezogenAm: projectInterest.withdrawnAt })
    .from(projectInterest)
    .innerJoin(projects, eq(projects.id, projectInterest.projectId))
    .innerJoin(cities, eq(cities.id, projectInterest.cityId))
    .where(eq(projectInterest.userId, userId))
    .all();
}

export function anonymiseInterest(tx: Executor, userId: string) {
  tx.update(projectInterest).set({ userId: null }).where(eq(projectInterest.userId, userId)).run();
}
