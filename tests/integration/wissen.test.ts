// Knowledge base model: the write path (render once, revisions, search docs), restore, suggestions, queries.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { createTestDb, makeUser } from "../setup/db";
import {
  articleFormValues,
  createArticle,
  createSuggestion,
  decideSuggestion,
  getArticleBySlug,
  inputFromRevision,
  listArticles,
  listDueForReview,
  listOpenSuggestions,
  parseArticleForm,
  relatedArticles,
  restoreArticleRevision,
  updateArticle,
} from "~/models/article.server";
import { diffRevisions, getRevision, listRevisions } from "~/models/revision.server";
import { articleSuggestions, mailOutbox, notifications, searchDocuments } from "../../db/schema/index";
import type { DB } from "../../db/client";

let t: ReturnType<typeof createTestDb>;
let db: DB;
beforeEach(() => {
  t = createTestDb();
  db = t.db;
});
afterEach(() => t.cleanup());

const base = {
  type: "praxis" as const,
  title: "Aufsuchende Arbeit im Quartier",
  summary: "Kurz.",
  body: "## Problembeschreibung und Ziel\n\nZiel.\n\n## Gescheiterte Ansätze\n\nEin Flyer allein.\n\n## Gründe des Scheiterns\n\nSprache.",
  handlungsfelder: ["soziales-miteinander"],
  ebenen: ["kommune"],
  staedte: ["dortmund"],
  quellen: ["Handlungsrahmen, S. 36"],
  stand: "2013-01-31",
  pruefenBis: "2020-01-01",
  status: "veroeffentlicht" as const,
};

