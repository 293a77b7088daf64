// Knowledge base articles (Wissen): read queries, the one write path (render once, revision, search doc),
// restore, and members' suggested changes. Routes and the importer call these; they never build SQL.
import { ARTICLE_FILTER_KEYS } from "~/utils/taxonomy";
import { LIMITS, readForm, TOO_MANY_FIELDS_MESSAGE, tooLong } from "~/utils/forms";
import { cleanLine } from "~/utils/text-hygiene";
import { and, asc, desc, eq, inArray, isNotNull, like, lt, ne, or, sql, type SQL } from "drizzle-orm";
import { slugify } from "~/utils/slug";
import { articleSuggestions, articles, cities, users, type ArticleChart } from "../../db/schema/index";
import type { Executor } from "~/services/db.server";
import { renderMarkdown, markdownToText, slugifyHeading } from "~/services/markdown.server";
import { removeSearchDocs, upsertSearchDocs } from "~/services/search/documents.server";
import { syncAttachmentDocs } from "./attachment.server";
import { getRevision, recordRevision } from "~/models/revision.server";
import { aboEntryChanged } from "./abo-outbox.server";
import { notify } from "~/models/notification.server";
import { audit } from "~/services/audit.server";
import { preparedFor } from "./prepared.server";
import type { ArticleStatus, ArticleType } from "~/utils/taxonomy";
import { parse as parseYaml, stringify as stringifyYaml } from "yaml";
import { articleFrontmatter, slugSchema } from "~/services/content/frontmatter";
import { effectivePruefenBis } from "~/utils/review";

export type ArticleInput = {
  slug?: string;
  type: ArticleType;
  title: string;
  summary: string;
  body: string;
  handlungsfelder: string[];
  ebenen: string[];
  staedte: string[];
  quellen: string[];
  stand: string;
  pruefenBis?: string | null;
  status: ArticleStatus;
  zielgruppen?: string[];
  station?: string | null;
  chart?: ArticleChart | null;
  /** Owner / deputy (Redaktion users; null = the Redaktion team). `undefined` leaves the stored value. */
  ownerId?: string | null;
  deputyId?: string | null;
};

export type ArticleRow = typeof articles.$inferSelect;

/** The grid of a praxis article (DESIGN.md): heading text → kind. */
export const PRAXIS_GRID = [
  { heading: "Problembeschreibung und Ziel", kind: "ziel", label: "Ausgangslage" },
  { heading: "Erfolgreiche Ansätze", kind: "erfolg", label: "Hat funktioniert" },
  { heading: "Gescheiterte Ansätze", kind: "gescheitert", label: "Gescheitert" },
  { heading: "Gründe des Scheiterns", kind: "gruende", label: "Warum es scheiterte" },
  { heading: "Lösungsalternativen", kind: "alternativen", label: "Alternativen" },
  { heading: "Zuständigkeiten", kind: "zustaendig", label: "Wer ist zuständig" },
  { heading: "Nächste Schritte", kind: "schritte", label: "Nächste Schritte" },
] as const;
const GRID_BY_ID = new Map<string, (typeof PRAXIS_GRID)[number]>(PRAXIS_GRID.map((g) => [slugifyHeading(g.heading), g]));

const escapeHtml = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

/**
 * Praxis articles: wrap each grid section (from its h2 to the next h2) in a <section> with a text label, so
 * failures are visibly distinct not by colour alone. Runs on the already sanitized HTML and only inserts our
 * own fixed markup at h2 boundaries (the ids come from slugifyHeading: [a-z0-9-] only).
 */
function wrapPraxisSections(html: string): string {
  const parts = html.split(/(?=<h2 id="[a-z0-9-]+">)/);
  return parts
    .map((part) => {
      const m = /^<h2 id="([a-z0-9-]+)">/.exec(part);
      if (!m) return part;
      const g = GRID_BY_ID.get(m[1].replace(/-\d+$/, "")) ?? GRID_BY_ID.get(m[1]);
      if (!g) return `<section class="grid-section">${part}</section>`;
      const failure = g.kind === "gescheitert" || g.kind === "gruende";
      const labelled = failure || g.kind === "erfolg";
      const label = !labelled ? "" : `<p class="grid-label grid-label--${g.kind}"><span aria-hidden="true">${failure ? "✗" : "✓"}</span> ${escapeHtml(g.label)}</p>`;
      const h2end = part.indexOf("</h2>") + 5;
      return `<section class="grid-section grid-section--${g.kind}${failure ? " grid-section--failure" : ""}" aria-labelledby="${m[1]}">${part.slice(0, h2end)}${label}${part.slice(h2end)}</section>`;
    })
    .join("");
}

