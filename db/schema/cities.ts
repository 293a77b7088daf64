import { integer, real, sqliteTable, text, index } from "drizzle-orm/sqlite-core";
import { createdAt, updatedAt } from "./common";
import { ALLIANCE_STATUS, FIGURE_QUALIFIERS, keysOf } from "~/utils/taxonomy";

export const cities = sqliteTable("cities", {
  id: integer("id").primaryKey({ autoIncrement: true }),
  slug: text("slug").notNull().unique(),
  name: text("name").notNull(),
  land: text("land").notNull().default("Nordrhein-Westfalen"),
  allianceStatus: text("alliance_status", { enum: keysOf(ALLIANCE_STATUS) }).notNull().default("interessiert"),
  description: text("description").notNull().default(""),
  contact: text("contact").notNull().default(""),
  /** Set when the city was "deleted" while projects, figures or users still depend on it: hidden, restorable. */
  archivedAt: integer("archived_at", { mode: "timestamp_ms" }),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
});

/**
 * Legacy table of the first release (one undated-series row per figure). Kept so existing databases keep their
 * data until the custom migration `cities_data` has copied it into `city_figure_values`; no code reads it.
 */
export const legacyCityFigures = sqliteTable(
  "city_figures",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    cityId: integer("city_id").notNull().references(() => cities.id, { onDelete: "cascade" }),
    key: text("key").notNull(),
    label: text("label").notNull(),
    value: real("value").notNull(),
    unit: text("unit").notNull().default(""),
    approximate: integer("approximate", { mode: "boolean" }).notNull().default(false),
    asOf: text("as_of").notNull(),
    source: text("source").notNull(),
    sort: integer("sort").notNull().default(0),
  },
  (t) => [index("city_figures_city_idx").on(t.cityId)],
);

/**
 * One dated, sourced value of a city's key figure. A series is (city, indicator, district); its rows are the
 * values over time. `asOf` is an ISO date, a year ("2012") or null when the source gives no date. The city FK is
 * RESTRICT: a city with figures is archived, never deleted together with them.
 */
export const cityFigures = sqliteTable(
  "city_figure_values",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    cityId: integer("city_id").notNull().references(() => cities.id, { onDelete: "restrict" }),
    indicator: text("indicator").notNull(), // CITY_INDICATORS in app/utils/taxonomy.ts
    district: text("district"),
    value: real("value").notNull(),
    qualifier: text("qualifier", { enum: keysOf(FIGURE_QUALIFIERS) }).notNull().default("genau"),
    /** the source's own words when it gives no exact number ("über die Hälfte") */
    displayText: text("display_text"),
    asOf: text("as_of"),
    source: text("source").notNull(),
    note: text("note").notNull().default(""),
    createdBy: text("created_by"),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index("city_figure_values_city_idx").on(t.cityId, t.indicator)],
);

/** History of every change to a city figure: who, when, why, before and after. */
export const cityFigureChanges = sqliteTable(
  "city_figure_changes",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    cityId: integer("city_id").notNull().references(() => cities.id, { onDelete: "restrict" }),
    figureId: integer("figure_id"), // no FK: the history outlives a deleted figure
    actorId: text("actor_id"),
    action: text("action", { enum: ["create", "update", "delete"] }).notNull(),
    reason: text("reason").notNull().default(""),
    before: text("before", { mode: "json" }).$type<Record<string, unknown> | null>(),
    after: text("after", { mode: "json" }).$type<Record<string, unknown> | null>(),
    createdAt: createdAt(),
  },
  (t) => [index("city_figure_changes_city_idx").on(t.cityId, t.createdAt)],
);
