// Forderungen und nächste Schritte (issue 19): the demands of the six Lösungsszenarien, their status and history.
//
// Status changes: Redaktion and coordinators propose; a Redaktion proposal is confirmed at once (Redaktion is
// the confirming body), a coordinator's proposal waits (`vorgeschlagen`) until Redaktion confirms or rejects
// it. Only confirmed changes appear in the history, the current status and the Atom feed.
import { and, asc, desc, eq, inArray, isNotNull, sql } from "drizzle-orm";
import { forderungen, forderungStatusChanges, users } from "../../db/schema/index";
import type { ForderungFrontmatter } from "~/services/content/forderungen.server";
import type { DB, Executor } from "~/services/db.server";
import { audit } from "~/services/audit.server";
import { kickMailDelivery } from "~/services/mail.server";
import { notify } from "./notification.server";
import { can, type Viewer } from "~/services/permissions";
import { FORDERUNG_STATUS, type ForderungStatus } from "~/components/forderungen/labels";
import { EBENEN, HANDLUNGSFELDER, type Ebene, type Handlungsfeld } from "~/utils/taxonomy";
import { aboEntryChanged } from "./abo-outbox.server";

export const FORDERUNG_LICENCE = {
  kennung: "dl-de/by-2-0",
  name: "Datenlizenz Deutschland – Namensnennung – Version 2.0",
  url: "https://www.govdata.de/dl-de/by-2-0",
  namensnennung: "Städtenetz Südosteuropa – Forderungen und nächste Schritte",
} as const;
export const FORDERUNG_SCHEMA_VERSION = "1.0";

const IMPORT_AUTHOR = "Redaktion (Ersterfassung aus dem Handlungsrahmen)";

// ---------------------------------------------------------------------------------------------- import

/** Upserts the demands of one content file and rewrites their imported history. Idempotent by file hash. */
export function importForderungFile(
  db: Executor,
  input: { slug: string; data: ForderungFrontmatter; body: string; sourceHash: string },
): { outcome: "created" | "updated" | "unchanged"; message?: string } {
  const { slug: datei, data, sourceHash } = input;
  const existing = db.select({ id: forderungen.id, slug: forderungen.slug, importHash: forderungen.importHash }).from(forderungen).where(eq(forderungen.datei, datei)).all();
  const bySlug = new Map(existing.map((e) => [e.slug, e.importHash]));
  if (data.forderungen.every((f) => bySlug.get(f.slug) === sourceHash)) return { outcome: "unchanged" };
  // A slug may not move silently from another file.
  const slugs = data.forderungen.map((f) => f.slug);
  const elsewhere = db.select({ slug: forderungen.slug, datei: forderungen.datei }).from(forderungen).where(inArray(forderungen.slug, slugs)).all().filter((r) => r.datei !== datei);
  if (elsewhere.length) throw new Error(`Slug bereits in ${elsewhere[0].datei}.md vergeben: ${elsewhere[0].slug}`);
  data.forderungen.forEach((f, i) => {
    const values = {
      datei,
      sort: i,
      loesungsszenario: data.loesungsszenario,
      artikel: data.artikel,
      ebene: f.ebene,
      stelle: f.stelle,
      titel: f.titel,
      text: f.text,
      handlungsfelder: f.handlungsfelder,
      quelle: f.quelle ?? data.quelle,
      importHash: sourceHash,
    };
    const row = db.select({ id: forderungen.id }).from(forderungen).where(eq(forderungen.slug, f.slug)).get();
    const before = row ? followedState(db, row.id) : null;
    const id = row
      ? (db.update(forderungen).set({ ...values, updatedAt: new Date() }).where(eq(forderungen.id, row.id)).run(), row.id)
      : db.insert(forderungen).values({ slug: f.slug, ...values }).returning({ id: forderungen.id }).get().id;
    db.delete(forderungStatusChanges).where(and(eq(forderungStatusChanges.forderungId, id), eq(forderungStatusChanges.source, "import"))).run();
    for (const v of f.verlauf) {
      db.insert(forderungStatusChanges)
        .values({ forderungId: id, status: v.status, datum: v.datum, nachweis: v.nachweis, nachweisUrl: v.url ?? null, source: "import", state: "bestaetigt", authorLabel: IMPORT_AUTHOR, decidedAt: new Date(`${v.datum}T12:00:00Z`) })
        .run();
    }
    refreshStatus(db, id);
    // Followers hear of a demand only when what they see of it changed: an edit elsewhere in the file is no news.
    if (before === null || before !== followedState(db, id)) aboEntryChanged(db, { liste: "forderungen", key: f.slug, version: row ? Date.now() : 1, actorId: null });
  });
  // Demands removed from the file keep their history but leave the file's set (they are not deleted: history is evidence).
  return { outcome: existing.length ? "updated" : "created" };
}

