// Funding programmes (Förderwegweiser): read queries, import upsert and web edits. Every write keeps the
// deadlines, the revision history and the search document in step, inside the caller's transaction.
import { and, asc, eq, gte, inArray, like, lt, lte, sql } from "drizzle-orm";
import { programmeDeadlines, programmes } from "../../db/schema/index";
import type { Executor } from "~/services/db.server";
import { markdownToText, renderMarkdown } from "~/services/markdown.server";
import { upsertSearchDocs } from "~/services/search/documents.server";
import type { ProgrammeFrontmatter } from "~/services/content/frontmatter";
import { wikiResolver } from "./article.server";
import { recordRevision } from "./revision.server";
import { aboEntryChanged } from "./abo-outbox.server";
import type { FacetProgramme } from "~/utils/programme-facets";
import { effectivePruefenBis } from "~/utils/review";
import { preparedFor } from "./prepared.server";

/** Owner / deputy of a programme (Redaktion users; null = the team). `undefined` leaves the stored value. */
export type ProgrammeOwners = { ownerId?: string | null; deputyId?: string | null };
function ownerColumns(o: ProgrammeOwners | undefined) {
  return {
    ...(o?.ownerId !== undefined ? { ownerId: o.ownerId } : {}),
    ...(o?.deputyId !== undefined ? { deputyId: o.deputyId } : {}),
  };
}

export type ProgrammeRow = typeof programmes.$inferSelect;
export type Deadline = { bezeichnung: string; datum: string };
export type Programme = ProgrammeRow & { fristen: Deadline[] };

/** Programme slugs created during the current import run (their links in earlier files are re-rendered in `finish`). */
const createdThisRun = new Set<string>();

/** `[[slug]]`: a programme → /foerderung/slug; else a published article (Wissen's resolver); else missing. */
function resolveLinks(db: Executor) {
  const article = wikiResolver(db);
  return (slug: string) => {
    const p = db.select({ title: programmes.kurz }).from(programmes).where(eq(programmes.slug, slug)).get();
    if (p) return { url: `/foerderung/${slug}`, title: p.title };
    return article(slug);
  };
}

export function renderProgrammeBody(db: Executor, body: string) {
  const r = renderMarkdown(body, { resolveWikiLink: resolveLinks(db), headingAnchors: true });
  return { html: r.html, missingLinks: r.missingLinks };
}
export function cookProgrammeBody(db: Executor, body: string) {
  return renderProgrammeBody(db, body).html;
}

/** Snapshot of the metadata for revisions (everything except the body). */
function metaOf(d: ProgrammeFrontmatter): Record<string, unknown> {
  return {
    title: d.title,
    kurz: d.kurz,
    fonds: d.fonds,
    geber: d.geber,
    ebene: d.ebene,
    antragsberechtigt: d.antragsberechtigt,
    handlungsfelder: d.handlungsfelder,
    foerderquote: d.foerderquote ?? null,
    eigenanteil: d.eigenanteil ?? null,
    kofinanzierung: d.kofinanzierung || null,
    ausschluss: d.ausschluss ?? [],
    fristen: d.fristen ?? [],
    laufzeit_von: d.laufzeit_von ?? null,
    laufzeit_bis: d.laufzeit_bis ?? null,
    url: d.url ?? null,
    status: d.status,
    summary: d.summary,
    stand: d.stand ?? null,
    pruefen_bis: d.pruefen_bis ?? null,
    quellen: d.quellen ?? [],
  };
}

function columnsOf(d: ProgrammeFrontmatter) {
  return {
    title: d.title,
    kurz: d.kurz,
    fonds: d.fonds,
    geber: d.geber,
    ebene: d.ebene,
    antragsberechtigt: d.antragsberechtigt,
    handlungsfelder: d.handlungsfelder,
    foerderquote: d.foerderquote ?? null,
    eigenanteil: d.eigenanteil ?? null,
    kofinanzierung: d.kofinanzierung || null,
    ausschluss: d.ausschluss ?? [],
    laufzeitVon: d.laufzeit_von ?? null,
    laufzeitBis: d.laufzeit_bis ?? null,
    url: d.url ?? null,
    status: d.status,
    summary: d.summary,
    stand: d.stand ?? null,
    // A missing pruefen_bis is stand + the programme review interval (app/utils/review.ts).
    pruefenBis: effectivePruefenBis("programme", d.stand, d.pruefen_bis),
    quellen: d.quellen ?? [],
  };
}

