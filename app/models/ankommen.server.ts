// Ankommen: newcomer guides (one per Station and language, imported from content/ankommen/), the cities'
// Anlaufstellen (maintained on the web by coordinators and Redaktion) and the Laufzettel built from both.
// Routes and the importer call these functions; they never build SQL.
import { and, asc, eq, isNull, sql } from "drizzle-orm";
import { Marked, type Tokens } from "marked";
import { anlaufstellen, cities, guides } from "../../db/schema/index";
import type { Executor } from "~/services/db.server";
import { renderMarkdown, markdownToText } from "~/services/markdown.server";
import { upsertSearchDocs } from "~/services/search/documents.server";
import { audit } from "~/services/audit.server";
import { recordRevision } from "~/models/revision.server";
import { wikiResolver } from "~/models/article.server";
import { preparedFor } from "./prepared.server";
import {
  ANKOMMEN_HANDLUNGSFELD,
  ANKOMMEN_SPRACHEN,
  ANKOMMEN_STATIONEN,
  keysOf,
  type AnkommenSprache,
  type AnkommenStation,
} from "~/utils/taxonomy";
import type { GuideFrontmatter } from "~/services/content/ankommen.server";

export const STATION_KEYS = keysOf(ANKOMMEN_STATIONEN);
export const SPRACHE_KEYS = keysOf(ANKOMMEN_SPRACHEN);
export const isStation = (s: string | null | undefined): s is AnkommenStation => !!s && (STATION_KEYS as string[]).includes(s);
export const isSprache = (s: string | null | undefined): s is AnkommenSprache => !!s && (SPRACHE_KEYS as string[]).includes(s);

export type GuideRow = typeof guides.$inferSelect;
export type Guide = GuideRow & { outdated: boolean; sourceStand: string | null };

const lexer = new Marked();

/** The steps of a guide: the items of its first ordered list, each rendered on its own (sanitized). */
export function guideSteps(body: string): string[] {
  const tokens = lexer.lexer(body);
  const list = tokens.find((t): t is Tokens.List => t.type === "list" && (t as Tokens.List).ordered);
  if (!list) return [];
  return list.items.map((item) => renderMarkdown(item.text.trim(), { headingAnchors: false }).html.trim());
}

function guideSearchDoc(g: { station: string; lang: string; title: string; summary: string; raw: string }) {
  return {
    id: `ankommen:${g.station}.${g.lang}`,
    typ: "ankommen" as const,
    slug: `${g.station}.${g.lang}`,
    url: g.lang === "de" ? `/ankommen/${g.station}` : `/ankommen/${g.station}?sprache=${g.lang}`,
    title: g.title,
    summary: g.summary,
    body: markdownToText(g.raw),
    subtype: g.lang,
    handlungsfelder: [ANKOMMEN_HANDLUNGSFELD[g.station as AnkommenStation]],
    visibility: "public" as const,
  };
}

/** Importer: create or update one guide (by station + language). */
export function importGuide(
  db: Executor,
  data: GuideFrontmatter,
  body: string,
  sourceHash: string,
): { outcome: "created" | "updated" | "unchanged" } {
  const existing = db
    .select({ id: guides.id, sourceHash: guides.sourceHash })
    .from(guides)
    .where(and(eq(guides.station, data.station), eq(guides.lang, data.lang)))
    .get();
  if (existing?.sourceHash === sourceHash) return { outcome: "unchanged" };
  const resolve = wikiResolver(db);
  const row = {
    station: data.station,
    lang: data.lang,
    title: data.title,
    summary: data.summary,
    raw: body,
    cooked: renderMarkdown(body, { resolveWikiLink: resolve, headingAnchors: false }).html,
    steps: guideSteps(body),
    quelleStand: data.quelle_stand,
    status: data.status,
    geprueftVon: data.geprueft_von ?? null,
    geprueftAm: data.geprueft_am ?? null,
    verantwortlich: data.verantwortlich ?? null,
    checkliste: data.checkliste ?? null,
    sourceHash,
  };
  if (existing) db.update(guides).set(row).where(eq(guides.id, existing.id)).run();
  else db.insert(guides).values(row).run();
  upsertSearchDocs(db, [guideSearchDoc(row)]);
  return { outcome: existing ? "updated" : "created" };
}

