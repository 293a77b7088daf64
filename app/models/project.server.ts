// Entwicklungsdatenbank: data access for projects (create, edit, read scoped by visibility, export, overview).
import { and, asc, desc, eq, inArray } from "drizzle-orm";
import { slugify } from "~/utils/slug";
import {
  cities,
  forumCategories,
  forumTopics,
  projectArticles,
  projectCities,
  projectFundingLines,
  projectIndicators,
  projectStatusEvents,
  projects,
  projectUpdates,
  searchDocuments,
  users,
  type Responsibility,
} from "../../db/schema/index";
import type { DB, Executor } from "~/services/db.server";
import { listCitiesWithFigures } from "./city.server";
import { visibilityFor, type Viewer } from "~/services/permissions";
import { audit } from "~/services/audit.server";
import { unknownZielSlugs } from "~/models/ziel.server";
import { recordRevision } from "~/models/revision.server";
import { upsertSearchDocs } from "~/services/search/documents.server";
import { PROJECT_STATUS, type ProjectStatus, type ProjectSort } from "~/components/projekte/labels";
import { EBENEN, FONDS, HANDLUNGSFELDER, type Fonds } from "~/utils/taxonomy";
import { suggestPartners, type MatchCity } from "~/utils/partner-match";
import { aboEntryChanged } from "./abo-outbox.server";
import { askForRatings } from "./rating.server";
import { syncDiscussionVisibility } from "./project-exchange.server";
import { preparedFor } from "./prepared.server";

export type FundingLineInput = { programmeSlug: string | null; programmeName: string; fonds: Fonds | null; amount: number; ownShare: number; cofinancing: string };
export type IndicatorInput = {
  name: string;
  unit: string;
  baseline: number | null;
  baselineDate: string | null;
  target: number | null;
  targetDate: string | null;
  current: number | null;
  currentDate: string | null;
  /** shared target (/ziele) this indicator reports to; must exist (checked in writeChildren) */
  zielSlug?: string | null;
};
export type ProjectInput = {
  title: string;
  summary: string;
  leadCityId: number;
  partnerCityIds: number[];
  status: ProjectStatus;
  statusDate: string;
  statusNote: string;
  handlungsfelder: string[];
  zielgruppen: string[];
  problem: string;
  approach: string;
  worked: string;
  failed: string;
  failureReasons: string;
  responsibilities: Responsibility[];
  nextSteps: string;
  budget: number | null;
  startDate: string | null;
  endDate: string | null;
  contactRole: string;
  visibility: "public" | "members";
  seeksPartners: boolean;
  overBudgetConfirmed: boolean;
  fundingLines: FundingLineInput[];
  indicators: IndicatorInput[];
  articleSlugs: string[];
};

export type ProjectFilters = {
  stadt?: string;
  status?: string;
  feld?: string;
  fonds?: string;
  programm?: string;
  von?: number;
  bis?: number;
  partner?: boolean;
};

const RESERVED_SLUGS = new Set(["neu", "export", "export.csv", "export.json"]);

export const projectSlug = (title: string) => slugify(title, { maxLength: 80, fallback: "projekt" });

function uniqueSlug(db: Executor, title: string) {
  const base = projectSlug(title);
  let slug = base;
  for (let i = 2; RESERVED_SLUGS.has(slug) || db.select({ id: projects.id }).from(projects).where(eq(projects.slug, slug)).get(); i++) slug = `${base}-${i}`;
  return slug;
}

/** Covered = funding amounts + own shares; gap = budget - covered. */
export function fundingTotals(budget: number | null, lines: { amount: number; ownShare: number }[]) {
  const funding = lines.reduce((s, l) => s + l.amount, 0);
  const own = lines.reduce((s, l) => s + l.ownShare, 0);
  const covered = funding + own;
  return { funding, own, covered, gap: budget == null ? null : budget - covered };
}

function gridText(p: Pick<ProjectInput, "problem" | "approach" | "worked" | "failed" | "failureReasons" | "nextSteps" | "responsibilities">) {
  return [
    `## Problem und Ziel\n${p.problem}`,
    `## Ansatz\n${p.approach}`,
    `## Was funktioniert hat\n${p.worked}`,
    `## Was gescheitert ist\n${p.failed}`,
    `## Gründe des Scheiterns\n${p.failureReasons}`,
    `## Zuständigkeiten\n${p.responsibilities.map((r) => `- ${EBENEN[r.ebene] ?? r.ebene}: ${r.stelle}`).join("\n")}`,
    `## Nächste Schritte\n${p.nextSteps}`,
  ].join("\n\n");
}