/** `[[slug]]` resolves to published articles only; anything else is shown as missing. */
export function wikiResolver(db: Executor) {
  return (slug: string) => {
    const row = db
      .select({ title: articles.title })
      .from(articles)
      .where(and(eq(articles.slug, slug), eq(articles.status, "veroeffentlicht")))
      .get();
    return row ? { url: `/wissen/${slug}`, title: row.title } : null;
  };
}

// Normal relative links to other articles: `slug`, `./slug.md`, `../wissen/slug`, `/wissen/slug#abschnitt`.
const RELATIVE_ARTICLE = /^(?:\.\/|\.\.\/wissen\/|\/wissen\/)?([a-z0-9]+(?:-[a-z0-9]+)*)(?:\.md)?(#[a-z0-9-]*)?$/;
const NOT_ARTICLES = new Set(["neu", "wissen"]);

/**
 * Resolves relative article links in sanitized HTML (marked's `<a href="…">…</a>`, never nested): existing
 * targets get their canonical `/wissen/<slug>` URL, missing ones become the same "missing" marker as `[[slug]]`.
 */
function resolveRelativeLinks(html: string, resolve: ReturnType<typeof wikiResolver>, missing: string[]): string {
  return html.replace(/<a href="([^"]*)"([^>]*)>([\s\S]*?)<\/a>/g, (whole, href: string, rest: string, inner: string) => {
    const m = RELATIVE_ARTICLE.exec(href);
    if (!m || NOT_ARTICLES.has(m[1]) || rest.includes('class="anchor"') || rest.includes('class="wikilink"')) return whole;
    if (resolve(m[1])) return `<a href="/wissen/${m[1]}${m[2] ?? ""}"${rest}>${inner}</a>`;
    missing.push(m[1]);
    return `<span class="link-missing" title="Dieser Beitrag existiert (noch) nicht">${inner} (Beitrag fehlt)</span>`;
  });
}

export type RenderedArticle = ReturnType<typeof renderArticle>;

export function renderArticle(db: Executor, type: string, body: string) {
  const resolve = wikiResolver(db);
  const r = renderMarkdown(body, { resolveWikiLink: resolve, headingAnchors: true });
  const missing = [...r.missingLinks];
  // Wide tables scroll inside a keyboard-focusable wrapper instead of widening the page (reflow at 320 px).
  let html = resolveRelativeLinks(r.html, resolve, missing)
    .replace(/<table>/g, '<div class="table-wrap" tabindex="0" role="group" aria-label="Tabelle, seitlich verschiebbar"><table>')
    .replace(/<\/table>/g, "</table></div>");
  if (type === "praxis") html = wrapPraxisSections(html);
  return { html, headings: r.headings, missingLinks: [...new Set(missing)] };
}

function revisionMeta(a: ArticleInput & { slug: string }) {
  return {
    title: a.title,
    type: a.type,
    summary: a.summary,
    handlungsfelder: a.handlungsfelder,
    ebenen: a.ebenen,
    staedte: a.staedte,
    quellen: a.quellen,
    stand: a.stand,
    pruefen_bis: effectivePruefenBis(a.type, a.stand, a.pruefenBis),
    status: a.status,
    zielgruppen: a.zielgruppen ?? [],
    station: a.station ?? null,
    diagramm: a.chart ?? null,
  };
}

/** Rebuilds an ArticleInput from a revision snapshot (for restore). */
export function inputFromRevision(meta: Record<string, unknown>, body: string): ArticleInput {
  const m = meta as ReturnType<typeof revisionMeta>;
  return {
    title: m.title,
    type: m.type,
    summary: m.summary,
    body,
    handlungsfelder: m.handlungsfelder ?? [],
    ebenen: m.ebenen ?? [],
    staedte: m.staedte ?? [],
    quellen: m.quellen ?? [],
    stand: m.stand,
    pruefenBis: m.pruefen_bis ?? null,
    status: m.status,
    zielgruppen: m.zielgruppen ?? [],
    station: m.station ?? null,
    chart: (m.diagramm as ArticleChart | null) ?? null,
  };
}