/**
 * After an import: what is missing or out of date, one line per problem (the importer prints them as warnings).
 * A translation is outdated when its `quelle_stand` is older than the German version's.
 */
export function guideConsistency(db: Executor): string[] {
  const rows = db.select({ station: guides.station, lang: guides.lang, quelleStand: guides.quelleStand }).from(guides).all();
  const out: string[] = [];
  for (const station of STATION_KEYS) {
    const mine = rows.filter((r) => r.station === station);
    const de = mine.find((r) => r.lang === "de");
    if (!de) {
      if (mine.length) out.push(`${station}: die deutsche Fassung ${station}.de.md fehlt`);
      continue;
    }
    for (const lang of SPRACHE_KEYS) {
      if (lang === "de") continue;
      const t = mine.find((r) => r.lang === lang);
      if (!t) out.push(`${station}.${lang}.md fehlt (Übersetzung von ${station}.de.md)`);
      else if (t.quelleStand < de.quelleStand)
        out.push(`${station}.${lang}.md ist veraltet: übersetzt Stand ${t.quelleStand}, deutsche Fassung Stand ${de.quelleStand}`);
    }
  }
  return out;
}

function withOutdated(rows: GuideRow[]): Guide[] {
  const deStand = new Map(rows.filter((r) => r.lang === "de").map((r) => [r.station, r.quelleStand]));
  return rows.map((r) => {
    const sourceStand = deStand.get(r.station) ?? null;
    return { ...r, sourceStand, outdated: r.lang !== "de" && sourceStand != null && r.quelleStand < sourceStand };
  });
}

/** Every guide in every language, in Station order. */
export function listGuides(db: Executor): Guide[] {
  const rows = withOutdated(db.select().from(guides).orderBy(asc(guides.station), asc(guides.lang)).all());
  return rows.sort((a, b) => STATION_KEYS.indexOf(a.station as AnkommenStation) - STATION_KEYS.indexOf(b.station as AnkommenStation));
}

/** All languages of one Station (the German version first). */
export function getStationGuides(db: Executor, station: AnkommenStation): Guide[] {
  const rows = withOutdated(db.select().from(guides).where(eq(guides.station, station)).all());
  return rows.sort((a, b) => SPRACHE_KEYS.indexOf(a.lang as AnkommenSprache) - SPRACHE_KEYS.indexOf(b.lang as AnkommenSprache));
}

/** Translations whose German source is newer, for the review reminder. */
export function listOutdatedTranslations(db: Executor): Guide[] {
  return listGuides(db).filter((g) => g.outdated);
}

/** Redaktion marks a translation as reviewed ("geprüft") with its name and today's date. */
export function markGuideReviewed(db: Executor, input: { station: AnkommenStation; lang: AnkommenSprache; reviewer: { id: string; name: string }; today: string }) {
  const g = db
    .select({ id: guides.id, status: guides.status })
    .from(guides)
    .where(and(eq(guides.station, input.station), eq(guides.lang, input.lang)))
    .get();
  if (!g) return false;
  db.update(guides).set({ status: "geprueft", geprueftVon: input.reviewer.name, geprueftAm: input.today }).where(eq(guides.id, g.id)).run();
  audit(db, { actorId: input.reviewer.id, action: "guide.review", entityType: "guide", entityId: `${input.station}.${input.lang}`, detail: { status: "geprueft" } });
  return true;
}

// ---------------------------------------------------------------------------------------------------------------
// Anlaufstellen

export type AnlaufstelleRow = typeof anlaufstellen.$inferSelect;
export type AnlaufstelleInput = {
  name: string;
  handlungsfeld: string;
  stationen: string[];
  adresse: string;
  oeffnungszeiten: string;
  telefon: string;
  email: string;
  sprachen: string[];
  terminNoetig: boolean;
  hinweis: string;
};