/** What a follower of /forderungen sees of one demand, as one comparable string (text, level, fields, status, history). */
function followedState(db: Executor, id: number): string {
  const f = db
    .select({ titel: forderungen.titel, text: forderungen.text, ebene: forderungen.ebene, stelle: forderungen.stelle, handlungsfelder: forderungen.handlungsfelder, quelle: forderungen.quelle, status: forderungen.status, statusDatum: forderungen.statusDatum })
    .from(forderungen)
    .where(eq(forderungen.id, id))
    .get();
  const history = db
    .select({ status: forderungStatusChanges.status, datum: forderungStatusChanges.datum, nachweis: forderungStatusChanges.nachweis, url: forderungStatusChanges.nachweisUrl })
    .from(forderungStatusChanges)
    .where(and(eq(forderungStatusChanges.forderungId, id), eq(forderungStatusChanges.state, "bestaetigt")))
    .orderBy(asc(forderungStatusChanges.datum), asc(forderungStatusChanges.id))
    .all();
  return JSON.stringify([f, history]);
}

/** Recomputes the cached current status from the latest confirmed change (by date, then id). */
function refreshStatus(db: Executor, forderungId: number) {
  const latest = db
    .select({ status: forderungStatusChanges.status, datum: forderungStatusChanges.datum })
    .from(forderungStatusChanges)
    .where(and(eq(forderungStatusChanges.forderungId, forderungId), eq(forderungStatusChanges.state, "bestaetigt")))
    .orderBy(desc(forderungStatusChanges.datum), desc(forderungStatusChanges.id))
    .get();
  db.update(forderungen)
    .set({ status: latest?.status ?? "offen", statusDatum: latest?.datum ?? null })
    .where(eq(forderungen.id, forderungId))
    .run();
}

// ---------------------------------------------------------------------------------------------- read

export type ForderungFilters = { ebene?: Ebene; ls?: number; status?: ForderungStatus; feld?: Handlungsfeld };

export function parseForderungFilters(params: URLSearchParams): ForderungFilters {
  const f: ForderungFilters = {};
  const ebene = params.get("ebene");
  if (ebene && ebene in EBENEN) f.ebene = ebene as Ebene;
  const ls = Number(params.get("ls"));
  if (Number.isInteger(ls) && ls >= 1 && ls <= 6) f.ls = ls;
  const status = params.get("status");
  if (status && status in FORDERUNG_STATUS) f.status = status as ForderungStatus;
  const feld = params.get("feld");
  if (feld && feld in HANDLUNGSFELDER) f.feld = feld as Handlungsfeld;
  return f;
}

const listColumns = {
  id: forderungen.id,
  slug: forderungen.slug,
  loesungsszenario: forderungen.loesungsszenario,
  artikel: forderungen.artikel,
  ebene: forderungen.ebene,
  stelle: forderungen.stelle,
  titel: forderungen.titel,
  text: forderungen.text,
  handlungsfelder: forderungen.handlungsfelder,
  quelle: forderungen.quelle,
  status: forderungen.status,
  statusDatum: forderungen.statusDatum,
};
export type ForderungListItem = { [K in keyof typeof listColumns]: (typeof forderungen.$inferSelect)[K] };

const EBENE_ORDER = Object.keys(EBENEN);