describe("createArticle (contract for the Clearingstelle FAQ)", () => {
  it("derives a unique slug, stores cooked HTML with labelled grid sections, records revision 1 and indexes it", async () => {
    const u = await makeUser(db, "redaktion");
    const a = createArticle(db, base, { id: u.id });
    const b = createArticle(db, base, { id: u.id });
    expect(a.slug).toBe("aufsuchende-arbeit-im-quartier");
    expect(b.slug).toBe("aufsuchende-arbeit-im-quartier-2");
    const row = getArticleBySlug(db, a.slug)!;
    expect(row.html).toContain('<section class="grid-section grid-section--gescheitert grid-section--failure" aria-labelledby="gescheiterte-ansaetze">');
    expect(row.html).toContain("Gescheitert</p>");
    expect(row.headings.map((h) => h.text)).toEqual(["Problembeschreibung und Ziel", "Gescheiterte Ansätze", "Gründe des Scheiterns"]);
    expect(listRevisions(db, "article", a.id)).toHaveLength(1);
    const doc = db.select().from(searchDocuments).where(eq(searchDocuments.id, `wissen:${a.slug}`)).get()!;
    expect(doc).toMatchObject({ typ: "wissen", url: `/wissen/${a.slug}`, subtype: "praxis", visibility: "public" });
  });

  it("an FAQ draft is stored but neither listed for guests nor searchable", async () => {
    const u = await makeUser(db, "redaktion");
    const f = createArticle(db, { ...base, type: "faq", status: "entwurf", title: "Wer zahlt?" }, { id: u.id });
    expect(db.select().from(searchDocuments).where(eq(searchDocuments.id, `wissen:${f.slug}`)).get()).toBeUndefined();
    expect(listArticles(db, {}, { includeDrafts: false }).items.map((i) => i.slug)).not.toContain(f.slug);
    expect(listArticles(db, {}, { includeDrafts: true }).items.map((i) => i.slug)).toContain(f.slug);
  });

  it("resolves normal relative links to articles and marks missing ones like [[slug]]", async () => {
    const u = await makeUser(db, "redaktion");
    const target = createArticle(db, { ...base, title: "Ziel" }, { id: u.id });
    const a = createArticle(
      db,
      { ...base, title: "Quelle", body: `[eins](${target.slug}.md) [zwei](/wissen/${target.slug}#gescheiterte-ansaetze) [drei](./fehlt-noch) [extern](https://example.org/x)` },
      { id: u.id },
    );
    const row = getArticleBySlug(db, a.slug)!;
    expect(row.html).toContain(`<a href="/wissen/${target.slug}">eins</a>`);
    expect(row.html).toContain(`<a href="/wissen/${target.slug}#gescheiterte-ansaetze">zwei</a>`);
    expect(row.html).toContain('<span class="link-missing" title="Dieser Beitrag existiert (noch) nicht">drei (Beitrag fehlt)</span>');
    expect(row.html).toContain('href="https://example.org/x"');
    expect(row.missingLinks).toEqual(["fehlt-noch"]);
    // Publishing the missing target later on the web repairs the link.
    createArticle(db, { ...base, slug: "fehlt-noch", title: "Jetzt da" }, { id: u.id });
    const after = getArticleBySlug(db, a.slug)!;
    expect(after.html).toContain('<a href="/wissen/fehlt-noch">drei</a>');
    expect(after.missingLinks).toEqual([]);
  });

  it("stores XSS in the body inert", async () => {
    const u = await makeUser(db, "redaktion");
    const a = createArticle(db, { ...base, body: `<img src=x onerror=alert(1)> [x](javascript:alert(1)) <script>alert(1)</script>` }, { id: u.id });
    const html = getArticleBySlug(db, a.slug)!.html;
    expect(html).not.toMatch(/<img|<script|href="javascript/i);
  });
});

describe("revisions", () => {
  it("update → diff → restore brings the old body and metadata back as a new revision", async () => {
    const u = await makeUser(db, "redaktion");
    const a = createArticle(db, base, { id: u.id });
    const rev1 = getRevision(db, "article", a.id, 1)!;
    updateArticle(db, a.id, { ...inputFromRevision(rev1.meta, `${base.body}\n\nNeu.`), title: "Neuer Titel", status: "entwurf" }, { id: u.id }, "Ergänzt");
    expect(db.select().from(searchDocuments).where(eq(searchDocuments.id, `wissen:${a.slug}`)).get()).toBeUndefined();
    const d = diffRevisions(getRevision(db, "article", a.id, 1)!, getRevision(db, "article", a.id, 2)!);
    expect(d.body.some((p) => p.kind === "added" && p.text.includes("Neu."))).toBe(true);
    expect(d.fields.map((f) => f.field).sort()).toEqual(["status", "title"]);
    const r = restoreArticleRevision(db, a.id, 1, { id: u.id });
    expect(r.version).toBe(3);
    const row = getArticleBySlug(db, a.slug)!;
    expect(row.title).toBe(base.title);
    expect(row.body).toBe(base.body);
    expect(row.status).toBe("veroeffentlicht");
    expect(row.editedOnWebAt).not.toBeNull();
    expect(db.select().from(searchDocuments).where(eq(searchDocuments.id, `wissen:${a.slug}`)).get()).toBeTruthy();
    expect(listRevisions(db, "article", a.id).map((x) => [x.version, x.source, x.reason])).toEqual([
      [3, "restore", "Version 1 wiederhergestellt"],
      [2, "web", "Ergänzt"],
      [1, "web", "Neu angelegt"],
    ]);
  });
});

describe("suggestions", () => {
  it("accepting applies a new revision and e-mails the author; rejecting e-mails the note", async () => {
    const red = await makeUser(db, "redaktion");
    const mit = await makeUser(db, "mitglied", "dortmund", "mia@test.invalid");
    const a = createArticle(db, base, { id: red.id });
    const s1 = createSuggestion(db, a.id, { id: mit.id }, { summary: base.summary, body: `${base.body}\n\nHinweis aus Dortmund.`, comment: "Ergänzung" });
    const s2 = createSuggestion(db, a.id, { id: mit.id }, { summary: "Andere Zusammenfassung", body: base.body, comment: "Kürzer" });
    expect(listOpenSuggestions(db).map((s) => s.id)).toEqual([s1, s2]);
    decideSuggestion(db, s1, { id: red.id, name: "Redaktion" }, { accept: true, note: "" });
    const row = getArticleBySlug(db, a.slug)!;
    expect(row.body).toContain("Hinweis aus Dortmund.");
    expect(listRevisions(db, "article", a.id)[0]).toMatchObject({ version: 2, source: "suggestion" });
    decideSuggestion(db, s2, { id: red.id, name: "Redaktion" }, { accept: false, note: "Die Zusammenfassung ist bewusst so." });
    expect(getArticleBySlug(db, a.slug)!.summary).toBe(base.summary);
    const mails = db.select().from(mailOutbox).where(eq(mailOutbox.to, "mia@test.invalid")).all();
    expect(mails.map((m) => m.subject)).toEqual([
      `[Städtenetz Südosteuropa] Ihr Änderungsvorschlag zu „${base.title}“ wurde übernommen.`,
      `[Städtenetz Südosteuropa] Ihr Änderungsvorschlag zu „${base.title}“ wurde nicht übernommen. Anmerkung der Redaktion: Die Zusammenfassung ist bewusst so.`.slice(0, 200),
    ]);
    expect(mails[0].headers["List-Unsubscribe"]).toMatch(/\/abbestellen\//);
    // …and the author finds both decisions in the in-site notifications.
    const inSite = db.select().from(notifications).where(eq(notifications.kind, "vorschlag")).all();
    expect(inSite).toHaveLength(2);
    expect(mails[1].text).toContain("Die Zusammenfassung ist bewusst so.");
    expect(mails[1].text).toContain(`/wissen/${a.slug}`);
    expect(db.select().from(articleSuggestions).all().map((s) => s.status)).toEqual(["angenommen", "abgelehnt"]);
    expect(() => decideSuggestion(db, s1, { id: red.id, name: "R" }, { accept: true, note: "" })).toThrow();
  });
});

describe("queries", () => {
  it("filters by type/Handlungsfeld/Ebene/Stadt with counts; due-for-review; related", async () => {
    const u = await makeUser(db, "redaktion");
    const a = createArticle(db, base, { id: u.id });
    createArticle(db, { ...base, title: "Wohnen Duisburg", handlungsfelder: ["wohnen"], staedte: ["duisburg"], pruefenBis: "2099-01-01" }, { id: u.id });
    // No pruefen_bis: due stand + 24 months (glossary interval), i.e. not yet due for this recent stand.
    createArticle(db, { ...base, title: "Glossar", type: "glossar", handlungsfelder: ["soziales-miteinander"], staedte: [], stand: "2026-10-01", pruefenBis: null }, { id: u.id });
    const all = listArticles(db, {}, { includeDrafts: false });
    expect(all.total).toBe(3);
    expect(all.facets.typ).toEqual({ praxis: 2, glossar: 1 });
    expect(all.facets.stadt).toEqual({ dortmund: 1, duisburg: 1 });
    expect(listArticles(db, { typ: "praxis", stadt: "duisburg" }, { includeDrafts: false }).items.map((i) => i.title)).toEqual(["Wohnen Duisburg"]);
    expect(listArticles(db, { feld: "soziales-miteinander" }, { includeDrafts: false }).total).toBe(2);
    expect(listArticles(db, { ebene: "bund" }, { includeDrafts: false }).total).toBe(0);
    // The list statements are prepared once per filter shape: the same shape with other values, and other pages,
    // gets its own rows (values are bound per call, never kept from the previous one).
    expect(listArticles(db, { stadt: "dortmund" }, { includeDrafts: false }).items.map((i) => i.staedte)).toEqual([["dortmund"]]);
    expect(listArticles(db, { stadt: "duisburg" }, { includeDrafts: false }).items.map((i) => i.staedte)).toEqual([["duisburg"]]);
    const pages = [0, 1, 2, 3].map((offset) => listArticles(db, {}, { includeDrafts: false, limit: 1, offset }).items.map((i) => i.title));
    expect(pages.flat().sort()).toEqual(all.items.map((i) => i.title).sort());
    expect(pages[3]).toEqual([]);
    expect(listDueForReview(db, "2026-11-25").map((r) => r.slug)).toEqual([a.slug]);
    const row = getArticleBySlug(db, a.slug)!;
    expect(relatedArticles(db, row).map((r) => r.title)).toEqual(["Glossar"]);
  });

  it("the editor round-trips every field of a stored article unchanged (incl. the diagramm YAML)", async () => {
    const u = await makeUser(db, "redaktion");
    const chart = { titel: "Zuzüge", einheit: "Personen", quelle: "Abb. 1", kategorien: ["2007", "2008"], reihen: [{ name: "Bulgarien", werte: [20702, 23834] }] };
    const a = createArticle(db, { ...base, type: "fakten", chart, station: null }, { id: u.id });
    const row = getArticleBySlug(db, a.slug)!;
    const form = new FormData();
    for (const [k, v] of Object.entries(articleFormValues(row))) for (const x of Array.isArray(v) ? v : [v]) form.append(k, x);
    form.set("reason", "nur gespeichert");
    const r = parseArticleForm(form, { requireReason: true, allowSlug: false, db, cities: ["dortmund", "duisburg"] });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.input.chart).toEqual(chart);
    const { slug: _s, ...rest } = { ...r.input, slug: "" };
    expect(rest).toMatchObject({ title: row.title, body: row.body, stand: row.stand, pruefenBis: row.pruefenBis, handlungsfelder: row.handlungsfelder, quellen: row.quellen });
  });

  it("the editor form uses the front-matter schema and reports errors per field", async () => {
    const form = new FormData();
    for (const [k, v] of Object.entries({ title: "", type: "praxis", summary: "x", stand: "2026-13-01", status: "veroeffentlicht", body: "", reason: "", diagramm: "titel: [" }))
      form.set(k, v);
    form.append("handlungsfelder", "raumfahrt");
    const r = parseArticleForm(form, { requireReason: true, allowSlug: false, db, cities: ["dortmund"] });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(Object.keys(r.errors).sort()).toEqual(["body", "diagramm", "handlungsfelder", "reason", "stand", "title"].sort());
    expect(r.values.handlungsfelder).toEqual(["raumfahrt"]);
  });
});
