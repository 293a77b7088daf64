// Gesamtzielperspektive (issue 19): shared target indicators defined by Redaktion. Projects map their own
// indicators to one of them (`project_indicators.ziel_slug`, validated in app/models/ziel.server.ts, no FK so the
// project table is not rebuilt); /ziele rolls the mapped latest values up across cities (Summe or Mittelwert).
import { integer, real, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { createdAt, updatedAt } from "./common";
import { users } from "./auth";

export const ZIEL_AGGREGATION_KEYS = ["summe", "mittelwert"] as const;

export const ziele = sqliteTable("ziele", {
  id: integer("id").primaryKey({ autoIncrement: true }),
  slug: text("slug").notNull().unique(),
  title: text("title").notNull(),
  definition: text("definition").notNull(),
  unit: text("unit").notNull(),
  aggregation: text("aggregation", { enum: ZIEL_AGGREGATION_KEYS }).notNull(),
  targetValue: real("target_value"),
  targetDate: text("target_date"), // ISO date
  handlungsfeld: text("handlungsfeld").notNull(),
  /** demo entries are marked on the page ("Beispiel") */
  demo: integer("demo", { mode: "boolean" }).notNull().default(false),
  createdBy: text("created_by").references(() => users.id, { onDelete: "set null" }),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
});