/** All demands matching the filters (the set is small: dozens, not thousands), in a stable order. */
export function listForderungen(db: Executor, filters: ForderungFilters = {}): ForderungListItem[] {
  const where = [];
  if (filters.ebene) where.push(eq(forderungen.ebene, filters.ebene));
  if (filters.ls) where.push(eq(forderungen.loesungsszenario, filters.ls));
  if (filters.status) where.push(eq(forderungen.status, filters.status));
  if (filters.feld) where.push(sql`exists (select 1 from json_each(${forderungen.handlungsfelder}) where value = ${filters.feld})`);
  const rows = db
    .select(listColumns)
    .from(forderungen)
    .where(where.length ? and(...where) : undefined)
    .orderBy(asc(forderungen.loesungsszenario), asc(forderungen.sort), asc(forderungen.id))
    .all();
  return rows;
}

export function sortByEbene<T extends { ebene: string; loesungsszenario: number }>(rows: T[]): T[] {
  return [...rows].sort((a, b) => EBENE_ORDER.indexOf(a.ebene) - EBENE_ORDER.indexOf(b.ebene) || a.loesungsszenario - b.loesungsszenario);
}

/** Counts per facet value for the whole set (ignoring the facet's own filter, so other values stay reachable). */
export function forderungFacets(db: Executor, filters: ForderungFilters) {
  const count = <K extends string>(key: keyof ForderungFilters, pick: (r: ForderungListItem) => K[]) => {
    const rest = { ...filters, [key]: undefined };
    const counts: Record<string, number> = {};
    for (const r of listForderungen(db, rest)) for (const k of pick(r)) counts[k] = (counts[k] ?? 0) + 1;
    return counts;
  };
  return {
    ebene: count("ebene", (r) => [r.ebene]),
    ls: count("ls", (r) => [String(r.loesungsszenario)]),
    status: count("status", (r) => [r.status]),
    feld: count("feld", (r) => r.handlungsfelder),
  };
}

export function getForderung(db: Executor, slug: string) {
  return db.select(listColumns).from(forderungen).where(eq(forderungen.slug, slug)).get() ?? null;
}

const changeColumns = {
  id: forderungStatusChanges.id,
  status: forderungStatusChanges.status,
  datum: forderungStatusChanges.datum,
  nachweis: forderungStatusChanges.nachweis,
  nachweisUrl: forderungStatusChanges.nachweisUrl,
  begruendung: forderungStatusChanges.begruendung,
  state: forderungStatusChanges.state,
  source: forderungStatusChanges.source,
  authorLabel: forderungStatusChanges.authorLabel,
  authorName: users.name,
  decidedAt: forderungStatusChanges.decidedAt,
  createdAt: forderungStatusChanges.createdAt,
};

/** Confirmed history, newest first. Author = the user's display name, or the import label. */
export function listHistory(db: Executor, forderungId: number) {
  return db
    .select(changeColumns)
    .from(forderungStatusChanges)
    .leftJoin(users, eq(users.id, forderungStatusChanges.authorId))
    .where(and(eq(forderungStatusChanges.forderungId, forderungId), eq(forderungStatusChanges.state, "bestaetigt")))
    .orderBy(desc(forderungStatusChanges.datum), desc(forderungStatusChanges.id))
    .all()
    .map(withAuthor);
}

function withAuthor<T extends { authorName: string | null; authorLabel: string | null }>(r: T) {
  return { ...r, author: r.authorName ?? r.authorLabel ?? "unbekannt" };
}

/** Open proposals: all of them for Redaktion; for a coordinator only their own (so they see what waits). */
export function listProposals(db: Executor, viewer: Viewer, opts: { forderungId?: number } = {}) {
  if (!viewer) return [];
  const mine = !can(viewer, "forderung.decide");
  const where = [eq(forderungStatusChanges.state, "vorgeschlagen")];
  if (opts.forderungId) where.push(eq(forderungStatusChanges.forderungId, opts.forderungId));
  if (mine) where.push(eq(forderungStatusChanges.authorId, viewer.id));
  return db
    .select({ ...changeColumns, forderungSlug: forderungen.slug, forderungTitel: forderungen.titel, forderungStatus: forderungen.status })
    .from(forderungStatusChanges)
    .innerJoin(forderungen, eq(forderungen.id, forderungStatusChanges.forderungId))
    .leftJoin(users, eq(users.id, forderungStatusChanges.authorId))
    .where(and(...where))
    .orderBy(asc(forderungStatusChanges.createdAt), asc(forderungStatusChanges.id))
    .all()
    .map(withAuthor);
}