function syncSearch(db: Executor, a: ArticleInput & { slug: string }, headings: { text: string }[]) {
  const id = `wissen:${a.slug}`;
  // Every write path (web, import, restore, suggestion): the files' search documents follow the article's status.
  syncAttachmentDocs(db, "article", [a.slug]);
  if (a.status !== "veroeffentlicht") {
    removeSearchDocs(db, [id]);
    return;
  }
  upsertSearchDocs(db, [
    {
      id,
      typ: "wissen",
      slug: a.slug,
      url: `/wissen/${a.slug}`,
      title: a.title,
      summary: a.summary,
      headings: headings.map((h) => h.text).join(" · "),
      body: markdownToText(a.body, wikiResolver(db)),
      subtype: a.type,
      handlungsfelder: a.handlungsfelder,
      ebenen: a.ebenen,
      staedte: a.staedte,
      status: a.status,
      visibility: "public",
    },
  ]);
}

export function slugFromTitle(title: string): string {
  return slugify(title, { maxLength: 80, fallback: "beitrag" });
}

function uniqueSlug(db: Executor, base: string): string {
  let slug = NOT_ARTICLES.has(base) ? `${base}-2` : base;
  for (let n = 2; db.select({ id: articles.id }).from(articles).where(eq(articles.slug, slug)).get(); n++) slug = `${base}-${n}`;
  return slug;
}

type WriteSource = "web" | "import" | "restore" | "suggestion";

/** Internal write path: insert or update, render once, record a revision, keep the search doc in step. */
function writeArticle(
  db: Executor,
  input: ArticleInput & { slug: string },
  opts: { existingId?: number; authorId: string | null; source: WriteSource; reason: string; sourceHash?: string; rendered?: RenderedArticle },
): { id: number; slug: string; version: number; missingLinks: string[] } {
  const { html, headings, missingLinks } = opts.rendered ?? renderArticle(db, input.type, input.body);
  const now = new Date();
  const values = {
    slug: input.slug,
    type: input.type,
    title: input.title,
    summary: input.summary,
    body: input.body,
    html,
    headings,
    handlungsfelder: input.handlungsfelder,
    ebenen: input.ebenen,
    staedte: input.staedte,
    quellen: input.quellen,
    zielgruppen: input.zielgruppen ?? [],
    station: input.station ?? null,
    chart: input.chart ?? null,
    stand: input.stand,
    // A missing pruefen_bis is stand + the review interval of the type (app/utils/review.ts).
    pruefenBis: effectivePruefenBis(input.type, input.stand, input.pruefenBis),
    status: input.status,
    missingLinks,
    ...(input.ownerId !== undefined ? { ownerId: input.ownerId } : {}),
    ...(input.deputyId !== undefined ? { deputyId: input.deputyId } : {}),
    updatedById: opts.authorId,
    updatedAt: now,
    ...(opts.source === "import"
      ? { sourceHash: opts.sourceHash ?? null, importedAt: now, editedOnWebAt: null }
      : { editedOnWebAt: now }),
  };
  let id: number;
  if (opts.existingId == null) {
    id = db.insert(articles).values({ ...values, createdById: opts.authorId }).returning({ id: articles.id }).get().id;
  } else {
    id = opts.existingId;
    db.update(articles).set(values).where(eq(articles.id, id)).run();
  }
  const version = recordRevision(db, {
    entityType: "article",
    entityId: id,
    authorId: opts.authorId,
    source: opts.source,
    reason: opts.reason,
    body: input.body,
    meta: revisionMeta(input),
  });
  db.update(articles).set({ version }).where(eq(articles.id, id)).run();
  aboEntryChanged(db, { liste: "wissen", key: input.slug, version, actorId: opts.authorId });
  syncSearch(db, input, headings);
  // A web edit that publishes an article fixes links to it elsewhere (imports do this in their finish pass).
  if (opts.source !== "import" && input.status === "veroeffentlicht") relinkTarget(db, input.slug);
  return { id, slug: input.slug, version, missingLinks };
}

/**
 * Creates an article (web or Clearingstelle FAQ draft). The slug is derived from the title when missing and
 * made unique. Public contract for the forum feature – keep the signature.
 */