/**
 * The project's text for the search index: only the filled-in grid fields, without the grid headings – a heading
 * such as "Was gescheitert ist" would otherwise make every project match "gescheitert" and show up in snippets.
 */
export function projectSearchText(p: Pick<ProjectInput, "problem" | "approach" | "worked" | "failed" | "failureReasons" | "nextSteps" | "responsibilities">): string {
  const zust = p.responsibilities.filter((r) => r.stelle.trim()).map((r) => `${EBENEN[r.ebene] ?? r.ebene}: ${r.stelle.trim()}`).join("; ");
  return [p.problem, p.approach, p.worked, p.failed, p.failureReasons, zust, p.nextSteps]
    .map((t) => (t ?? "").trim())
    .filter((t) => t.length > 0)
    .join("\n\n");
}

function cityMap(db: Executor) {
  const stmt = preparedFor(db, "projects.cityMap", (db) => db.select({ id: cities.id, slug: cities.slug, name: cities.name }).from(cities).prepare());
  return new Map(stmt.all().map((c) => [c.id, c]));
}

/** Rows grouped by a key, in their order. */
function groupBy<T, K>(rows: T[], key: (r: T) => K): Map<K, T[]> {
  const m = new Map<K, T[]>();
  for (const r of rows) {
    const l = m.get(key(r));
    if (l) l.push(r);
    else m.set(key(r), [r]);
  }
  return m;
}

/** Writes the project's search document (or removes it) in the caller's transaction. */
export function indexProject(db: Executor, projectId: number) {
  const p = db.select().from(projects).where(eq(projects.id, projectId)).get();
  if (!p) return;
  const cm = cityMap(db);
  const pc = db.select().from(projectCities).where(eq(projectCities.projectId, projectId)).all();
  const lead = pc.find((c) => c.role === "lead");
  const staedte = [lead, ...pc.filter((c) => c.role === "partner")].filter(Boolean).map((c) => cm.get(c!.cityId)?.slug).filter((s): s is string => !!s);
  const leadName = lead ? cm.get(lead.cityId)?.name ?? "" : "";
  upsertSearchDocs(db, [
    {
      id: `projekt:${p.slug}`,
      typ: "projekt",
      slug: p.slug,
      url: `/projekte/${p.slug}`,
      title: p.title,
      summary: p.summary,
      body: [projectSearchText(p), leadName && `Federführung: ${leadName}.`, p.contactRole && `Kontakt: ${p.contactRole}.`, p.zielgruppen.length ? `Zielgruppen: ${p.zielgruppen.join(", ")}` : ""].filter(Boolean).join("\n\n"),
      subtype: p.status,
      handlungsfelder: p.handlungsfelder,
      staedte,
      status: p.status,
      visibility: p.visibility,
      updatedAt: p.lastActivityAt,
    },
  ]);
}

function writeChildren(db: Executor, projectId: number, input: ProjectInput) {
  db.delete(projectCities).where(eq(projectCities.projectId, projectId)).run();
  db.insert(projectCities).values({ projectId, cityId: input.leadCityId, role: "lead" }).run();
  for (const cid of new Set(input.partnerCityIds)) {
    if (cid !== input.leadCityId) db.insert(projectCities).values({ projectId, cityId: cid, role: "partner" }).run();
  }
  db.delete(projectFundingLines).where(eq(projectFundingLines.projectId, projectId)).run();
  input.fundingLines.forEach((f, i) => db.insert(projectFundingLines).values({ projectId, sort: i, ...f }).run());
  db.delete(projectIndicators).where(eq(projectIndicators.projectId, projectId)).run();
  const unknown = unknownZielSlugs(db, input.indicators.map((f) => f.zielSlug));
  if (unknown.length) throw new Error(`Unbekanntes Ziel: ${unknown.join(", ")}`);
  input.indicators.forEach((f, i) => db.insert(projectIndicators).values({ projectId, sort: i, ...f }).run());
  db.delete(projectArticles).where(eq(projectArticles.projectId, projectId)).run();
  for (const slug of new Set(input.articleSlugs)) db.insert(projectArticles).values({ projectId, articleSlug: slug }).run();
}

