// "One submit, one record" (issue 11): every create form carries a random key, rendered by its loader (one per
// render, works without JavaScript). The action runs its write through runIdempotent(): the key, the user, the
// route and the result (the redirect URL) are recorded in the same transaction as the created record. A repeated
// POST with the same key (double click, reload after a slow answer, a browser resend) creates nothing and gets
// the first result. Keys expire after 24 hours; expired rows are removed by the next write.
import { randomBytes } from "node:crypto";
import { and, eq, gt, lt } from "drizzle-orm";
import { idempotencyKeys } from "../../db/schema/index";
import type { DB, Executor } from "./db.server";
import { IDEMPOTENCY_FIELD } from "~/utils/idempotency";

export const IDEMPOTENCY_TTL_MS = 24 * 60 * 60 * 1000;
const KEY_RE = /^[A-Za-z0-9_-]{16,64}$/;

/** A fresh key for one rendering of a create form (144 random bits). */
export function newIdempotencyKey(): string {
  return randomBytes(18).toString("base64url");
}

/** The key the form sent, or null when it is missing or malformed (then the action runs without replay protection). */
export function readIdempotencyKey(form: FormData): string | null {
  const v = form.get(IDEMPOTENCY_FIELD);
  return typeof v === "string" && KEY_RE.test(v) ? v : null;
}

export type IdempotencyScope = { userId: string; route: string; key: string | null };

export class IdempotencyConflict extends Response {
  constructor() {
    super("Dieses Formular wurde bereits für eine andere Aktion verwendet. Bitte laden Sie die Seite neu.", { status: 409 });
  }
}

/** The first result for this key, if the same user already sent it to the same route within the last 24 h. */
export function findIdempotentResult(db: Executor, scope: IdempotencyScope, now = new Date()): string | null {
  if (!scope.key) return null;
  const row = db
    .select({ route: idempotencyKeys.route, result: idempotencyKeys.result })
    .from(idempotencyKeys)
    .where(
      and(
        eq(idempotencyKeys.userId, scope.userId),
        eq(idempotencyKeys.key, scope.key),
        gt(idempotencyKeys.createdAt, new Date(now.getTime() - IDEMPOTENCY_TTL_MS)),
      ),
    )
    .get();
  if (!row) return null;
  if (row.route !== scope.route) throw new IdempotencyConflict();
  return row.result;
}

/**
 * Runs `work` (which creates the record and returns the result to remember, e.g. the redirect URL) once per key:
 * in one IMMEDIATE transaction it checks the key, runs the work and records the key with the result. When the key
 * was already used, the work does not run and the stored result comes back with `replayed: true`. If `work`
 * throws, nothing is recorded, so the same form may be sent again.
 */
export function runIdempotent(db: DB, scope: IdempotencyScope, work: (tx: Executor) => string, now = new Date()): { result: string; replayed: boolean } {
  if (!scope.key) return { result: work(db), replayed: false };
  const key = scope.key;
  return db.transaction(
    (tx) => {
      tx.delete(idempotencyKeys)
        .where(lt(idempotencyKeys.createdAt, new Date(now.getTime() - IDEMPOTENCY_TTL_MS)))
        .run();
      const first = findIdempotentResult(tx, scope, now);
      if (first !== null) return { result: first, replayed: true };
      const result = work(tx);
      tx.insert(idempotencyKeys).values({ userId: scope.userId, key, route: scope.route, result, createdAt: now }).run();
      return { result, replayed: false };
    },
    { behavior: "immediate" },
  );
}

/** Removes expired keys (also done by every write); for scripts and tests. */
export function purgeExpiredIdempotencyKeys(db: Executor, now = new Date()): number {
  return db
    .delete(idempotencyKeys)
    .where(lt(idempotencyKeys.createdAt, new Date(now.getTime() - IDEMPOTENCY_TTL_MS)))
    .run().changes;
}