export function createArticle(
  db: Executor,
  input: ArticleInput,
  actor: { id: string },
  reason = "Neu angelegt",
): { id: number; slug: string } {
  return db.transaction((tx) => {
    const slug = uniqueSlug(tx, input.slug || slugFromTitle(input.title));
    const r = writeArticle(tx, { ...input, slug }, { authorId: actor.id, source: "web", reason });
    audit(tx, { actorId: actor.id, action: "article.create", entityType: "article", entityId: r.id, detail: { slug, status: input.status } });
    return { id: r.id, slug };
  });
}

/** A web edit (also used by restore and accepted suggestions): new revision, marks the article as edited on the web. */
export function updateArticle(
  db: Executor,
  id: number,
  input: ArticleInput,
  actor: { id: string },
  reason: string,
  source: Exclude<WriteSource, "import"> = "web",
) {
  return db.transaction((tx) => {
    const current = tx.select({ slug: articles.slug }).from(articles).where(eq(articles.id, id)).get();
    if (!current) throw new Response("Beitrag nicht gefunden", { status: 404 });
    const r = writeArticle(tx, { ...input, slug: current.slug }, { existingId: id, authorId: actor.id, source, reason });
    audit(tx, { actorId: actor.id, action: `article.${source === "web" ? "update" : source}`, entityType: "article", entityId: id, detail: { version: r.version } });
    return r;
  });
}

/** Restores the snapshot of an older revision as a new revision (history stays complete). */
export function restoreArticleRevision(db: Executor, id: number, version: number, actor: { id: string }) {
  const rev = getRevision(db, "article", id, version);
  if (!rev) throw new Response("Version nicht gefunden", { status: 404 });
  return updateArticle(db, id, inputFromRevision(rev.meta, rev.body), actor, `Version ${version} wiederhergestellt`, "restore");
}

/** Used by the importer (articleCollection). */
export function importArticle(
  db: Executor,
  input: ArticleInput & { slug: string },
  sourceHash: string,
  force = false,
  /** Rendered by the importer before its transaction opened (keeps the write lock short); rendered here otherwise. */
  rendered?: RenderedArticle,
): { outcome: "created" | "updated" | "unchanged" | "conflict"; message?: string; missingLinks?: string[] } {
  const existing = db
    .select({ id: articles.id, sourceHash: articles.sourceHash, editedOnWebAt: articles.editedOnWebAt, version: articles.version })
    .from(articles)
    .where(eq(articles.slug, input.slug))
    .get();
  if (!existing) {
    const r = writeArticle(db, input, { authorId: null, source: "import", reason: "Import", sourceHash, rendered });
    return { outcome: "created", missingLinks: r.missingLinks };
  }
  if (existing.sourceHash === sourceHash) return { outcome: "unchanged" };
  if (existing.editedOnWebAt && !force) {
    return {
      outcome: "conflict",
      message: `auf der Website bearbeitet am ${existing.editedOnWebAt.toISOString().slice(0, 16).replace("T", " ")} (Version ${existing.version}); Datei nicht übernommen – Änderungen abgleichen oder mit --force überschreiben`,
    };
  }
  const r = writeArticle(db, input, { existingId: existing.id, authorId: null, source: "import", reason: "Import", sourceHash, rendered });
  return { outcome: "updated", missingLinks: r.missingLinks };
}

/**
 * After an import: re-render articles whose `[[links]]` were missing and now resolve (forward references),
 * and return the links that are still missing. Pages through the table (bounded memory).
 */
export function relinkArticles(db: Executor): { missingLinks: { slug: string; target: string }[] } {
  const missing: { slug: string; target: string }[] = [];
  const resolve = wikiResolver(db);
  let lastId = 0;
  for (;;) {
    const rows = db
      .select({ id: articles.id, slug: articles.slug, type: articles.type, body: articles.body, missingLinks: articles.missingLinks })
      .from(articles)
      .where(and(sql`${articles.id} > ${lastId}`, ne(articles.missingLinks, sql`'[]'`)))
      .orderBy(asc(articles.id))
      .limit(500)
      .all();
    if (rows.length === 0) break;
    for (const row of rows) {
      lastId = row.id;
      if (row.missingLinks.some((t) => resolve(t))) {
        const { html, headings, missingLinks } = renderArticle(db, row.type, row.body);
        db.update(articles).set({ html, headings, missingLinks }).where(eq(articles.id, row.id)).run();
        for (const t of missingLinks) missing.push({ slug: row.slug, target: t });
      } else for (const t of row.missingLinks) missing.push({ slug: row.slug, target: t });
    }
  }
  return { missingLinks: missing };
}

