import { integer, real, sqliteTable, text, index } from "drizzle-orm/sqlite-core";
import { createdAt, updatedAt } from "./common";
import { ALLIANCE_STATUS, keysOf } from "~/utils/taxonomy";

export const cities = sqliteTable("cities", {
  id: integer("id").primaryKey({ autoIncrement: true }),
  slug: text("slug").notNull().unique(),
  name: text("name").notNull(),
  land: text("land").notNull().default("Nordrhein-Westfalen"),
  allianceStatus: text("alliance_status", { enum: keysOf(ALLIANCE_STATUS) }).notNull().default("interessiert"),
  description: text("description").notNull().default(""),
  contact: text("contact").notNull().default(""),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
});

/** A key figure of a city, always with its date and source (e.g. registered BG/RO residents on 31.12.2012). */
export const cityFigures = sqliteTable(
  "city_figures",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    cityId: integer("city_id").notNull().references(() => cities.id, { onDelete: "cascade" }),
    key: text("key").notNull(), // e.g. "bg-ro-gemeldet", "anteil-stadtteil"
    label: text("label").notNull(),
    value: real("value").notNull(),
    unit: text("unit").notNull().default(""),
    approximate: integer("approximate", { mode: "boolean" }).notNull().default(false),
    asOf: text("as_of").notNull(), // ISO date
    source: text("source").notNull(),
    sort: integer("sort").notNull().default(0),
  },
  (t) => [index("city_figures_city_idx").on(t.cityId)],
);
