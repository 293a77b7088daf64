// Revisions for articles, programmes and projects (one mechanism for all three).
import { and, desc, eq, max } from "drizzle-orm";
import { diffLines, diffWords } from "diff";
import { revisions, users } from "../../db/schema/index";
import type { Executor } from "~/services/db.server";

export type EntityType = "article" | "programme" | "project" | "anlaufstelle" | "ziel";

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
  // diffLines compares whole lines: give both bodies a final newline so appended text shows only the addition.
  const nl = (t: string) => (t.endsWith("\n") ? t : `${t}\n`);
  const body: DiffPart[] = diffLines(nl(a.body), nl(b.body)).map((p) => ({ kind: p.added ? "added" : p.removed ? "removed" : "same", text: p.value }));
  const fields: FieldDiff[] = [];
  const keys = new Set([...Object.keys(a.meta), ...Object.keys(b.meta)]);
  for (const k of keys) {
    const before = JSON.stringify(a.meta[k] ?? null);
    const after = JSON.stringify(b.meta[k] ?? null);
    if (before !== after) fields.push({ field: k, before, after });
  }
  return { body, fields, words: (x: string, y: string) => diffWords(x, y) };
}

const SOURCE_LABELS: Record<string, string> = { web: "Website", import: "Import", restore: "Wiederherstellung", suggestion: "Vorschlag" };

export type RevisionHistory = {
  current: number;
  diff: { von: number; bis: number; body: DiffPart[]; fields: FieldDiff[] } | null;
  revisions: { version: number; source: string; reason: string; at: string; author: string }[];
};

/**
 * Data of a "Versionen" page: every revision plus the diff selected by `?von=&bis=` (default: the latest change).
 * Throws a 404 Response for a version that does not exist.
 */
export function revisionHistory(db: Executor, entityType: EntityType, entityId: number, url: URL): RevisionHistory {
  const revs = listRevisions(db, entityType, entityId);
  const current = revs[0]?.version ?? 0;
  const bis = Number(url.searchParams.get("bis")) || current;
  const von = Number(url.searchParams.get("von")) || bis - 1;
  let diff: RevisionHistory["diff"] = null;
  if (Number.isInteger(von) && Number.isInteger(bis) && von >= 1 && bis >= 1 && von !== bis) {
    const ra = getRevision(db, entityType, entityId, von);
    const rb = getRevision(db, entityType, entityId, bis);
    if (!ra || !rb) throw new Response("Version nicht gefunden", { status: 404 });
    const d = diffRevisions(ra, rb);
    diff = { von, bis, body: d.body, fields: d.fields };
  }
  return {
    current,
    diff,
    revisions: revs.map((r) => ({
      version: r.version,
      source: SOURCE_LABELS[r.source] ?? r.source,
      reason: r.reason,
      at: r.createdAt.toISOString(),
      author: r.authorName ?? (r.source === "import" ? "Import aus Datei" : "unbekannt"),
    })),
  };
}