/** Re-renders the articles that show `[[slug]]` as missing. */
function relinkTarget(db: Executor, slug: string) {
  const rows = db
    .select({ id: articles.id, type: articles.type, body: articles.body })
    .from(articles)
    .where(like(articles.missingLinks, `%${JSON.stringify(slug)}%`))
    .all();
  for (const row of rows) {
    const { html, headings, missingLinks } = renderArticle(db, row.type, row.body);
    db.update(articles).set({ html, headings, missingLinks }).where(eq(articles.id, row.id)).run();
  }
}

// ---------------------------------------------------------------- reading

export type ArticleFilters = { typ?: string; feld?: string; ebene?: string; stadt?: string };

/** The /wissen list filters from query params (shared by the list and the abo matcher). */
export { ARTICLE_FILTER_KEYS };

export function parseArticleFilters(params: URLSearchParams): ArticleFilters {
  const f: ArticleFilters = {};
  for (const k of ARTICLE_FILTER_KEYS) {
    const v = params.get(k);
    if (v && /^[a-z0-9-]{1,60}$/.test(v)) f[k] = v;
  }
  return f;
}

/** LIKE pattern: a JSON array column contains the quoted value. */
const jsonHasPattern = (value: string) => `%${JSON.stringify(value)}%`;
const jsonHas = (col: typeof articles.handlungsfelder, value: string) => like(col, jsonHasPattern(value));

/**
 * The two statements of the article list (facet rows, one page of items), prepared once per filter shape (which
 * filters are present, drafts or not); the filter values, limit and offset are placeholders.
 */
function articleListStatements(db: Executor, f: ArticleFilters, includeDrafts: boolean) {
  const shape = `articles.list:${includeDrafts ? "d" : ""}:${f.typ ? "t" : ""}${f.feld ? "f" : ""}${f.ebene ? "e" : ""}${f.stadt ? "s" : ""}`;
  return preparedFor(db, shape, (db) => {
    const conds: (SQL | undefined)[] = [includeDrafts ? ne(articles.status, "archiviert") : eq(articles.status, "veroeffentlicht")];
    if (f.typ) conds.push(eq(articles.type, sql.placeholder("typ")));
    if (f.feld) conds.push(like(articles.handlungsfelder, sql.placeholder("feld")));
    if (f.ebene) conds.push(like(articles.ebenen, sql.placeholder("ebene")));
    if (f.stadt) conds.push(like(articles.staedte, sql.placeholder("stadt")));
    const where = and(...conds);
    const facets = db
      .select({ type: articles.type, handlungsfelder: articles.handlungsfelder, ebenen: articles.ebenen, staedte: articles.staedte })
      .from(articles)
      .where(where)
      .prepare();
    const items = db
      .select({
        slug: articles.slug,
        type: articles.type,
        title: articles.title,
        summary: articles.summary,
        handlungsfelder: articles.handlungsfelder,
        staedte: articles.staedte,
        stand: articles.stand,
        pruefenBis: articles.pruefenBis,
        status: articles.status,
      })
      .from(articles)
      .where(where)
      .orderBy(sql`case ${articles.type} when 'loesungsszenario' then 0 when 'praxis' then 1 when 'checkliste' then 2 when 'fakten' then 3 when 'faq' then 4 else 5 end`, asc(articles.title))
      .limit(sql.placeholder("limit"))
      .offset(sql.placeholder("offset"))
      .prepare();
    return { facets, items };
  });
}

/** Articles matching the filters plus per-facet counts within the current result (drill-down). */
export function listArticles(db: Executor, f: ArticleFilters, opts: { includeDrafts: boolean; limit?: number; offset?: number }) {
  const st = articleListStatements(db, f, opts.includeDrafts);
  const params = {
    ...(f.typ ? { typ: f.typ } : {}),
    ...(f.feld ? { feld: jsonHasPattern(f.feld) } : {}),
    ...(f.ebene ? { ebene: jsonHasPattern(f.ebene) } : {}),
    ...(f.stadt ? { stadt: jsonHasPattern(f.stadt) } : {}),
  };
  const facetRows = st.facets.all(params);
  const count = (key: "handlungsfelder" | "ebenen" | "staedte") => {
    const m: Record<string, number> = {};
    for (const r of facetRows) for (const v of r[key]) m[v] = (m[v] ?? 0) + 1;
    return m;
  };
  const types: Record<string, number> = {};
  for (const r of facetRows) types[r.type] = (types[r.type] ?? 0) + 1;
  const items = st.items.all({ ...params, limit: opts.limit ?? 50, offset: opts.offset ?? 0 });
  return { total: facetRows.length, items, facets: { typ: types, feld: count("handlungsfelder"), ebene: count("ebenen"), stadt: count("staedte") } };
}