function projectColumns(input: ProjectInput) {
  return {
    title: input.title,
    summary: input.summary,
    status: input.status,
    handlungsfelder: input.handlungsfelder,
    zielgruppen: input.zielgruppen,
    problem: input.problem,
    approach: input.approach,
    worked: input.worked,
    failed: input.failed,
    failureReasons: input.failureReasons,
    responsibilities: input.responsibilities,
    nextSteps: input.nextSteps,
    budget: input.budget,
    startDate: input.startDate,
    endDate: input.endDate,
    contactRole: input.contactRole,
    visibility: input.visibility,
    seeksPartners: input.seeksPartners,
    overBudgetConfirmed: input.overBudgetConfirmed,
  };
}

function revisionMeta(input: ProjectInput) {
  const { problem: _p, approach: _a, worked: _w, failed: _f, failureReasons: _r, nextSteps: _n, statusNote: _s, ...meta } = input;
  return meta as unknown as Record<string, unknown>;
}

export function createProject(
  db: Executor,
  actorId: string | null,
  input: ProjectInput,
  opts: { reason?: string; now?: Date; history?: { status: ProjectStatus; date: string; note: string }[] } = {},
) {
  return db.transaction((tx) => {
    const slug = uniqueSlug(tx, input.title);
    const now = opts.now ?? new Date();
    const row = tx
      .insert(projects)
      .values({ slug, ...projectColumns(input), createdBy: actorId, lastActivityAt: now, createdAt: now, updatedAt: now })
      .returning({ id: projects.id })
      .get();
    writeChildren(tx, row.id, input);
    const history = opts.history?.length ? opts.history : [{ status: input.status, date: input.statusDate, note: input.statusNote }];
    for (const e of history) tx.insert(projectStatusEvents).values({ projectId: row.id, status: e.status, date: e.date, note: e.note, authorId: actorId }).run();
    const version = recordRevision(tx, { entityType: "project", entityId: row.id, authorId: actorId, reason: opts.reason ?? "Projekt angelegt", body: gridText(input), meta: revisionMeta(input) });
    audit(tx, { actorId, action: "project.create", entityType: "project", entityId: row.id, detail: { slug } });
    indexProject(tx, row.id);
    aboEntryChanged(tx, { liste: "projekte", key: slug, version, actorId });
    return { id: row.id, slug };
  });
}

export function updateProject(db: DB, actorId: string | null, id: number, input: ProjectInput, opts: { reason?: string } = {}) {
  return db.transaction((tx) => {
    const before = tx.select({ status: projects.status, slug: projects.slug }).from(projects).where(eq(projects.id, id)).get();
    if (!before) throw new Response("Projekt nicht gefunden", { status: 404 });
    const now = new Date();
    tx.update(projects)
      .set({ ...projectColumns(input), lastActivityAt: now, updatedAt: now })
      .where(eq(projects.id, id))
      .run();
    writeChildren(tx, id, input);
    if (before.status !== input.status) {
      tx.insert(projectStatusEvents).values({ projectId: id, status: input.status, date: input.statusDate, note: input.statusNote, authorId: actorId }).run();
      askForRatings(tx, id, before.status, input.status);
    }
    syncDiscussionVisibility(tx, id);
    const version = recordRevision(tx, { entityType: "project", entityId: id, authorId: actorId, reason: opts.reason || "Projekt bearbeitet", body: gridText(input), meta: revisionMeta(input) });
    audit(tx, { actorId, action: "project.update", entityType: "project", entityId: id, detail: before.status !== input.status ? { from: before.status, to: input.status } : { status: input.status } });
    indexProject(tx, id);
    aboEntryChanged(tx, { liste: "projekte", key: before.slug, version, actorId });
    return { id, slug: before.slug };
  });
}

export function addProjectUpdate(db: DB, actor: { id: string | null; cityId: number | null }, projectId: number, body: string, now = new Date()) {
  db.transaction((tx) => {
    tx.insert(projectUpdates).values({ projectId, cityId: actor.cityId, authorId: actor.id, body, createdAt: now }).run();
    tx.update(projects).set({ lastActivityAt: now }).where(eq(projects.id, projectId)).run();
    audit(tx, { actorId: actor.id, action: "project.addUpdate", entityType: "project", entityId: projectId });
    indexProject(tx, projectId);
  });
}