/** Front-matter shape of a stored programme (for the edit form and revisions). */
export function toFrontmatter(p: Programme): ProgrammeFrontmatter {
  return {
    title: p.title,
    kurz: p.kurz,
    fonds: p.fonds,
    geber: p.geber,
    ebene: p.ebene,
    antragsberechtigt: p.antragsberechtigt as ProgrammeFrontmatter["antragsberechtigt"],
    handlungsfelder: p.handlungsfelder as ProgrammeFrontmatter["handlungsfelder"],
    foerderquote: p.foerderquote ?? undefined,
    eigenanteil: p.eigenanteil ?? undefined,
    kofinanzierung: p.kofinanzierung ?? undefined,
    ausschluss: p.ausschluss,
    fristen: p.fristen,
    laufzeit_von: p.laufzeitVon ?? undefined,
    laufzeit_bis: p.laufzeitBis ?? undefined,
    url: p.url ?? undefined,
    status: p.status,
    summary: p.summary,
    stand: p.stand ?? undefined,
    pruefen_bis: p.pruefenBis ?? undefined,
    quellen: p.quellen,
  };
}

function writeDeadlines(db: Executor, programmeId: number, fristen: Deadline[] | undefined) {
  db.delete(programmeDeadlines).where(eq(programmeDeadlines.programmeId, programmeId)).run();
  (fristen ?? []).forEach((f, i) =>
    db.insert(programmeDeadlines).values({ programmeId, bezeichnung: f.bezeichnung, datum: f.datum, sort: i }).run(),
  );
}

function indexProgramme(db: Executor, slug: string, d: ProgrammeFrontmatter, body: string) {
  upsertSearchDocs(db, [
    {
      id: `foerderung:${slug}`,
      typ: "foerderung",
      slug,
      url: `/foerderung/${slug}`,
      title: d.title,
      kurz: d.kurz,
      summary: d.summary,
      body: markdownToText(body, wikiResolver(db)),
      subtype: d.fonds,
      handlungsfelder: d.handlungsfelder,
      ebenen: [d.ebene],
      status: d.status,
      visibility: "public",
    },
  ]);
}

function sameContent(p: Programme, d: ProgrammeFrontmatter, body: string) {
  return JSON.stringify(metaOf(toFrontmatter(p))) === JSON.stringify(metaOf(d)) && p.body === body;
}

/**
 * Import one content file. Idempotent: the same file twice is "unchanged"; a changed file updates the
 * programme unless it was edited on the web since its last import – then it is a conflict and stays as is.
 */
export function importProgramme(
  db: Executor,
  input: { slug: string; data: ProgrammeFrontmatter; body: string; sourceHash: string; force?: boolean; owners?: ProgrammeOwners },
): { outcome: "created" | "updated" | "unchanged" | "conflict"; message?: string } {
  const { slug, data, body, sourceHash } = input;
  const owners = ownerColumns(input.owners);
  const existing = getProgramme(db, slug);
  if (!existing) {
    const cooked = cookProgrammeBody(db, body);
    const row = db
      .insert(programmes)
      .values({ slug, ...columnsOf(data), ...owners, body, cooked, importHash: sourceHash, webEditedAt: null })
      .returning({ id: programmes.id })
      .get();
    writeDeadlines(db, row.id, data.fristen);
    recordRevision(db, { entityType: "programme", entityId: row.id, authorId: null, source: "import", reason: `Import aus foerderung/${slug}.md`, body, meta: metaOf(data) });
    indexProgramme(db, slug, data, body);
    createdThisRun.add(slug);
    return { outcome: "created" };
  }
  if (existing.importHash === sourceHash) return { outcome: "unchanged" };
  if (existing.webEditedAt && !input.force) {
    if (sameContent(existing, data, body)) {
      // The file now matches the web version (e.g. exported back): adopt the hash, nothing to write.
      db.update(programmes).set({ importHash: sourceHash, webEditedAt: null, ...owners }).where(eq(programmes.id, existing.id)).run();
      return { outcome: "unchanged" };
    }
    return {
      outcome: "conflict",
      message: `im Web bearbeitet seit dem letzten Import – Datei nicht übernommen (bitte abgleichen: /foerderung/${slug}/bearbeiten)`,
    };
  }
  if (sameContent(existing, data, body)) {
    db.update(programmes).set({ importHash: sourceHash, ...owners }).where(eq(programmes.id, existing.id)).run();
    return { outcome: "unchanged" };
  }
  const cooked = cookProgrammeBody(db, body);
  db.update(programmes)
    .set({ ...columnsOf(data), ...owners, body, cooked, importHash: sourceHash, webEditedAt: null, updatedAt: new Date() })
    .where(eq(programmes.id, existing.id))
    .run();
  writeDeadlines(db, existing.id, data.fristen);
  recordRevision(db, { entityType: "programme", entityId: existing.id, authorId: null, source: "import", reason: `Import aus foerderung/${slug}.md`, body, meta: metaOf(data) });
  indexProgramme(db, slug, data, body);
  return { outcome: "updated" };
}