export function getArticleBySlug(db: Executor, slug: string) {
  return db.select().from(articles).where(eq(articles.slug, slug)).get() ?? null;
}

/** Published articles sharing a Handlungsfeld or a city, most overlap first. */
export function relatedArticles(db: Executor, a: Pick<ArticleRow, "id" | "handlungsfelder" | "staedte">, limit = 6) {
  const ors = [...a.handlungsfelder.map((h) => jsonHas(articles.handlungsfelder, h)), ...a.staedte.map((s) => jsonHas(articles.staedte, s))];
  if (ors.length === 0) return [];
  const rows = db
    .select({ slug: articles.slug, title: articles.title, type: articles.type, handlungsfelder: articles.handlungsfelder, staedte: articles.staedte })
    .from(articles)
    .where(and(eq(articles.status, "veroeffentlicht"), ne(articles.id, a.id), or(...ors)))
    .limit(200)
    .all();
  const score = (r: (typeof rows)[number]) =>
    r.handlungsfelder.filter((h) => a.handlungsfelder.includes(h)).length + 2 * r.staedte.filter((s) => a.staedte.includes(s)).length;
  return rows
    .map((r) => ({ slug: r.slug, title: r.title, type: r.type, score: score(r) }))
    .sort((x, y) => y.score - x.score || x.title.localeCompare(y.title, "de"))
    .slice(0, limit)
    .map(({ slug, title, type }) => ({ slug, title, type }));
}

/** Published (and draft) articles whose `pruefen_bis` lies before today. */
export function listDueForReview(db: Executor, today: string) {
  return db
    .select({ slug: articles.slug, title: articles.title, type: articles.type, pruefenBis: articles.pruefenBis, stand: articles.stand, status: articles.status })
    .from(articles)
    .where(and(isNotNull(articles.pruefenBis), lt(articles.pruefenBis, today), ne(articles.status, "archiviert")))
    .orderBy(asc(articles.pruefenBis), asc(articles.title))
    .all();
}

export function cityNames(db: Executor, slugs: string[]): Record<string, string> {
  if (slugs.length === 0) return {};
  const rows = db.select({ slug: cities.slug, name: cities.name }).from(cities).where(inArray(cities.slug, slugs)).all();
  return Object.fromEntries(rows.map((r) => [r.slug, r.name]));
}

// ---------------------------------------------------------------- suggestions

export function createSuggestion(db: Executor, articleId: number, author: { id: string }, s: { summary: string; body: string; comment: string }) {
  return db.transaction((tx) => {
    const a = tx.select({ version: articles.version }).from(articles).where(eq(articles.id, articleId)).get();
    if (!a) throw new Response("Beitrag nicht gefunden", { status: 404 });
    const id = tx
      .insert(articleSuggestions)
      .values({ articleId, authorId: author.id, baseVersion: a.version, summary: s.summary, body: s.body, comment: s.comment })
      .returning({ id: articleSuggestions.id })
      .get().id;
    audit(tx, { actorId: author.id, action: "article.suggest", entityType: "article", entityId: articleId, detail: { suggestion: id } });
    return id;
  });
}

export function listOpenSuggestions(db: Executor) {
  return db
    .select({
      id: articleSuggestions.id,
      articleId: articleSuggestions.articleId,
      slug: articles.slug,
      title: articles.title,
      currentSummary: articles.summary,
      currentBody: articles.body,
      currentVersion: articles.version,
      baseVersion: articleSuggestions.baseVersion,
      summary: articleSuggestions.summary,
      body: articleSuggestions.body,
      comment: articleSuggestions.comment,
      authorName: users.name,
      createdAt: articleSuggestions.createdAt,
    })
    .from(articleSuggestions)
    .innerJoin(articles, eq(articles.id, articleSuggestions.articleId))
    .leftJoin(users, eq(users.id, articleSuggestions.authorId))
    .where(eq(articleSuggestions.status, "offen"))
    .orderBy(asc(articleSuggestions.createdAt))
    .all();
}

