import { integer, sqliteTable, text, index } from "drizzle-orm/sqlite-core";
import { createdAt, updatedAt } from "./common";
import { cities } from "./cities";
import { ROLES, keysOf } from "~/utils/taxonomy";

export const users = sqliteTable(
  "users",
  {
    id: text("id").primaryKey(),
    email: text("email").notNull().unique(), // stored lower-case
    name: text("name").notNull(),
    passwordHash: text("password_hash").notNull(),
    role: text("role", { enum: keysOf(ROLES) }).notNull().default("mitglied"),
    cityId: integer("city_id").references(() => cities.id, { onDelete: "set null" }),
    disabledAt: integer("disabled_at", { mode: "timestamp_ms" }),
    deletedAt: integer("deleted_at", { mode: "timestamp_ms" }),
    emailPref: text("email_pref", { enum: ["sofort", "taeglich", "nie"] }).notNull().default("sofort"),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index("users_city_idx").on(t.cityId)],
);

/** lucia v3 session table: expires_at in unix seconds. */
export const sessions = sqliteTable(
  "sessions",
  {
    id: text("id").primaryKey(),
    userId: text("user_id").notNull().references(() => users.id, { onDelete: "cascade" }),
    expiresAt: integer("expires_at").notNull(),
    // Absolute lifetime: a session ends 30 days after sign-in however active it is (auth.server.ts).
    // Nullable so existing databases can add it; a session without it is ended at its next use.
    createdAt: integer("created_at", { mode: "timestamp_ms" }),
  },
  (t) => [index("sessions_user_idx").on(t.userId)],
);

export const invitations = sqliteTable("invitations", {
  id: integer("id").primaryKey({ autoIncrement: true }),
  tokenHash: text("token_hash").notNull().unique(), // SHA-256 hex of the token; the token itself is never stored
  email: text("email").notNull(),
  role: text("role", { enum: keysOf(ROLES) }).notNull(),
  cityId: integer("city_id").references(() => cities.id, { onDelete: "set null" }),
  invitedBy: text("invited_by").references(() => users.id, { onDelete: "set null" }),
  expiresAt: integer("expires_at", { mode: "timestamp_ms" }).notNull(),
  usedAt: integer("used_at", { mode: "timestamp_ms" }),
  usedBy: text("used_by").references(() => users.id, { onDelete: "set null" }),
  createdAt: createdAt(),
});

/** Single-use tokens other than invitations (password reset). */
export const userTokens = sqliteTable("user_tokens", {
  id: integer("id").primaryKey({ autoIncrement: true }),
  tokenHash: text("token_hash").notNull().unique(),
  purpose: text("purpose", { enum: ["passwort-reset"] }).notNull(),
  userId: text("user_id").notNull().references(() => users.id, { onDelete: "cascade" }),
  expiresAt: integer("expires_at", { mode: "timestamp_ms" }).notNull(),
  usedAt: integer("used_at", { mode: "timestamp_ms" }),
  createdAt: createdAt(),
});

/**
 * Per-installation secrets generated on first use (development/test without SESSION_SECRET only):
 * never derived from other configuration. In production SESSION_SECRET is required.
 */
export const appSecrets = sqliteTable("app_secrets", {
  name: text("name").primaryKey(),
  value: text("value").notNull(),
  createdAt: createdAt(),
});

/**
 * "Passwort vergessen" requests, recorded the same way for known and unknown addresses; a background step
 * (processResetRequests in user.server.ts) turns those for real accounts into a reset mail and deletes the row.
 */
export const resetRequests = sqliteTable("reset_requests", {
  id: integer("id").primaryKey({ autoIncrement: true }),
  email: text("email").notNull(), // normalized; the row lives only until the background step ran
  createdAt: createdAt(),
});