/** "Partnersuche aktivieren" (Passende Städte): only the flag changes; idempotent. */
export function enablePartnerSearch(db: DB, actorId: string, projectId: number, now = new Date()): boolean {
  return db.transaction((tx) => {
    const r = tx.update(projects).set({ seeksPartners: true, lastActivityAt: now }).where(and(eq(projects.id, projectId), eq(projects.seeksPartners, false))).run();
    if (r.changes === 0) return false;
    audit(tx, { actorId, action: "project.seekPartners", entityType: "project", entityId: projectId });
    indexProject(tx, projectId);
    return true;
  });
}

// ---------------------------------------------------------------- reading

type ListRow = {
  id: number;
  slug: string;
  title: string;
  summary: string;
  status: ProjectStatus;
  handlungsfelder: string[];
  zielgruppen: string[];
  budget: number | null;
  startDate: string | null;
  endDate: string | null;
  visibility: "public" | "members";
  seeksPartners: boolean;
  lastActivityAt: Date;
  contactRole: string;
  lead: { id: number; slug: string; name: string } | null;
  partners: { id: number; slug: string; name: string }[];
  funding: { programmeSlug: string | null; programmeName: string; fonds: Fonds | null; amount: number; ownShare: number; cofinancing: string }[];
};

/**
 * The list's statements, prepared once per visibility set (decision 025): the projects, and their cities and
 * funding lines through a join on the same visibility (instead of an IN list of ids, whose length would change the
 * SQL text).
 */
function listStatements(db: Executor, visibility: ("public" | "members")[]) {
  return preparedFor(db, `projects.list:${visibility.join(",")}`, (db) => ({
    rows: db
      .select({
        id: projects.id,
        slug: projects.slug,
        title: projects.title,
        summary: projects.summary,
        status: projects.status,
        handlungsfelder: projects.handlungsfelder,
        zielgruppen: projects.zielgruppen,
        budget: projects.budget,
        startDate: projects.startDate,
        endDate: projects.endDate,
        visibility: projects.visibility,
        seeksPartners: projects.seeksPartners,
        lastActivityAt: projects.lastActivityAt,
        contactRole: projects.contactRole,
      })
      .from(projects)
      .where(inArray(projects.visibility, visibility))
      .prepare(),
    cities: db
      .select({ projectId: projectCities.projectId, cityId: projectCities.cityId, role: projectCities.role })
      .from(projectCities)
      .innerJoin(projects, eq(projects.id, projectCities.projectId))
      .where(inArray(projects.visibility, visibility))
      .prepare(),
    funding: db
      .select({
        projectId: projectFundingLines.projectId,
        programmeSlug: projectFundingLines.programmeSlug,
        programmeName: projectFundingLines.programmeName,
        fonds: projectFundingLines.fonds,
        amount: projectFundingLines.amount,
        ownShare: projectFundingLines.ownShare,
        cofinancing: projectFundingLines.cofinancing,
      })
      .from(projectFundingLines)
      .innerJoin(projects, eq(projects.id, projectFundingLines.projectId))
      .where(inArray(projects.visibility, visibility))
      .orderBy(asc(projectFundingLines.sort))
      .prepare(),
  }));
}

function loadList(db: Executor, visibility: ("public" | "members")[]): ListRow[] {
  const st = listStatements(db, visibility);
  const rows = st.rows.all();
  if (rows.length === 0) return [];
  const cm = cityMap(db);
  const citiesOf = groupBy(st.cities.all(), (c) => c.projectId);
  const fundingOf = groupBy(st.funding.all(), (f) => f.projectId);
  return rows.map((r) => {
    const mine = citiesOf.get(r.id) ?? [];
    const lead = mine.find((c) => c.role === "lead");
    return {
      ...r,
      lead: lead ? cm.get(lead.cityId) ?? null : null,
      partners: mine
        .filter((c) => c.role === "partner")
        .map((c) => cm.get(c.cityId))
        .filter((c): c is { id: number; slug: string; name: string } => !!c)
        .sort((a, b) => a.name.localeCompare(b.name, "de")),
      funding: (fundingOf.get(r.id) ?? []).map(({ projectId: _p, ...f }) => f),
    };
  });
}

