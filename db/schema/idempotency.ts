import { primaryKey, sqliteTable, text, index } from "drizzle-orm/sqlite-core";
import { createdAt } from "./common";

/**
 * One row per submitted create form: the form's random key, who sent it, which route, and the first result
 * (the redirect URL). A repeated POST with the same key returns that result and creates nothing. Rows expire
 * after 24 h (app/services/idempotency.server.ts). No FK to users: a key is worthless once expired.
 */
export const idempotencyKeys = sqliteTable(
  "idempotency_keys",
  {
    userId: text("user_id").notNull(),
    key: text("key").notNull(),
    route: text("route").notNull(),
    result: text("result").notNull(),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.key] }), index("idempotency_keys_created_idx").on(t.createdAt)],
);