/** Confirmed changes across all demands, newest confirmation first (Atom feed). */
export function listRecentChanges(db: Executor, limit = 50) {
  return db
    .select({ ...changeColumns, forderungSlug: forderungen.slug, forderungTitel: forderungen.titel, ebene: forderungen.ebene })
    .from(forderungStatusChanges)
    .innerJoin(forderungen, eq(forderungen.id, forderungStatusChanges.forderungId))
    .leftJoin(users, eq(users.id, forderungStatusChanges.authorId))
    .where(and(eq(forderungStatusChanges.state, "bestaetigt"), isNotNull(forderungStatusChanges.decidedAt)))
    .orderBy(desc(forderungStatusChanges.decidedAt), desc(forderungStatusChanges.id))
    .limit(limit)
    .all()
    .map(withAuthor);
}

// ---------------------------------------------------------------------------------------------- write

export type ProposalInput = { status: ForderungStatus; datum: string; nachweis: string; nachweisUrl: string | null; begruendung: string | null };

/**
 * A status change proposed by a coordinator or Redaktion. Redaktion's own change is confirmed at once.
 * A second identical open proposal by the same person (double click, resent form) is not stored twice.
 */
export function proposeStatusChange(db: DB, viewer: NonNullable<Viewer>, forderungId: number, input: ProposalInput): { id: number; state: "vorgeschlagen" | "bestaetigt"; duplicate: boolean } {
  if (!can(viewer, "forderung.propose")) throw new Response("Keine Berechtigung.", { status: 403 });
  const direct = can(viewer, "forderung.decide");
  const result = db.transaction(
    (tx) => {
      const dup = tx
        .select({ id: forderungStatusChanges.id, state: forderungStatusChanges.state })
        .from(forderungStatusChanges)
        .where(
          and(
            eq(forderungStatusChanges.forderungId, forderungId),
            eq(forderungStatusChanges.authorId, viewer.id),
            eq(forderungStatusChanges.status, input.status),
            eq(forderungStatusChanges.datum, input.datum),
            eq(forderungStatusChanges.nachweis, input.nachweis),
            inArray(forderungStatusChanges.state, ["vorgeschlagen", "bestaetigt"]),
          ),
        )
        .get();
      if (dup) return { id: dup.id, state: dup.state as "vorgeschlagen" | "bestaetigt", duplicate: true };
      const now = new Date();
      const row = tx
        .insert(forderungStatusChanges)
        .values({
          forderungId,
          status: input.status,
          datum: input.datum,
          nachweis: input.nachweis,
          nachweisUrl: input.nachweisUrl,
          begruendung: input.begruendung,
          source: "web",
          state: direct ? "bestaetigt" : "vorgeschlagen",
          authorId: viewer.id,
          decidedById: direct ? viewer.id : null,
          decidedAt: direct ? now : null,
        })
        .returning({ id: forderungStatusChanges.id })
        .get();
      if (direct) {
        refreshStatus(tx, forderungId);
        const slug = tx.select({ slug: forderungen.slug }).from(forderungen).where(eq(forderungen.id, forderungId)).get()?.slug;
        if (slug) aboEntryChanged(tx, { liste: "forderungen", key: slug, version: row.id, actorId: viewer.id });
      }
      else {
        // Redaktion hears about the proposal (in-site + mail per preference), so it does not wait unseen.
        const editors = tx.select({ id: users.id }).from(users).where(eq(users.role, "redaktion")).all().map((u) => u.id);
        const titel = tx.select({ titel: forderungen.titel }).from(forderungen).where(eq(forderungen.id, forderungId)).get()?.titel ?? "";
        notify(tx, editors, { kind: "vorschlag", topicId: null, actorId: viewer.id, message: `Statusvorschlag zur Forderung „${titel}“: ${FORDERUNG_STATUS[input.status]}`, url: "/forderungen/vorschlaege" });
      }
      audit(tx, { actorId: viewer.id, action: direct ? "forderung.status" : "forderung.propose", entityType: "forderung", entityId: forderungId, detail: { change: row.id, status: input.status } });
      return { id: row.id, state: direct ? ("bestaetigt" as const) : ("vorgeschlagen" as const), duplicate: false };
    },
    { behavior: "immediate" },
  );
  if (!result.duplicate && result.state === "vorgeschlagen") kickMailDelivery(db);
  return result;
}