function matches(p: ListRow, f: ProjectFilters) {
  if (f.stadt && p.lead?.slug !== f.stadt && !p.partners.some((c) => c.slug === f.stadt)) return false;
  if (f.status && p.status !== f.status) return false;
  if (f.feld && !p.handlungsfelder.includes(f.feld)) return false;
  if (f.fonds && !p.funding.some((l) => l.fonds === f.fonds)) return false;
  if (f.programm && !p.funding.some((l) => l.programmeSlug === f.programm)) return false;
  if (f.partner && !p.seeksPartners) return false;
  if (f.von != null || f.bis != null) {
    if (!p.startDate && !p.endDate) return false;
    const start = p.startDate ?? p.endDate!;
    const end = p.endDate ?? "9999-12-31";
    if (f.von != null && end < `${f.von}-01-01`) return false;
    if (f.bis != null && start > `${f.bis}-12-31`) return false;
  }
  return true;
}

function sortRows(rows: ListRow[], sort: ProjectSort, dir: "asc" | "desc") {
  const m = dir === "asc" ? 1 : -1;
  const key = (r: ListRow): number | string | null =>
    sort === "budget" ? r.budget : sort === "start" ? r.startDate : sort === "titel" ? r.title.toLowerCase() : r.lastActivityAt.getTime();
  return [...rows].sort((a, b) => {
    const x = key(a);
    const y = key(b);
    if (x == null && y == null) return a.title.localeCompare(b.title, "de");
    if (x == null) return 1; // empty values last in both directions
    if (y == null) return -1;
    if (x < y) return -1 * m;
    if (x > y) return 1 * m;
    return a.title.localeCompare(b.title, "de");
  });
}

/** Every project the viewer may read, unfiltered (load once, hand to listProjects and projectFacets). */
export function visibleProjects(db: Executor, viewer: Viewer) {
  return loadList(db, visibilityFor(viewer));
}

export function listProjects(
  db: Executor,
  opts: { viewer: Viewer; filters?: ProjectFilters; sort?: ProjectSort; dir?: "asc" | "desc"; publicOnly?: boolean; all?: ListRow[] },
) {
  const vis = opts.publicOnly ? (["public"] as const) : visibilityFor(opts.viewer);
  const all = opts.all && !opts.publicOnly ? opts.all : loadList(db, [...vis]);
  const filtered = all.filter((p) => matches(p, opts.filters ?? {}));
  return sortRows(filtered, opts.sort ?? "aktualisiert", opts.dir ?? (opts.sort === "titel" ? "asc" : "desc"));
}

/** Facet values with counts over the projects the viewer may read (before filtering). */
export function projectFacets(db: Executor, viewer: Viewer, all: ListRow[] = visibleProjects(db, viewer)) {
  const count = (keys: (p: ListRow) => (string | null | undefined)[]) => {
    const m = new Map<string, number>();
    for (const p of all) for (const k of new Set(keys(p).filter((x): x is string => !!x))) m.set(k, (m.get(k) ?? 0) + 1);
    return m;
  };
  const years = all.flatMap((p) => [p.startDate, p.endDate].filter((d): d is string => !!d).map((d) => Number(d.slice(0, 4))));
  const programmes = new Map<string, string>();
  for (const p of all) for (const f of p.funding) if (f.programmeSlug) programmes.set(f.programmeSlug, f.programmeName);
  return {
    total: all.length,
    staedte: count((p) => [p.lead?.slug, ...p.partners.map((c) => c.slug)]),
    status: count((p) => [p.status]),
    felder: count((p) => p.handlungsfelder),
    fonds: count((p) => p.funding.map((f) => f.fonds)),
    programme: [...count((p) => p.funding.map((f) => f.programmeSlug)).entries()]
      .map(([slug, n]) => ({ slug, name: programmes.get(slug) ?? slug, n }))
      .sort((a, b) => a.name.localeCompare(b.name, "de")),
    partner: all.filter((p) => p.seeksPartners).length,
    minYear: years.length ? Math.min(...years) : null,
    maxYear: years.length ? Math.max(...years) : null,
  };
}

export function getProjectBySlug(db: Executor, slug: string, viewer: Viewer) {
  const p = db.select().from(projects).where(eq(projects.slug, slug)).get();
  if (!p || !visibilityFor(viewer).includes(p.visibility)) return null;
  return loadDetail(db, p);
}

/** For the edit form and permission checks: no visibility filter (the caller checks `project.edit`). */
export function getProjectForEdit(db: Executor, slug: string) {
  const p = db.select().from(projects).where(eq(projects.slug, slug)).get();
  return p ? loadDetail(db, p) : null;
}

