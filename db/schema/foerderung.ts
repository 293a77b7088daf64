import { index, integer, real, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { createdAt, jsonList, updatedAt } from "./common";
import { EBENEN, FONDS, PROGRAMME_STATUS, keysOf } from "~/utils/taxonomy";
import { users } from "./auth";

/**
 * Funding programmes (Förderwegweiser). Conditions are columns (facets filter on them); lists are JSON.
 * Empty optional values stay NULL – the UI shows "keine Angabe", never a guessed value.
 *
 * Import bookkeeping: `importHash` is the SHA-256 of the content file at its last import (NULL when the
 * programme was created on the web); `webEditedAt` is set by a web edit and cleared by an import. A changed
 * file for a programme edited on the web since its last import is reported as a conflict, never overwritten.
 */
export const programmes = sqliteTable(
  "programmes",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    slug: text("slug").notNull(),
    title: text("title").notNull(),
    kurz: text("kurz").notNull(),
    fonds: text("fonds", { enum: keysOf(FONDS) }).notNull(),
    geber: text("geber").notNull(),
    ebene: text("ebene", { enum: keysOf(EBENEN) }).notNull(),
    antragsberechtigt: jsonList("antragsberechtigt"),
    handlungsfelder: jsonList("handlungsfelder"),
    foerderquote: real("foerderquote"), // fraction 0..1
    eigenanteil: real("eigenanteil"), // fraction 0..1
    kofinanzierung: text("kofinanzierung"),
    ausschluss: jsonList("ausschluss"),
    laufzeitVon: text("laufzeit_von"), // ISO date
    laufzeitBis: text("laufzeit_bis"),
    url: text("url"),
    status: text("status", { enum: keysOf(PROGRAMME_STATUS) }).notNull(),
    summary: text("summary").notNull(),
    stand: text("stand"),
    pruefenBis: text("pruefen_bis"),
    quellen: jsonList("quellen"),
    body: text("body").notNull().default(""),
    cooked: text("cooked").notNull().default(""),
    // Owner (`verantwortlich`) and deputy (`vertretung`): Redaktion users; NULL owner = the Redaktion team.
    ownerId: text("owner_id").references(() => users.id, { onDelete: "set null" }),
    deputyId: text("deputy_id").references(() => users.id, { onDelete: "set null" }),
    importHash: text("import_hash"),
    webEditedAt: integer("web_edited_at", { mode: "timestamp_ms" }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex("programmes_slug_idx").on(t.slug), index("programmes_fonds_idx").on(t.fonds), index("programmes_pruefen_idx").on(t.pruefenBis)],
);

/** Deadlines of a programme (several, each with a label). */
export const programmeDeadlines = sqliteTable(
  "programme_deadlines",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    programmeId: integer("programme_id")
      .notNull()
      .references(() => programmes.id, { onDelete: "cascade" }),
    bezeichnung: text("bezeichnung").notNull(),
    datum: text("datum").notNull(), // ISO date
    sort: integer("sort").notNull().default(0),
  },
  (t) => [index("programme_deadlines_datum_idx").on(t.datum), index("programme_deadlines_programme_idx").on(t.programmeId)],
);