/**
 * After an import run: re-render programmes that link to programmes created later in the same run or that
 * still show a missing link (the target may exist now), and report the links that are still missing.
 */
export function finishProgrammeImport(db: Executor): { slug: string; target: string }[] {
  const created = [...createdThisRun];
  createdThisRun.clear();
  const missing: { slug: string; target: string }[] = [];
  let lastId = 0;
  for (;;) {
    const batch = db
      .select({ id: programmes.id, slug: programmes.slug, body: programmes.body, cooked: programmes.cooked })
      .from(programmes)
      .where(and(sql`${programmes.id} > ${lastId}`, like(programmes.body, "%[[%")))
      .orderBy(asc(programmes.id))
      .limit(500)
      .all();
    if (batch.length === 0) break;
    for (const p of batch) {
      if (p.cooked.includes("link-missing") || created.some((s) => p.body.includes(`[[${s}`))) {
        const r = renderProgrammeBody(db, p.body);
        if (r.html !== p.cooked) db.update(programmes).set({ cooked: r.html }).where(eq(programmes.id, p.id)).run();
        for (const target of r.missingLinks) missing.push({ slug: p.slug, target });
      }
    }
    lastId = batch[batch.length - 1].id;
  }
  return missing;
}

/** Create or update a programme from the web editor (Redaktion). Returns the slug. */
export function saveProgramme(
  db: Executor,
  input: {
    slug: string;
    data: ProgrammeFrontmatter;
    body: string;
    authorId: string;
    reason: string;
    create: boolean;
    source?: "web" | "restore";
    owners?: ProgrammeOwners;
  },
) {
  const { slug, data, body, authorId, reason } = input;
  const owners = ownerColumns(input.owners);
  const cooked = cookProgrammeBody(db, body);
  let id: number;
  if (input.create) {
    id = db
      .insert(programmes)
      .values({ slug, ...columnsOf(data), ...owners, body, cooked, importHash: null, webEditedAt: new Date() })
      .returning({ id: programmes.id })
      .get().id;
  } else {
    const existing = db.select({ id: programmes.id }).from(programmes).where(eq(programmes.slug, slug)).get();
    if (!existing) throw new Error(`programme ${slug} not found`);
    id = existing.id;
    db.update(programmes)
      .set({ ...columnsOf(data), ...owners, body, cooked, webEditedAt: new Date(), updatedAt: new Date() })
      .where(eq(programmes.id, id))
      .run();
  }
  writeDeadlines(db, id, data.fristen);
  const version = recordRevision(db, { entityType: "programme", entityId: id, authorId, source: input.source ?? "web", reason, body, meta: metaOf(data) });
  indexProgramme(db, slug, data, body);
  aboEntryChanged(db, { liste: "foerderung", key: slug, version, actorId: authorId });
  return { id, version };
}

export function programmeSlugExists(db: Executor, slug: string) {
  return !!db.select({ id: programmes.id }).from(programmes).where(eq(programmes.slug, slug)).get();
}

export function getProgramme(db: Executor, slug: string): Programme | null {
  const p = db.select().from(programmes).where(eq(programmes.slug, slug)).get();
  if (!p) return null;
  const fristen = db
    .select({ bezeichnung: programmeDeadlines.bezeichnung, datum: programmeDeadlines.datum })
    .from(programmeDeadlines)
    .where(eq(programmeDeadlines.programmeId, p.id))
    .orderBy(asc(programmeDeadlines.datum), asc(programmeDeadlines.sort))
    .all();
  return { ...p, fristen };
}

/**
 * All programmes with the fields the list, facets and finder need (no body). A state's funding guide holds
 * tens to a few hundred programmes, so facets are computed in memory by the pure functions in
 * app/utils/programme-facets.ts and app/utils/finder.ts.
 */