function loadDetail(db: Executor, p: typeof projects.$inferSelect) {
  const cm = cityMap(db);
  const pc = db.select().from(projectCities).where(eq(projectCities.projectId, p.id)).all();
  const lead = pc.find((c) => c.role === "lead");
  const funding = db.select().from(projectFundingLines).where(eq(projectFundingLines.projectId, p.id)).orderBy(asc(projectFundingLines.sort)).all();
  const indicators = db.select().from(projectIndicators).where(eq(projectIndicators.projectId, p.id)).orderBy(asc(projectIndicators.sort)).all();
  const events = db
    .select({ id: projectStatusEvents.id, status: projectStatusEvents.status, date: projectStatusEvents.date, note: projectStatusEvents.note })
    .from(projectStatusEvents)
    .where(eq(projectStatusEvents.projectId, p.id))
    .orderBy(asc(projectStatusEvents.date), asc(projectStatusEvents.id))
    .all();
  const updates = db
    .select({ id: projectUpdates.id, body: projectUpdates.body, createdAt: projectUpdates.createdAt, cityName: cities.name, authorName: users.name })
    .from(projectUpdates)
    .leftJoin(cities, eq(cities.id, projectUpdates.cityId))
    .leftJoin(users, eq(users.id, projectUpdates.authorId))
    .where(eq(projectUpdates.projectId, p.id))
    .orderBy(desc(projectUpdates.createdAt), desc(projectUpdates.id))
    .all();
  const articleSlugs = db.select({ slug: projectArticles.articleSlug }).from(projectArticles).where(eq(projectArticles.projectId, p.id)).all().map((a) => a.slug);
  return {
    ...p,
    lead: lead ? cm.get(lead.cityId) ?? null : null,
    partners: pc
      .filter((c) => c.role === "partner")
      .map((c) => cm.get(c.cityId))
      .filter((c): c is { id: number; slug: string; name: string } => !!c),
    funding,
    indicators,
    events,
    updates,
    articleSlugs,
  };
}
export type ProjectDetail = NonNullable<ReturnType<typeof getProjectForEdit>>;

/** Which search documents exist for the given ids (programme and article links), restricted to what the viewer may read. */
export function existingDocs(db: Executor, ids: string[], viewer: Viewer) {
  if (ids.length === 0) return new Map<string, string>();
  const rows = db
    .select({ id: searchDocuments.id, title: searchDocuments.title })
    .from(searchDocuments)
    .where(and(inArray(searchDocuments.id, ids), inArray(searchDocuments.visibility, visibilityFor(viewer))))
    .all();
  return new Map(rows.map((r) => [r.id, r.title]));
}

/** Programmes of the funding guide for the form's select (from the search document store). */
export function programmeOptions(db: Executor) {
  return db
    .select({ slug: searchDocuments.slug, title: searchDocuments.title, fonds: searchDocuments.subtype })
    .from(searchDocuments)
    .where(and(eq(searchDocuments.typ, "foerderung"), eq(searchDocuments.visibility, "public")))
    .orderBy(asc(searchDocuments.title))
    .all();
}

/** For the funding guide: projects that use a programme, visible to the viewer. */
export function listProjectsUsingProgramme(db: Executor, programmeSlug: string, viewer: Viewer) {
  return listProjects(db, { viewer, filters: { programm: programmeSlug }, sort: "titel" }).map((p) => ({
    slug: p.slug,
    title: p.title,
    status: p.status,
    statusLabel: PROJECT_STATUS[p.status],
    leadCity: p.lead?.name ?? null,
    url: `/projekte/${p.slug}`,
  }));
}

/** Projects a city leads or takes part in (for the city page). */
export function listCityProjects(db: Executor, citySlug: string, viewer: Viewer) {
  return listProjects(db, { viewer, filters: { stadt: citySlug }, sort: "aktualisiert" }).map((p) => ({
    slug: p.slug,
    title: p.title,
    status: p.status,
    role: p.lead?.slug === citySlug ? ("lead" as const) : ("partner" as const),
    handlungsfelder: p.handlungsfelder,
  }));
}

// ---------------------------------------------------------------- partner suggestions

