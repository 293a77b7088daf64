// Veranstaltungen (issue 19): Fachtage, trainings and meetings of the alliance, the cities and the Land.
// Public by design (they are announcements); coordinators create and edit their own city's events, Redaktion all.
import { and, asc, desc, eq, gt, gte, isNull, sql, type Placeholder } from "drizzle-orm";
import { cities, termine } from "../../db/schema/index";
import type { DB, Executor } from "~/services/db.server";
import { audit } from "~/services/audit.server";
import { can, type Viewer } from "~/services/permissions";
import { HANDLUNGSFELDER, type Handlungsfeld } from "~/utils/taxonomy";
import { aboEntryChanged } from "./abo-outbox.server";
import { preparedFor } from "./prepared.server";

export type TerminInput = {
  titel: string;
  beginn: Date;
  ende: Date | null;
  ort: string | null;
  online: boolean;
  zielgruppen: string[];
  handlungsfelder: string[];
  anmeldungUrl: string | null;
  beschreibung: string;
  cityId: number | null;
};

const columns = {
  id: termine.id,
  titel: termine.titel,
  beginn: termine.beginn,
  ende: termine.ende,
  ort: termine.ort,
  online: termine.online,
  zielgruppen: termine.zielgruppen,
  handlungsfelder: termine.handlungsfelder,
  anmeldungUrl: termine.anmeldungUrl,
  beschreibung: termine.beschreibung,
  cityId: termine.cityId,
  cityName: cities.name,
  citySlug: cities.slug,
};

export type TerminFilters = { past?: boolean; feld?: Handlungsfeld };
/** The /termine list filters from query params (shared by the list and the abo matcher). */
export function parseTerminFilters(params: URLSearchParams): TerminFilters {
  const f: TerminFilters = {};
  if (params.get("zeit") === "vergangen") f.past = true;
  const feld = params.get("feld");
  if (feld && feld in HANDLUNGSFELDER) f.feld = feld as Handlungsfeld;
  return f;
}

/** The event has this Handlungsfeld (a value, or a placeholder in a prepared statement). */
const feldFilter = (feld?: Handlungsfeld | Placeholder) => (feld ? sql`exists (select 1 from json_each(${termine.handlungsfelder}) where value = ${feld})` : undefined);

/**
 * Upcoming events (not yet ended), soonest first; or past events, latest first. An event without an end counts
 * as running until its start + 1 hour.
 */
export function listTermine(db: Executor, opts: { now?: Date; past?: boolean; feld?: Handlungsfeld; limit?: number; offset?: number } = {}) {
  const now = (opts.now ?? new Date()).getTime();
  // Prepared once per shape (past or upcoming, with or without Handlungsfeld): the start page asks on every request.
  const stmt = preparedFor(db, `termine.list:${opts.past ? "p" : "u"}${opts.feld ? "f" : ""}`, (db) => {
    const endOf = sql`coalesce(${termine.ende}, ${termine.beginn} + 3600000)`;
    const at = sql.placeholder("now");
    const when = opts.past ? sql`${endOf} <= ${at}` : sql`${endOf} > ${at}`;
    return db
      .select(columns)
      .from(termine)
      .leftJoin(cities, eq(cities.id, termine.cityId))
      .where(and(when, feldFilter(opts.feld ? sql.placeholder("feld") : undefined)))
      .orderBy(opts.past ? desc(termine.beginn) : asc(termine.beginn), asc(termine.id))
      .limit(sql.placeholder("limit"))
      .offset(sql.placeholder("offset"))
      .prepare();
  });
  return stmt.all({ now, limit: opts.limit ?? 50, offset: opts.offset ?? 0, ...(opts.feld ? { feld: opts.feld } : {}) });
}

export function countTermine(db: Executor, opts: { now?: Date; past?: boolean; feld?: Handlungsfeld } = {}) {
  const now = (opts.now ?? new Date()).getTime();
  const endOf = sql`coalesce(${termine.ende}, ${termine.beginn} + 3600000)`;
  const when = opts.past ? sql`${endOf} <= ${now}` : sql`${endOf} > ${now}`;
  return db.select({ n: sql<number>`count(*)` }).from(termine).where(and(when, feldFilter(opts.feld))).get()?.n ?? 0;
}

/** For the calendar feed: events from 365 days ago on, at most 1000. */
export function listTermineForFeed(db: Executor, opts: { now?: Date; feld?: Handlungsfeld } = {}) {
  const from = (opts.now ?? new Date()).getTime() - 365 * 86_400_000;
  return db
    .select(columns)
    .from(termine)
    .leftJoin(cities, eq(cities.id, termine.cityId))
    .where(and(gte(termine.beginn, new Date(from)), feldFilter(opts.feld)))
    .orderBy(asc(termine.beginn), asc(termine.id))
    .limit(1000)
    .all();
}

export function getTermin(db: Executor, id: number) {
  if (!Number.isSafeInteger(id) || id <= 0) return null;
  return db.select(columns).from(termine).leftJoin(cities, eq(cities.id, termine.cityId)).where(eq(termine.id, id)).get() ?? null;
}

/**
 * Creates an event. The same event sent twice by the same person within 10 minutes (double click, resent form)
 * is stored once: the existing id is returned.
 */
export function createTermin(db: DB, viewer: NonNullable<Viewer>, input: TerminInput): { id: number; duplicate: boolean } {
  if (!can(viewer, "termin.create")) throw new Response("Keine Berechtigung.", { status: 403 });
  if (viewer.role === "koordination" && input.cityId !== viewer.cityId) throw new Response("Koordination legt nur Termine der eigenen Stadt an.", { status: 403 });
  return db.transaction(
    (tx) => {
      const dup = tx
        .select({ id: termine.id })
        .from(termine)
        .where(
          and(
            eq(termine.createdById, viewer.id),
            eq(termine.titel, input.titel),
            eq(termine.beginn, input.beginn),
            input.cityId == null ? isNull(termine.cityId) : eq(termine.cityId, input.cityId),
            gt(termine.createdAt, new Date(Date.now() - 10 * 60_000)),
          ),
        )
        .get();
      if (dup) return { id: dup.id, duplicate: true };
      const row = tx
        .insert(termine)
        .values({ ...input, createdById: viewer.id })
        .returning({ id: termine.id })
        .get();
      audit(tx, { actorId: viewer.id, action: "termin.create", entityType: "termin", entityId: row.id });
      aboEntryChanged(tx, { liste: "termine", key: String(row.id), version: 1, actorId: viewer.id });
      return { id: row.id, duplicate: false };
    },
    { behavior: "immediate" },
  );
}

export function updateTermin(db: DB, viewer: NonNullable<Viewer>, id: number, input: TerminInput) {
  return db.transaction(
    (tx) => {
      const existing = tx.select({ cityId: termine.cityId }).from(termine).where(eq(termine.id, id)).get();
      if (!existing) throw new Response("Diesen Termin gibt es nicht.", { status: 404 });
      if (!can(viewer, "termin.edit", { cityId: existing.cityId })) throw new Response("Keine Berechtigung.", { status: 403 });
      // A coordinator cannot move an event to another city.
      const cityId = viewer.role === "koordination" ? existing.cityId : input.cityId;
      tx.update(termine)
        .set({ ...input, cityId, updatedAt: new Date() })
        .where(eq(termine.id, id))
        .run();
      audit(tx, { actorId: viewer.id, action: "termin.update", entityType: "termin", entityId: id });
      aboEntryChanged(tx, { liste: "termine", key: String(id), version: Date.now(), actorId: viewer.id });
    },
    { behavior: "immediate" },
  );
}

