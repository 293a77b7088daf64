import { index, integer, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { createdAt, jsonList, updatedAt } from "./common";
import { users } from "./auth";
import { cities } from "./cities";

/**
 * Steering of the alliance (issue 19).
 *
 * `forderungen`: the next steps of the six Lösungsszenarien, one row per demand on one level. Seeded from
 * content/forderungen/*.md (one file per Lösungsszenario; `importHash` is the SHA-256 of that file).
 * `status` is a cache of the latest confirmed entry in `forderung_status_changes` (by `datum`, then id).
 *
 * `forderung_status_changes`: every status change with its date, evidence (text + link) and author.
 * `state`: `vorgeschlagen` (a coordinator's proposal, waits for Redaktion) → `bestaetigt` | `abgelehnt`.
 * Only confirmed rows appear in the history and the Atom feed. `source = import` rows come from the content
 * files and are rewritten by a re-import; web rows are never touched by the importer.
 */
export const FORDERUNG_STATUS_KEYS = ["offen", "in-arbeit", "umgesetzt", "teilweise-umgesetzt", "abgelehnt", "ueberholt"] as const;
export const FORDERUNG_EBENE_KEYS = ["kommune", "land", "bund", "eu", "herkunftsland"] as const;

export const forderungen = sqliteTable(
  "forderungen",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    slug: text("slug").notNull(),
    /** content file the item came from (slug of content/forderungen/<datei>.md) */
    datei: text("datei").notNull(),
    sort: integer("sort").notNull().default(0),
    loesungsszenario: integer("loesungsszenario").notNull(),
    /** slug of the wissen article of the Lösungsszenario */
    artikel: text("artikel").notNull(),
    ebene: text("ebene", { enum: FORDERUNG_EBENE_KEYS }).notNull(),
    /** who must act, e.g. "Land NRW, MAGS" */
    stelle: text("stelle").notNull(),
    titel: text("titel").notNull(),
    text: text("text").notNull(),
    handlungsfelder: jsonList("handlungsfelder"),
    quelle: text("quelle").notNull(),
    status: text("status", { enum: FORDERUNG_STATUS_KEYS }).notNull().default("offen"),
    /** date of the latest confirmed status change (ISO), NULL = "Stand unbekannt" */
    statusDatum: text("status_datum"),
    importHash: text("import_hash"),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex("forderungen_slug_idx").on(t.slug), index("forderungen_ebene_idx").on(t.ebene), index("forderungen_ls_idx").on(t.loesungsszenario)],
);

export const forderungStatusChanges = sqliteTable(
  "forderung_status_changes",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    forderungId: integer("forderung_id")
      .notNull()
      .references(() => forderungen.id, { onDelete: "cascade" }),
    status: text("status", { enum: FORDERUNG_STATUS_KEYS }).notNull(),
    /** date the evidence refers to (ISO YYYY-MM-DD) */
    datum: text("datum").notNull(),
    nachweis: text("nachweis").notNull(),
    nachweisUrl: text("nachweis_url"),
    begruendung: text("begruendung"),
    source: text("source", { enum: ["import", "web"] }).notNull(),
    state: text("state", { enum: ["vorgeschlagen", "bestaetigt", "abgelehnt"] }).notNull(),
    authorId: text("author_id").references(() => users.id, { onDelete: "set null" }),
    /** shown author when there is no user (import: "Redaktion (Handlungsrahmen)") */
    authorLabel: text("author_label"),
    decidedById: text("decided_by_id").references(() => users.id, { onDelete: "set null" }),
    decidedAt: integer("decided_at", { mode: "timestamp_ms" }),
    decisionNote: text("decision_note"),
    createdAt: createdAt(),
  },
  (t) => [index("forderung_changes_forderung_idx").on(t.forderungId), index("forderung_changes_state_idx").on(t.state, t.decidedAt)],
);

/**
 * Events (Veranstaltungen). `beginn`/`ende` are instants (unix ms, UTC); forms and pages use Berlin wall time
 * (Europe/Berlin), converted on write, so a 10:00 event stays 10:00 across the daylight-saving switch.
 */
export const termine = sqliteTable(
  "termine",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    titel: text("titel").notNull(),
    beginn: integer("beginn", { mode: "timestamp_ms" }).notNull(),
    ende: integer("ende", { mode: "timestamp_ms" }),
    ort: text("ort"),
    online: integer("online", { mode: "boolean" }).notNull().default(false),
    zielgruppen: jsonList("zielgruppen"),
    handlungsfelder: jsonList("handlungsfelder"),
    anmeldungUrl: text("anmeldung_url"),
    beschreibung: text("beschreibung").notNull().default(""),
    /** city that runs the event (coordinators edit their own city's events); NULL = Land / alliance */
    cityId: integer("city_id").references(() => cities.id, { onDelete: "set null" }),
    createdById: text("created_by_id").references(() => users.id, { onDelete: "set null" }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index("termine_beginn_idx").on(t.beginn)],
);