export function listSuggestionsByAuthor(db: Executor, authorId: string, articleId: number) {
  return db
    .select({ id: articleSuggestions.id, status: articleSuggestions.status, comment: articleSuggestions.comment, decisionNote: articleSuggestions.decisionNote, createdAt: articleSuggestions.createdAt, decidedAt: articleSuggestions.decidedAt })
    .from(articleSuggestions)
    .where(and(eq(articleSuggestions.authorId, authorId), eq(articleSuggestions.articleId, articleId)))
    .orderBy(desc(articleSuggestions.id))
    .all();
}

/** Accept (applies as a new revision) or reject with a note; the author gets an e-mail. */
export function decideSuggestion(db: Executor, suggestionId: number, actor: { id: string; name: string }, decision: { accept: boolean; note: string }) {
  return db.transaction((tx) => {
    const s = tx
      .select({ s: articleSuggestions, authorName: users.name })
      .from(articleSuggestions)
      .leftJoin(users, eq(users.id, articleSuggestions.authorId))
      .where(eq(articleSuggestions.id, suggestionId))
      .get();
    if (!s || s.s.status !== "offen") throw new Response("Vorschlag nicht gefunden oder schon entschieden", { status: 404 });
    const a = tx.select().from(articles).where(eq(articles.id, s.s.articleId)).get()!;
    if (decision.accept) {
      const input: ArticleInput = {
        ...a,
        summary: s.s.summary,
        body: s.s.body,
        pruefenBis: a.pruefenBis,
        chart: a.chart,
      };
      updateArticle(tx, a.id, input, actor, `Vorschlag von ${s.authorName ?? "einem Mitglied"} übernommen: ${s.s.comment}`.slice(0, 500), "suggestion");
    }
    tx.update(articleSuggestions)
      .set({ status: decision.accept ? "angenommen" : "abgelehnt", decidedById: actor.id, decisionNote: decision.note, decidedAt: new Date() })
      .where(eq(articleSuggestions.id, suggestionId))
      .run();
    audit(tx, { actorId: actor.id, action: decision.accept ? "suggestion.accept" : "suggestion.reject", entityType: "article", entityId: a.id, detail: { suggestion: suggestionId } });
    // In-site notification plus e-mail according to the author's preference (with unsubscribe link).
    if (s.s.authorId) {
      notify(tx, [s.s.authorId], {
        kind: "vorschlag",
        topicId: null,
        actorId: actor.id,
        message: decision.accept
          ? `Ihr Änderungsvorschlag zu „${a.title}“ wurde übernommen.`
          : `Ihr Änderungsvorschlag zu „${a.title}“ wurde nicht übernommen.${decision.note ? ` Anmerkung der Redaktion: ${decision.note}` : ""}`,
        url: `/wissen/${a.slug}/vorschlagen`,
      });
    }
    return { slug: a.slug, title: a.title };
  });
}

// ---------------------------------------------------------------- web form

export type ArticleFormValues = Record<string, string | string[]>;
export type ArticleFormResult =
  | { ok: true; input: ArticleInput; reason: string; slug?: string; values: ArticleFormValues }
  | { ok: false; errors: Record<string, string>; values: ArticleFormValues };

const FORM_LIST_FIELDS = ["handlungsfelder", "ebenen", "staedte"];

/** Editor form → validated ArticleInput, using the same zod schema as the importer (one format, two entrances). */
/** Length limits of the article editor (characters); single-line fields are also cleaned with `cleanLine`. */
export const ARTICLE_FORM_LIMITS: Record<string, number> = {
  slug: 80,
  title: LIMITS.title,
  summary: 1000,
  stand: 20,
  pruefen_bis: 20,
  quellen: 5000,
  diagramm: 20_000,
  body: LIMITS.article,
  reason: 500,
};
const ARTICLE_SINGLE_LINE = new Set(["slug", "title", "type", "stand", "pruefen_bis", "status", "station", "reason"]);