export function listProgrammeSummaries(db: Executor): FacetProgramme[] {
  const st = preparedFor(db, "programme.summaries", (db) => ({
    rows: db
      .select({
        id: programmes.id,
        slug: programmes.slug,
        title: programmes.title,
        kurz: programmes.kurz,
        fonds: programmes.fonds,
        geber: programmes.geber,
        ebene: programmes.ebene,
        antragsberechtigt: programmes.antragsberechtigt,
        handlungsfelder: programmes.handlungsfelder,
        foerderquote: programmes.foerderquote,
        eigenanteil: programmes.eigenanteil,
        kofinanzierung: programmes.kofinanzierung,
        laufzeitVon: programmes.laufzeitVon,
        laufzeitBis: programmes.laufzeitBis,
        status: programmes.status,
        summary: programmes.summary,
        stand: programmes.stand,
        pruefenBis: programmes.pruefenBis,
      })
      .from(programmes)
      .orderBy(asc(programmes.title))
      .prepare(),
    deadlines: db
      .select({ programmeId: programmeDeadlines.programmeId, bezeichnung: programmeDeadlines.bezeichnung, datum: programmeDeadlines.datum })
      .from(programmeDeadlines)
      .orderBy(asc(programmeDeadlines.datum), asc(programmeDeadlines.sort))
      .prepare(),
  }));
  const rows = st.rows.all();
  const deadlines = st.deadlines.all();
  const byId = new Map<number, Deadline[]>();
  for (const d of deadlines) {
    const l = byId.get(d.programmeId) ?? [];
    l.push({ bezeichnung: d.bezeichnung, datum: d.datum });
    byId.set(d.programmeId, l);
  }
  return rows.map(({ id, ...r }) => ({ ...r, fristen: byId.get(id) ?? [] }));
}

export type UpcomingDeadline = { slug: string; title: string; kurz: string; fonds: string; bezeichnung: string; datum: string; url: string | null };

/** Deadlines from `from` (inclusive), optionally up to `until`, filtered by fund and Handlungsfeld. */
export function listUpcomingDeadlines(
  db: Executor,
  opts: { from: string; until?: string; fonds?: string[]; feld?: string[]; slug?: string; limit?: number },
): UpcomingDeadline[] {
  // Prepared once per shape (which filters are present, how many Fonds): the start page and the deadline
  // lists ask this on every request.
  // distinct values: `?fonds=esf&fonds=esf…` from the calendar URL must not make a new shape per repetition
  const fonds = [...new Set(opts.fonds ?? [])] as ProgrammeRow["fonds"][];
  const shape = `programme.deadlines:${opts.until ? "u" : ""}${opts.slug ? "s" : ""}:${fonds.length}`;
  const stmt = preparedFor(db, shape, (db) => {
    const conds = [gte(programmeDeadlines.datum, sql.placeholder("from"))];
    if (opts.until) conds.push(lte(programmeDeadlines.datum, sql.placeholder("until")));
    if (fonds.length) conds.push(inArray(programmes.fonds, fonds.map((_, i) => sql.placeholder(`fonds${i}`))));
    if (opts.slug) conds.push(eq(programmes.slug, sql.placeholder("slug")));
    return db
      .select({
        slug: programmes.slug,
        title: programmes.title,
        kurz: programmes.kurz,
        fonds: programmes.fonds,
        handlungsfelder: programmes.handlungsfelder,
        bezeichnung: programmeDeadlines.bezeichnung,
        datum: programmeDeadlines.datum,
        url: programmes.url,
      })
      .from(programmeDeadlines)
      .innerJoin(programmes, eq(programmes.id, programmeDeadlines.programmeId))
      .where(and(...conds))
      .orderBy(asc(programmeDeadlines.datum), asc(programmes.title), asc(programmeDeadlines.sort))
      .prepare();
  });
  const rows = stmt.all({
    from: opts.from,
    ...(opts.until ? { until: opts.until } : {}),
    ...(opts.slug ? { slug: opts.slug } : {}),
    ...Object.fromEntries(fonds.map((f, i) => [`fonds${i}`, f])),
  });
  const felder = opts.feld?.filter(Boolean) ?? [];
  const filtered = felder.length ? rows.filter((r) => r.handlungsfelder.some((h) => felder.includes(h))) : rows;
  return filtered.slice(0, opts.limit ?? filtered.length).map(({ handlungsfelder: _h, ...r }) => r);
}

/** Programmes whose `pruefen_bis` has passed (review dashboard), oldest first. */
export function listStaleProgrammes(db: Executor, today: string) {
  return db
    .select({ slug: programmes.slug, title: programmes.title, status: programmes.status, stand: programmes.stand, pruefenBis: programmes.pruefenBis })
    .from(programmes)
    .where(lt(programmes.pruefenBis, today))
    .orderBy(asc(programmes.pruefenBis), asc(programmes.title))
    .all();
}
