import { and, desc, eq, gte, inArray, isNull, lt } from "drizzle-orm";
import {
  articles,
  auditLog,
  cities,
  forderungen,
  forumCategories,
  forumPosts,
  forumTopics,
  programmes,
  projects,
  termine,
  users,
  ziele,
} from "../../db/schema/index";
import type { DB, Executor } from "./db.server";

/** Record who did what to which record. `detail` must not contain personal data beyond ids and field names. */
export function audit(
  db: Executor,
  entry: { actorId: string | null; action: string; entityType: string; entityId: string | number; detail?: Record<string, unknown> },
) {
  db.insert(auditLog)
    .values({ actorId: entry.actorId, action: entry.action, entityType: entry.entityType, entityId: String(entry.entityId), detail: entry.detail ?? null })
    .run();
}

export type AuditFilter = {
  limit?: number;
  offset?: number;
  entityType?: string;
  /** user id, or "system" for entries without a person */
  actorId?: string;
  /** inclusive start and exclusive end (Date) */
  from?: Date;
  to?: Date;
};

export function listAudit(db: DB, opts: AuditFilter = {}) {
  const conds = [
    opts.entityType ? eq(auditLog.entityType, opts.entityType) : undefined,
    opts.actorId === "system" ? isNull(auditLog.actorId) : opts.actorId ? eq(auditLog.actorId, opts.actorId) : undefined,
    opts.from ? gte(auditLog.at, opts.from) : undefined,
    opts.to ? lt(auditLog.at, opts.to) : undefined,
  ].filter((c) => c !== undefined);
  return db
    .select({
      id: auditLog.id,
      at: auditLog.at,
      action: auditLog.action,
      entityType: auditLog.entityType,
      entityId: auditLog.entityId,
      detail: auditLog.detail,
      actorName: users.name,
    })
    .from(auditLog)
    .leftJoin(users, eq(users.id, auditLog.actorId))
    .where(conds.length ? and(...conds) : undefined)
    .orderBy(desc(auditLog.id))
    .limit(opts.limit ?? 100)
    .offset(opts.offset ?? 0)
    .all();
}

/** People and object types that occur in the log: the options of the filter form. */
export function auditFilterOptions(db: DB) {
  const actors = db
    .selectDistinct({ id: users.id, name: users.name })
    .from(auditLog)
    .innerJoin(users, eq(users.id, auditLog.actorId))
    .orderBy(users.name)
    .all();
  const types = db.selectDistinct({ type: auditLog.entityType }).from(auditLog).orderBy(auditLog.entityType).all().map((r) => r.type);
  return { actors, types };
}

export type AuditTarget = { label: string; href?: string };

const num = (ids: string[]) => ids.map(Number).filter((n) => Number.isInteger(n) && n > 0);

/**
 * Names and links of the records the given entries point to, where they still exist. Keyed "type:id".
 * Also resolves user and city ids inside `detail` (owners, roles) to names for the readable change lines.
 */