export function parseArticleForm(form: FormData, opts: { requireReason: boolean; allowSlug: boolean; db: Executor; cities: string[] }): ArticleFormResult {
  const values: ArticleFormValues = {};
  const fields = readForm(form);
  if (!fields) return { ok: false, errors: { _form: TOO_MANY_FIELDS_MESSAGE }, values };
  for (const [key, all] of fields.all) {
    const clean = ARTICLE_SINGLE_LINE.has(key) ? all.map(cleanLine) : all;
    values[key] = FORM_LIST_FIELDS.includes(key) ? clean.slice(0, 100) : (clean[0] ?? "");
  }
  const str = (k: string) => (typeof values[k] === "string" ? (values[k] as string) : "");
  const arr = (k: string) => (Array.isArray(values[k]) ? (values[k] as string[]) : []);
  const errors: Record<string, string> = {};
  for (const [key, max] of Object.entries(ARTICLE_FORM_LIMITS)) if (str(key).length > max) errors[key] = tooLong(max);
  let diagramm: unknown = undefined;
  if (str("diagramm").trim() && !errors.diagramm) {
    try {
      diagramm = parseYaml(str("diagramm"));
    } catch (e) {
      errors.diagramm = `YAML-Fehler: ${(e as Error).message.split("\n")[0]}`;
    }
  }
  const raw: Record<string, unknown> = {
    title: str("title"),
    type: str("type"),
    summary: str("summary"),
    handlungsfelder: arr("handlungsfelder"),
    ebenen: arr("ebenen"),
    staedte: arr("staedte"),
    stand: str("stand"),
    quellen: str("quellen")
      .split(/\r?\n/)
      .map((s) => s.trim())
      .filter(Boolean),
    pruefen_bis: str("pruefen_bis").trim() || undefined,
    status: str("status") || "entwurf",
    station: str("station") || undefined,
    diagramm,
  };
  const parsed = articleFrontmatter.safeParse(raw);
  if (!parsed.success) {
    for (const i of parsed.error.issues) {
      const key = String(i.path[0] ?? "_form");
      errors[key] ??= key === "diagramm" ? `${i.path.slice(1).join(".")}: ${i.message}` : i.message === "Required" ? "fehlt" : i.message;
    }
  }
  const unknownCity = arr("staedte").find((s) => !opts.cities.includes(s));
  if (unknownCity) errors.staedte ??= `unbekannte Stadt „${unknownCity}“`;
  const body = str("body").replace(/\r\n?/g, "\n").trim();
  if (!body) errors.body = "Bitte geben Sie den Text des Beitrags ein.";
  if (body.length > LIMITS.article) errors.body = "Der Text ist zu lang (höchstens 200.000 Zeichen).";
  const reason = str("reason").trim();
  if (opts.requireReason && reason.length < 3) errors.reason = "Bitte begründen Sie die Änderung kurz.";
  else if (reason.length > ARTICLE_FORM_LIMITS.reason) errors.reason = tooLong(ARTICLE_FORM_LIMITS.reason);
  let slug: string | undefined;
  if (opts.allowSlug && str("slug").trim()) {
    const s = slugSchema.safeParse(str("slug").trim());
    if (!s.success) errors.slug = s.error.issues[0].message;
    else if (getArticleBySlug(opts.db, s.data) || NOT_ARTICLES.has(s.data)) errors.slug = "Dieser Kurzname ist schon vergeben.";
    else slug = s.data;
  }
  if (Object.keys(errors).length || !parsed.success) return { ok: false, errors, values };
  const d = parsed.data;
  return {
    ok: true,
    reason: reason || "Neu angelegt",
    slug,
    values,
    input: {
      type: d.type,
      title: d.title,
      summary: d.summary,
      body,
      handlungsfelder: d.handlungsfelder,
      ebenen: d.ebenen,
      staedte: d.staedte,
      quellen: d.quellen,
      stand: d.stand,
      pruefenBis: d.pruefen_bis ?? null,
      status: d.status,
      station: d.station ?? null,
      chart: d.diagramm ?? null,
    },
  };
}

/** Current article → editor form values. */
export function articleFormValues(a: ArticleRow): ArticleFormValues {
  return {
    title: a.title,
    type: a.type,
    summary: a.summary,
    handlungsfelder: a.handlungsfelder,
    ebenen: a.ebenen,
    staedte: a.staedte,
    stand: a.stand,
    pruefen_bis: a.pruefenBis ?? "",
    quellen: a.quellen.join("\n"),
    status: a.status,
    station: a.station ?? "",
    diagramm: a.chart ? stringifyYaml(a.chart, { flowCollectionPadding: false }) : "",
    body: a.body,
    reason: "",
  };
}