/** The current Anlaufstellen of a city (archived ones left out), optionally only those for some Stations. */
export function listAnlaufstellen(db: Executor, cityId: number, stationen?: AnkommenStation[]): AnlaufstelleRow[] {
  // prepared once per handle (decision 025): the city page asks on every request
  const stmt = preparedFor(db, "ankommen.anlaufstellen", (db) =>
    db
      .select()
      .from(anlaufstellen)
      .where(and(eq(anlaufstellen.cityId, sql.placeholder("cityId")), isNull(anlaufstellen.archivedAt)))
      .orderBy(asc(anlaufstellen.name))
      .prepare(),
  );
  const rows = stmt.all({ cityId });
  if (!stationen) return rows;
  return rows.filter((r) => r.stationen.some((s) => (stationen as string[]).includes(s)));
}

export function getAnlaufstelle(db: Executor, id: number) {
  return db.select().from(anlaufstellen).where(eq(anlaufstellen.id, id)).get() ?? null;
}

const snapshot = (r: AnlaufstelleInput) => ({ ...r });

/** Create (no id) or update one Anlaufstelle, with a revision (history) and an audit entry. */
export function saveAnlaufstelle(db: Executor, input: { id?: number; cityId: number; actorId: string | null; data: AnlaufstelleInput; reason: string }) {
  return db.transaction((tx) => {
    let id = input.id;
    if (id) {
      tx.update(anlaufstellen).set({ ...input.data, updatedBy: input.actorId }).where(eq(anlaufstellen.id, id)).run();
    } else {
      id = tx.insert(anlaufstellen).values({ ...input.data, cityId: input.cityId, updatedBy: input.actorId }).returning({ id: anlaufstellen.id }).get().id;
    }
    recordRevision(tx, {
      entityType: "anlaufstelle",
      entityId: id,
      authorId: input.actorId,
      reason: input.reason,
      body: [input.data.adresse, input.data.oeffnungszeiten, input.data.hinweis].join("\n\n"),
      meta: snapshot(input.data),
    });
    audit(tx, { actorId: input.actorId, action: input.id ? "anlaufstelle.update" : "anlaufstelle.create", entityType: "anlaufstelle", entityId: id, detail: { name: input.data.name } });
    return id;
  });
}

/** Archive (never delete): the history stays, the office disappears from pages and Laufzettel. */
export function archiveAnlaufstelle(db: Executor, input: { id: number; actorId: string }) {
  db.transaction((tx) => {
    tx.update(anlaufstellen).set({ archivedAt: new Date(), updatedBy: input.actorId }).where(eq(anlaufstellen.id, input.id)).run();
    audit(tx, { actorId: input.actorId, action: "anlaufstelle.archive", entityType: "anlaufstelle", entityId: input.id });
  });
}

// ---------------------------------------------------------------------------------------------------------------
// Laufzettel

export type LaufzettelSection = {
  station: AnkommenStation;
  label: string;
  /** Steps side by side: [first language, second language]; a step missing in one language stays empty. */
  steps: [string, string][];
  titles: [string, string];
  stellen: AnlaufstelleRow[];
  checkliste: string | null;
};

/** Builds the Laufzettel: per chosen Station the steps in two languages and the city's Anlaufstellen. No personal data. */
export function buildLaufzettel(
  db: Executor,
  input: { cityId: number | null; stationen: AnkommenStation[]; sprachen: [AnkommenSprache, AnkommenSprache] },
): LaufzettelSection[] {
  const sections: LaufzettelSection[] = [];
  for (const station of STATION_KEYS.filter((s) => input.stationen.includes(s))) {
    const set = getStationGuides(db, station);
    const a = set.find((g) => g.lang === input.sprachen[0]);
    const b = set.find((g) => g.lang === input.sprachen[1]);
    if (!a && !b) continue;
    const n = Math.max(a?.steps.length ?? 0, b?.steps.length ?? 0);
    const steps: [string, string][] = Array.from({ length: n }, (_, i) => [a?.steps[i] ?? "", b?.steps[i] ?? ""]);
    sections.push({
      station,
      label: ANKOMMEN_STATIONEN[station],
      steps,
      titles: [a?.title ?? "", b?.title ?? ""],
      stellen: input.cityId ? listAnlaufstellen(db, input.cityId, [station]) : [],
      checkliste: (a ?? b)?.checkliste ?? null,
    });
  }
  return sections;
}

/** Cities for the pickers (slug + name), in name order. */
export function listCityChoices(db: Executor) {
  return db.select({ id: cities.id, slug: cities.slug, name: cities.name }).from(cities).orderBy(asc(cities.name)).all();
}