export function resolveAuditTargets(db: DB, rows: { action: string; entityType: string; entityId: string; detail: Record<string, unknown> | null }[]) {
  const byType = new Map<string, string[]>();
  const userIds = new Set<string>();
  const cityIds = new Set<number>();
  const categoryIds = new Set<number>();
  for (const r of rows) {
    byType.set(r.entityType, [...(byType.get(r.entityType) ?? []), r.entityId]);
    const d = r.detail ?? {};
    for (const k of ["ownerId", "deputyId"]) if (typeof d[k] === "string") userIds.add(d[k] as string);
    if (typeof d.cityId === "number") cityIds.add(d.cityId);
    for (const side of [d.from, d.to]) {
      if (side && typeof side === "object" && typeof (side as Record<string, unknown>).cityId === "number") cityIds.add((side as { cityId: number }).cityId);
    }
    if (r.action === "forum.topic.move") for (const side of [d.from, d.to]) if (typeof side === "number") categoryIds.add(side);
  }
  const targets: Record<string, AuditTarget> = {};
  const ids = (t: string) => num(byType.get(t) ?? []);
  const put = (type: string, id: number | string, label: string, href?: string) => (targets[`${type}:${id}`] = { label, href });

  const a = ids("article");
  if (a.length) for (const r of db.select({ id: articles.id, slug: articles.slug, title: articles.title }).from(articles).where(inArray(articles.id, a)).all()) put("article", r.id, r.title, `/wissen/${r.slug}`);
  const p = ids("programme");
  if (p.length) for (const r of db.select({ id: programmes.id, slug: programmes.slug, title: programmes.title }).from(programmes).where(inArray(programmes.id, p)).all()) put("programme", r.id, r.title, `/foerderung/${r.slug}`);
  const pr = ids("project");
  if (pr.length) for (const r of db.select({ id: projects.id, slug: projects.slug, title: projects.title }).from(projects).where(inArray(projects.id, pr)).all()) put("project", r.id, r.title, `/projekte/${r.slug}`);
  const c = [...new Set([...ids("city"), ...cityIds])];
  const cityNames: Record<string, string> = {};
  if (c.length)
    for (const r of db.select({ id: cities.id, slug: cities.slug, name: cities.name, archivedAt: cities.archivedAt }).from(cities).where(inArray(cities.id, c)).all()) {
      cityNames[String(r.id)] = r.name;
      put("city", r.id, r.archivedAt ? `${r.name} (archiviert)` : r.name, r.archivedAt ? undefined : `/staedte/${r.slug}`);
    }
  const t = ids("forum_topic");
  if (t.length)
    for (const r of db
      .select({ id: forumTopics.id, title: forumTopics.title, cat: forumCategories.slug })
      .from(forumTopics)
      .innerJoin(forumCategories, eq(forumCategories.id, forumTopics.categoryId))
      .where(inArray(forumTopics.id, t))
      .all())
      put("forum_topic", r.id, r.title, `/forum/${r.cat}/${r.id}`);
  const fp = ids("forum_post");
  if (fp.length)
    for (const r of db
      .select({ id: forumPosts.id, n: forumPosts.postNumber, topicId: forumTopics.id, title: forumTopics.title, cat: forumCategories.slug })
      .from(forumPosts)
      .innerJoin(forumTopics, eq(forumTopics.id, forumPosts.topicId))
      .innerJoin(forumCategories, eq(forumCategories.id, forumTopics.categoryId))
      .where(inArray(forumPosts.id, fp))
      .all())
      put("forum_post", r.id, `Beitrag ${r.n} in „${r.title}“`, `/forum/${r.cat}/${r.topicId}#beitrag-${r.n}`);
  const fc = [...new Set([...ids("forum_category"), ...categoryIds])];
  const categoryNames: Record<string, string> = {};
  if (fc.length)
    for (const r of db.select({ id: forumCategories.id, slug: forumCategories.slug, name: forumCategories.name }).from(forumCategories).where(inArray(forumCategories.id, fc)).all()) {
      categoryNames[String(r.id)] = r.name;
      put("forum_category", r.id, r.name, `/forum/${r.slug}`);
    }
  const te = ids("termin");
  if (te.length) for (const r of db.select({ id: termine.id, titel: termine.titel }).from(termine).where(inArray(termine.id, te)).all()) put("termin", r.id, r.titel, `/termine/${r.id}`);
  const z = ids("ziel");
  if (z.length) for (const r of db.select({ id: ziele.id, slug: ziele.slug, title: ziele.title }).from(ziele).where(inArray(ziele.id, z)).all()) put("ziel", r.id, r.title, `/ziele/${r.slug}`);
  const fo = ids("forderung");
  if (fo.length) for (const r of db.select({ id: forderungen.id, slug: forderungen.slug, titel: forderungen.titel }).from(forderungen).where(inArray(forderungen.id, fo)).all()) put("forderung", r.id, r.titel, `/forderungen/${r.slug}`);
  const u = [...new Set([...(byType.get("user") ?? []), ...userIds])];
  const userNames: Record<string, string> = {};
  if (u.length)
    for (const r of db.select({ id: users.id, name: users.name, deletedAt: users.deletedAt }).from(users).where(inArray(users.id, u)).all()) {
      if (r.deletedAt) continue;
      userNames[r.id] = r.name;
      put("user", r.id, r.name, `/verwaltung/benutzer`);
    }
  return { targets, names: { users: userNames, cities: cityNames, categories: categoryNames } };
}
