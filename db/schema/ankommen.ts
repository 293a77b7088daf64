import { integer, sqliteTable, text, index, uniqueIndex } from "drizzle-orm/sqlite-core";
import { createdAt, jsonList, updatedAt } from "./common";
import { cities } from "./cities";
import { users } from "./auth";

/** One newcomer guide in one language (content/ankommen/<station>.<lang>.md). */
export const guides = sqliteTable(
  "guides",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    station: text("station").notNull(),
    lang: text("lang").notNull(),
    title: text("title").notNull(),
    summary: text("summary").notNull(),
    raw: text("raw").notNull(),
    cooked: text("cooked").notNull(),
    /** The ordered steps as sanitized inline HTML, one entry per list item (for the Laufzettel). */
    steps: text("steps", { mode: "json" }).$type<string[]>().notNull().default([]),
    /** German version: its `stand`; translation: the `stand` of the German version it translates. */
    quelleStand: text("quelle_stand").notNull(),
    status: text("status").notNull().default("entwurf"),
    geprueftVon: text("geprueft_von"),
    geprueftAm: text("geprueft_am"),
    verantwortlich: text("verantwortlich"),
    checkliste: text("checkliste"),
    sourceHash: text("source_hash"),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex("guides_station_lang_idx").on(t.station, t.lang)],
);

/** A city's local office for newcomers (maintained by the city's coordinators and Redaktion). */
export const anlaufstellen = sqliteTable(
  "anlaufstellen",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    cityId: integer("city_id")
      .notNull()
      .references(() => cities.id, { onDelete: "restrict" }),
    name: text("name").notNull(),
    handlungsfeld: text("handlungsfeld").notNull(),
    stationen: jsonList("stationen"),
    adresse: text("adresse").notNull(),
    oeffnungszeiten: text("oeffnungszeiten").notNull().default(""),
    telefon: text("telefon").notNull().default(""),
    email: text("email").notNull().default(""),
    sprachen: jsonList("sprachen"),
    terminNoetig: integer("termin_noetig", { mode: "boolean" }).notNull().default(false),
    hinweis: text("hinweis").notNull().default(""),
    archivedAt: integer("archived_at", { mode: "timestamp_ms" }),
    updatedBy: text("updated_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index("anlaufstellen_city_idx").on(t.cityId)],
);
