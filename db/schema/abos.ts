// Abos (issue 19, "Alerts that reach people"; decision 020): followed list filters, the outbox of changed
// entries that the matcher works off, and the ledger that makes every alert and reminder go out exactly once.
import { index, integer, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { users } from "./auth";
import { createdAt } from "./common";

/** A followed filter of one list (personal data: who follows what). */
export const savedSearches = sqliteTable(
  "saved_searches",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    userId: text("user_id").notNull().references(() => users.id, { onDelete: "cascade" }),
    /** foerderung, wissen, projekte, forderungen, termine */
    liste: text("liste").notNull(),
    /** normalised query string of the list's known filter keys ("" = the whole list) */
    query: text("query").notNull(),
    /** SHA-256 of the secret Atom feed token (the token itself is shown once) */
    feedTokenHash: text("feed_token_hash"),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("saved_searches_user_filter_idx").on(t.userId, t.liste, t.query),
    uniqueIndex("saved_searches_feed_idx").on(t.feedTokenHash),
    index("saved_searches_liste_idx").on(t.liste),
  ],
);

/** Entries created or changed, recorded in the same transaction as the change; the matcher works them off. */
export const aboOutbox = sqliteTable(
  "abo_outbox",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    liste: text("liste").notNull(),
    /** the entry's key in its list (slug or id as text) */
    entryKey: text("entry_key").notNull(),
    version: integer("version").notNull(),
    /** who made the change: never notified about it (no FK: the outbox outlives nothing, it is worked off) */
    actorId: text("actor_id"),
    processedAt: integer("processed_at", { mode: "timestamp_ms" }),
    createdAt: createdAt(),
  },
  (t) => [index("abo_outbox_pending_idx").on(t.processedAt, t.id)],
);

/**
 * One row per alert sent: scope "abo:<savedSearchId>" with ref "<liste>:<entryKey>@<version>" for matches,
 * scope "frist" with ref "<slug>|<datum>|<days>" for deadline reminders. The unique index is the exactly-once.
 */
export const aboLedger = sqliteTable(
  "abo_ledger",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    userId: text("user_id").notNull().references(() => users.id, { onDelete: "cascade" }),
    scope: text("scope").notNull(),
    ref: text("ref").notNull(),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("abo_ledger_once_idx").on(t.userId, t.scope, t.ref)],
);