export function partnerSuggestions(db: Executor, project: ProjectDetail, viewer: Viewer) {
  const visible = loadList(db, visibilityFor(viewer)).filter((p) => p.id !== project.id);
  // newest value of each figure series; archived cities are not suggested
  const withFigures = listCitiesWithFigures(db);
  const allCities = withFigures.map((c) => ({ ...c, figures: c.figures.map((f) => ({ key: f.seriesKey, label: f.longLabel, value: f.value })) }));
  const figures = allCities.flatMap((c) => c.figures.map((f) => ({ ...f, cityId: c.id })));
  // forum topics about a city (readable by the viewer): Handlungsfelder of cities without projects of their own
  const topics = db
    .select({ cityId: forumTopics.cityId, staedte: forumTopics.staedte, handlungsfelder: forumTopics.handlungsfelder })
    .from(forumTopics)
    .innerJoin(forumCategories, eq(forumCategories.id, forumTopics.categoryId))
    .where(inArray(forumCategories.visibility, visibilityFor(viewer)))
    .all();
  const candidates: MatchCity[] = allCities.map((c) => ({
    slug: c.slug,
    name: c.name,
    figures: c.figures,
    projects: visible.filter((p) => p.lead?.id === c.id || p.partners.some((x) => x.id === c.id)).map((p) => ({ handlungsfelder: p.handlungsfelder })),
    topics: topics.filter((t) => t.cityId === c.id || t.staedte.includes(c.slug)).map((t) => ({ handlungsfelder: t.handlungsfelder })),
  }));
  const leadFigures = project.lead ? figures.filter((f) => f.cityId === project.lead!.id).map(({ cityId: _c, ...f }) => f) : [];
  return suggestPartners(
    { handlungsfelder: project.handlungsfelder, leadCitySlug: project.lead?.slug ?? null, partnerCitySlugs: project.partners.map((c) => c.slug) },
    leadFigures,
    candidates,
    { fieldLabel: (f) => (HANDLUNGSFELDER as Record<string, string>)[f] ?? f },
  );
}

// ---------------------------------------------------------------- overview for the state office

export function projectOverview(db: Executor, viewer: Viewer, now = new Date()) {
  const all = loadList(db, visibilityFor(viewer));
  const byStatus = Object.keys(PROJECT_STATUS).map((s) => ({ key: s, n: all.filter((p) => p.status === s).length }));
  const byField = Object.keys(HANDLUNGSFELDER).map((f) => ({ key: f, n: all.filter((p) => p.handlungsfelder.includes(f)).length }));
  const cityRows = new Map<string, { slug: string; name: string; lead: number; partner: number }>();
  for (const p of all) {
    if (p.lead) {
      const r = cityRows.get(p.lead.slug) ?? { slug: p.lead.slug, name: p.lead.name, lead: 0, partner: 0 };
      r.lead++;
      cityRows.set(p.lead.slug, r);
    }
    for (const c of p.partners) {
      const r = cityRows.get(c.slug) ?? { slug: c.slug, name: c.name, lead: 0, partner: 0 };
      r.partner++;
      cityRows.set(c.slug, r);
    }
  }
  const fundMap = new Map<string, { amount: number; ownShare: number; lines: number }>();
  for (const p of all)
    for (const f of p.funding) {
      const k = f.fonds ?? "ohne";
      const r = fundMap.get(k) ?? { amount: 0, ownShare: 0, lines: 0 };
      r.amount += f.amount;
      r.ownShare += f.ownShare;
      r.lines++;
      fundMap.set(k, r);
    }
  const byFund = [...Object.keys(FONDS), "ohne"].filter((k) => fundMap.has(k)).map((k) => ({ key: k, label: k === "ohne" ? "ohne Fonds-Angabe" : FONDS[k as Fonds], ...fundMap.get(k)! }));
  const sixMonthsAgo = new Date(now);
  sixMonthsAgo.setMonth(sixMonthsAgo.getMonth() - 6);
  const stale = all
    .filter((p) => p.status !== "abgeschlossen" && p.status !== "abgebrochen" && p.lastActivityAt < sixMonthsAgo)
    .sort((a, b) => a.lastActivityAt.getTime() - b.lastActivityAt.getTime())
    .map((p) => ({ slug: p.slug, title: p.title, leadCity: p.lead?.name ?? "–", status: p.status, lastActivityAt: p.lastActivityAt.toISOString() }));
  return {
    total: all.length,
    byStatus,
    byField,
    byCity: [...cityRows.values()].sort((a, b) => b.lead + b.partner - (a.lead + a.partner) || a.name.localeCompare(b.name, "de")),
    byFund,
    stale,
  };
}

