// Revisions for articles, programmes and projects (one mechanism for all three).
import { and, desc, eq, max } from "drizzle-orm";
import { diffLines, diffWords } from "diff";
import { revisions, users } from "../../db/schema/index";
import type { Executor } from "~/services/db.server";

export type EntityType = "article" | "programme" | "project";

export function recordRevision(
  db: Executor,
  r: { entityType: EntityType; entityId: number; authorId: string | null; source?: "web" | "import" | "restore" | "suggestion"; reason: string; body: string; meta: Record<string, unknown> },
) {
  const last = db
    .select({ v: max(revisions.version) })
    .from(revisions)
    .where(and(eq(revisions.entityType, r.entityType), eq(revisions.entityId, r.entityId)))
    .get();
  const version = (last?.v ?? 0) + 1;
  db.insert(revisions)
    .values({ entityType: r.entityType, entityId: r.entityId, version, authorId: r.authorId, source: r.source ?? "web", reason: r.reason, body: r.body, meta: r.meta })
    .run();
  return version;
}

export function listRevisions(db: Executor, entityType: EntityType, entityId: number) {
  return db
    .select({ id: revisions.id, version: revisions.version, source: revisions.source, reason: revisions.reason, createdAt: revisions.createdAt, authorName: users.name })
    .from(revisions)
    .leftJoin(users, eq(users.id, revisions.authorId))
    .where(and(eq(revisions.entityType, entityType), eq(revisions.entityId, entityId)))
    .orderBy(desc(revisions.version))
    .all();
}

export function getRevision(db: Executor, entityType: EntityType, entityId: number, version: number) {
  return (
    db
      .select()
      .from(revisions)
      .where(and(eq(revisions.entityType, entityType), eq(revisions.entityId, entityId), eq(revisions.version, version)))
      .get() ?? null
  );
}

export type DiffPart = { kind: "added" | "removed" | "same"; text: string };
export type FieldDiff = { field: string; before: string; after: string };

/** Readable diff between two revisions: body by lines (words inside changed lines), metadata per field. */
export function diffRevisions(a: { body: string; meta: Record<string, unknown> }, b: { body: string; meta: Record<string, unknown> }) {
  const body: DiffPart[] = diffLines(a.body, b.body).map((p) => ({ kind: p.added ? "added" : p.removed ? "removed" : "same", text: p.value }));
  const fields: FieldDiff[] = [];
  const keys = new Set([...Object.keys(a.meta), ...Object.keys(b.meta)]);
  for (const k of keys) {
    const before = JSON.stringify(a.meta[k] ?? null);
    const after = JSON.stringify(b.meta[k] ?? null);
    if (before !== after) fields.push({ field: k, before, after });
  }
  return { body, fields, words: (x: string, y: string) => diffWords(x, y) };
}
