// Read-only queries for the signed-in home page (issue 16): "their" Handlungsfelder, due items, latest in them.
// Every function returns only the fields the home page shows.
import { and, desc, eq, inArray, isNotNull } from "drizzle-orm";
import { articles, forumCategories, forumSubscriptions, forumTopics, projectCities, projects, savedSearches } from "../../db/schema/index";
import type { Executor } from "~/services/db.server";
import { can, visibilityFor, type Viewer } from "~/services/permissions";
import { HANDLUNGSFELDER, type Handlungsfeld } from "~/utils/taxonomy";
import { listMyReviews } from "./review.server";
import { listUpcomingDeadlines } from "./programme.server";
import { listTermine } from "./termin.server";
import { countUnread, listNotifications } from "./notification.server";

const isFeld = (s: string): s is Handlungsfeld => Object.hasOwn(HANDLUNGSFELDER, s);

/**
 * A user's Handlungsfelder, from what they chose themselves: forum categories they follow or watch, the
 * Handlungsfeld filters of their followed lists (Suchabos); without any, the fields of their city's projects.
 * Empty when they chose nothing – the page then shows the latest across all fields.
 */
export function userHandlungsfelder(db: Executor, userId: string, cityId: number | null): Handlungsfeld[] {
  const out = new Set<Handlungsfeld>();
  const cats = db
    .select({ feld: forumCategories.handlungsfeld })
    .from(forumSubscriptions)
    .innerJoin(forumCategories, eq(forumCategories.id, forumSubscriptions.categoryId))
    .where(and(eq(forumSubscriptions.userId, userId), inArray(forumSubscriptions.level, ["watch", "follow"]), isNotNull(forumCategories.handlungsfeld)))
    .all();
  for (const c of cats) if (c.feld && isFeld(c.feld)) out.add(c.feld);
  const abos = db.select({ query: savedSearches.query }).from(savedSearches).where(eq(savedSearches.userId, userId)).all();
  for (const a of abos) for (const f of new URLSearchParams(a.query).getAll("feld")) if (isFeld(f)) out.add(f);
  // Explicit choices win; the city's projects only stand in when the user chose nothing.
  if (out.size === 0 && cityId !== null) {
    const rows = db
      .select({ felder: projects.handlungsfelder })
      .from(projectCities)
      .innerJoin(projects, eq(projects.id, projectCities.projectId))
      .where(eq(projectCities.cityId, cityId))
      .all();
    for (const r of rows) for (const f of r.felder) if (isFeld(f)) out.add(f);
  }
  return (Object.keys(HANDLUNGSFELDER) as Handlungsfeld[]).filter((f) => out.has(f));
}

const overlaps = (list: string[], felder: string[]) => felder.length === 0 || list.some((f) => felder.includes(f));

function addDays(iso: string, days: number): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** Everything the signed-in home page shows, in one call. */
export function homeDashboard(db: Executor, viewer: NonNullable<Viewer>, today: string, now = new Date()) {
  const felder = userHandlungsfelder(db, viewer.id, viewer.cityId);
  const unread = countUnread(db, viewer.id);
  const notifications = listNotifications(db, viewer.id, { perPage: 3 }).rows.map((n) => ({
    id: n.id,
    message: n.message,
    unread: n.readAt === null,
    createdAt: n.createdAt.toISOString(),
  }));
  // Review items belong to the Redaktion only (listMyReviews also returns the team's entries).
  const due = can(viewer, "content.review") ? listMyReviews(db, viewer.id, today).filter((r) => r.state === "ueberfaellig" || r.state === "bald") : [];
  const reviews = due
    .slice(0, 5)
    .map((r) => ({ key: `${r.entityType}-${r.id}`, title: r.title, url: r.url, pruefenBis: r.pruefenBis, overdue: r.state === "ueberfaellig" }));
  const reviewCount = due.length;
  const deadlines = listUpcomingDeadlines(db, { from: today, until: addDays(today, 30), feld: felder, limit: 5 }).map((d) => ({
    slug: d.slug,
    kurz: d.kurz,
    bezeichnung: d.bezeichnung,
    datum: d.datum,
  }));
  const termine = listTermine(db, { now, limit: 20 })
    .filter((t) => overlaps(t.handlungsfelder, felder))
    .slice(0, 3)
    .map((t) => ({ id: t.id, titel: t.titel, beginn: t.beginn.toISOString(), ende: t.ende?.toISOString() ?? null }));
  const latestArticles = db
    .select({ slug: articles.slug, title: articles.title, type: articles.type, handlungsfelder: articles.handlungsfelder, updatedAt: articles.updatedAt })
    .from(articles)
    .where(eq(articles.status, "veroeffentlicht"))
    .orderBy(desc(articles.updatedAt), desc(articles.id))
    .limit(60)
    .all()
    .filter((a) => overlaps(a.handlungsfelder, felder))
    .slice(0, 4)
    .map((a) => ({ slug: a.slug, title: a.title, type: a.type, updatedAt: a.updatedAt.toISOString() }));
  const latestTopics = db
    .select({ id: forumTopics.id, title: forumTopics.title, categorySlug: forumCategories.slug, handlungsfelder: forumTopics.handlungsfelder, catFeld: forumCategories.handlungsfeld, lastPostAt: forumTopics.lastPostAt })
    .from(forumTopics)
    .innerJoin(forumCategories, eq(forumCategories.id, forumTopics.categoryId))
    .where(inArray(forumCategories.visibility, visibilityFor(viewer)))
    .orderBy(desc(forumTopics.lastPostAt), desc(forumTopics.id))
    .limit(60)
    .all()
    .filter((t) => overlaps(t.catFeld ? [...t.handlungsfelder, t.catFeld] : t.handlungsfelder, felder))
    .slice(0, 4)
    .map((t) => ({ id: t.id, title: t.title, categorySlug: t.categorySlug, lastPostAt: t.lastPostAt.toISOString() }));
  return { felder, unread, notifications, reviews, reviewCount, deadlines, termine, latestArticles, latestTopics };
}