/** Redaktion confirms or rejects an open proposal. Deciding twice (double click) changes nothing. */
export function decideProposal(db: DB, viewer: NonNullable<Viewer>, changeId: number, decision: "bestaetigt" | "abgelehnt", note: string | null): { ok: boolean; forderungSlug: string | null } {
  if (!can(viewer, "forderung.decide")) throw new Response("Keine Berechtigung.", { status: 403 });
  const outcome = db.transaction(
    (tx) => {
      const row = tx
        .select({ id: forderungStatusChanges.id, state: forderungStatusChanges.state, forderungId: forderungStatusChanges.forderungId, authorId: forderungStatusChanges.authorId, slug: forderungen.slug, titel: forderungen.titel })
        .from(forderungStatusChanges)
        .innerJoin(forderungen, eq(forderungen.id, forderungStatusChanges.forderungId))
        .where(eq(forderungStatusChanges.id, changeId))
        .get();
      if (!row) return { ok: false, forderungSlug: null };
      if (row.state !== "vorgeschlagen") return { ok: false, forderungSlug: row.slug };
      tx.update(forderungStatusChanges).set({ state: decision, decidedById: viewer.id, decidedAt: new Date(), decisionNote: note }).where(eq(forderungStatusChanges.id, changeId)).run();
      if (decision === "bestaetigt") {
        refreshStatus(tx, row.forderungId);
        aboEntryChanged(tx, { liste: "forderungen", key: row.slug, version: changeId, actorId: viewer.id });
      }
      if (row.authorId)
        notify(tx, [row.authorId], {
          kind: "vorschlag",
          topicId: null,
          actorId: viewer.id,
          message: `Ihr Statusvorschlag zur Forderung „${row.titel}“ wurde ${decision === "bestaetigt" ? "bestätigt" : "abgelehnt"}.`,
          url: `/forderungen/${row.slug}`,
        });
      audit(tx, { actorId: viewer.id, action: decision === "bestaetigt" ? "forderung.confirm" : "forderung.reject", entityType: "forderung", entityId: row.forderungId, detail: { change: changeId } });
      return { ok: true, forderungSlug: row.slug };
    },
    { behavior: "immediate" },
  );
  if (outcome.ok) kickMailDelivery(db);
  return outcome;
}

// ---------------------------------------------------------------------------------------------- export

export function exportForderungen(db: Executor, filters: ForderungFilters, publicUrl: string) {
  const base = publicUrl.replace(/\/$/, "");
  const rows = listForderungen(db, filters);
  const ids = rows.map((r) => r.id);
  const history = ids.length
    ? db
        .select({ forderungId: forderungStatusChanges.forderungId, status: forderungStatusChanges.status, datum: forderungStatusChanges.datum, nachweis: forderungStatusChanges.nachweis, nachweisUrl: forderungStatusChanges.nachweisUrl })
        .from(forderungStatusChanges)
        .where(and(inArray(forderungStatusChanges.forderungId, ids), eq(forderungStatusChanges.state, "bestaetigt")))
        .orderBy(asc(forderungStatusChanges.datum), asc(forderungStatusChanges.id))
        .all()
    : [];
  const abs = (u: string | null) => (u && u.startsWith("/") ? `${base}${u}` : u);
  return rows.map((r) => ({
    slug: r.slug,
    titel: r.titel,
    loesungsszenario: r.loesungsszenario,
    ebene: r.ebene,
    stelle: r.stelle,
    text: r.text,
    handlungsfelder: r.handlungsfelder,
    quelle: r.quelle,
    status: r.status,
    status_seit: r.statusDatum,
    stand_bekannt: r.statusDatum != null,
    verlauf: history.filter((h) => h.forderungId === r.id).map((h) => ({ status: h.status, datum: h.datum, nachweis: h.nachweis, url: abs(h.nachweisUrl) })),
    url: `${base}/forderungen/${r.slug}`,
    artikel_url: `${base}/wissen/${r.artikel}`,
  }));
}