// ---------------------------------------------------------------- open data export

export const EXPORT_LICENCE = {
  kennung: "dl-de/by-2-0",
  name: "Datenlizenz Deutschland – Namensnennung – Version 2.0",
  url: "https://www.govdata.de/dl-de/by-2-0",
  namensnennung: "Städtenetz Südosteuropa – Entwicklungsdatenbank",
} as const;
export const EXPORT_SCHEMA_VERSION = "1.0";

/** Public projects only, whatever the viewer may read. */
export function exportProjects(db: Executor, filters: ProjectFilters, baseUrl: string) {
  const rows = listProjects(db, { viewer: null, publicOnly: true, filters, sort: "titel" });
  const ids = rows.map((r) => r.id);
  const details = new Map<number, ReturnType<typeof loadDetail>>();
  for (const id of ids) {
    const p = db.select().from(projects).where(eq(projects.id, id)).get();
    if (p && p.visibility === "public") details.set(id, loadDetail(db, p));
  }
  return rows
    .filter((r) => details.has(r.id))
    .map((r) => {
      const d = details.get(r.id)!;
      const t = fundingTotals(d.budget, d.funding);
      return {
        slug: d.slug,
        url: `${baseUrl}/projekte/${d.slug}`,
        titel: d.title,
        zusammenfassung: d.summary,
        status: d.status,
        federfuehrende_stadt: d.lead ? { slug: d.lead.slug, name: d.lead.name } : null,
        partnerstaedte: d.partners.map((c) => ({ slug: c.slug, name: c.name })),
        handlungsfelder: d.handlungsfelder,
        zielgruppen: d.zielgruppen,
        sucht_partnerstaedte: d.seeksPartners,
        budget_eur: d.budget,
        foerdersumme_eur: t.funding,
        eigenanteil_eur: t.own,
        finanzierungsluecke_eur: t.gap,
        beginn: d.startDate,
        ende: d.endDate,
        kontakt: d.contactRole,
        raster: {
          problem_und_ziel: d.problem,
          ansatz: d.approach,
          was_funktioniert_hat: d.worked,
          was_gescheitert_ist: d.failed,
          gruende_des_scheiterns: d.failureReasons,
          zustaendigkeiten: d.responsibilities.map((x) => ({ ebene: x.ebene, stelle: x.stelle })),
          naechste_schritte: d.nextSteps,
        },
        foerderlinien: d.funding.map((f) => ({
          programm_slug: f.programmeSlug,
          programm: f.programmeName,
          fonds: f.fonds,
          betrag_eur: f.amount,
          eigenanteil_eur: f.ownShare,
          kofinanzierung: f.cofinancing,
        })),
        indikatoren: d.indicators.map((i) => ({
          name: i.name,
          einheit: i.unit,
          ausgangswert: i.baseline,
          ausgangswert_datum: i.baselineDate,
          zielwert: i.target,
          zielwert_datum: i.targetDate,
          aktueller_wert: i.current,
          aktueller_wert_datum: i.currentDate,
        })),
        statusverlauf: d.events.map((e) => ({ status: e.status, datum: e.date, notiz: e.note })),
        wissensartikel: d.articleSlugs,
        aktualisiert: d.lastActivityAt.toISOString(),
      };
    });
}
export type ExportedProject = ReturnType<typeof exportProjects>[number];

/** Count of projects per city (for the comparison view), visible to the viewer. */
export function cityProjectStats(db: Executor, viewer: Viewer) {
  const all = loadList(db, visibilityFor(viewer));
  const m = new Map<string, { total: number; lead: number; fields: Record<string, number>; status: Record<string, number> }>();
  for (const p of all) {
    const involved = [...(p.lead ? [{ c: p.lead, lead: true }] : []), ...p.partners.map((c) => ({ c, lead: false }))];
    for (const { c, lead } of involved) {
      const r = m.get(c.slug) ?? { total: 0, lead: 0, fields: {}, status: {} };
      r.total++;
      if (lead) r.lead++;
      for (const f of p.handlungsfelder) r.fields[f] = (r.fields[f] ?? 0) + 1;
      r.status[p.status] = (r.status[p.status] ?? 0) + 1;
      m.set(c.slug, r);
    }
  }
  return m;
}

