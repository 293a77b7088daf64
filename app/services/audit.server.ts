import { desc, eq, and } from "drizzle-orm";
import { auditLog, users } from "../../db/schema/index";
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

export function listAudit(db: DB, opts: { limit?: number; offset?: number; entityType?: string } = {}) {
  const where = opts.entityType ? and(eq(auditLog.entityType, opts.entityType)) : undefined;
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
    .where(where)
    .orderBy(desc(auditLog.id))
    .limit(opts.limit ?? 100)
    .offset(opts.offset ?? 0)
    .all();
}
